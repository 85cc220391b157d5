/**
 * VNPay and MoMo (issue 15, INTEGRATIONS.md §2) through the real production server against local
 * doubles that sign with their own code (tests/doubles/wallets-double.ts): checkout sends the shopper
 * to the provider, the IPN pays once and answers the provider's contract (VNPay's RspCode, MoMo's
 * 204), a forged or altered call changes nothing, the shopper's return asks VNPay itself, reconciliation
 * catches a lost IPN, and a staff refund goes out through the provider once however often it is pressed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMomoDouble, startVnpayDouble, vnpaySignQuery, type MomoDouble, type MomoIpnBody, type VnpayDouble } from "../doubles/wallets-double";
import { nextBuyerPhone } from "../setup/buyers";
import { cookieOf, signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

const VNPAY = { tmnCode: "CHOOCOP1", hashSecret: "VNPAYDOUBLESECRET0123456789ABCDEF" };
const MOMO = { partnerCode: "MOMOCHOOCOP", accessKey: "momo-access-key", secretKey: "momo-secret-key" };

let server: TestServer;
/** The same settings with reconciliation every second, for the lost-IPN tests. */
let reconciling: TestServer;
let vnpay: VnpayDouble;
let momo: MomoDouble;
let wardCode: string;
let productId: number;

/** Both wallets pointed at the doubles; reconciliation every `reconcileSeconds`. */
function walletSettings(reconcileSeconds: string): Record<string, string> {
  return {
    VNPAY_TMN_CODE: VNPAY.tmnCode,
    VNPAY_HASH_SECRET: VNPAY.hashSecret,
    VNPAY_PAYMENT_URL: `${vnpay.url}/pay`,
    VNPAY_API_URL: `${vnpay.url}/api`,
    MOMO_PARTNER_CODE: MOMO.partnerCode,
    MOMO_ACCESS_KEY: MOMO.accessKey,
    MOMO_SECRET_KEY: MOMO.secretKey,
    MOMO_API_BASE: momo.url,
    PAYMENT_RECONCILE_SECONDS: reconcileSeconds,
  };
}

beforeAll(async () => {
  [vnpay, momo] = await Promise.all([startVnpayDouble(VNPAY), startMomoDouble(MOMO)]);
  // No reconciliation pass during most tests: what pays an order there is the call under test.
  server = await startServer(walletSettings("3600"));
  wardCode = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
  // Cần Thơ's goods, so the demo's provincial staff may refund them.
  productId = row<{ id: number }>(
    `SELECT products.id FROM products JOIN producers ON producers.id = products.producer_id
     WHERE products.status = 'live' AND products.producer_verified = 1 AND products.stock >= 50 AND producers.province_code = '92' AND ${soldInOneSize()}
     ORDER BY products.price_vnd, products.id LIMIT 1`,
  ).id;
});

afterAll(async () => {
  await (reconciling ?? server)?.stop();
  await Promise.all([vnpay?.stop(), momo?.stop()]);
});

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;

interface Placed {
  id: number;
  code: string;
  total: number;
  /** Where checkout sent the browser. */
  location: string;
  cookie: string;
}

const post = (path: string, fields: Record<string, string>, cookie = "") =>
  fetch(server.url + path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie } });

async function checkout(paymentMethod: "vnpay" | "momo", quantity = 1): Promise<Placed> {
  const added = await post("/cart", { intent: "add", productId: String(productId), quantity: String(quantity) });
  expect(added.status).toBe(303);
  const cartCookie = cookieOf(added);
  const form = await (await fetch(`${server.url}/checkout`, { headers: { cookie: cartCookie } })).text();
  expect(form).toContain(`value="${paymentMethod}"`);
  const res = await post(
    "/checkout",
    { fullName: "Trần Văn Nam", phone: nextBuyerPhone(), provinceCode: "92", wardCode, addressLine: "12 Hòa Bình, Ninh Kiều", paymentMethod },
    cartCookie,
  );
  expect(res.status).toBe(303);
  const order = row<{ id: number; code: string; total_vnd: number; payment_method: string }>("SELECT id, code, total_vnd, payment_method FROM orders ORDER BY id DESC LIMIT 1");
  expect(order.payment_method).toBe(paymentMethod);
  // The guest's browser remembers the order (its cookie), as after Stripe: the provider never sees the token.
  return { id: order.id, code: order.code, total: order.total_vnd, location: res.headers.get("location") ?? "", cookie: [cartCookie, cookieOf(res)].filter(Boolean).join("; ") };
}

