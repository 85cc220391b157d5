/**
 * Cashless payment (PRODUCT.md §3) through the real production server: signed bank-transfer
 * notifications and Stripe Checkout against the local Stripe double (tests/mocks/stripe-double.ts).
 * Every test asserts what the database holds and/or what the buyer sees, never only the HTTP answer.
 */
import Database from "better-sqlite3";
import { createHmac, randomBytes } from "node:crypto";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeDouble, type Param, type Params, type Session, type StripeDouble } from "../mocks/stripe-double";
import { startServer, type TestServer } from "../setup/server";
import { cookieOf, signIn } from "../setup/http";
import { soldInOneSize } from "../setup/sizes";
import { nextBuyerPhone } from "../setup/buyers";

const BANK_SECRET = "bank-secret-for-tests";
const STRIPE_WEBHOOK_SECRET = "whsec_test";
const PLATFORM_ACCOUNT = "257678859";

let server: TestServer;
let stripe: StripeDouble;
/** A writable connection, only to move an order's payment window into the past. */
let writer: Database.Database;
let wardCode: string;
/** Two products on sale from two different producers, so an order has two parts. */
let productA: ProductRow;
let productB: ProductRow;

interface ProductRow {
  id: number;
  producerId: number;
  priceVnd: number;
  stock: number;
}

beforeAll(async () => {
  stripe = await startStripeDouble();
  server = await startServer({
    BANK_WEBHOOK_SECRET: BANK_SECRET,
    VIETQR_ACCOUNT_NO: PLATFORM_ACCOUNT,
    STRIPE_SECRET_KEY: "sk_test_x",
    STRIPE_WEBHOOK_SECRET,
    STRIPE_API_BASE: stripe.url,
  });
  writer = new Database(server.databasePath);
  wardCode = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
  const products = rows<ProductRow>(
    `SELECT id, producer_id AS producerId, price_vnd AS priceVnd, stock FROM products
     WHERE status = 'live' AND producer_verified = 1 AND stock >= 50 AND ${soldInOneSize()} ORDER BY price_vnd, id`,
  );
  productA = products[0]!;
  productB = products.find((p) => p.producerId !== productA.producerId)!;
  expect(productB).toBeDefined();
});

afterAll(async () => {
  writer?.close();
  await server?.stop();
  await stripe?.stop();
});

// ---------------------------------------------------------------------------------------------
// Helpers

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as T[];
const stockOf = (productId: number) => row<{ stock: number }>("SELECT stock FROM products WHERE id = ?", productId).stock;

function post(path: string, fields: Record<string, string>, cookie = "") {
  return fetch(server.url + path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie } });
}

interface Line {
  productId: number;
  quantity: number;
}

interface Placed {
  id: number;
  code: string;
  token: string;
  /** Where checkout sent the buyer. */
  location: string;
  /** The Checkout Session, for card orders. */
  session: Session | null;
}

/** A guest fills the cart and checks out, as a browser without JavaScript would. */
async function checkout(lines: Line[], paymentMethod: "vietqr" | "stripe", extra: Record<string, string> = {}): Promise<Placed> {
  let cookie = "";
  for (const line of lines) {
    const res = await post("/cart", { intent: "add", productId: String(line.productId), quantity: String(line.quantity), ...extra }, cookie);
    expect(res.status).toBe(303);
    cookie ||= cookieOf(res);
  }
  expect(cookie).toMatch(/^ocop_cart=/);
  const res = await post(
    "/checkout",
    {
      fullName: "Nguyễn Thị Thanh",
      phone: nextBuyerPhone(),
      email: "thanh@example.com",
      provinceCode: "92",
      wardCode,
      addressLine: "12 Đường 30 Tháng 4, Ninh Kiều",
      paymentMethod,
      ...extra,
    },
    cookie,
  );
  expect(res.status).toBe(303);
  const location = res.headers.get("location") ?? "";
  if (paymentMethod === "vietqr") {
    const url = new URL(location, server.url);
    const match = /^\/orders\/([A-Z0-9]{10,12})$/.exec(url.pathname);
    expect(match, `checkout redirected to ${location}`).not.toBeNull();
    const code = match![1]!;
    const token = url.searchParams.get("token") ?? "";
    expect(token).not.toBe("");
    return { id: orderRow(code).id, code, token, location, session: null };
  }
  expect(location.startsWith(`${stripe.url}/pay/cs_`), `checkout redirected to ${location}`).toBe(true);
  const session = stripe.sessions.get(decodeURIComponent(location.slice(`${stripe.url}/pay/`.length)));
  expect(session).toBeDefined();
  const code = session!.metadata.orderCode!;
  // No secret goes to Stripe: the guest's browser remembers the order in the ocop_orders cookie.
  expect(session!.success_url).not.toContain("token");
  const remembered = res.headers.getSetCookie().find((c) => c.startsWith("ocop_orders="))!.split(";")[0]!.slice("ocop_orders=".length);
  const token = (JSON.parse(Buffer.from(decodeURIComponent(remembered), "base64").toString("utf8")) as Record<string, string>)[code] ?? "";
  expect(token).not.toBe("");
  return { id: orderRow(code).id, code, token, location, session: session! };
}

