/**
 * Bank-transfer confirmation through SePay and Casso (issue 15, INTEGRATIONS.md §1.1–1.2) against the
 * real production server: webhooks signed with each provider's real algorithm, and the transaction-list
 * APIs answered by a local double (tests/doubles/bank-feeds.ts) for reconciliation. Every test asserts
 * what the database holds and what the buyer or staff see, besides the provider's reply contract.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cassoSignatureHeader,
  sendCasso,
  sendSepay,
  sepayHmacHeaders,
  startBankFeeds,
  vnDateTime,
  type BankFeeds,
  type CassoWebhookBody,
  type SepayWebhookBody,
} from "../doubles/bank-feeds";
import { nextBuyerPhone } from "../setup/buyers";
import { cookieOf, signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

const PLATFORM_ACCOUNT = "0123499999";
const SEPAY_API_KEY = "sepay-key-for-tests";
const SEPAY_SECRET = "sepay-hmac-secret-for-tests";
const SEPAY_TOKEN = "sepay-user-api-token";
const CASSO_KEY = "mgExMrjj4i7a1p8Cs6LmFbpCd8lbw4sSX4LZXPag7TKazeIogtR90tvWYTkwQbvs";
const CASSO_API_KEY = "casso-api-key-for-tests";

let server: TestServer;
let feeds: BankFeeds;
let wardCode: string;
let productId: number;

beforeAll(async () => {
  feeds = await startBankFeeds({ sepayToken: SEPAY_TOKEN, cassoApiKey: CASSO_API_KEY });
  server = await startServer({
    VIETQR_ACCOUNT_NO: PLATFORM_ACCOUNT,
    SEPAY_WEBHOOK_API_KEY: SEPAY_API_KEY,
    SEPAY_API_TOKEN: SEPAY_TOKEN,
    SEPAY_API_BASE: feeds.url,
    CASSO_CHECKSUM_KEY: CASSO_KEY,
    CASSO_API_KEY: CASSO_API_KEY,
    CASSO_API_BASE: feeds.url,
    PAYMENT_RECONCILE_SECONDS: "1",
  });
  wardCode = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
  productId = row<{ id: number }>(
    `SELECT id FROM products WHERE status = 'live' AND producer_verified = 1 AND stock >= 50 AND ${soldInOneSize()} ORDER BY price_vnd, id LIMIT 1`,
  ).id;
});

afterAll(async () => {
  await server?.stop();
  await feeds?.stop();
});

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as T[];

interface Placed {
  id: number;
  code: string;
  token: string;
  total: number;
}

/** A guest buys one product by VietQR transfer, as a browser without JavaScript would. */
async function placeOrder(): Promise<Placed> {
  const post = (path: string, fields: Record<string, string>, cookie = "") =>
    fetch(server.url + path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie } });
  const added = await post("/cart", { intent: "add", productId: String(productId), quantity: "1" });
  expect(added.status).toBe(303);
  // SePay and Casso confirm VietQR transfers; they add no method. payOS is not configured: not offered.
  const form = await (await fetch(`${server.url}/checkout`, { headers: { cookie: cookieOf(added) } })).text();
  expect(form).toContain('value="vietqr"');
  expect(form).not.toContain('value="payos"');
  const res = await post(
    "/checkout",
    {
      fullName: "Trần Văn Bình",
      phone: nextBuyerPhone(),
      provinceCode: "92",
      wardCode,
      addressLine: "5 Hai Bà Trưng, Ninh Kiều",
      paymentMethod: "vietqr",
    },
    cookieOf(added),
  );
  expect(res.status).toBe(303);
  const url = new URL(res.headers.get("location") ?? "", server.url);
  const code = /^\/orders\/([A-Z0-9]{10,12})$/.exec(url.pathname)?.[1] ?? "";
  expect(code).not.toBe("");
  const order = row<{ id: number; total_vnd: number }>("SELECT id, total_vnd FROM orders WHERE code = ?", code);
  return { id: order.id, code, token: url.searchParams.get("token") ?? "", total: order.total_vnd };
}

