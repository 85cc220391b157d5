/**
 * payOS payment links (issue 15, INTEGRATIONS.md §1.3) through the real production server against a
 * local payOS double (tests/doubles/payos-double.ts): checkout makes the link, the order page shows its
 * VietQR, the signed webhook pays once, reconciliation catches a lost webhook by asking the link's
 * status, and a lapsed order's link is cancelled at payOS.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYOS_ACCOUNT, signPayosData, startPayosDouble, type PayosDouble } from "../doubles/payos-double";
import { nextBuyerPhone } from "../setup/buyers";
import { cookieOf } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

const CLIENT_ID = "payos-client";
const API_KEY = "payos-api-key";
const CHECKSUM_KEY = "1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675";

let server: TestServer;
let payos: PayosDouble;
let writer: Database.Database;
let wardCode: string;
let productId: number;

beforeAll(async () => {
  payos = await startPayosDouble({ clientId: CLIENT_ID, apiKey: API_KEY, checksumKey: CHECKSUM_KEY });
  server = await startServer({
    PAYOS_CLIENT_ID: CLIENT_ID,
    PAYOS_API_KEY: API_KEY,
    PAYOS_CHECKSUM_KEY: CHECKSUM_KEY,
    PAYOS_API_BASE: payos.url,
    PAYMENT_RECONCILE_SECONDS: "1",
  });
  writer = new Database(server.databasePath);
  wardCode = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
  productId = row<{ id: number }>(
    `SELECT id FROM products WHERE status = 'live' AND producer_verified = 1 AND stock >= 50 AND ${soldInOneSize()} ORDER BY price_vnd, id LIMIT 1`,
  ).id;
});

afterAll(async () => {
  writer?.close();
  await server?.stop();
  await payos?.stop();
});

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;

interface Placed {
  id: number;
  code: string;
  /** The order page as the guest reaches it (with its token). */
  page: string;
  total: number;
  expiresAt: number;
}

async function checkoutWithPayos(): Promise<Placed> {
  const post = (path: string, fields: Record<string, string>, cookie = "") =>
    fetch(server.url + path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie } });
  const added = await post("/cart", { intent: "add", productId: String(productId), quantity: "1" });
  expect(added.status).toBe(303);
  const cookie = cookieOf(added);
  const form = await (await fetch(`${server.url}/checkout`, { headers: { cookie } })).text();
  expect(form).toContain('value="payos"');
  expect(form).toContain("Chuyển khoản qua payOS");
  const res = await post(
    "/checkout",
    { fullName: "Lê Thị Hoa", phone: nextBuyerPhone(), provinceCode: "92", wardCode, addressLine: "8 Lý Tự Trọng, Ninh Kiều", paymentMethod: "payos" },
    cookie,
  );
  expect(res.status).toBe(303);
  const page = res.headers.get("location") ?? "";
  const code = /^\/orders\/([A-Z0-9]{10,12})\?token=/.exec(page)?.[1] ?? "";
  expect(code, page).not.toBe("");
  const order = row<{ id: number; total_vnd: number; expires_at: number; payment_method: string }>("SELECT id, total_vnd, expires_at, payment_method FROM orders WHERE code = ?", code);
  expect(order.payment_method).toBe("payos");
  return { id: order.id, code, page, total: order.total_vnd, expiresAt: order.expires_at };
}

const orderState = (o: Placed) => row<{ payment_status: string; paid_vnd: number }>("SELECT payment_status, paid_vnd FROM orders WHERE id = ?", o.id);
const linkOf = (o: Placed) => row<{ provider_order_code: number; status: string; qr_code: string | null; description: string } | undefined>("SELECT * FROM payment_links WHERE order_id = ?", o.id);
const transfers = (o: Placed) => server.db.prepare("SELECT provider, transaction_id, amount_vnd, outcome FROM bank_transfers WHERE order_id = ? ORDER BY id").all(o.id) as { provider: string; transaction_id: string; amount_vnd: number; outcome: string }[];