interface OrderRow {
  id: number;
  payment_status: string;
  total_vnd: number;
  goods_total_vnd: number;
  shipping_total_vnd: number;
  paid_vnd: number;
  expires_at: number;
  stripe_session_id: string | null;
  stripe_payment_intent_id: string | null;
}
const orderRow = (code: string) => row<OrderRow>("SELECT * FROM orders WHERE code = ?", code);
const partStatuses = (orderId: number) =>
  rows<{ status: string }>("SELECT status FROM order_parts WHERE order_id = ? ORDER BY id", orderId).map((p) => p.status);
const partIds = (orderId: number) => rows<{ id: number }>("SELECT id FROM order_parts WHERE order_id = ? ORDER BY id", orderId).map((p) => p.id);
/** How many ledger rows of `account` each part of the order has, keyed by part id. */
function ledgerRowsPerPart(orderId: number, account: string): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const id of partIds(orderId)) counts[id] = 0;
  for (const r of rows<{ part_id: number; n: number }>(
    "SELECT part_id, count(*) AS n FROM ledger_entries WHERE order_id = ? AND account = ? GROUP BY part_id",
    orderId,
    account,
  )) {
    counts[r.part_id] = r.n;
  }
  return counts;
}
const ledgerCount = (orderId: number) => row<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE order_id = ?", orderId).n;

interface StatusJson {
  code: string;
  status: string;
  paymentStatus: string;
  total: number;
  paid: number;
  parts: { producer: string; status: string; total: number }[];
}
/** What the buyer (or their chat bot) sees: `GET /orders/:code/status?token=`. */
async function buyerStatus(order: Placed): Promise<StatusJson> {
  const res = await fetch(`${server.url}/orders/${order.code}/status?token=${encodeURIComponent(order.token)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as StatusJson;
}

// Bank notifications

interface Transfer {
  transactionId: string;
  amount: number;
  description: string;
  accountNumber: string;
  occurredAt: string;
}
const newTransactionId = () => `FT${randomBytes(6).toString("hex").toUpperCase()}`;
const transfer = (fields: Partial<Transfer> & Pick<Transfer, "amount" | "description">): Transfer => ({
  transactionId: newTransactionId(),
  accountNumber: PLATFORM_ACCOUNT,
  occurredAt: new Date().toISOString(),
  ...fields,
});
const sign = (body: string, secret = BANK_SECRET) => `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;

function deliverRaw(body: string, signature: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature !== null) headers["X-Signature"] = signature;
  return fetch(`${server.url}/webhooks/bank-transfer`, { method: "POST", body, headers, redirect: "manual" });
}

interface BankAnswer {
  outcome: string;
  orderCode: string | null;
  redelivered: boolean;
}
async function sendTransfer(t: Transfer): Promise<BankAnswer> {
  const body = JSON.stringify(t);
  const res = await deliverRaw(body, sign(body));
  expect(res.status).toBe(200);
  return (await res.json()) as BankAnswer;
}

interface BankTransferRow {
  transaction_id: string;
  amount_vnd: number;
  order_id: number | null;
  outcome: string;
}
const storedTransfers = (transactionId: string) =>
  rows<BankTransferRow>("SELECT * FROM bank_transfers WHERE transaction_id = ?", transactionId);
const transferCount = () => row<{ n: number }>("SELECT count(*) AS n FROM bank_transfers").n;

// Stripe

async function deliverStripe(payload: string, signature: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature !== null) headers["Stripe-Signature"] = signature;
  return fetch(`${server.url}/webhooks/stripe`, { method: "POST", body: payload, headers, redirect: "manual" });
}
const stripeEventCount = () => row<{ n: number }>("SELECT count(*) AS n FROM stripe_events").n;

const asObject = (value: Param | undefined): Params => {
  expect(typeof value === "object" && value !== null && !Array.isArray(value)).toBe(true);
  return value as Params;
};

const twoParts = (): Line[] => [
  { productId: productA.id, quantity: 2 },
  { productId: productB.id, quantity: 1 },
];

// ---------------------------------------------------------------------------------------------

