import { settings } from "~/settings.server";
import { receiveTransfer, type IncomingTransfer } from "../incoming-transfer.server";
import { refuseCallback } from "../../shared/refused-callbacks.server";
import { parseJson, type ProviderReply } from "./provider-reply";
import { SEPAY_LIST_PATH, SEPAY_REPLY, sepayApiKeyIsValid, sepayDate, sepayHmacCheck, sepayListSchema, sepayListTransfer, sepayTransfer, sepayWebhookSchema } from "./sepay";

/**
 * `POST /webhooks/sepay`: authenticates SePay's call (HMAC when SEPAY_WEBHOOK_SECRET is set, else the
 * API key), stores and applies the transfer, answers SePay's contract. A refused call stores nothing:
 * anyone can post to the URL, and only SePay's word is a transfer.
 */
export function receiveSepayWebhook(rawBody: Buffer, headers: Headers, now = Date.now()): ProviderReply {
  const sepay = settings.sepay;
  if (!sepay) return { status: 503, body: { success: false, error: "SePay is not configured" } };
  if (sepay.webhookSecret) {
    const check = sepayHmacCheck(rawBody, headers.get("X-SePay-Signature"), headers.get("X-SePay-Timestamp"), sepay.webhookSecret, now);
    if (check !== "ok") return refuseCallback("sepay", "authentication", rawBody, { status: 401, body: { success: false, error: check === "stale" ? "stale timestamp" : "invalid signature" } });
  } else if (!sepayApiKeyIsValid(headers.get("Authorization"), sepay.webhookApiKey ?? "")) {
    return refuseCallback("sepay", "authentication", rawBody, { status: 401, body: { success: false, error: "invalid API key" } });
  }
  const parsed = sepayWebhookSchema.safeParse(parseJson(rawBody));
  if (!parsed.success) return refuseCallback("sepay", "body", rawBody, { status: 400, body: { success: false, error: "invalid body" } });
  receiveTransfer(sepayTransfer(parsed.data), now);
  return { status: 200, body: SEPAY_REPLY };
}

/** SePay's user API: asking for the list of a day of transactions takes far less than this. */
const LIST_TIMEOUT_MS = 15_000;

/**
 * The account's transactions since `since` from SePay's list API, or undefined when no API token is
 * set (reconciliation is then off for SePay). Throws on a network error or an answer it cannot read.
 */
export async function fetchSepayTransfers(since: number): Promise<IncomingTransfer[] | undefined> {
  const sepay = settings.sepay;
  if (!sepay?.apiToken) return undefined;
  const url = new URL(SEPAY_LIST_PATH, sepay.apiBase);
  url.searchParams.set("account_number", settings.vietQrAccount.accountNo);
  url.searchParams.set("transaction_date_min", sepayDate(since));
  url.searchParams.set("limit", "500");
  const res = await fetch(url, { headers: { Authorization: `Bearer ${sepay.apiToken}`, Accept: "application/json" }, signal: AbortSignal.timeout(LIST_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`SePay answered ${res.status}`);
  const parsed = sepayListSchema.safeParse(await res.json());
  if (!parsed.success) throw new Error("SePay's transaction list could not be read");
  return parsed.data.transactions.map(sepayListTransfer);
}