interface OrderState {
  payment_status: string;
  paid_vnd: number;
}
const orderState = (order: Placed) => row<OrderState>("SELECT payment_status, paid_vnd FROM orders WHERE id = ?", order.id);
const ledgerCount = (order: Placed) => row<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE order_id = ?", order.id).n;
const partStatuses = (order: Placed) => rows<{ status: string }>("SELECT status FROM order_parts WHERE order_id = ?", order.id).map((p) => p.status);
interface TransferRow {
  provider: string;
  transaction_id: string;
  amount_vnd: number;
  order_id: number | null;
  outcome: string;
}
const stored = (provider: string, transactionId: string | number) =>
  rows<TransferRow>(
    "SELECT provider, transaction_id, amount_vnd, order_id, outcome FROM bank_transfers WHERE provider = ? AND transaction_id = ?",
    provider,
    String(transactionId),
  );
const transferCount = () => row<{ n: number }>("SELECT count(*) AS n FROM bank_transfers").n;

/** What the buyer sees: `GET /orders/:code/status?token=`. */
async function buyerSees(order: Placed): Promise<{ paymentStatus: string; paid: number }> {
  const res = await fetch(`${server.url}/orders/${order.code}/status?token=${encodeURIComponent(order.token)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { paymentStatus: string; paid: number };
}

/** Polls until `check` holds or the deadline passes (the reconciliation job runs every second). */
async function eventually(check: () => boolean, what: string, deadlineMs = 15_000) {
  const until = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const newId = () => randomInt(1, 2 ** 40);

function sepayBody(fields: Partial<SepayWebhookBody> & Pick<SepayWebhookBody, "transferAmount" | "content">): SepayWebhookBody {
  return {
    id: newId(),
    gateway: "Vietcombank",
    transactionDate: vnDateTime(),
    accountNumber: PLATFORM_ACCOUNT,
    subAccount: null,
    code: null,
    transferType: "in",
    accumulated: 19_077_000,
    referenceCode: "MBVCB.3278907687",
    description: "",
    ...fields,
  };
}
const apikey = { Authorization: `Apikey ${SEPAY_API_KEY}` };

function cassoBody(fields: Partial<NonNullable<CassoWebhookBody["data"]>> & { amount: number; description: string }): CassoWebhookBody {
  return {
    error: 0,
    data: {
      id: newId(),
      reference: "FT24277000001",
      runningBalance: 25_000_000,
      transactionDateTime: vnDateTime(),
      accountNumber: PLATFORM_ACCOUNT,
      bankName: "VPBank",
      bankAbbreviation: "VPB",
      virtualAccountNumber: "",
      virtualAccountName: "",
      counterAccountName: "TRAN VAN BINH",
      counterAccountNumber: "8888888888",
      counterAccountBankId: "970415",
      counterAccountBankName: "VietinBank",
      ...fields,
    },
  };
}
async function postCasso(body: CassoWebhookBody, signature = cassoSignatureHeader(CASSO_KEY, body)) {
  return sendCasso(server.url, JSON.stringify(body), signature);
}

// ---------------------------------------------------------------------------------------------

describe("SePay webhook (Apikey)", () => {
  it("pays the order once, answers exactly {success: true}, and a replay of the same id changes nothing", async () => {
    const order = await placeOrder();
    const body = JSON.stringify(sepayBody({ transferAmount: order.total, content: `${order.code} chuyen tien` }));
    const first = await sendSepay(server.url, body, apikey);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('{"success":true}');
    expect(orderState(order)).toEqual({ payment_status: "paid", paid_vnd: order.total });
    expect(partStatuses(order).every((s) => s === "paid")).toBe(true);
    expect(await buyerSees(order)).toMatchObject({ paymentStatus: "paid", paid: order.total });
    const ledger = ledgerCount(order);
    expect(ledger).toBeGreaterThan(0);

    const again = await sendSepay(server.url, body, apikey);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ success: true });
    const id = (JSON.parse(body) as SepayWebhookBody).id;
    expect(stored("sepay", id)).toEqual([{ provider: "sepay", transaction_id: String(id), amount_vnd: order.total, order_id: order.id, outcome: "applied" }]);
    expect(orderState(order)).toEqual({ payment_status: "paid", paid_vnd: order.total });
    expect(ledgerCount(order)).toBe(ledger);
  });

  it("matches the order by SePay's extracted code when the content is mangled", async () => {
    const order = await placeOrder();
    const body = sepayBody({ transferAmount: order.total, content: "IBFT chuyen khoan", code: order.code });
    expect((await sendSepay(server.url, JSON.stringify(body), apikey)).status).toBe(200);
    expect(stored("sepay", body.id)[0]?.outcome).toBe("applied");
    expect(orderState(order).payment_status).toBe("paid");
  });

  it("refuses a call without the right API key, stores nothing and changes no order", async () => {
    const order = await placeOrder();
    const body = sepayBody({ transferAmount: order.total, content: order.code });
    const raw = JSON.stringify(body);
    const before = transferCount();
    const refusals: Record<string, string>[] = [{}, { Authorization: "Apikey wrong-key" }, { Authorization: `Bearer ${SEPAY_API_KEY}` }, { Authorization: SEPAY_API_KEY }];
    for (const headers of refusals) {
      const res = await sendSepay(server.url, raw, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
    }
    expect(transferCount()).toBe(before);
    expect(orderState(order)).toEqual({ payment_status: "unpaid", paid_vnd: 0 });
    expect(ledgerCount(order)).toBe(0);
    // The very same call with the key is accepted: the refusals were the key's.
    expect((await sendSepay(server.url, raw, apikey)).status).toBe(200);
    expect(orderState(order).payment_status).toBe("paid");
  });

  it("stores a short, an over, a wrong-account, an unknown-code and an outgoing transfer, pays nothing, and shows staff all but the outgoing", async () => {
    const order = await placeOrder();
    const cases: [string, SepayWebhookBody][] = [
      ["short", sepayBody({ transferAmount: order.total - 1000, content: order.code })],
      ["over", sepayBody({ transferAmount: order.total + 1000, content: order.code })],
      ["wrong_account", sepayBody({ transferAmount: order.total, content: order.code, accountNumber: "9999999999" })],
      ["unknown_code", sepayBody({ transferAmount: order.total, content: "DH ZZZZZZZZZZ tra tien" })],
      ["outgoing", sepayBody({ transferAmount: order.total, content: order.code, transferType: "out" })],
    ];
    for (const [outcome, body] of cases) {
      const res = await sendSepay(server.url, JSON.stringify(body), apikey);
      expect(res.status, outcome).toBe(200);
      expect(await res.json()).toEqual({ success: true });
      expect(stored("sepay", body.id).map((t) => t.outcome), outcome).toEqual([outcome]);
    }
    expect(orderState(order)).toEqual({ payment_status: "unpaid", paid_vnd: 0 });
    expect(ledgerCount(order)).toBe(0);
    expect(await buyerSees(order)).toMatchObject({ paymentStatus: "unpaid", paid: 0 });

    const staffPage = await (await fetch(`${server.url}/staff/payments`, { headers: { cookie: await signIn(server, "admin@demo.local") } })).text();
    for (const [outcome, body] of cases) {
      if (outcome === "outgoing") expect(staffPage, outcome).not.toContain(`sepay ${body.id}`);
      else expect(staffPage, outcome).toContain(`sepay ${body.id}`);
    }
  });

  it("pays once when two transfers for the same order arrive out of order: the second is kept as a duplicate", async () => {
    const order = await placeOrder();
    const earlier = sepayBody({ id: newId(), transferAmount: order.total, content: order.code });
    const later = sepayBody({ id: earlier.id + 1, transferAmount: order.total, content: order.code });
    expect((await sendSepay(server.url, JSON.stringify(later), apikey)).status).toBe(200);
    expect((await sendSepay(server.url, JSON.stringify(earlier), apikey)).status).toBe(200);
    expect(stored("sepay", later.id)[0]?.outcome).toBe("applied");
    expect(stored("sepay", earlier.id)[0]?.outcome).toBe("duplicate");
    expect(orderState(order)).toEqual({ payment_status: "paid", paid_vnd: order.total });
  });

  it("answers a malformed body with 400 and stores nothing", async () => {
    const before = transferCount();
    for (const raw of ["not json", "{}", JSON.stringify({ ...sepayBody({ transferAmount: 1.5, content: "x" }) }), JSON.stringify(sepayBody({ transferAmount: 1000, content: "x", transferType: "sideways" as "in" }))]) {
      expect((await sendSepay(server.url, raw, apikey)).status, raw).toBe(400);
    }
    expect(transferCount()).toBe(before);
  });
});

describe("SePay webhook (HMAC mode, SEPAY_WEBHOOK_SECRET)", () => {
  let hmacServer: TestServer;
  beforeAll(async () => {
    hmacServer = await startServer({ VIETQR_ACCOUNT_NO: PLATFORM_ACCOUNT, SEPAY_WEBHOOK_SECRET: SEPAY_SECRET, SEPAY_WEBHOOK_API_KEY: SEPAY_API_KEY });
  });
  afterAll(async () => {
    await hmacServer?.stop();
  });

  it("accepts a fresh signature, refuses a stale one, a bad one and the bare API key, storing only the accepted", async () => {
    const count = (id: number) => (hmacServer.db.prepare("SELECT count(*) AS n FROM bank_transfers WHERE provider = 'sepay' AND transaction_id = ?").get(String(id)) as { n: number }).n;
    const body = sepayBody({ transferAmount: 250_000, content: "DH ZZZZZZZZZZ" });
    const raw = JSON.stringify(body);
    const now = Math.floor(Date.now() / 1000);
    const refused: [string, Record<string, string>][] = [
      ["six minutes old", sepayHmacHeaders(SEPAY_SECRET, raw, now - 6 * 60)],
      ["six minutes ahead", sepayHmacHeaders(SEPAY_SECRET, raw, now + 6 * 60)],
      ["wrong secret", sepayHmacHeaders("another-secret", raw, now)],
      ["signed another body", sepayHmacHeaders(SEPAY_SECRET, raw.replace("250000", "250001"), now)],
      ["API key only", apikey],
    ];
    for (const [what, headers] of refused) {
      const res = await sendSepay(hmacServer.url, raw, headers);
      expect(res.status, what).toBe(401);
    }
    expect(count(body.id)).toBe(0);
    const res = await sendSepay(hmacServer.url, raw, sepayHmacHeaders(SEPAY_SECRET, raw, now - 60));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"success":true}');
    expect(count(body.id)).toBe(1);
  });
});

describe("Casso webhook", () => {
  it("signs with the published vector in this test's double too", () => {
    const sample = cassoBody({ id: 0, reference: "MA_GIAO_DICH_THU_NGHIEM", description: "giao dich thu nghiem", amount: 599000, transactionDateTime: "2024-10-03 15:06:37", accountNumber: "88888888", counterAccountName: "NGUYEN VAN A" });
    expect(cassoSignatureHeader(CASSO_KEY, sample, 1727948258788)).toBe(
      "t=1727948258788,v1=ed0a4bd2e826d5cb69988cdb141e6c1a080e21f3b57eb72cd78192220042b9e7dde0868fc667faea8e224900fa7904e7c88dfa098032fb2d6b6996856e8b7ff3",
    );
  });

  it("pays the order once, even replayed, and answers {success: true}", async () => {
    const order = await placeOrder();
    const body = cassoBody({ amount: order.total, description: `CT DEN:123 ${order.code.toLowerCase()} thanh toan` });
    const first = await postCasso(body);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('{"success":true}');
    expect(await buyerSees(order)).toMatchObject({ paymentStatus: "paid", paid: order.total });
    const ledger = ledgerCount(order);
    // A redelivery is signed afresh (another t): still the same transaction.
    const again = await postCasso(body, cassoSignatureHeader(CASSO_KEY, body, Date.now() + 5000));
    expect(again.status).toBe(200);
    expect(stored("casso", body.data!.id).map((t) => t.outcome)).toEqual(["applied"]);
    expect(orderState(order)).toEqual({ payment_status: "paid", paid_vnd: order.total });
    expect(ledgerCount(order)).toBe(ledger);
  });

  it("refuses a bad signature (another key, body changed, only data signed, no header), storing nothing", async () => {
    const order = await placeOrder();
    const body = cassoBody({ amount: order.total, description: order.code });
    const before = transferCount();
    const attempts: [string, string, string | null][] = [
      ["another key", JSON.stringify(body), cassoSignatureHeader("another-key", body)],
      ["amount changed after signing", JSON.stringify({ ...body, data: { ...body.data, amount: order.total + 1 } }), cassoSignatureHeader(CASSO_KEY, body)],
      ["only data signed", JSON.stringify(body), cassoSignatureHeader(CASSO_KEY, body.data)],
      ["no header", JSON.stringify(body), null],
    ];
    for (const [what, raw, signature] of attempts) {
      expect((await sendCasso(server.url, raw, signature)).status, what).toBe(401);
    }
    expect(transferCount()).toBe(before);
    expect(orderState(order)).toEqual({ payment_status: "unpaid", paid_vnd: 0 });
  });

  it("stores a wrong amount, a wrong account, an unknown code and a negative (outgoing) amount without paying; acknowledges error ≠ 0", async () => {
    const order = await placeOrder();
    const cases: [string, CassoWebhookBody][] = [
      ["short", cassoBody({ amount: order.total - 1, description: order.code })],
      ["wrong_account", cassoBody({ amount: order.total, description: order.code, accountNumber: "11112222" })],
      ["unknown_code", cassoBody({ amount: order.total, description: "chuyen tien an trua" })],
      ["outgoing", cassoBody({ amount: -order.total, description: order.code })],
    ];
    for (const [outcome, body] of cases) {
      const res = await postCasso(body);
      expect(res.status, outcome).toBe(200);
      expect(stored("casso", body.data!.id).map((t) => [t.outcome, t.amount_vnd]), outcome).toEqual([[outcome, order.total - (outcome === "short" ? 1 : 0)]]);
    }
    const before = transferCount();
    const noTransaction: CassoWebhookBody = { error: 1, data: null };
    expect((await postCasso(noTransaction)).status).toBe(200);
    expect(transferCount()).toBe(before);
    expect(orderState(order)).toEqual({ payment_status: "unpaid", paid_vnd: 0 });
  });

  it("keeps SePay's and Casso's ids apart: the same number from each is two transfers", async () => {
    const id = newId();
    const sepay = sepayBody({ id, transferAmount: 10_000, content: "khong ma" });
    const casso = cassoBody({ id, amount: 10_000, description: "khong ma" });
    expect((await sendSepay(server.url, JSON.stringify(sepay), apikey)).status).toBe(200);
    expect((await postCasso(casso)).status).toBe(200);
    expect(stored("sepay", id)).toHaveLength(1);
    expect(stored("casso", id)).toHaveLength(1);
  });
});

describe("reconciliation", () => {
  interface RunRow {
    fetched: number;
    found: number;
    applied: number;
    error: string | null;
  }
  const runsSince = (provider: string, at: number) =>
    rows<RunRow>("SELECT fetched, found, applied, error FROM reconciliation_runs WHERE provider = ? AND started_at >= ? ORDER BY id", provider, at);

  it("pays an order whose SePay webhook was lost, from SePay's list, without paying the webhook's order twice", async () => {
    const delivered = await placeOrder();
    const lost = await placeOrder();
    const deliveredBody = sepayBody({ transferAmount: delivered.total, content: delivered.code });
    const lostBody = sepayBody({ transferAmount: lost.total, content: `${lost.code} ck` });
    expect((await sendSepay(server.url, JSON.stringify(deliveredBody), apikey)).status).toBe(200);
    const ledger = ledgerCount(delivered);
    const start = Date.now();
    feeds.sepay.push(deliveredBody, lostBody);

    await eventually(() => orderState(lost).payment_status === "paid", "the lost SePay transfer to be applied");
    expect(stored("sepay", lostBody.id)).toEqual([{ provider: "sepay", transaction_id: String(lostBody.id), amount_vnd: lost.total, order_id: lost.id, outcome: "applied" }]);
    expect(stored("sepay", deliveredBody.id)).toHaveLength(1);
    expect(ledgerCount(delivered)).toBe(ledger);
    expect(await buyerSees(lost)).toMatchObject({ paymentStatus: "paid", paid: lost.total });
    await eventually(() => runsSince("sepay", start).some((r) => r.applied > 0), "the run that paid it to be recorded");
    const runs = runsSince("sepay", start);
    expect(runs.filter((r) => r.applied > 0)).toEqual([{ fetched: expect.any(Number) as number, found: 1, applied: 1, error: null }]);
    // It asked for the platform's account, with the bearer token the double checks.
    const asked = feeds.requests.filter((r) => r.provider === "sepay").at(-1)!;
    expect(asked.query.account_number).toBe(PLATFORM_ACCOUNT);
    expect(asked.query.transaction_date_min).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("pays an order whose Casso webhook was lost, and shows staff when each provider last ran and what it found", async () => {
    const lost = await placeOrder();
    const body = cassoBody({ amount: lost.total, description: `${lost.code} thanh toan` });
    const start = Date.now();
    feeds.casso.push(body.data!);
    await eventually(() => orderState(lost).payment_status === "paid", "the lost Casso transfer to be applied");
    expect(stored("casso", body.data!.id).map((t) => t.outcome)).toEqual(["applied"]);
    await eventually(() => runsSince("casso", start).some((r) => r.applied > 0), "the run that paid it to be recorded");
    expect(runsSince("casso", start).filter((r) => r.applied > 0)).toEqual([{ fetched: expect.any(Number) as number, found: 1, applied: 1, error: null }]);
    expect(feeds.requests.filter((r) => r.provider === "casso").at(-1)?.query).toMatchObject({ page: "1", sort: "DESC" });
    // Nothing is applied twice however often the job passes over the same list.
    const ledger = ledgerCount(lost);
    const passes = row<{ n: number }>("SELECT count(*) AS n FROM reconciliation_runs WHERE provider = 'casso'").n;
    await eventually(() => row<{ n: number }>("SELECT count(*) AS n FROM reconciliation_runs WHERE provider = 'casso'").n >= passes + 2, "two more passes");
    expect(ledgerCount(lost)).toBe(ledger);
    expect(stored("casso", body.data!.id)).toHaveLength(1);

    const page = await (await fetch(`${server.url}/staff/payments`, { headers: { cookie: await signIn(server, "staff@demo.local") } })).text();
    expect(page).toContain("Đối soát giao dịch");
    // When it last ran (Vietnam's time, to the minute) and what it found.
    const ranRecently = (provider: string) => new RegExp(`<strong>${provider}</strong>:(?: |<!-- -->)*lần cuối \\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}: đọc \\d+ giao dịch, phát hiện \\d+ giao dịch mới, ghi nhận thanh toán \\d+ đơn`);
    expect(page).toMatch(ranRecently("SePay"));
    expect(page).toMatch(ranRecently("Casso"));
  });

  it("records a provider's failure for staff to see, and keeps going with the others", async () => {
    const start = Date.now();
    feeds.failing.casso = true;
    try {
      await eventually(() => runsSince("casso", start).some((r) => r.error !== null), "a failed Casso run");
      expect(runsSince("casso", start).find((r) => r.error !== null)?.error).toContain("500");
      await eventually(() => runsSince("sepay", start).some((r) => r.error === null), "a SePay run beside it");
      const page = await (await fetch(`${server.url}/staff/payments`, { headers: { cookie: await signIn(server, "admin@demo.local") } })).text();
      expect(page).toContain("Lỗi: Casso answered 500");
    } finally {
      feeds.failing.casso = false;
    }
  });
});
