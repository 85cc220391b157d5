/**
 * payOS payment links (INTEGRATIONS.md §1.3): everything this marketplace assumes about payOS's
 * formats lives here, so a live check corrects one file. [C] = payOS's docs or official SDK
 * (payOSHQ/payos-lib-node), [I] = inferred. A thin adapter over `fetch` (ADR 0023): `@payos/node` is
 * not installed in this tree.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** What payOS wants back from the webhook: any 2xx; the docs' sample body [C]. */
export const PAYOS_REPLY = { success: true } as const;

/** The create call's `description` is at most 9 characters when the account is not linked through payOS [C]. */
export const PAYOS_DESCRIPTION_MAX = 9;

/**
 * `data` as payOS signs it: keys sorted, `k=v` joined by `&`, null/undefined as "", arrays as the
 * JSON of their elements with sorted keys, other objects as their JSON [C: SDK convert-obj-to-query-str].
 */
export function payosDataString(data: Record<string, unknown>): string {
  return Object.keys(data)
    .sort()
    .map((key) => {
      const value = data[key];
      if (value === null || value === undefined) return `${key}=`;
      if (Array.isArray(value)) return `${key}=${JSON.stringify(value.map((v) => (v !== null && typeof v === "object" ? sortKeys(v as Record<string, unknown>) : v)))}`;
      if (typeof value === "object") return `${key}=${JSON.stringify(value)}`;
      return `${key}=${String(value)}`;
    })
    .join("&");
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]));
}

const hmac = (key: string, text: string) => createHmac("sha256", key).update(text).digest("hex");

/** The signature of a webhook's or an answer's `data` [C, V]. */
export function payosSignature(checksumKey: string, data: Record<string, unknown>): string {
  return hmac(checksumKey, payosDataString(data));
}

export function payosSignatureIsValid(checksumKey: string, data: Record<string, unknown>, signature: unknown): boolean {
  if (typeof signature !== "string" || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  return timingSafeEqual(Buffer.from(payosSignature(checksumKey, data), "hex"), Buffer.from(signature, "hex"));
}

export interface PayosLinkRequest {
  orderCode: number;
  amount: number;
  description: string;
  cancelUrl: string;
  returnUrl: string;
  /** Unix seconds (Int32) [C]. */
  expiredAt: number;
}

/** The create call's signature: the five fields in this order, raw values, not URL-encoded [C]. */
export function payosCreateSignature(checksumKey: string, r: Pick<PayosLinkRequest, "amount" | "cancelUrl" | "description" | "orderCode" | "returnUrl">): string {
  return hmac(checksumKey, `amount=${r.amount}&cancelUrl=${r.cancelUrl}&description=${r.description}&orderCode=${r.orderCode}&returnUrl=${r.returnUrl}`);
}

/**
 * The transfer content for our order: payOS puts it in the VietQR and the bank shows it. The first
 * 9 characters of our code (10–12) keep it ≤ 9 [C]; payOS matches the payment by its own link, so the
 * truncation matters only to the shopper reading a bank statement.
 */
export function payosDescription(orderCode: string): string {
  return orderCode.slice(0, PAYOS_DESCRIPTION_MAX);
}

const text = (max: number) => z.string().max(max);

/** `POST /v2/payment-requests` answer [C]; `code` "00" is success. */
export const payosCreateAnswerSchema = z.object({
  code: z.string(),
  desc: z.string().optional(),
  data: z
    .object({
      bin: text(20),
      accountNumber: text(40),
      accountName: text(200),
      amount: z.number().int(),
      description: text(200),
      orderCode: z.number().int(),
      paymentLinkId: text(100),
      status: text(20),
      checkoutUrl: text(500),
      qrCode: text(1000),
    })
    .passthrough()
    .nullish(),
  signature: z.string().nullish(),
});

/** `GET /v2/payment-requests/{orderCode}` answer [C for the fields; the transactions' own fields are I]. */
export const payosLinkInfoSchema = z.object({
  code: z.string(),
  data: z
    .object({
      orderCode: z.number().int(),
      amount: z.number().int(),
      amountPaid: z.number().int(),
      status: z.enum(["PENDING", "CANCELLED", "UNDERPAID", "PAID", "EXPIRED", "PROCESSING", "FAILED"]),
      transactions: z.array(
        z
          .object({
            reference: text(100),
            amount: z.number().int(),
            accountNumber: text(40),
            description: text(500),
            transactionDateTime: text(40),
          })
          .passthrough(),
      ),
    })
    .passthrough()
    .nullish(),
  signature: z.string().nullish(),
});

/** The webhook [C]: `code` "00" in the body and in `data` is a payment. */
export const payosWebhookSchema = z.object({
  code: z.string(),
  desc: z.string().optional(),
  success: z.boolean().optional(),
  data: z.record(z.unknown()),
  signature: z.string(),
});

export const payosWebhookDataSchema = z.object({
  orderCode: z.number().int().nonnegative(),
  amount: z.number().int().nonnegative(),
  description: text(500),
  accountNumber: text(40),
  reference: text(100),
  transactionDateTime: text(40),
  code: z.string(),
});
export type PayosWebhookData = z.infer<typeof payosWebhookDataSchema>;

/** Dedupe key of a payOS payment: orderCode + reference [INTEGRATIONS.md §0]. */
export function payosTransactionId(orderCode: number, reference: string): string {
  return `${orderCode}:${reference}`;
}