describe("bank-transfer notifications", () => {
  it("refuses a notification with a bad signature (wrong secret, tampered body, missing header) and changes nothing", async () => {
    const order = await checkout(twoParts(), "vietqr");
    const total = orderRow(order.code).total_vnd;
    const notice = transfer({ amount: total, description: order.code });
    const body = JSON.stringify(notice);
    const before = transferCount();

    const attempts: [string, string, string | null][] = [
      ["wrong secret", body, sign(body, "not-the-bank-secret")],
      ["tampered body", body.replace(order.code, order.code.toLowerCase()), sign(body)],
      ["amount changed after signing", JSON.stringify({ ...notice, amount: total + 1 }), sign(body)],
      ["missing header", body, null],
      ["header without the sha256= scheme", body, sign(body).slice("sha256=".length)],
    ];
    for (const [what, sentBody, signature] of attempts) {
      const res = await deliverRaw(sentBody, signature);
      expect(res.status, what).toBe(401);
    }

    expect(transferCount()).toBe(before);
    expect(storedTransfers(notice.transactionId)).toEqual([]);
    expect(orderRow(order.code)).toMatchObject({ payment_status: "unpaid", paid_vnd: 0 });
    expect(partStatuses(order.id).every((s) => s === "awaiting_payment")).toBe(true);
    expect(ledgerCount(order.id)).toBe(0);
    expect(await buyerStatus(order)).toMatchObject({ paymentStatus: "unpaid", paid: 0 });

    // The very same notification, signed with the right secret, is accepted: the refusals above were the signature's.
    expect(await sendTransfer(notice)).toEqual({ outcome: "applied", orderCode: order.code, redelivered: false });
  });

  it("pays once when the same transfer is delivered twice", async () => {
    const order = await checkout(twoParts(), "vietqr");
    const total = orderRow(order.code).total_vnd;
    const notice = transfer({ amount: total, description: `${order.code} thanh toan don hang` });

    expect(await sendTransfer(notice)).toEqual({ outcome: "applied", orderCode: order.code, redelivered: false });
    expect(await sendTransfer(notice)).toEqual({ outcome: "applied", orderCode: order.code, redelivered: true });

    expect(orderRow(order.code)).toMatchObject({ payment_status: "paid", paid_vnd: total });
    expect(partStatuses(order.id)).toEqual(["paid", "paid"]);
    expect(storedTransfers(notice.transactionId)).toHaveLength(1);
    const pending = ledgerRowsPerPart(order.id, "producer_pending");
    expect(Object.keys(pending)).toHaveLength(2);
    expect(Object.values(pending)).toEqual([1, 1]);
    // The ledger splits exactly what was paid: commission + producers' shares = the order's total.
    const ledgerSum = row<{ s: number }>(
      "SELECT sum(amount_vnd) AS s FROM ledger_entries WHERE order_id = ? AND account IN ('commission', 'producer_pending')",
      order.id,
    ).s;
    expect(ledgerSum).toBe(total);

    const seen = await buyerStatus(order);
    expect(seen).toMatchObject({ code: order.code, paymentStatus: "paid", total, paid: total });
    expect(seen.parts.map((p) => p.status)).toEqual(["paid", "paid"]);
  });

  it("finds the order code inside a noisy, lower-case, spaced transfer description", async () => {
    const order = await checkout([{ productId: productA.id, quantity: 1 }], "vietqr");
    const total = orderRow(order.code).total_vnd;
    const lower = order.code.toLowerCase();
    const description = `thanh toan ${lower.slice(0, 6)} ${lower.slice(6)} cam on`; // e.g. "thanh toan ocab2c d3e4f5 cam on"
    expect(description).not.toContain(order.code);

    const answer = await sendTransfer(transfer({ amount: total, description }));
    expect(answer).toEqual({ outcome: "applied", orderCode: order.code, redelivered: false });
    expect(orderRow(order.code)).toMatchObject({ payment_status: "paid", paid_vnd: total });
    expect((await buyerStatus(order)).paymentStatus).toBe("paid");
  });

  /** Transfers that paid nothing, which staff must see at /staff/payments. */
  const toResolve: string[] = [];

  it("keeps short, over, second, unknown-code and wrong-account transfers without paying with them", async () => {
    const order = await checkout(twoParts(), "vietqr");
    const total = orderRow(order.code).total_vnd;

    const short = transfer({ amount: total - 1_000, description: order.code });
    expect(await sendTransfer(short)).toEqual({ outcome: "short", orderCode: order.code, redelivered: false });
    expect(orderRow(order.code)).toMatchObject({ payment_status: "unpaid", paid_vnd: 0 });
    expect(partStatuses(order.id)).toEqual(["awaiting_payment", "awaiting_payment"]);
    expect(storedTransfers(short.transactionId)).toEqual([
      expect.objectContaining({ amount_vnd: total - 1_000, order_id: order.id, outcome: "short" }),
    ]);

    const over = transfer({ amount: total + 1_000, description: order.code });
    expect(await sendTransfer(over)).toEqual({ outcome: "over", orderCode: order.code, redelivered: false });
    expect(orderRow(order.code)).toMatchObject({ payment_status: "unpaid", paid_vnd: 0 });
    expect(partStatuses(order.id)).toEqual(["awaiting_payment", "awaiting_payment"]);
    expect(storedTransfers(over.transactionId)).toEqual([
      expect.objectContaining({ amount_vnd: total + 1_000, order_id: order.id, outcome: "over" }),
    ]);
    expect(ledgerCount(order.id)).toBe(0);
    expect(await buyerStatus(order)).toMatchObject({ paymentStatus: "unpaid", paid: 0 });

    // A transfer to another account naming this order pays nothing either.
    const wrongAccount = transfer({ amount: total, description: order.code, accountNumber: "0011223344" });
    expect((await sendTransfer(wrongAccount)).outcome).toBe("wrong_account");
    expect(storedTransfers(wrongAccount.transactionId)).toEqual([expect.objectContaining({ outcome: "wrong_account" })]);
    expect(orderRow(order.code)).toMatchObject({ payment_status: "unpaid", paid_vnd: 0 });

    const exact = transfer({ amount: total, description: order.code });
    expect((await sendTransfer(exact)).outcome).toBe("applied");
    const second = transfer({ amount: total, description: `${order.code} chuyen lan 2` });
    expect(await sendTransfer(second)).toEqual({ outcome: "duplicate", orderCode: order.code, redelivered: false });
    expect(storedTransfers(second.transactionId)).toEqual([
      expect.objectContaining({ amount_vnd: total, order_id: order.id, outcome: "duplicate" }),
    ]);
    expect(orderRow(order.code)).toMatchObject({ payment_status: "paid", paid_vnd: total });
    expect(Object.values(ledgerRowsPerPart(order.id, "producer_pending"))).toEqual([1, 1]);

    // A well-formed code that no order has.
    const unknownCode = `OC${"QRSTUVWXYZ".split("").sort(() => Math.random() - 0.5).join("")}`;
    expect(row("SELECT 1 AS x FROM orders WHERE code = ?", unknownCode)).toBeUndefined();
    const unknown = transfer({ amount: 150_000, description: `thanh toan ${unknownCode}` });
    expect(await sendTransfer(unknown)).toEqual({ outcome: "unknown_code", orderCode: null, redelivered: false });
    expect(storedTransfers(unknown.transactionId)).toEqual([
      expect.objectContaining({ amount_vnd: 150_000, order_id: null, outcome: "unknown_code" }),
    ]);

    toResolve.push(short.transactionId, over.transactionId, wrongAccount.transactionId, second.transactionId, unknown.transactionId);
  });

  it("shows those transfers to central staff at /staff/payments", async () => {
    expect(toResolve).toHaveLength(5);
    const res = await fetch(`${server.url}/staff/payments`, { headers: { cookie: await signIn(server, "admin@demo.local") }, redirect: "manual" });
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    doc.querySelectorAll("script, style").forEach((el) => el.remove());
    const text = doc.textContent;
    for (const transactionId of toResolve) expect(text).toContain(transactionId);
  });

  it("keeps a transfer that arrives after the 30 minutes as late, does not pay, and the stock goes back", async () => {
    const stockBefore = stockOf(productB.id);
    const order = await checkout([{ productId: productB.id, quantity: 3 }], "vietqr");
    expect(stockOf(productB.id)).toBe(stockBefore - 3);
    const total = orderRow(order.code).total_vnd;
    writer.prepare("UPDATE orders SET expires_at = ? WHERE id = ?").run(Date.now() - 60_000, order.id);

    const late = transfer({ amount: total, description: order.code });
    expect(await sendTransfer(late)).toEqual({ outcome: "late", orderCode: order.code, redelivered: false });
    expect(storedTransfers(late.transactionId)).toEqual([expect.objectContaining({ amount_vnd: total, order_id: order.id, outcome: "late" })]);
    expect(orderRow(order.code).payment_status).not.toBe("paid");
    expect(orderRow(order.code).paid_vnd).toBe(0);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE order_id = ?", order.id).n).toBe(0);

    // What the buyer sees: the order lapsed, nothing is on its way, and the goods are for sale again.
    const seen = await buyerStatus(order);
    expect(seen).toMatchObject({ paymentStatus: "expired", paid: 0 });
    expect(seen.parts.map((p) => p.status)).toEqual(["cancelled"]);
    expect(stockOf(productB.id)).toBe(stockBefore);
  });

  it("answers a malformed body with a valid signature with 400 and stores nothing", async () => {
    const before = transferCount();
    const transactionId = newTransactionId();
    const bodies = [
      `{"transactionId":"${transactionId}","amount":150000,"description":"OC`, // cut short: not JSON
      "not json at all",
      JSON.stringify({ transactionId, amount: "150000", description: "OC", accountNumber: PLATFORM_ACCOUNT, occurredAt: "now" }),
      JSON.stringify({ transactionId, amount: 150_000 }),
      JSON.stringify([transactionId]),
    ];
    for (const body of bodies) {
      const res = await deliverRaw(body, sign(body));
      expect(res.status, body).toBe(400);
    }
    expect(transferCount()).toBe(before);
    expect(storedTransfers(transactionId)).toEqual([]);
  });
});