function postWebhook(body: unknown) {
  return fetch(`${server.url}/webhooks/payos`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
}

async function eventually(check: () => boolean, what: string, deadlineMs = 15_000) {
  const until = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("payOS", () => {
  it("signs with the published webhook vector in this test's double too", () => {
    const data = {
      orderCode: 123, amount: 3000, description: "VQRIO123", accountNumber: "12345678", reference: "TF230204212323",
      transactionDateTime: "2023-02-04 18:25:00", currency: "VND", paymentLinkId: "124c33293c43417ab7879e14c8d9eb18", code: "00",
      desc: "Thành công", counterAccountBankId: "", counterAccountBankName: "", counterAccountName: "", counterAccountNumber: "",
      virtualAccountName: "", virtualAccountNumber: "",
    };
    expect(signPayosData(CHECKSUM_KEY, data)).toBe("412e915d2871504ed31be63c8f62a149a4410d34c4c42affc9006ef9917eaa03");
  });

  it("makes the link at checkout (signed, description ≤ 9, expiring with our hold, no token sent) and shows its VietQR and fields on the order page", async () => {
    const order = await checkoutWithPayos();
    const create = payos.creates.at(-1)!;
    expect(create).toMatchObject({ orderCode: order.id, amount: order.total, expiredAt: Math.floor(order.expiresAt / 1000) });
    expect(String(create.description).length).toBeLessThanOrEqual(9);
    expect(order.code.startsWith(String(create.description))).toBe(true);
    expect(String(create.returnUrl)).toBe(`${server.url}/orders/${order.code}`);
    expect(linkOf(order)).toMatchObject({ provider_order_code: order.id, status: "open", description: create.description });

    const html = await (await fetch(server.url + order.page)).text();
    expect(html).toContain("Chuyển khoản qua payOS");
    expect(html).toContain(PAYOS_ACCOUNT);
    expect(html).toContain(`>${String(create.description)}<`);
    expect(html).toContain("Mở trang thanh toán của payOS");
    const png = await fetch(`${server.url}/orders/${order.code}/vietqr.png?${order.page.split("?")[1]}`);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect((await png.arrayBuffer()).byteLength).toBeGreaterThan(500);
  });

  it("pays the order once on the signed webhook, answers {success: true}, and a replay changes nothing", async () => {
    const order = await checkoutWithPayos();
    const webhook = payos.pay(linkOf(order)!.provider_order_code);
    const res = await postWebhook(webhook);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"success":true}');
    expect(orderState(order)).toEqual({ payment_status: "paid", paid_vnd: order.total });
    const again = await postWebhook(webhook);
    expect(again.status).toBe(200);
    expect(transfers(order)).toEqual([{ provider: "payos", transaction_id: `${order.id}:${String(webhook.data.reference)}`, amount_vnd: order.total, outcome: "applied" }]);
    const html = await (await fetch(server.url + order.page)).text();
    expect(html).not.toContain("Chuyển khoản qua payOS");
  });

  it("refuses a bad signature and stores nothing; stores a short payment and an unknown link without paying", async () => {
    const order = await checkoutWithPayos();
    const orderCode = linkOf(order)!.provider_order_code;
    // Signed by "payOS" but not recorded there: reconciliation cannot find it, only the webhook could.
    const full = payos.webhookFor(orderCode);
    const forged = { ...full, data: { ...full.data, amount: order.total + 1 } };
    expect((await postWebhook(forged)).status).toBe(401);
    expect((await postWebhook({ ...full, signature: "0".repeat(64) })).status).toBe(401);
    expect(transfers(order)).toEqual([]);
    expect(orderState(order).payment_status).toBe("unpaid");

    const short = payos.pay(orderCode, order.total - 1000);
    expect((await postWebhook(short)).status).toBe(200);
    expect(transfers(order).map((t) => t.outcome)).toEqual(["short"]);
    expect(orderState(order)).toEqual({ payment_status: "unpaid", paid_vnd: 0 });

    // payOS's own test call when the webhook URL is confirmed names no link of ours.
    const data = { ...full.data, orderCode: 123, reference: "TF230204212323" };
    const res = await postWebhook({ code: "00", desc: "success", success: true, data, signature: signPayosData(CHECKSUM_KEY, data) });
    expect(res.status).toBe(200);
    expect(row<{ outcome: string }>("SELECT outcome FROM bank_transfers WHERE provider = 'payos' AND transaction_id = '123:TF230204212323'").outcome).toBe("unknown_code");
  });

  it("pays an order whose webhook was lost, by asking payOS the link's status", async () => {
    const order = await checkoutWithPayos();
    const start = Date.now();
    payos.pay(linkOf(order)!.provider_order_code);
    await eventually(() => orderState(order).payment_status === "paid", "reconciliation to pay the order");
    expect(transfers(order).map((t) => [t.provider, t.outcome])).toEqual([["payos", "applied"]]);
    await eventually(
      () => (server.db.prepare("SELECT count(*) AS n FROM reconciliation_runs WHERE provider = 'payos' AND applied >= 1 AND started_at >= ?").get(start) as { n: number }).n === 1,
      "the run to be recorded",
    );
  });

  it("cancels the link at payOS once the order lapses", async () => {
    const order = await checkoutWithPayos();
    const orderCode = linkOf(order)!.provider_order_code;
    writer.prepare("UPDATE orders SET expires_at = ? WHERE id = ?").run(Date.now() - 1000, order.id);
    // Showing the order closes it at once (as the minute's upkeep would).
    await fetch(server.url + order.page);
    expect(orderState(order).payment_status).toBe("expired");
    await eventually(() => linkOf(order)!.status === "cancelled", "the link to be cancelled");
    expect(payos.cancels).toContain(orderCode);
    expect(payos.links.get(orderCode)!.status).toBe("CANCELLED");
  });

  it("keeps the order when payOS fails at checkout, and makes the link (same orderCode) when the shopper asks again", async () => {
    payos.failCreates = true;
    let order: Placed;
    try {
      order = await checkoutWithPayos();
    } finally {
      payos.failCreates = false;
    }
    expect(linkOf(order)?.status).toBe("creating");
    const html = await (await fetch(server.url + order.page)).text();
    expect(html).toContain("Tạo mã thanh toán payOS");
    expect(html).not.toContain("Chuyển khoản qua payOS");
    const retry = await fetch(server.url + order.page, { method: "POST", body: new URLSearchParams({ intent: "payos" }), redirect: "manual" });
    expect(retry.status).toBe(303);
    expect(linkOf(order)?.status).toBe("open");
    expect(payos.creates.filter((c) => c.orderCode === order.id)).toHaveLength(2);
    expect(await (await fetch(server.url + order.page)).text()).toContain("Chuyển khoản qua payOS");
  });
});
