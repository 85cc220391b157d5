/**
 * VNPay's payment gateway, API version 2.1.0 (INTEGRATIONS.md §2.1): everything this marketplace
 * assumes about VNPay's formats lives here, so a live check corrects one file. [C] = VNPay's sandbox
 * docs, [I] = inferred from the official code samples and the `vnpay` npm package's source. A thin
 * adapter (ADR 0025): the `vnpay` package is not installed in this tree, and its refund-answer check
 * is broken (it never verifies).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const VNPAY_VERSION = "2.1.0";

/** VNPay counts money in hundredths of a đồng [C]: 125.000 ₫ is sent as 12500000. */
export const VNPAY_AMOUNT_FACTOR = 100;

const hmac512 = (secret: string, text: string) => createHmac("sha512", secret).update(text, "utf8").digest("hex");

/**
 * The official samples' encoding of a value in the signed query: encodeURIComponent, then spaces as
 * `+` (form encoding) [I: VNPay's Node sample `sortObject`, the SDK's payment.util.ts].
 */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, "+");
}

/**
 * The text a payment URL or an IPN/return query is signed over: every `vnp_*` parameter but the hash
 * itself, empty values dropped, sorted by key, `key=value` form-encoded, joined by `&` [I].
 */
export function vnpayQueryHashInput(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key.startsWith("vnp_") && key !== "vnp_SecureHash" && key !== "vnp_SecureHashType" && params[key] !== "")
    .sort()
    .map((key) => `${formEncode(key)}=${formEncode(params[key]!)}`)
    .join("&");
}

export function vnpayQuerySignature(secret: string, params: Record<string, string>): string {
  return hmac512(secret, vnpayQueryHashInput(params));
}

function sameHex(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || !/^[0-9a-f]{128}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(given.toLowerCase(), "hex"));
}

/** An IPN's or a return's query, as received: its `vnp_SecureHash` over the other `vnp_*` parameters. */
export function vnpayQueryIsSigned(secret: string, params: Record<string, string>): boolean {
  return sameHex(vnpayQuerySignature(secret, params), params.vnp_SecureHash);
}

