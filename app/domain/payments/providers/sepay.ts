/**
 * SePay (bank-account webhooks), INTEGRATIONS.md §1.1: everything this marketplace assumes about
 * SePay's formats lives here, so a live check corrects one file. [C] = SePay's docs, [I] = inferred.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { IncomingTransfer } from "../incoming-transfer.server";

/** What SePay wants back, with any 2xx status [C]. */
export const SEPAY_REPLY = { success: true } as const;

/** SePay refuses a timestamp more than 5 minutes off [C]; we hold it to the same. */
export const SEPAY_TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `Authorization: Apikey <key>` [C]; the scheme's case is forgiven, the key's is not. */
export function sepayApiKeyIsValid(header: string | null, apiKey: string): boolean {
  const match = /^apikey\s+(\S+)$/i.exec(header?.trim() ?? "");
  return match !== null && sameSecret(match[1]!, apiKey);
}

/**
 * HMAC mode: `X-SePay-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>` [I, from
 * third-party test code] and `X-SePay-Timestamp` within 5 minutes of now [C]. The timestamp is read as
 * Unix seconds, or milliseconds when it is that large [I: the unit is not in the sources].
 */
export function sepayHmacCheck(
  rawBody: Buffer,
  signatureHeader: string | null,
  timestampHeader: string | null,
  secret: string,
  now: number,
): "ok" | "bad_signature" | "stale" {
  const timestamp = timestampHeader?.trim() ?? "";
  const match = /^(?:sha256=)?([0-9a-f]{64})$/i.exec(signatureHeader?.trim() ?? "");
  if (!match || !/^\d{1,16}$/.test(timestamp)) return "bad_signature";
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest();
  if (!timingSafeEqual(expected, Buffer.from(match[1]!, "hex"))) return "bad_signature";
  const value = Number(timestamp);
  const at = value > 1e12 ? value : value * 1000;
  return Math.abs(now - at) > SEPAY_TIMESTAMP_WINDOW_MS ? "stale" : "ok";
}

/** What we sign in tests and doubles: the same construction as sepayHmacCheck. */
export function sepaySignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

const text = (max: number) => z.string().max(max);
const money = z.number().int().nonnegative().max(1_000_000_000_000);

/** The webhook body [I: field names of sepayvn/laravel-sepay, matching the docs' tutorial]. */
export const sepayWebhookSchema = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().trim().regex(/^\d{1,20}$/)]),
  gateway: text(100).nullish(),
  transactionDate: text(40),
  accountNumber: text(40),
  subAccount: text(40).nullish(),
  code: text(100).nullish(),
  content: text(1000).nullish(),
  transferType: z.enum(["in", "out"]),
  transferAmount: money,
  referenceCode: text(100).nullish(),
  description: text(1000).nullish(),
});
export type SepayWebhook = z.infer<typeof sepayWebhookSchema>;

/** A webhook as the domain's transfer: SePay's `id` is the dedupe key [C], its extracted `code` a hint. */
export function sepayTransfer(body: SepayWebhook): IncomingTransfer {
  return {
    provider: "sepay",
    transactionId: String(body.id),
    direction: body.transferType,
    amountVnd: body.transferAmount,
    description: body.content ?? body.description ?? "",
    accountNumber: body.accountNumber,
    occurredAt: body.transactionDate,
    codeHint: body.code ?? null,
  };
}

// Transaction list: `GET {base}/userapi/transactions/list` with `Authorization: Bearer <API token>` [I:
// SePay's user API docs as remembered, not among INTEGRATIONS.md's sources; about 2 requests/s].

export const SEPAY_LIST_PATH = "/userapi/transactions/list";

/** SePay writes list amounts as decimal strings ("2277000.00") [I]; VND has no fractions. */
const decimalVnd = z
  .union([z.number(), z.string().trim()])
  .transform((v, ctx) => {
    const n = typeof v === "number" ? v : /^\d{1,15}(\.0+)?$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "not a whole VND amount" });
      return z.NEVER;
    }
    return n;
  });

export const sepayListSchema = z.object({
  transactions: z.array(
    z.object({
      id: z.union([z.number().int().nonnegative(), z.string().trim().regex(/^\d{1,20}$/)]),
      account_number: text(40),
      transaction_date: text(40),
      amount_in: decimalVnd,
      amount_out: decimalVnd,
      transaction_content: text(1000).nullish(),
      code: text(100).nullish(),
    }),
  ),
});
export type SepayListItem = z.infer<typeof sepayListSchema>["transactions"][number];

/** A listed transaction as the domain's transfer, with the same id its webhook carries [I]. */
export function sepayListTransfer(item: SepayListItem): IncomingTransfer {
  const out = item.amount_out > 0 && item.amount_in === 0;
  return {
    provider: "sepay",
    transactionId: String(item.id),
    direction: out ? "out" : "in",
    amountVnd: out ? item.amount_out : item.amount_in,
    description: item.transaction_content ?? "",
    accountNumber: item.account_number,
    occurredAt: item.transaction_date,
    codeHint: item.code ?? null,
  };
}

/** `yyyy-MM-dd HH:mm:ss` in Vietnam's time (GMT+7), as SePay writes and filters dates [I]. */
export function sepayDate(at: number): string {
  return new Date(at + 7 * 60 * 60 * 1000).toISOString().slice(0, 19).replace("T", " ");
}