describe("Stripe Checkout", () => {
  const createRequests = () => stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");

  it("opens one Checkout Session in VND for the order's exact amounts, whatever the buyer clicks again", async () => {
    const creates = createRequests().length;
    const order = await checkout(twoParts(), "stripe");
    const db = orderRow(order.code);
    const session = order.session!;
    expect(order.location).toBe(session.url);
    expect(db.stripe_session_id).toBe(session.id);

    const created = createRequests();
    expect(created).toHaveLength(creates + 1);
    const request = created.at(-1)!;
    expect(request.idempotencyKey).toBe(`order-${order.code}`);
    expect(request.params.currency).toBe("vnd");
    expect(asObject(request.params.metadata).orderCode).toBe(order.code);

    const lineItems = request.params.line_items;
    expect(Array.isArray(lineItems)).toBe(true);
    const lines = (lineItems as Param[]).map((item) => {
      const priceData = asObject(asObject(item).price_data);
      const unitAmount = priceData.unit_amount as string;
      const quantity = asObject(item).quantity as string;
      expect(priceData.currency).toBe("vnd");
      expect(unitAmount).toMatch(/^\d+$/); // VND is zero-decimal: whole đồng, no cents
      expect(quantity).toMatch(/^\d+$/);
      return { unitAmount: Number(unitAmount), quantity: Number(quantity) };
    });
    expect(lines.reduce((sum, l) => sum + l.unitAmount * l.quantity, 0)).toBe(db.total_vnd);
    expect(session.amount_total).toBe(db.total_vnd);

    // The first lines are the order's items; the rest are its shipping fees.
    const items = rows<{ unit_price_vnd: number; quantity: number }>(
      "SELECT unit_price_vnd, quantity FROM order_items WHERE order_id = ? ORDER BY id",
      order.id,
    );
    expect(lines.slice(0, items.length)).toEqual(items.map((i) => ({ unitAmount: i.unit_price_vnd, quantity: i.quantity })));
    const shippingLines = lines.slice(items.length);
    expect(shippingLines.reduce((sum, l) => sum + l.unitAmount * l.quantity, 0)).toBe(db.shipping_total_vnd);

    // The order page's "pay by card" button, pressed again, goes back to the same session.
    const sessionsBefore = stripe.sessions.size;
    const again = await post(`/orders/${order.code}?token=${encodeURIComponent(order.token)}`, { intent: "pay" });
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(session.url);
    expect(stripe.sessions.size).toBe(sessionsBefore);
    expect(createRequests().filter((r) => r.idempotencyKey === `order-${order.code}` && !r.replayed)).toHaveLength(1);
    expect(orderRow(order.code).stripe_session_id).toBe(session.id);
  });

  it("applies events once however often and in whatever order they arrive", async () => {
    const order = await checkout(twoParts(), "stripe");
    const total = orderRow(order.code).total_vnd;
    const paid = stripe.pay(order.session!.id);
    expect(paid.payment_status).toBe("paid");
    const completed = stripe.event("checkout.session.completed", paid, STRIPE_WEBHOOK_SECRET);
    const succeeded = stripe.event("checkout.session.async_payment_succeeded", paid, STRIPE_WEBHOOK_SECRET);

    const answers: unknown[] = [];
    for (const event of [succeeded, completed, completed, succeeded]) {
      const res = await deliverStripe(event.payload, event.header);
      expect(res.status).toBe(200);
      answers.push(await res.json());
    }
    expect(answers.map((a) => (a as { duplicate: boolean }).duplicate)).toEqual([false, false, true, true]);

    expect(orderRow(order.code)).toMatchObject({ payment_status: "paid", paid_vnd: total, stripe_payment_intent_id: paid.payment_intent });
    expect(partStatuses(order.id)).toEqual(["paid", "paid"]);
    expect(Object.values(ledgerRowsPerPart(order.id, "producer_pending"))).toEqual([1, 1]);
    expect(Object.values(ledgerRowsPerPart(order.id, "commission")).every((n) => n <= 1)).toBe(true);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM stripe_events WHERE order_id = ?", order.id).n).toBe(2);
    expect(rows<{ id: string }>("SELECT id FROM stripe_events WHERE order_id = ? ORDER BY id", order.id).map((e) => e.id)).toEqual(
      [completed.id, succeeded.id].sort(),
    );
    expect(await buyerStatus(order)).toMatchObject({ paymentStatus: "paid", paid: total, total });
  });

  it("keeps a bank transfer naming a card order for staff, and the card still pays the order once", async () => {
    const order = await checkout(twoParts(), "stripe");
    const total = orderRow(order.code).total_vnd;
    const stray = transfer({ amount: total, description: order.code });
    expect(await sendTransfer(stray)).toMatchObject({ outcome: "wrong_method" });
    expect(orderRow(order.code)).toMatchObject({ payment_status: "unpaid", paid_vnd: 0 });

    const paid = stripe.pay(order.session!.id);
    const completed = stripe.event("checkout.session.completed", paid, STRIPE_WEBHOOK_SECRET);
    expect(await (await deliverStripe(completed.payload, completed.header)).json()).toMatchObject({ duplicate: false, outcome: "paid" });
    expect(orderRow(order.code)).toMatchObject({ payment_status: "paid", paid_vnd: total });
    expect(Object.values(ledgerRowsPerPart(order.id, "producer_pending"))).toEqual([1, 1]);
    const page = await fetch(`${server.url}/staff/payments`, { headers: { cookie: await signIn(server, "admin@demo.local") } });
    expect(await page.text()).toContain(stray.transactionId);
  });

  it("refuses an event with a bad signature with 400 and records nothing", async () => {
    const order = await checkout([{ productId: productA.id, quantity: 1 }], "stripe");
    const paid = stripe.pay(order.session!.id);
    const before = stripeEventCount();

    const forged = stripe.event("checkout.session.completed", paid, "whsec_someone_else");
    const genuine = stripe.event("checkout.session.completed", paid, STRIPE_WEBHOOK_SECRET);
    const attempts: [string, string, string | null][] = [
      ["wrong secret", forged.payload, forged.header],
      ["tampered payload", genuine.payload.replace(`"amount_total": ${paid.amount_total}`, `"amount_total": 1`), genuine.header],
      ["missing header", genuine.payload, null],
      ["garbage header", genuine.payload, "t=1,v1=deadbeef"],
    ];
    expect(attempts[1]![1]).not.toBe(genuine.payload);
    for (const [what, payload, header] of attempts) {
      const res = await deliverStripe(payload, header);
      expect(res.status, what).toBe(400);
    }
    expect(stripeEventCount()).toBe(before);
    expect(rows("SELECT id FROM stripe_events WHERE id IN (?, ?)", forged.id, genuine.id)).toEqual([]);
    expect(orderRow(order.code)).toMatchObject({ payment_status: "unpaid", paid_vnd: 0 });
    expect(ledgerCount(order.id)).toBe(0);

    // The genuine event, untouched, pays: the refusals above were the signature's.
    expect((await deliverStripe(genuine.payload, genuine.header)).status).toBe(200);
    expect(orderRow(order.code).payment_status).toBe("paid");
  });

  it("closes the order and returns the stock when the async payment fails", async () => {
    const stockBefore = stockOf(productA.id);
    const order = await checkout([{ productId: productA.id, quantity: 2 }], "stripe");
    expect(stockOf(productA.id)).toBe(stockBefore - 2);
    const pending = stripe.pay(order.session!.id, { async: true });
    const completed = stripe.event("checkout.session.completed", pending, STRIPE_WEBHOOK_SECRET);
    expect((await deliverStripe(completed.payload, completed.header)).status).toBe(200);
    expect(orderRow(order.code).payment_status).toBe("unpaid"); // completed, but the money has not arrived

    const failed = stripe.event("checkout.session.async_payment_failed", stripe.settleAsync(order.session!.id, false), STRIPE_WEBHOOK_SECRET);
    expect((await deliverStripe(failed.payload, failed.header)).status).toBe(200);

    expect(orderRow(order.code)).toMatchObject({ payment_status: "failed", paid_vnd: 0 });
    expect(partStatuses(order.id)).toEqual(["cancelled"]);
    expect(stockOf(productA.id)).toBe(stockBefore);
    expect(ledgerCount(order.id)).toBe(0);
    const seen = await buyerStatus(order);
    expect(seen.paymentStatus).toBe("failed");
    expect(seen.parts.map((p) => p.status)).toEqual(["cancelled"]);
  });

  it("closes the order and returns the stock when the session expires", async () => {
    const stockBefore = stockOf(productB.id);
    const order = await checkout([{ productId: productB.id, quantity: 2 }], "stripe");
    expect(stockOf(productB.id)).toBe(stockBefore - 2);
    const expired = stripe.event("checkout.session.expired", stripe.expire(order.session!.id), STRIPE_WEBHOOK_SECRET);
    expect((await deliverStripe(expired.payload, expired.header)).status).toBe(200);

    expect(orderRow(order.code)).toMatchObject({ payment_status: "expired", paid_vnd: 0 });
    expect(partStatuses(order.id)).toEqual(["cancelled"]);
    expect(stockOf(productB.id)).toBe(stockBefore);
    expect((await buyerStatus(order)).paymentStatus).toBe("expired");
  });

  it("does not trust the success redirect: only a session Stripe reports paid pays, and only its own order", async () => {
    const order = await checkout([{ productId: productA.id, quantity: 1 }], "stripe");
    const sessionId = order.session!.id;
    const returnUrl = (code: string, session: string, token: string) =>
      `${server.url}/orders/${code}/stripe-return?session_id=${encodeURIComponent(session)}&token=${encodeURIComponent(token)}`;
    const orderPage = `/orders/${order.code}?token=${encodeURIComponent(order.token)}`;

    // Back from Stripe before paying (or by typing the URL): the server asks Stripe and pays nothing.
    const retrievals = () => stripe.requests.filter((r) => r.method === "GET" && r.path === `/v1/checkout/sessions/${sessionId}`).length;
    const asked = retrievals();
    const early = await fetch(returnUrl(order.code, sessionId, order.token), { redirect: "manual" });
    expect(early.status).toBe(303);
    expect(early.headers.get("location")).toBe(orderPage);
    expect(retrievals()).toBe(asked + 1);
    expect(orderRow(order.code)).toMatchObject({ payment_status: "unpaid", paid_vnd: 0 });
    expect(partStatuses(order.id)).toEqual(["awaiting_payment"]);

    // Another order's paid session does not pay this one.
    const other = await checkout([{ productId: productB.id, quantity: 1 }], "stripe");
    stripe.pay(other.session!.id);
    const swapped = await fetch(returnUrl(order.code, other.session!.id, order.token), { redirect: "manual" });
    expect(swapped.status).toBe(303);
    expect(orderRow(order.code)).toMatchObject({ payment_status: "unpaid", paid_vnd: 0 });
    expect(ledgerCount(order.id)).toBe(0);
    // Nor a made-up session id.
    await fetch(returnUrl(order.code, "cs_test_made_up_by_the_buyer", order.token), { redirect: "manual" });
    expect(orderRow(order.code).payment_status).toBe("unpaid");

    // Once Stripe says it is paid, the return pays it (even before any webhook).
    stripe.pay(sessionId);
    const back = await fetch(returnUrl(order.code, sessionId, order.token), { redirect: "manual" });
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe(orderPage);
    const total = orderRow(order.code).total_vnd;
    expect(orderRow(order.code)).toMatchObject({ payment_status: "paid", paid_vnd: total });
    expect(partStatuses(order.id)).toEqual(["paid"]);
    expect((await buyerStatus(order)).paymentStatus).toBe("paid");
  });
});