/** `yyyyMMddHHmmss` in Vietnam's time (GMT+7, no daylight saving), as VNPay writes every date [C]. */
export function vnpayDate(at: number): string {
  const d = new Date(at + 7 * 60 * 60 * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export interface VnpayPaymentRequest {
  tmnCode: string;
  amountVnd: number;
  /** Our order code: unique for ever, so also "unique within the day" as VNPay asks [C]. */
  txnRef: string;
  /** No diacritics [C]. */
  orderInfo: string;
  returnUrl: string;
  ipAddr: string;
  locale: "vn" | "en";
  createdAt: number;
  expiresAt: number;
}

/** The payment page's URL the shopper's browser is sent to, signed (v2.1.0 sends no `vnp_SecureHashType` [C]). */
export function vnpayPaymentUrl(paymentUrl: string, secret: string, r: VnpayPaymentRequest): string {
  const params: Record<string, string> = {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: "pay",
    vnp_TmnCode: r.tmnCode,
    vnp_Amount: String(r.amountVnd * VNPAY_AMOUNT_FACTOR),
    vnp_CreateDate: vnpayDate(r.createdAt),
    vnp_ExpireDate: vnpayDate(r.expiresAt),
    vnp_CurrCode: "VND",
    vnp_IpAddr: r.ipAddr,
    vnp_Locale: r.locale,
    vnp_OrderInfo: r.orderInfo,
    vnp_OrderType: "other",
    vnp_ReturnUrl: r.returnUrl,
    vnp_TxnRef: r.txnRef,
  };
  const query = vnpayQueryHashInput(params);
  return `${paymentUrl}?${query}&vnp_SecureHash=${hmac512(secret, query)}`;
}

/** The IPN's parameters we read [I: SDK types]; the rest are signed but not needed. */
export const vnpayIpnSchema = z.object({
  vnp_TmnCode: z.string(),
  vnp_TxnRef: z.string().min(1).max(100),
  vnp_Amount: z.string().regex(/^\d{1,15}$/),
  vnp_ResponseCode: z.string(),
  vnp_TransactionStatus: z.string(),
  vnp_TransactionNo: z.string().min(1).max(50),
  vnp_PayDate: z.string().default(""),
  vnp_BankCode: z.string().default(""),
  vnp_OrderInfo: z.string().default(""),
  vnp_SecureHash: z.string(),
});
export type VnpayIpn = z.infer<typeof vnpayIpnSchema>;

/** A payment VNPay took: both codes "00" [I: docs' flow, SDK]. */
export function vnpayPaid(p: { vnp_ResponseCode: string; vnp_TransactionStatus: string }): boolean {
  return p.vnp_ResponseCode === "00" && p.vnp_TransactionStatus === "00";
}

/** VNPay's amount in đồng, or null when it is not a whole number of đồng. */
export function vnpayAmountVnd(amount: string | number): number | null {
  const hundredths = Number(amount);
  return Number.isSafeInteger(hundredths) && hundredths % VNPAY_AMOUNT_FACTOR === 0 ? hundredths / VNPAY_AMOUNT_FACTOR : null;
}

/**
 * The IPN's answer: HTTP 200 with this JSON whatever happened [I: SDK ipn-result constants]. VNPay
 * retries until it reads 00 or 02; 01, 04 and 97 tell it the call was refused.
 */
export const VNPAY_IPN_REPLIES = {
  success: { RspCode: "00", Message: "Confirm Success" },
  orderNotFound: { RspCode: "01", Message: "Order not found" },
  alreadyConfirmed: { RspCode: "02", Message: "Order already confirmed" },
  invalidAmount: { RspCode: "04", Message: "Invalid amount" },
  badChecksum: { RspCode: "97", Message: "Invalid Checksum" },
  unknownError: { RspCode: "99", Message: "Unknown error" },
} as const;

/** The API's (querydr, refund) request and answer hashes: fixed fields joined by `|` [C for the request fields, I for the order]. */
const joined = (fields: readonly string[], values: Record<string, string | number | undefined>) =>
  fields.map((f) => String(values[f] ?? "")).join("|");

const QUERYDR_REQUEST_FIELDS = ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"] as const;
const QUERYDR_ANSWER_FIELDS = [
  "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode",
  "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount",
] as const;
const REFUND_REQUEST_FIELDS = [
  "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo",
  "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
] as const;
const REFUND_ANSWER_FIELDS = [
  "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode",
  "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
] as const;

export type VnpayApiCommand = "querydr" | "refund";

const REQUEST_FIELDS: Record<VnpayApiCommand, readonly string[]> = { querydr: QUERYDR_REQUEST_FIELDS, refund: REFUND_REQUEST_FIELDS };
const ANSWER_FIELDS: Record<VnpayApiCommand, readonly string[]> = { querydr: QUERYDR_ANSWER_FIELDS, refund: REFUND_ANSWER_FIELDS };

/** A querydr or refund request's body with its `vnp_SecureHash`. */
export function signVnpayApiRequest(secret: string, command: VnpayApiCommand, body: Record<string, string | number>) {
  return { ...body, vnp_SecureHash: hmac512(secret, joined(REQUEST_FIELDS[command], body)) };
}

export function vnpayApiRequestIsSigned(secret: string, command: VnpayApiCommand, body: Record<string, string | number | undefined>): boolean {
  return sameHex(hmac512(secret, joined(REQUEST_FIELDS[command], body)), body.vnp_SecureHash);
}

export function signVnpayApiAnswer(secret: string, command: VnpayApiCommand, body: Record<string, string | number>) {
  return { ...body, vnp_SecureHash: hmac512(secret, joined(ANSWER_FIELDS[command], body)) };
}

/** An answer of the API is believed only with its own hash: the npm package's refund check never runs [I]. */
export function vnpayApiAnswerIsSigned(secret: string, command: VnpayApiCommand, body: Record<string, string | number | undefined>): boolean {
  return sameHex(hmac512(secret, joined(ANSWER_FIELDS[command], body)), body.vnp_SecureHash);
}

const code = z.union([z.string(), z.number()]).transform(String);

export const vnpayApiAnswerSchema = z
  .object({
    vnp_ResponseId: code.default(""),
    vnp_Command: code.default(""),
    vnp_ResponseCode: code,
    vnp_Message: code.default(""),
    vnp_TmnCode: code.default(""),
    vnp_TxnRef: code.default(""),
    vnp_Amount: code.default(""),
    vnp_BankCode: code.default(""),
    vnp_PayDate: code.default(""),
    vnp_TransactionNo: code.default(""),
    vnp_TransactionType: code.default(""),
    vnp_TransactionStatus: code.default(""),
    vnp_OrderInfo: code.default(""),
    vnp_PromotionCode: code.default(""),
    vnp_PromotionAmount: code.default(""),
    vnp_SecureHash: z.string().default(""),
  });
export type VnpayApiAnswer = z.infer<typeof vnpayApiAnswerSchema>;

/** Refund kinds [I]: `02` the whole payment, `03` part of it. */
export function vnpayRefundType(amountVnd: number, paidVnd: number): "02" | "03" {
  return amountVnd >= paidVnd ? "02" : "03";
}

/** Order info without diacritics, as VNPay asks [C]. */
export function vnpayOrderInfo(orderCode: string): string {
  return `Thanh toan don hang ${orderCode}`;
}
