import { settings } from "~/settings.server";
import { receiveTransfer, type IncomingTransfer } from "../incoming-transfer.server";
import { CASSO_LIST_PATH, CASSO_REPLY, cassoDate, cassoListSchema, cassoListTransfer, cassoSignatureIsValid, cassoTransfer, cassoWebhookSchema } from "./casso";
import { refuseCallback } from "../../shared/refused-callbacks.server";
import { parseJson, type ProviderReply } from "./provider-reply";

/**
 * `POST /webhooks/casso`: checks `X-Casso-Signature` over the parsed body, stores and applies the
 * transaction, answers. A refused call stores nothing; a body with `error` ≠ 0 (no transaction) is acknowledged.
 */
export function receiveCassoWebhook(rawBody: Buffer, headers: Headers, now = Date.now()): ProviderReply {
  const casso = settings.casso;
  if (!casso) return { status: 503, body: { success: false, error: "Casso is not configured" } };
  const json = parseJson(rawBody);
  if (json === undefined) return refuseCallback("casso", "body", rawBody, { status: 400, body: { success: false, error: "body is not JSON" } });
  if (!cassoSignatureIsValid(headers.get("X-Casso-Signature"), json, casso.checksumKey)) {
    return refuseCallback("casso", "authentication", rawBody, { status: 401, body: { success: false, error: "invalid signature" } });
  }
  const parsed = cassoWebhookSchema.safeParse(json);
  if (!parsed.success) return refuseCallback("casso", "body", rawBody, { status: 400, body: { success: false, error: "invalid body" } });
  if (parsed.data.error === 0 && parsed.data.data) receiveTransfer(cassoTransfer(parsed.data.data), now);
  return { status: 200, body: CASSO_REPLY };
}

const LIST_TIMEOUT_MS = 15_000;
/** Pages of 100, newest first; a few pages cover any burst of transfers between two runs. */
const PAGE_SIZE = 100;
const MAX_PAGES = 5;

/** The account's transactions since `since` from Casso's list API, or undefined when CASSO_API_KEY is not set. */
export async function fetchCassoTransfers(since: number): Promise<IncomingTransfer[] | undefined> {
  const casso = settings.casso;
  if (!casso?.apiKey) return undefined;
  const transfers: IncomingTransfer[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = new URL(CASSO_LIST_PATH, casso.apiBase);
    url.searchParams.set("fromDate", cassoDate(since));
    url.searchParams.set("page", String(page));
    url.searchParams.set("pageSize", String(PAGE_SIZE));
    url.searchParams.set("sort", "DESC");
    const res = await fetch(url, { headers: { Authorization: `Apikey ${casso.apiKey}`, Accept: "application/json" }, signal: AbortSignal.timeout(LIST_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`Casso answered ${res.status}`);
    const parsed = cassoListSchema.safeParse(await res.json());
    if (!parsed.success || parsed.data.error !== 0) throw new Error("Casso's transaction list could not be read");
    transfers.push(...parsed.data.data.records.map(cassoListTransfer));
    if (parsed.data.data.records.length < PAGE_SIZE || page >= (parsed.data.data.totalPages ?? 1)) break;
  }
  return transfers;
}
