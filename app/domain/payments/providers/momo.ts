/**
 * MoMo's one-time payments, AIO v3 (INTEGRATIONS.md §2.2): everything this marketplace assumes about
 * MoMo's formats lives here, so a live check corrects one file. [C] = developers.momo.vn, [I] =
 * inferred (the signature strings come from a third-party package's README). MoMo has no Node SDK: a
 * thin `fetch` adapter (ADR 0025).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const hmac256 = (secret: string, text: string) => createHmac("sha256", secret).update(text, "utf8").digest("hex");

/** `key=value` in the fixed (alphabetical) order MoMo signs, raw values, no encoding [C fields, I format]. */
const raw = (fields: readonly string[], values: Record<string, string | number>) => fields.map((f) => `${f}=${values[f] ?? ""}`).join("&");

const CREATE_FIELDS = ["accessKey", "amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode", "redirectUrl", "requestId", "requestType"] as const;
const IPN_FIELDS = ["accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"] as const;
const REFUND_FIELDS = ["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "transId"] as const;
/** The answer of create and of query carry a signature over these [I]. */
const CREATE_ANSWER_FIELDS = ["accessKey", "amount", "message", "orderId", "partnerCode", "payUrl", "requestId", "responseTime", "resultCode"] as const;
const QUERY_FIELDS = ["accessKey", "orderId", "partnerCode", "requestId"] as const;
const QUERY_ANSWER_FIELDS = ["accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"] as const;
const REFUND_ANSWER_FIELDS = ["accessKey", "amount", "message", "orderId", "partnerCode", "requestId", "responseTime", "resultCode", "transId"] as const;

export type MomoSigned = "create" | "ipn" | "refund" | "createAnswer" | "query" | "queryAnswer" | "refundAnswer";
const FIELDS: Record<MomoSigned, readonly string[]> = {
  create: CREATE_FIELDS,
  ipn: IPN_FIELDS,
  refund: REFUND_FIELDS,
  createAnswer: CREATE_ANSWER_FIELDS,
  query: QUERY_FIELDS,
  queryAnswer: QUERY_ANSWER_FIELDS,
  refundAnswer: REFUND_ANSWER_FIELDS,
};

/** `accessKey` is signed but never sent in the IPN's body [C]: it comes from our settings. */
export function momoSignature(secretKey: string, accessKey: string, kind: MomoSigned, values: Record<string, string | number>): string {
  return hmac256(secretKey, raw(FIELDS[kind], { ...values, accessKey }));
}

export function momoSignatureIsValid(secretKey: string, accessKey: string, kind: MomoSigned, values: Record<string, string | number>, signature: unknown): boolean {
  if (typeof signature !== "string" || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  return timingSafeEqual(Buffer.from(momoSignature(secretKey, accessKey, kind, values), "hex"), Buffer.from(signature.toLowerCase(), "hex"));
}

/** Paying from the MoMo wallet by scanning or in the app [C]. */
export const MOMO_REQUEST_TYPE = "captureWallet";

/** A refund is a new MoMo order of its own: its id must differ from the payment's [C]; ours is derived so a retry sends the same one. */
export function momoRefundOrderId(orderCode: string, refundKey: string): string {
  return `${orderCode}-R-${refundKey}`;
}

/** The result codes [C]: 0 is paid; 9000 authorised (we capture automatically); 1000, 7000, 7002, 8000 still pending. */
export const MOMO_PENDING_CODES: readonly number[] = [1000, 7000, 7002, 8000, 9000];

export const momoCreateAnswerSchema = z
  .object({
    partnerCode: z.string(),
    orderId: z.string(),
    requestId: z.string(),
    amount: z.number().int(),
    responseTime: z.number(),
    message: z.string(),
    resultCode: z.number().int(),
    payUrl: z.string().default(""),
    signature: z.string().optional(),
  });

export const momoIpnSchema = z.object({
  partnerCode: z.string(),
  orderId: z.string().min(1).max(200),
  requestId: z.string(),
  amount: z.number().int().nonnegative(),
  orderInfo: z.string(),
  orderType: z.string(),
  transId: z.number().int(),
  resultCode: z.number().int(),
  message: z.string(),
  payType: z.string(),
  responseTime: z.number(),
  extraData: z.string(),
  signature: z.string(),
});
export type MomoIpn = z.infer<typeof momoIpnSchema>;

/** The query answer (`/v2/gateway/api/query`): the same fields as the IPN [I, not captured in INTEGRATIONS.md]. */
export const momoQueryAnswerSchema = momoIpnSchema.extend({ signature: z.string().optional(), payType: z.string().default(""), orderType: z.string().default(""), extraData: z.string().default("") });

export const momoRefundAnswerSchema = z
  .object({
    partnerCode: z.string(),
    orderId: z.string(),
    requestId: z.string(),
    amount: z.number().int(),
    transId: z.number().int(),
    resultCode: z.number().int(),
    message: z.string(),
    responseTime: z.number(),
    signature: z.string().optional(),
  });

/** The IPN wants HTTP 204 and no body within 15 s [C]. */
export const MOMO_IPN_REPLY_STATUS = 204;
