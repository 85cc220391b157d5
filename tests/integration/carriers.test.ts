/**
 * Delivery through carriers (issue 18, ADR 0028) through the real production server against local
 * doubles of GHTK, GHN, Viettel Post and EMS (tests/doubles/carriers.ts), each speaking its carrier's
 * documented format. For each carrier: the quote at checkout becomes the part's fee; booking twice
 * books once; the label prints; a cancel is allowed before pick-up only; the callbacks to delivered
 * move the part and the ledger exactly once; replays and late or out-of-order events change nothing;
 * a forged callback changes nothing; a carrier too slow at checkout leaves the table fee.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import areas from "~/domain/shipping/data/carrier-areas.json";
import { startEmsDouble, startGhnDouble, startGhtkDouble, startViettelPostDouble, type Callback, type CarrierDouble } from "../doubles/carriers";
import { nextBuyerPhone } from "../setup/buyers";
import { cookieOf, getPage, signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

const BANK_SECRET = "carriers-test-bank-secret";
const SECRETS = { ghtk: "ghtk-hook-secret", ghn: "ghn-hook-secret", viettelpost: "vtp-authorization-secret", ems: "ems-hook-secret" };

let server: TestServer;
let doubles: Record<"ghtk" | "ghn" | "viettelpost" | "ems", CarrierDouble & { advance: (waybill: string, status: string, options?: { at?: Date; record?: boolean }) => Callback }>;
let producerCookie: string;
let productId: number;
let producerId: number;
/** A commune of Cần Thơ (92) that the mapping sample covers, for the buyer. */
const buyerWard = Object.keys(areas.carriers.ghn).find((code) => code.startsWith("31") && code !== "31684")!;

beforeAll(async () => {
  const [ghtk, ghn, viettelpost, ems] = await Promise.all([
    startGhtkDouble({ token: "ghtk-token", partnerCode: "S-OCOP", webhookSecret: SECRETS.ghtk }),
    startGhnDouble({ token: "ghn-token", shopId: "885", webhookSecret: SECRETS.ghn }),
    startViettelPostDouble({ token: "vtp-token", webhookSecret: SECRETS.viettelpost }),
    startEmsDouble({ token: "ems-token", webhookSecret: SECRETS.ems }),
  ]);
  doubles = { ghtk, ghn, viettelpost, ems };
  server = await startServer({
    BANK_WEBHOOK_SECRET: BANK_SECRET,
    VIETQR_ACCOUNT_NO: "",
    CARRIER_QUOTE_BUDGET_MS: "700",
    GHTK_API_TOKEN: "ghtk-token",
    GHTK_PARTNER_CODE: "S-OCOP",
    GHTK_API_BASE: ghtk.url,
    GHTK_WEBHOOK_SECRET: SECRETS.ghtk,
    GHN_TOKEN: "ghn-token",
    GHN_SHOP_ID: "885",
    GHN_API_BASE: ghn.url,
    GHN_PRINT_BASE: ghn.url,
    GHN_WEBHOOK_SECRET: SECRETS.ghn,
    VIETTELPOST_TOKEN: "vtp-token",
    VIETTELPOST_API_BASE: viettelpost.url,
    VIETTELPOST_PRINT_BASE: viettelpost.url,
    VIETTELPOST_WEBHOOK_SECRET: SECRETS.viettelpost,
    EMS_MERCHANT_TOKEN: "ems-token",
    EMS_API_BASE: ems.url,
    EMS_WEBHOOK_SECRET: SECRETS.ems,
  });
  producerCookie = await signIn(server, "producer@demo.local");
  producerId = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
  productId = row<{ id: number }>(
    `SELECT id FROM products WHERE producer_id = ? AND status = 'live' AND stock >= 100 AND weight_grams BETWEEN 100 AND 900 AND ${soldInOneSize()} ORDER BY price_vnd, id LIMIT 1`,
    producerId,
  ).id;
});

