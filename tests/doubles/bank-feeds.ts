/**
 * A local HTTP double of SePay's and Casso's transaction-list APIs (INTEGRATIONS.md §1.1, §1.2), and
 * the signing of their webhooks with the real algorithms, for integration tests that run the real
 * server as a child process. Hand its `url` to the server as SEPAY_API_BASE and CASSO_API_BASE:
 *
 *   const feeds = await startBankFeeds({ sepayToken: "t", cassoApiKey: "k" });
 *   feeds.sepay.push({ id: 1, ... });              // a transaction the list API now returns
 *   await sendSepay(server.url, body, { apiKey }); // the webhook, as SePay posts it
 *
 * The list APIs check their credential as the providers do (401 otherwise) and record every query,
 * so a test can see what the app asked. `failing` makes a provider answer 500.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A SePay webhook body (the docs' field names). */
export interface SepayWebhookBody {
  id: number;
  gateway: string;
  transactionDate: string;
  accountNumber: string;
  subAccount: string | null;
  code: string | null;
  content: string;
  transferType: "in" | "out";
  transferAmount: number;
  accumulated: number;
  referenceCode: string;
  description: string;
}

/** A Casso webhook v2 body. */
export interface CassoWebhookBody {
  error: number;
  data: {
    id: number;
    reference: string;
    description: string;
    amount: number;
    runningBalance: number;
    transactionDateTime: string;
    accountNumber: string;
    bankName: string;
    bankAbbreviation: string;
    virtualAccountNumber: string;
    virtualAccountName: string;
    counterAccountName: string;
    counterAccountNumber: string;
    counterAccountBankId: string;
    counterAccountBankName: string;
  } | null;
}

export interface BankFeeds {
  url: string;
  /** Transactions SePay's list API returns (webhook bodies; served in the list's own shape). */
  sepay: SepayWebhookBody[];
  /** Transactions Casso's list API returns (webhook `data`; served in the list's own shape). */
  casso: NonNullable<CassoWebhookBody["data"]>[];
  /** Every list request's path and query, in order. */
  requests: { provider: "sepay" | "casso"; query: Record<string, string> }[];
  failing: { sepay: boolean; casso: boolean };
  stop(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startBankFeeds({ sepayToken, cassoApiKey }: { sepayToken: string; cassoApiKey: string }): Promise<BankFeeds> {
  const feeds = {
    sepay: [] as SepayWebhookBody[],
    casso: [] as NonNullable<CassoWebhookBody["data"]>[],
    requests: [] as BankFeeds["requests"],
    failing: { sepay: false, casso: false },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://double.invalid");
    const query = Object.fromEntries(url.searchParams);
    if (req.method === "GET" && url.pathname === "/userapi/transactions/list") {
      feeds.requests.push({ provider: "sepay", query });
      if (req.headers.authorization !== `Bearer ${sepayToken}`) return send(res, 401, { status: 401, error: "unauthorized", messages: { success: false } });
      if (feeds.failing.sepay) return send(res, 500, { status: 500, error: "internal", messages: { success: false } });
      const since = query.transaction_date_min ?? "";
      const transactions = feeds.sepay
        .filter((t) => (!query.account_number || t.accountNumber === query.account_number) && t.transactionDate >= since)
        .map((t) => ({
          id: String(t.id),
          bank_brand_name: t.gateway,
          account_number: t.accountNumber,
          transaction_date: t.transactionDate,
          amount_out: t.transferType === "out" ? `${t.transferAmount}.00` : "0.00",
          amount_in: t.transferType === "in" ? `${t.transferAmount}.00` : "0.00",
          accumulated: `${t.accumulated}.00`,
          transaction_content: t.content,
          reference_number: t.referenceCode,
          code: t.code,
          sub_account: t.subAccount,
          bank_account_id: "19",
        }));
      return send(res, 200, { status: 200, error: null, messages: { success: true }, transactions });
    }
    if (req.method === "GET" && url.pathname === "/v2/transactions") {
      feeds.requests.push({ provider: "casso", query });
      if (req.headers.authorization !== `Apikey ${cassoApiKey}`) return send(res, 401, { error: 401, message: "unauthorized", data: null });
      if (feeds.failing.casso) return send(res, 500, { error: 500, message: "internal", data: null });
      const page = Number(query.page ?? 1);
      const pageSize = Number(query.pageSize ?? 20);
      const all = feeds.casso.filter((t) => t.transactionDateTime.slice(0, 10) >= (query.fromDate ?? "")).reverse();
      const records = all.slice((page - 1) * pageSize, page * pageSize).map((t) => ({
        id: t.id,
        tid: t.reference,
        description: t.description,
        amount: t.amount,
        cusumBalance: t.runningBalance,
        when: t.transactionDateTime,
        bookingDate: `${t.transactionDateTime.slice(0, 10)} 00:00:00`,
        bankSubAccId: t.accountNumber,
        paymentChannel: "",
        virtualAccount: t.virtualAccountNumber,
        virtualAccountName: t.virtualAccountName,
        corresponsiveName: t.counterAccountName,
        corresponsiveAccount: t.counterAccountNumber,
        corresponsiveBankId: t.counterAccountBankId,
        corresponsiveBankName: t.counterAccountBankName,
        accountId: 9,
        bankCodeName: t.bankAbbreviation,
      }));
      const totalPages = Math.max(1, Math.ceil(all.length / pageSize));
      return send(res, 200, {
        error: 0,
        message: "success",
        data: { page, pageSize, nextPage: page < totalPages ? page + 1 : page, prevPage: Math.max(1, page - 1), totalPages, totalRecords: all.length, records },
      });
    }
    send(res, 404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ...feeds,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `yyyy-MM-dd HH:mm:ss` in GMT+7, as SePay and Casso write moments. */
export function vnDateTime(at = Date.now()): string {
  return new Date(at + 7 * 60 * 60 * 1000).toISOString().slice(0, 19).replace("T", " ");
}

/** SePay's HMAC mode: `sha256=` + hex HMAC-SHA256(secret, timestamp + "." + rawBody). */
export function sepayHmacHeaders(secret: string, rawBody: string, timestampSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  const timestamp = String(timestampSeconds);
  return {
    "X-SePay-Timestamp": timestamp,
    "X-SePay-Signature": `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`,
  };
}

/** Posts a webhook body to SePay's URL on the server, as SePay does: JSON, with the given auth headers. */
export function sendSepay(serverUrl: string, rawBody: string, headers: Record<string, string>) {
  return fetch(`${serverUrl}/webhooks/sepay`, { method: "POST", body: rawBody, headers: { "Content-Type": "application/json", ...headers }, redirect: "manual" });
}

function deepSortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepSortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, deepSortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Casso's `X-Casso-Signature: t=<ms>,v1=<hex HMAC-SHA512(key, t + "." + JSON of the deep-sorted body)>`. */
export function cassoSignatureHeader(checksumKey: string, body: unknown, t = Date.now()): string {
  return `t=${t},v1=${createHmac("sha512", checksumKey).update(`${t}.${JSON.stringify(deepSortKeys(body))}`).digest("hex")}`;
}

export function sendCasso(serverUrl: string, rawBody: string, signature: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature !== null) headers["X-Casso-Signature"] = signature;
  return fetch(`${serverUrl}/webhooks/casso`, { method: "POST", body: rawBody, headers, redirect: "manual" });
}