describe("prices come from the catalogue, not the buyer", () => {
  it("ignores prices and totals posted with the cart and checkout forms", async () => {
    const forged = { price: "1", priceVnd: "1", unitPriceVnd: "1", total: "1", totalVnd: "1", goodsTotalVnd: "1", shippingFeeVnd: "0", shippingTotalVnd: "0" };
    const lines = twoParts();
    const order = await checkout(lines, "vietqr", forged);
    const db = orderRow(order.code);

    const prices = new Map(
      rows<{ id: number; price_vnd: number }>("SELECT id, price_vnd FROM products WHERE id IN (?, ?)", productA.id, productB.id).map((p) => [
        p.id,
        p.price_vnd,
      ]),
    );
    const expectedGoods = lines.reduce((sum, l) => sum + prices.get(l.productId)! * l.quantity, 0);
    expect(expectedGoods).toBeGreaterThan(1);
    expect(db.goods_total_vnd).toBe(expectedGoods);
    const items = rows<{ product_id: number; unit_price_vnd: number; quantity: number }>(
      "SELECT product_id, unit_price_vnd, quantity FROM order_items WHERE order_id = ? ORDER BY product_id",
      order.id,
    );
    expect(items).toEqual(
      [...lines].sort((a, b) => a.productId - b.productId).map((l) => ({ product_id: l.productId, unit_price_vnd: prices.get(l.productId)!, quantity: l.quantity })),
    );
    const shipping = row<{ s: number }>("SELECT sum(shipping_fee_vnd) AS s FROM order_parts WHERE order_id = ?", order.id).s;
    expect(db.shipping_total_vnd).toBe(shipping);
    expect(db.total_vnd).toBe(expectedGoods + shipping);
    expect((await buyerStatus(order)).total).toBe(expectedGoods + shipping);
  });
});