afterAll(async () => {
  await server?.stop();
  await Promise.all(Object.values(doubles ?? {}).map((d) => d.stop()));
});

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as T[];

function post(path: string, fields: Record<string, string | string[]>, cookie = "") {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return fetch(server.url + path, { method: "POST", body, redirect: "manual", headers: { cookie } });
}

async function chooseCarriers(carriers: string[]) {
  const res = await post(`/seller/shipping?for=${producerId}`, { carriers, defaultCarrier: carriers[0]!, contactName: "Nguyễn Văn Cua", phone: "0912345678", wardCode: "31684", addressLine: "Ấp Phú Hữu" }, producerCookie);
  expect(res.status, await res.clone().text()).toBe(303);
}

interface Placed {
  code: string;
  orderId: number;
  partId: number;
  page: string;
  total: number;
}

async function checkout(quantity = 1): Promise<Placed & { form: string }> {
  const added = await post("/cart", { intent: "add", productId: String(productId), quantity: String(quantity) });
  expect(added.status).toBe(303);
  const cookie = cookieOf(added);
  // What the shopper sees once the commune is chosen (JS: the fetcher; without: the "quote" post).
  const form = await (await fetch(`${server.url}/checkout?province=92&ward=${buyerWard}`, { headers: { cookie } })).text();
  const res = await post("/checkout", { fullName: "Trần Thị Mai", phone: nextBuyerPhone(), provinceCode: "92", wardCode: buyerWard, addressLine: "12 Trần Hưng Đạo", paymentMethod: "vietqr" }, cookie);
  expect(res.status, await res.clone().text()).toBe(303);
  const page = res.headers.get("location")!;
  const code = /^\/orders\/([A-Z0-9]+)\?/.exec(page)![1]!;
  const order = row<{ id: number; total_vnd: number }>("SELECT id, total_vnd FROM orders WHERE code = ?", code);
  const part = row<{ id: number }>("SELECT id FROM order_parts WHERE order_id = ?", order.id);
  return { code, orderId: order.id, partId: part.id, page, total: order.total_vnd, form };
}

async function payAndConfirm(order: Placed) {
  const body = JSON.stringify({ transactionId: `T-${order.code}`, amount: order.total, description: order.code, accountNumber: "257678859", occurredAt: new Date().toISOString() });
  const paid = await fetch(`${server.url}/webhooks/bank-transfer`, { method: "POST", body, headers: { "Content-Type": "application/json", "X-Signature": `sha256=${createHmac("sha256", BANK_SECRET).update(body).digest("hex")}` } });
  expect(paid.status).toBe(200);
  const confirmed = await post(`/seller/orders?for=${producerId}`, { intent: "confirm", partId: String(order.partId) }, producerCookie);
  expect(confirmed.status).toBe(303);
  expect(partStatus(order)).toBe("confirmed");
}

const book = (order: Placed, carrier: string) =>
  post(`/seller/orders?for=${producerId}`, { intent: "book", partId: String(order.partId), carrier, weightGrams: "700", lengthCm: "20", widthCm: "15", heightCm: "10" }, producerCookie);

const partStatus = (order: Placed) => row<{ status: string }>("SELECT status FROM order_parts WHERE id = ?", order.partId).status;
const liveShipment = (order: Placed) =>
  row<{ id: number; waybill: string; status: string; tracking_state: string; idempotency_key: string } | undefined>("SELECT * FROM shipments WHERE part_id = ? AND status IN ('booking','booked')", order.partId);
const ledger = (order: Placed) => rows<{ account: string; amount_vnd: number; memo: string }>("SELECT account, amount_vnd, memo FROM ledger_entries WHERE part_id = ? ORDER BY id", order.partId);
const events = (order: Placed) => rows<{ outcome: string; state: string }>("SELECT e.outcome, e.state FROM carrier_events e JOIN shipments s ON s.id = e.shipment_id WHERE s.part_id = ? ORDER BY e.id", order.partId);