const orderState = (o: Placed) => row<{ payment_status: string; paid_vnd: number; refunded_vnd: number }>("SELECT payment_status, paid_vnd, refunded_vnd FROM orders WHERE id = ?", o.id);
const partStatuses = (o: Placed) => (server.db.prepare("SELECT status FROM order_parts WHERE order_id = ? ORDER BY id").all(o.id) as { status: string }[]).map((p) => p.status);
const transfersOf = (o: Placed) =>
  server.db.prepare("SELECT provider, transaction_id, amount_vnd, outcome FROM bank_transfers WHERE order_id = ? ORDER BY id").all(o.id) as { provider: string; transaction_id: string; amount_vnd: number; outcome: string }[];
const ledgerRefunded = (o: Placed) =>
  row<{ n: number }>("SELECT coalesce(sum(amount_vnd), 0) AS n FROM ledger_entries WHERE account = 'refunded' AND part_id IN (SELECT id FROM order_parts WHERE order_id = ?)", o.id).n;

const ipnVnpay = (query: URLSearchParams) => fetch(`${server.url}/webhooks/vnpay?${query}`);
const ipnMomo = (body: unknown) => fetch(`${server.url}/webhooks/momo`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });

async function eventually(check: () => boolean, what: string, deadlineMs = 15_000) {
  const until = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function refund(o: Placed, staffCookie: string) {
  return post("/staff/payments", { intent: "refund", orderCode: o.code, reason: "Người mua trả hàng" }, staffCookie);
}

describe("VNPay", () => {
  it("sends the shopper to a signed VNPay page for exactly the order, and the order page offers it again", async () => {
    const order = await checkout("vnpay");
    expect(order.location.startsWith(`${vnpay.url}/pay?`)).toBe(true);
    const page = await fetch(order.location);
    expect(page.status).toBe(200);
    const payment = vnpay.payments.get(order.code)!;
    expect(payment).toMatchObject({ amount: order.total, returnUrl: `${server.url}/orders/${order.code}` });
    expect(payment.orderInfo).toBe(`Thanh toan don hang ${order.code}`);

    const html = await (await fetch(`${server.url}/orders/${order.code}`, { headers: { cookie: order.cookie } })).text();
    expect(html).toContain("Thanh toán qua VNPay");
    const again = await post(`/orders/${order.code}`, { intent: "pay" }, order.cookie);
    expect(again.status).toBe(303);
    // The same payment: one VNPay transaction per order.
    expect(again.headers.get("location")).toBe(order.location);
  });

  it("pays once from the IPN, answers 00 then 02 to a replay, and the ledger holds each share once", async () => {
    const order = await checkout("vnpay");
    await fetch(order.location);
    const ipn = vnpay.pay(order.code);
    const first = await ipnVnpay(ipn);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ RspCode: "00", Message: "Confirm Success" });
    expect(orderState(order)).toMatchObject({ payment_status: "paid", paid_vnd: order.total });
    expect(partStatuses(order)).toEqual(["paid"]);
    expect(await (await ipnVnpay(ipn)).json()).toEqual({ RspCode: "02", Message: "Order already confirmed" });
    // Out of order: a stale "declined" arriving after the payment undoes nothing.
    await ipnVnpay(vnpay.pay(order.code, { responseCode: "24" }));
    expect(orderState(order)).toMatchObject({ payment_status: "paid", paid_vnd: order.total });
    expect(transfersOf(order)).toEqual([{ provider: "vnpay", transaction_id: `${order.code}:${vnpay.payments.get(order.code)!.transactionNo}`, amount_vnd: order.total, outcome: "applied" }]);
    const pending = row<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE part_id IN (SELECT id FROM order_parts WHERE order_id = ?) AND account = 'producer_pending'", order.id).n;
    expect(pending).toBe(1);
  });

  it("answers 97 to a bad checksum and 04 to a wrong amount, and a bad checksum stores nothing", async () => {
    const order = await checkout("vnpay");
    await fetch(order.location);
    const forged = vnpay.pay(order.code);
    forged.set("vnp_Amount", String(order.total * 100 - 100_000));
    expect(await (await ipnVnpay(forged)).json()).toEqual({ RspCode: "97", Message: "Invalid Checksum" });
    expect(transfersOf(order)).toEqual([]);
    // Kept apart from transfers, for staff to notice a wrong secret.
    expect(row<{ reason: string; excerpt: string }>("SELECT reason, excerpt FROM refused_callbacks WHERE provider = 'vnpay' ORDER BY id DESC LIMIT 1")).toEqual({
      reason: "authentication",
      excerpt: expect.stringContaining(`vnp_TxnRef=${order.code}`),
    });
    const staffPage = await (await fetch(`${server.url}/staff/payments`, { headers: { cookie: await signIn(server, "staff@demo.local") } })).text();
    expect(staffPage).toContain("Cuộc gọi webhook bị từ chối (24 giờ qua)");
    expect(staffPage).toMatch(/id="refused-calls"[\s\S]*data-provider="vnpay"[\s\S]*?\d+ cuộc gọi, lần cuối/);

    const short = vnpay.pay(order.code, { amount: order.total - 1000 });
    expect(await (await ipnVnpay(short)).json()).toEqual({ RspCode: "04", Message: "Invalid amount" });
    expect(orderState(order).payment_status).toBe("unpaid");
    // Kept for staff: money VNPay took that pays nothing.
    expect(transfersOf(order).map((t) => t.outcome)).toEqual(["short"]);
  });

  it("answers 01 to an order it never made a payment for, and changes no order", async () => {
    const vietqrOrder = row<{ code: string }>("SELECT code FROM orders WHERE payment_method = 'vietqr' AND payment_status = 'unpaid' LIMIT 1");
    const params: Record<string, string> = {
      vnp_Amount: "10000000", vnp_ResponseCode: "00", vnp_TransactionStatus: "00", vnp_TmnCode: VNPAY.tmnCode,
      vnp_TransactionNo: "12345678", vnp_TxnRef: vietqrOrder?.code ?? "NOSUCHORDER1", vnp_PayDate: "20261203120000", vnp_OrderInfo: "x",
    };
    const res = await ipnVnpay(new URLSearchParams({ ...params, vnp_SecureHash: vnpaySignQuery(VNPAY.hashSecret, params) }));
    expect(await res.json()).toEqual({ RspCode: "01", Message: "Order not found" });
    if (vietqrOrder) expect(row<{ payment_status: string }>("SELECT payment_status FROM orders WHERE code = ?", vietqrOrder.code).payment_status).toBe("unpaid");
  });

  it("a declined payment changes nothing and the shopper may pay again", async () => {
    const order = await checkout("vnpay");
    await fetch(order.location);
    expect(await (await ipnVnpay(vnpay.pay(order.code, { responseCode: "24" }))).json()).toEqual({ RspCode: "00", Message: "Confirm Success" });
    expect(orderState(order).payment_status).toBe("unpaid");
    expect(transfersOf(order)).toEqual([]);
    const html = await (await fetch(`${server.url}/orders/${order.code}`, { headers: { cookie: order.cookie } })).text();
    expect(html).toContain("Thanh toán qua VNPay");
  });

  it("on the shopper's return asks VNPay (querydr) rather than the return query, so a lost IPN still shows paid", async () => {
    const order = await checkout("vnpay");
    await fetch(order.location);
    // A return that claims success before VNPay took anything (even correctly signed) pays nothing.
    const claimed: Record<string, string> = { vnp_TxnRef: order.code, vnp_Amount: String(order.total * 100), vnp_ResponseCode: "00", vnp_TransactionStatus: "00", vnp_TmnCode: VNPAY.tmnCode };
    await fetch(`${server.url}/orders/${order.code}?${new URLSearchParams({ ...claimed, vnp_SecureHash: vnpaySignQuery(VNPAY.hashSecret, claimed) })}`, { headers: { cookie: order.cookie } });
    expect(orderState(order).payment_status).toBe("unpaid");

    const returned = vnpay.pay(order.code); // VNPay took the money; its IPN never arrives
    const calls = vnpay.apiCalls.length;
    const html = await (await fetch(`${server.url}/orders/${order.code}?${returned}`, { headers: { cookie: order.cookie } })).text();
    expect(vnpay.apiCalls.slice(calls).map((c) => c.vnp_Command)).toContain("querydr");
    expect(orderState(order)).toMatchObject({ payment_status: "paid", paid_vnd: order.total });
    expect(html).toContain("Đã thanh toán");
    // Reloading the return page of a paid order asks VNPay nothing more.
    const asked = vnpay.apiCalls.length;
    await fetch(`${server.url}/orders/${order.code}?${returned}`, { headers: { cookie: order.cookie } });
    expect(vnpay.apiCalls.length).toBe(asked);
  });

  it("refunds through VNPay's API once, however often staff press", async () => {
    const order = await checkout("vnpay");
    await fetch(order.location);
    await ipnVnpay(vnpay.pay(order.code));
    const staff = await signIn(server, "staff@demo.local");
    expect((await refund(order, staff)).status).toBe(303);
    expect((await refund(order, staff)).status).toBe(409);
    const atVnpay = vnpay.refunds.filter((r) => r.txnRef === order.code);
    expect(atVnpay).toEqual([expect.objectContaining({ amount: order.total, type: "02", transactionNo: vnpay.payments.get(order.code)!.transactionNo })]);
    expect(orderState(order)).toMatchObject({ payment_status: "refunded", refunded_vnd: order.total });
    expect(ledgerRefunded(order)).toBe(order.total);
    expect(row<{ n: number; method: string }>("SELECT count(*) AS n, max(method) AS method FROM refunds WHERE order_id = ?", order.id)).toEqual({ n: 1, method: "vnpay" });
  });
});