describe("refunds by staff", () => {
  async function paidCardOrder() {
    const order = await checkout(twoParts(), "stripe");
    const paid = stripe.pay(order.session!.id);
    const completed = stripe.event("checkout.session.completed", paid, STRIPE_WEBHOOK_SECRET);
    expect((await deliverStripe(completed.payload, completed.header)).status).toBe(200);
    return { order, intent: paid.payment_intent as string };
  }
  const refund = (cookie: string, fields: Record<string, string>) =>
    fetch(`${server.url}/staff/payments`, { method: "POST", headers: { cookie }, body: new URLSearchParams({ intent: "refund", ...fields }), redirect: "manual" });
  const accountSum = (partId: number, account: string) =>
    row<{ s: number }>("SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE part_id = ? AND account = ?", partId, account).s;

  it("refunds one producer's part through Stripe once, then the rest of the order, reversing the ledger", async () => {
    const { order, intent } = await paidCardOrder();
    const [first, second] = rows<{ id: number; total_vnd: number }>("SELECT id, total_vnd FROM order_parts WHERE order_id = ? ORDER BY id", order.id);
    const admin = await signIn(server, "admin@demo.local");

    expect((await refund(admin, { orderCode: order.code, partId: String(first!.id), reason: "Hàng vỡ khi giao" })).status).toBe(303);
    const refundsAtStripe = () => stripe.refunds.filter((r) => r.payment_intent === intent);
    expect(refundsAtStripe().map((r) => r.amount)).toEqual([first!.total_vnd]);
    expect(partStatuses(order.id)).toEqual(["refunded", "paid"]);
    expect(orderRow(order.code).payment_status).toBe("partially_refunded");
    expect(accountSum(first!.id, "producer_pending")).toBe(0);
    expect(accountSum(first!.id, "commission")).toBe(0);
    expect(accountSum(first!.id, "refunded")).toBe(first!.total_vnd);
    expect(accountSum(second!.id, "producer_pending")).toBeGreaterThan(0);

    // The same part again: nothing left to refund, nothing sent to Stripe.
    expect((await refund(admin, { orderCode: order.code, partId: String(first!.id), reason: "Bấm lại lần nữa" })).status).toBe(409);
    expect(refundsAtStripe()).toHaveLength(1);

    expect((await refund(admin, { orderCode: order.code, partId: "", reason: "Người mua huỷ phần còn lại" })).status).toBe(303);
    expect(refundsAtStripe().map((r) => r.amount)).toEqual([first!.total_vnd, second!.total_vnd]);
    expect(orderRow(order.code).payment_status).toBe("refunded");
    expect(partStatuses(order.id)).toEqual(["refunded", "refunded"]);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM refunds WHERE order_id = ? AND method = 'stripe'", order.id).n).toBe(2);
  });

  it("records a bank refund for a transfer order, refuses an unpaid one, and keeps provincial staff to their province", async () => {
    const unpaid = await checkout(twoParts(), "vietqr");
    const admin = await signIn(server, "admin@demo.local");
    expect((await refund(admin, { orderCode: unpaid.code, partId: "", reason: "Chưa trả tiền" })).status).toBe(409);

    const order = await checkout(twoParts(), "vietqr");
    const total = orderRow(order.code).total_vnd;
    expect(await sendTransfer(transfer({ amount: total, description: order.code }))).toMatchObject({ outcome: "applied" });
    const provinces = rows<{ province_code: string }>(
      "SELECT pr.province_code FROM order_parts p JOIN producers pr ON pr.id = p.producer_id WHERE p.order_id = ?",
      order.id,
    ).map((p) => p.province_code);
    expect(provinces.some((code) => code !== "92")).toBe(true);
    const canTho = await signIn(server, "staff@demo.local");
    expect((await refund(canTho, { orderCode: order.code, partId: "", reason: "Ngoài tỉnh mình" })).status).toBe(403);
    expect(orderRow(order.code).payment_status).toBe("paid");

    const bad = await refund(admin, { orderCode: order.code, partId: "", reason: "x" });
    expect(bad.status).toBe(400);
    expect((await refund(admin, { orderCode: order.code, partId: "", reason: "Hết hàng, hoàn tiền qua ngân hàng" })).status).toBe(303);
    expect(row("SELECT amount_vnd, method FROM refunds WHERE order_id = ?", order.id)).toEqual({ amount_vnd: total, method: "bank" });
    expect(orderRow(order.code).payment_status).toBe("refunded");
  });
});