const send = (cb: Callback) => fetch(server.url + cb.path, { method: "POST", body: cb.body, headers: cb.headers });

const STEPS = {
  ghtk: { pickedUp: "3", delivering: "4", delivered: "5" },
  ghn: { pickedUp: "picked", delivering: "delivering", delivered: "delivered" },
  viettelpost: { pickedUp: "105", delivering: "500", delivered: "501" },
  ems: { pickedUp: "3", delivering: "5", delivered: "6" },
} as const;
const NAMES = { ghtk: "Giao Hàng Tiết Kiệm", ghn: "Giao Hàng Nhanh", viettelpost: "Viettel Post", ems: "EMS (Vietnam Post)" } as const;

describe.each(["ghtk", "ghn", "viettelpost", "ems"] as const)("%s", (carrier) => {
  const double = () => doubles[carrier];
  const steps = STEPS[carrier];
  let delivered: Placed;

  beforeAll(async () => {
    await chooseCarriers([carrier]);
  });

  it("quotes at checkout in the carrier's format; the fee shown is the fee charged", async () => {
    const before = double().quotes.length;
    const order = await checkout();
    expect(double().quotes.length).toBeGreaterThan(before);
    expect(order.form).toContain(`Phí ${NAMES[carrier]}`);
    const part = row<{ shipping_fee_vnd: number; quoted_carrier: string; goods_total_vnd: number }>("SELECT shipping_fee_vnd, quoted_carrier, goods_total_vnd FROM order_parts WHERE id = ?", order.partId);
    expect(part).toMatchObject({ shipping_fee_vnd: double().fee, quoted_carrier: carrier });
    expect(order.total).toBe(part.goods_total_vnd + double().fee);
    const quote = double().quotes.at(-1)!;
    if (carrier === "ghtk") expect(quote.weight).toMatch(/^\d+$/); // grams for the fee
    if (carrier === "ghn") expect(quote).toMatchObject({ to_ward_code: expect.any(String), to_district_id: expect.any(Number) });
    if (carrier === "viettelpost") expect(quote).toMatchObject({ RECEIVER_PROVINCE: expect.any(Number), RECEIVER_DISTRICT: expect.any(Number) });
  });

  it("books the pick-up once when asked twice, prints the label, and cancels only before pick-up", async () => {
    const order = await checkout();
    await payAndConfirm(order);
    const inbox = await getPage(`${server.url}/seller/orders`, { headers: { cookie: producerCookie } });
    expect(inbox.text).toContain("Đặt giao hàng");
    expect(inbox.html).toMatch(new RegExp(`value="${carrier}"[^>]*checked|checked[^>]*value="${carrier}"`));

    const creates = double().creates.length;
    expect((await book(order, carrier)).status).toBe(303);
    expect((await book(order, carrier)).status).toBe(303);
    expect(double().creates.length).toBe(creates + 1);
    const shipment = liveShipment(order)!;
    expect(shipment.status).toBe("booked");
    expect(double().byPartner(shipment.idempotency_key)?.waybill).toBe(shipment.waybill);
    const sent = double().creates.at(-1)!;
    if (carrier === "ghtk") {
      const products = sent.products as { weight: number }[];
      expect(products[0]!.weight).toBeLessThan(100); // kilograms for the order
      expect((sent.order as { pick_money: number }).pick_money).toBe(0); // no cash on delivery
    }
    if (carrier === "ghn") expect(sent).toMatchObject({ client_order_code: shipment.idempotency_key, cod_amount: 0, weight: 700 });
    if (carrier === "viettelpost") expect(sent).toMatchObject({ ORDER_NUMBER: shipment.idempotency_key, CHECK_UNIQUE: true, ORDER_PAYMENT: 1, MONEY_COLLECTION: 0 });
    if (carrier === "ems") expect(sent).toMatchObject({ order_code: shipment.idempotency_key, total_weight: 700, money_collect: 0 });

    const afterBooking = await getPage(`${server.url}/seller/orders`, { headers: { cookie: producerCookie } });
    expect(afterBooking.text).toContain(`mã vận đơn ${shipment.waybill}`);
    expect(afterBooking.text).toContain("In nhãn");
    const label = await fetch(`${server.url}/seller/orders/${order.partId}/label`, { headers: { cookie: producerCookie }, redirect: "manual" });
    if (carrier === "ghtk" || carrier === "ems") {
      expect(label.status).toBe(200);
      expect(label.headers.get("content-type")).toBe("application/pdf");
      expect((await label.text()).startsWith("%PDF")).toBe(true);
    } else {
      expect(label.status).toBe(303);
      const printPage = await fetch(label.headers.get("location")!);
      expect(printPage.status).toBe(200);
      expect(await printPage.text()).toContain(shipment.waybill);
    }

    // Cancel while the carrier still allows it, then book again under a new key.
    expect((await post(`/seller/orders?for=${producerId}`, { intent: "cancelShipment", partId: String(order.partId) }, producerCookie)).status).toBe(303);
    expect(liveShipment(order)).toBeUndefined();
    expect(row<{ status: string }>("SELECT status FROM shipments WHERE id = ?", shipment.id).status).toBe("cancelled");
    expect((await book(order, carrier)).status).toBe(303);
    const second = liveShipment(order)!;
    expect(second.idempotency_key).not.toBe(shipment.idempotency_key);

    // Picked up: the carrier refuses the cancel and nothing changes here.
    expect((await send(double().advance(second.waybill, steps.pickedUp))).status).toBe(200);
    expect(partStatus(order)).toBe("shipped");
    const refused = await post(`/seller/orders?for=${producerId}`, { intent: "cancelShipment", partId: String(order.partId) }, producerCookie);
    expect(refused.status).toBe(409);
    expect(liveShipment(order)?.status).toBe("booked");
  });

  it("moves the part and the ledger exactly once along the callbacks to delivered; replays and late events change nothing", async () => {
    const order = await checkout();
    await payAndConfirm(order);
    expect((await book(order, carrier)).status).toBe(303);
    const waybill = liveShipment(order)!.waybill;
    const t0 = Date.now() - 3 * 3_600_000;
    const sequence = [
      double().advance(waybill, steps.pickedUp, { at: new Date(t0) }),
      double().advance(waybill, steps.delivering, { at: new Date(t0 + 3_600_000) }),
      double().advance(waybill, steps.delivered, { at: new Date(t0 + 7_200_000) }),
    ];
    const answers = [];
    for (const cb of sequence) answers.push(await send(cb));
    for (const answer of answers) expect(answer.status).toBe(200);
    if (carrier === "ems") expect(await answers[0]!.json()).toEqual({ code: "success", transaction: sequence[0]!.headers["ems-transaction"] });
    expect(partStatus(order)).toBe("delivered");
    const afterDelivery = ledger(order);
    expect(afterDelivery.filter((r) => r.account === "producer_payable")).toHaveLength(1);
    const moves = rows<{ action: string; source: string }>("SELECT action, source FROM order_events WHERE part_id = ? AND source = 'carrier'", order.partId);
    expect(moves).toEqual([{ action: "ship", source: "carrier" }, { action: "deliver", source: "carrier" }]);

    // Replays of every callback: the same answer, nothing new.
    for (const cb of sequence) expect((await send(cb)).status).toBe(200);
    // A "delivering" that arrives late (its time before delivery, or even after it): delivered stays.
    expect((await send(double().advance(waybill, steps.delivering, { at: new Date(t0 + 5_400_000), record: false }))).status).toBe(200);
    expect((await send(double().advance(waybill, steps.delivering, { at: new Date(t0 + 9_000_000), record: false }))).status).toBe(200);
    expect(partStatus(order)).toBe("delivered");
    expect(liveShipment(order)!.tracking_state).toBe("delivered");
    expect(ledger(order)).toEqual(afterDelivery);
    expect(events(order).filter((e) => e.outcome === "applied" && e.state === "delivered")).toHaveLength(1);

    // The buyer's order page shows the timeline; the producer sees the money payable.
    const page = await getPage(server.url + order.page);
    expect(page.text).toContain("Hành trình gói hàng");
    expect(page.text).toContain("Hãng đã lấy hàng");
    expect(page.text).toContain("Đã giao hàng");
    expect(page.text).toContain(`mã vận đơn ${waybill}`);
    delivered = order;
  });

  it("a forged callback changes nothing", async () => {
    const order = await checkout();
    await payAndConfirm(order);
    expect((await book(order, carrier)).status).toBe(303);
    const waybill = liveShipment(order)!.waybill;
    const stored = (row<{ n: number }>("SELECT count(*) AS n FROM carrier_events").n);
    // Without the secret (URL hash, or Viettel Post's Authorization): refused, not stored.
    const genuine = double().advance(waybill, steps.delivered, { record: false });
    const forged: Callback =
      carrier === "viettelpost"
        ? { ...genuine, headers: { ...genuine.headers, Authorization: "guess" } }
        : { ...genuine, path: genuine.path.replace(/hash=[^&]+/, "hash=guess") };
    const refusedBefore = row<{ n: number }>("SELECT count(*) AS n FROM refused_callbacks WHERE provider = ?", carrier).n;
    expect((await send(forged)).status).toBe(401);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM carrier_events").n).toBe(stored);
    // Kept apart for staff, as a refused payment callback is (a wrong secret shows on /staff/payments).
    expect(row<{ n: number }>("SELECT count(*) AS n FROM refused_callbacks WHERE provider = ?", carrier).n).toBe(refusedBefore + 1);
    if (carrier !== "viettelpost") {
      // With a leaked URL secret, a claim the carrier's own status does not back moves nothing.
      const queries = double().statusQueries.length;
      const answer = await send(genuine);
      expect(answer.status).toBe(503);
      expect(double().statusQueries.length).toBe(queries + 1);
      expect(events(order).map((e) => e.outcome)).toEqual(["unconfirmed"]);
    }
    expect(partStatus(order)).toBe("confirmed");
    expect(ledger(order).some((r) => r.account === "producer_payable")).toBe(false);
    expect(delivered).toBeDefined();
  });

  // Viettel Post's callbacks are authenticated and applied at once; the others are checked with the carrier first.
  if (carrier !== "viettelpost") it("an unsigned callback ahead of the carrier's status is kept, answered 503, and applied once on the carrier's retry", async () => {
    const order = await checkout();
    await payAndConfirm(order);
    expect((await book(order, carrier)).status).toBe(303);
    const waybill = liveShipment(order)!.waybill;
    const early = double().advance(waybill, steps.pickedUp, { record: false });
    expect((await send(early)).status).toBe(503);
    expect(partStatus(order)).toBe("confirmed");
    // The carrier's own status catches up; its retry (the same body) is applied.
    double().parcels.get(waybill)!.status = steps.pickedUp;
    expect((await send(early)).status).toBe(200);
    expect(partStatus(order)).toBe("shipped");
    expect(events(order).map((e) => e.outcome)).toEqual(["applied"]);
    expect((await send(early)).status).toBe(200);
    expect(rows("SELECT id FROM order_events WHERE part_id = ? AND action = 'ship'", order.partId)).toHaveLength(1);
  });

  it("a carrier that times out at checkout still lets the shopper pay, with the table fee", async () => {
    double().quoteDelayMs = 3_000;
    try {
      const order = await checkout(2); // another weight: not a cached answer
      const part = row<{ shipping_fee_vnd: number; quoted_carrier: string | null }>("SELECT shipping_fee_vnd, quoted_carrier FROM order_parts WHERE id = ?", order.partId);
      expect(part.quoted_carrier).toBeNull();
      expect(part.shipping_fee_vnd).toBe(20_000); // same province, ≤ 2 kg (PRODUCT.md §2)
      expect(order.form).not.toContain(`Phí ${NAMES[carrier]}`);
    } finally {
      double().quoteDelayMs = 0;
    }
  });
});