describe("MoMo", () => {
  it("creates the payment (signed, our code as orderId, ipnUrl ours) and sends the shopper to MoMo", async () => {
    const order = await checkout("momo");
    const create = momo.creates.at(-1)!;
    expect(create).toMatchObject({ partnerCode: MOMO.partnerCode, orderId: order.code, amount: order.total, requestType: "captureWallet", ipnUrl: `${server.url}/webhooks/momo` });
    expect(order.location).toBe(`${momo.url}/pay/${order.code}`);
  });

  it("pays once from the IPN with 204, and a replay, 9000 or a failure change nothing", async () => {
    const order = await checkout("momo");
    const authorised = momo.pay(order.code, { resultCode: 9000 });
    const waiting = await ipnMomo(authorised);
    expect(waiting.status).toBe(204);
    expect(orderState(order).payment_status).toBe("unpaid");
    expect((await ipnMomo(momo.pay(order.code, { resultCode: 1006 }))).status).toBe(204);
    expect(orderState(order).payment_status).toBe("unpaid");

    const paid = momo.pay(order.code);
    const first = await ipnMomo(paid);
    expect(first.status).toBe(204);
    expect(await first.text()).toBe("");
    expect((await ipnMomo(paid)).status).toBe(204);
    // Out of order: a failure reported after the payment undoes nothing.
    expect((await ipnMomo(momo.pay(order.code, { resultCode: 1006 }))).status).toBe(204);
    expect(orderState(order)).toMatchObject({ payment_status: "paid", paid_vnd: order.total });
    expect(transfersOf(order)).toEqual([{ provider: "momo", transaction_id: `${order.code}:${paid.transId}`, amount_vnd: order.total, outcome: "applied" }]);
  });

  it("keeps a signed payment for an order it never asked MoMo about, for staff, paying nothing", async () => {
    const body = {
      partnerCode: MOMO.partnerCode, orderId: "NOSUCHORDER9", requestId: "req-unknown", amount: 52_000, orderInfo: "?", orderType: "momo_wallet",
      transId: 4_123_456_789, resultCode: 0, message: "Successful.", payType: "qr", responseTime: Date.now(), extraData: "",
    };
    expect((await ipnMomo({ ...body, signature: momo.sign(body) })).status).toBe(204);
    expect(row<{ outcome: string; order_id: number | null }>("SELECT outcome, order_id FROM bank_transfers WHERE provider = 'momo' AND transaction_id = ?", `NOSUCHORDER9:${body.transId}`)).toEqual({ outcome: "unknown_code", order_id: null });
  });

  it("refuses a forged or altered IPN and stores nothing; a signed wrong amount is kept for staff", async () => {
    const order = await checkout("momo");
    const paid = momo.pay(order.code);
    const altered: MomoIpnBody = { ...paid, amount: paid.amount - 1000 };
    expect((await ipnMomo(altered)).status).toBe(401);
    expect((await ipnMomo({ ...paid, signature: "0".repeat(64) })).status).toBe(401);
    expect((await ipnMomo({ hello: "world" })).status).toBe(400);
    expect(transfersOf(order)).toEqual([]);

    const { signature: _, ...unsigned } = altered;
    expect((await ipnMomo({ ...altered, signature: momo.sign(unsigned) })).status).toBe(204);
    expect(orderState(order).payment_status).toBe("unpaid");
    expect(transfersOf(order).map((t) => t.outcome)).toEqual(["short"]);
  });

  it("refunds through MoMo under a new order id, once, however often staff press", async () => {
    const order = await checkout("momo");
    const paid = momo.pay(order.code);
    await ipnMomo(paid);
    const staff = await signIn(server, "staff@demo.local");
    expect((await refund(order, staff)).status).toBe(303);
    expect((await refund(order, staff)).status).toBe(409);
    const atMomo = momo.refunds.filter((r) => r.transId === paid.transId);
    expect(atMomo).toHaveLength(1);
    expect(atMomo[0]!.amount).toBe(order.total);
    expect(atMomo[0]!.orderId).not.toBe(order.code);
    expect(orderState(order)).toMatchObject({ payment_status: "refunded", refunded_vnd: order.total });
    expect(ledgerRefunded(order)).toBe(order.total);
  });
});

// Last in the file: from here on the helpers talk to a server that reconciles every second.
describe("reconciliation (a lost IPN)", () => {
  beforeAll(async () => {
    reconciling = await startServer(walletSettings("1"));
    await server.stop();
    server = reconciling;
  });

  it("asks VNPay (querydr) and MoMo (query) about their unpaid orders and applies what they took", async () => {
    const viaVnpay = await checkout("vnpay");
    await fetch(viaVnpay.location);
    vnpay.pay(viaVnpay.code);
    const viaMomo = await checkout("momo");
    momo.pay(viaMomo.code);
    await eventually(() => orderState(viaVnpay).payment_status === "paid" && orderState(viaMomo).payment_status === "paid", "reconciliation to pay both orders");
    expect(transfersOf(viaVnpay).map((t) => [t.provider, t.outcome])).toEqual([["vnpay", "applied"]]);
    expect(transfersOf(viaMomo).map((t) => [t.provider, t.outcome])).toEqual([["momo", "applied"]]);
  });
});