describe("refunds made in Stripe's dashboard", () => {
  it("records a full refund once, refunds every part and reverses the producers' shares", async () => {
    const order = await checkout(twoParts(), "stripe");
    const paid = stripe.pay(order.session!.id);
    const completed = stripe.event("checkout.session.completed", paid, STRIPE_WEBHOOK_SECRET);
    expect((await deliverStripe(completed.payload, completed.header)).status).toBe(200);
    const total = orderRow(order.code).total_vnd;

    const refunded = stripe.event("refund.created", stripe.refund(order.session!.id), STRIPE_WEBHOOK_SECRET);
    for (const _ of [1, 2]) expect((await deliverStripe(refunded.payload, refunded.header)).status).toBe(200);

    expect(orderRow(order.code).payment_status).toBe("refunded");
    expect(partStatuses(order.id)).toEqual(["refunded", "refunded"]);
    expect(row("SELECT count(*) AS n, sum(amount_vnd) AS s FROM refunds WHERE order_id = ?", order.id)).toEqual({ n: 1, s: total });
    const owed = row<{ s: number }>(
      "SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE order_id = ? AND account IN ('producer_pending', 'producer_payable', 'commission')",
      order.id,
    );
    expect(owed.s).toBe(0);
  });
});

describe("a part cancelled after payment", () => {
  it("is listed for staff as a refund due until the part is refunded", async () => {
    const demoProduct = row<{ id: number; producerId: number }>(
      `SELECT p.id, p.producer_id AS producerId FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN users u ON u.id = pr.owner_user_id
       WHERE u.email = 'producer@demo.local' AND p.status = 'live' AND p.stock >= 5 AND ${soldInOneSize("p")} ORDER BY p.id LIMIT 1`,
    );
    const other = productA.producerId !== demoProduct.producerId ? productA : productB;
    const order = await checkout(
      [
        { productId: demoProduct.id, quantity: 1 },
        { productId: other.id, quantity: 1 },
      ],
      "vietqr",
    );
    expect(await sendTransfer(transfer({ amount: orderRow(order.code).total_vnd, description: order.code }))).toMatchObject({ outcome: "applied" });
    const part = row<{ id: number; total_vnd: number }>("SELECT id, total_vnd FROM order_parts WHERE order_id = ? AND producer_id = ?", order.id, demoProduct.producerId);

    const producer = await signIn(server, "producer@demo.local");
    const cancel = await fetch(`${server.url}/seller/orders`, {
      method: "POST",
      headers: { cookie: producer },
      body: new URLSearchParams({ intent: "cancel", partId: String(part.id), reason: "Hết hàng do mưa lũ" }),
      redirect: "manual",
    });
    expect(cancel.status).toBe(303);

    const admin = await signIn(server, "admin@demo.local");
    const staffPage = async () => {
      const doc = parse(await (await fetch(`${server.url}/staff/payments`, { headers: { cookie: admin } })).text());
      return doc.querySelectorAll("li").map((li) => li.textContent.replace(/\s+/g, " "));
    };
    expect((await staffPage()).some((text) => text.includes(order.code) && text.includes("Hết hàng do mưa lũ"))).toBe(true);

    const refund = await fetch(`${server.url}/staff/payments`, {
      method: "POST",
      headers: { cookie: admin },
      body: new URLSearchParams({ intent: "refund", orderCode: order.code, partId: String(part.id), reason: "Hoàn phần bị huỷ" }),
      redirect: "manual",
    });
    expect(refund.status).toBe(303);
    expect(row("SELECT status FROM order_parts WHERE id = ?", part.id)).toEqual({ status: "refunded" });
    expect(row("SELECT amount_vnd, method FROM refunds WHERE part_id = ?", part.id)).toEqual({ amount_vnd: part.total_vnd, method: "bank" });
    expect((await staffPage()).some((text) => text.includes(order.code))).toBe(false);
  });
});