describe("staff", () => {
  it("see the parcels of their province without news from the carrier for days", async () => {
    const order = await checkout();
    await payAndConfirm(order);
    expect((await book(order, "ems")).status).toBe(303);
    const shipment = liveShipment(order)!;
    const staff = await signIn(server, "staff@demo.local");
    const fresh = await getPage(`${server.url}/staff/shipments`, { headers: { cookie: staff } });
    expect(fresh.doc.querySelector(`[data-stuck-part="${order.partId}"]`)).toBeNull();
    // Five days without an event.
    const Database = (await import("better-sqlite3")).default;
    const writer = new Database(server.databasePath);
    writer.prepare("UPDATE shipments SET last_moved_at = ? WHERE id = ?").run(Date.now() - 5 * 86_400_000, shipment.id);
    writer.close();
    const late = await getPage(`${server.url}/staff/shipments`, { headers: { cookie: staff } });
    expect(late.status).toBe(200);
    expect(late.doc.querySelector(`[data-stuck-part="${order.partId}"]`)?.textContent).toContain(shipment.waybill);
    // Hà Nội's staff see nothing of Cần Thơ's parcels.
    const writable = new Database(server.databasePath);
    writable.prepare("INSERT INTO users (email, full_name, password_hash, role, province_code) SELECT 'hn-carriers@demo.local', 'Cán bộ Hà Nội', password_hash, 'staff', '01' FROM users WHERE email = 'staff@demo.local'").run();
    writable.close();
    const other = await signIn(server, "hn-carriers@demo.local");
    const elsewhere = await getPage(`${server.url}/staff/shipments`, { headers: { cookie: other } });
    expect(elsewhere.doc.querySelector(`[data-stuck-part="${order.partId}"]`)).toBeNull();
  });
});

describe("community helpers", () => {
  it("book, print and cancel for the producer, recorded with both names", async () => {
    const signup = await post("/signup", { fullName: "Tổ CNS Phường Cái Khế", login: "helper.carriers@example.vn", password: "mat-khau-dai", role: "helper" });
    const helper = cookieOf(signup);
    const invite = await (await post("/seller/helpers", { intent: "invite" }, producerCookie)).text();
    const code = /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})/.exec(invite)![1]!;
    expect((await post("/seller?index", { intent: "redeem", code }, helper)).status).toBe(303);
    const chosen = await post("/seller?index", { intent: "actFor", producerId: String(producerId) }, helper);
    expect(chosen.status).toBe(303);
    const acting = `${helper}; ${cookieOf(chosen)}`;

    const order = await checkout();
    await payAndConfirm(order);
    const booked = await post(`/seller/orders?for=${producerId}`, { intent: "book", partId: String(order.partId), carrier: "ems", weightGrams: "650", lengthCm: "20", widthCm: "15", heightCm: "10" }, acting);
    expect(booked.status).toBe(303);
    const shipment = liveShipment(order)!;
    const label = await fetch(`${server.url}/seller/orders/${order.partId}/label`, { headers: { cookie: acting } });
    expect(label.headers.get("content-type")).toBe("application/pdf");
    expect((await post(`/seller/orders?for=${producerId}`, { intent: "cancelShipment", partId: String(order.partId) }, acting)).status).toBe(303);
    const history = rows<{ action: string; actor: string }>(
      "SELECT a.action, u.email AS actor FROM producer_activity a JOIN users u ON u.id = a.actor_user_id WHERE a.producer_id = ? AND a.subject LIKE ? ORDER BY a.id",
      producerId,
      `${order.code}%${shipment.waybill}`,
    );
    expect(history).toEqual([
      { action: "shipping.book", actor: "helper.carriers@example.vn" },
      { action: "shipping.cancel", actor: "helper.carriers@example.vn" },
    ]);
  });
});
