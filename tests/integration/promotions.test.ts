/**
 * Campaigns and vouchers (issue 20, ADR 0019) over HTTP as a browser without JavaScript uses them:
 * a voucher at checkout, a bad code, a voucher's last uses under a race, uses given back when an order
 * lapses, the ledger of a discounted order, staff scoping of campaigns, producers' codes, campaign
 * pages and badges — checked against what the pages show and the database holds.
 */
import Database from "better-sqlite3";
import { createHmac, randomBytes } from "node:crypto";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextBuyerPhone } from "../setup/buyers";
import { soldInOneSize } from "../setup/sizes";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
let writer: Database.Database;
const BANK_WEBHOOK_SECRET = "promotions-test-bank-secret";

beforeAll(async () => {
  server = await startServer({ STRIPE_SECRET_KEY: "", VIETQR_ACCOUNT_NO: "", COMMISSION_PERCENT: "", BANK_WEBHOOK_SECRET });
  writer = new Database(server.databasePath);
  writer.pragma("busy_timeout = 5000");
});
afterAll(async () => {
  writer?.close();
  await server?.stop();
});

/** The Vietnamese texts the pages show (app/i18n/vi-more.ts), written out. */
const TEXT = {
  unknown: "Không có mã giảm giá này, hoặc mã đã bị tắt.",
  notRunning: "Mã giảm giá chưa đến ngày dùng hoặc đã hết hạn.",
  usedUp: "Mã giảm giá đã hết lượt dùng.",
  perBuyer: "Bạn đã dùng hết số lượt của mã này.",
  notApplicable: "Mã này không áp dụng cho hàng trong giỏ của bạn.",
  badge: "Khuyến mãi",
} as const;

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as T[];
const count = (sql: string, ...params: unknown[]) => row<{ n: number }>(sql, ...params).n;

/** Vietnam's calendar day, `days` from today. */
function vnDay(days = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

interface Product {
  id: number;
  slug: string;
  price_vnd: number;
  producer_id: number;
  province_code: string;
}
const PURCHASABLE = "p.status = 'live' AND p.producer_verified = 1 AND p.held_at IS NULL";
const demoProducerId = () =>
  row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
const claimed = new Set<number>();
/** A purchasable product with stock of a producer (not the demo cooperative) no other describe of this file uses. */
function freshProduct(minStock: number, where = "1"): Product {
  const exclude = [demoProducerId(), ...claimed].join(",");
  const found = row<Product | undefined>(
    `SELECT p.id, p.slug, p.price_vnd, p.producer_id, p.province_code FROM products p
     WHERE ${PURCHASABLE} AND p.stock >= ? AND p.stock <= 998 AND p.price_vnd BETWEEN 20000 AND 500000 AND p.producer_id NOT IN (${exclude}) AND ${where}
     AND p.id NOT IN (SELECT product_id FROM campaign_products) AND ${soldInOneSize("p")}
     ORDER BY p.id LIMIT 1`,
    minStock,
  );
  if (!found) throw new Error("no product");
  claimed.add(found.producer_id);
  return found;
}
const wardOf = (provinceCode: string) => row<{ code: string }>("SELECT code FROM wards WHERE province_code = ? ORDER BY code LIMIT 1", provinceCode).code;

/** A producer's voucher, written straight into the database (the portal's form is tested below). */
function insertVoucher(producerId: number, code: string, terms: Partial<Record<string, unknown>> = {}): number {
  const values = {
    producer_id: producerId,
    code,
    kind: "percent",
    percent: 10,
    cap_vnd: null,
    amount_vnd: null,
    min_order_vnd: 0,
    total_uses: 100,
    per_buyer: 1,
    starts_on: vnDay(-1),
    ends_on: vnDay(10),
    ...terms,
  };
  const names = Object.keys(values);
  return Number(
    writer.prepare(`INSERT INTO vouchers (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`).run(...Object.values(values)).lastInsertRowid,
  );
}

// ---------------------------------------------------------------------------------------------
// A browser without JavaScript

type Fields = Record<string, string | number>;

class Visitor {
  readonly cookies = new Map<string, string>();
  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  async send(path: string, fields?: Fields): Promise<Response> {
    const res = await fetch(server.url + path, {
      method: fields ? "POST" : "GET",
      body: fields ? new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])) : undefined,
      redirect: "manual",
      headers: { cookie: this.cookieHeader },
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  async page(path: string, fields?: Fields) {
    return readPage(await this.send(path, fields));
  }
}

async function readPage(res: Response): Promise<{ status: number; doc: HTMLElement; text: string }> {
  const doc = parse(await res.text());
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { status: res.status, doc, text: doc.textContent.replace(/\s+/g, " ") };
}

async function signedIn(login: string): Promise<Visitor> {
  const visitor = new Visitor();
  const res = await visitor.send("/login", { login, password: "demo-password" });
  expect(res.status, `sign-in of ${login}`).toBe(303);
  return visitor;
}

async function addToCart(visitor: Visitor, product: Product, quantity: number) {
  const res = await visitor.send("/cart", { intent: "add", productId: product.id, quantity });
  expect(res.status).toBe(303);
}

function address(overrides: Fields = {}): Fields {
  return {
    fullName: "Trần Thị Mai",
    phone: nextBuyerPhone(),
    provinceCode: "92",
    wardCode: wardOf("92"),
    addressLine: "12 Đường 30 Tháng 4, Ninh Kiều",
    paymentMethod: "vietqr",
    ...overrides,
  };
}

/** The order code a successful checkout redirected to. */
function placedCode(res: Response): string {
  expect(res.status, "checkout").toBe(303);
  return new URL(res.headers.get("location")!, server.url).pathname.split("/")[2]!;
}

interface OrderRow {
  id: number;
  goods_total_vnd: number;
  shipping_total_vnd: number;
  total_vnd: number;
}
interface PartRow {
  id: number;
  producer_id: number;
  goods_total_vnd: number;
  shipping_fee_vnd: number;
  total_vnd: number;
  commission_vnd: number;
  platform_discount_vnd: number;
}
const orderByCode = (code: string) => row<OrderRow>("SELECT * FROM orders WHERE code = ?", code);
const partsOf = (orderId: number) => rows<PartRow>("SELECT * FROM order_parts WHERE order_id = ? ORDER BY id", orderId);
const discountsOf = (orderId: number) =>
  rows<{ source: string; label: string; target: string; amount_vnd: number; payer: string }>(
    "SELECT source, label, target, amount_vnd, payer FROM order_discounts WHERE order_id = ? ORDER BY id",
    orderId,
  );
const usedOf = (voucherId: number) => row<{ used: number }>("SELECT used FROM vouchers WHERE id = ?", voucherId).used;
/** An amount as the pages write it, without the currency sign (Intl puts a no-break space before ₫). */
const formatVnd = (vnd: number) => vnd.toLocaleString("vi-VN");

// ---------------------------------------------------------------------------------------------

describe("a producer's voucher at checkout", () => {
  let product: Product;
  let voucherId: number;
  beforeAll(() => {
    product = freshProduct(10);
    voucherId = insertVoucher(product.producer_id, "GIAM10PT", { percent: 10, cap_vnd: 1_000_000 });
  });

  it("shows the discount line and the new total before the order is placed (Apply)", async () => {
    const buyer = new Visitor();
    await addToCart(buyer, product, 2);
    const { status, doc } = await buyer.page("/checkout", { ...address(), intent: "quote", voucherCode: "giam10pt" });
    expect(status).toBe(200);
    const line = doc.querySelector("[data-discount=voucher]");
    expect(line?.textContent).toContain("Mã GIAM10PT");
    expect(line?.textContent).toContain(formatVnd(Math.floor((product.price_vnd * 2) / 10)));
    expect(doc.querySelector("#f-voucherCode-error")).toBeNull();
  });

  it("applies at checkout: the part pays goods less the discount, the order total follows, and one use is taken", async () => {
    const buyer = new Visitor();
    await addToCart(buyer, product, 2);
    const usedBefore = usedOf(voucherId);
    const code = placedCode(await buyer.send("/checkout", { ...address(), voucherCode: " giam10pt " }));
    const order = orderByCode(code);
    const [part] = partsOf(order.id);
    const goods = product.price_vnd * 2;
    const off = Math.floor(goods / 10);
    expect(discountsOf(order.id)).toEqual([{ source: "voucher", label: "GIAM10PT", target: "goods", amount_vnd: off, payer: "producer" }]);
    expect(part!.goods_total_vnd).toBe(goods - off);
    expect(part!.total_vnd).toBe(goods - off + part!.shipping_fee_vnd);
    expect(order.total_vnd).toBe(goods - off + order.shipping_total_vnd);
    // A producer's voucher lowers the producer's revenue, and the commission with it (5 % of what the buyer paid for goods).
    expect(part!.commission_vnd).toBe(Math.round(((goods - off) * 5) / 100));
    expect(part!.platform_discount_vnd).toBe(0);
    expect(usedOf(voucherId)).toBe(usedBefore + 1);

    const page = await buyer.page(`/orders/${code}`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector("[data-discount=voucher]")?.textContent).toContain(formatVnd(off));
    expect(page.text).toContain(formatVnd(order.total_vnd));
  });

  it("is used once per buyer (by phone) when it says so", async () => {
    const phone = nextBuyerPhone();
    const first = new Visitor();
    await addToCart(first, product, 1);
    placedCode(await first.send("/checkout", { ...address({ phone }), voucherCode: "GIAM10PT" }));
    const again = new Visitor();
    await addToCart(again, product, 1);
    const res = await again.send("/checkout", { ...address({ phone }), voucherCode: "GIAM10PT" });
    expect(res.status).toBe(400);
    expect((await readPage(res)).doc.querySelector("#f-voucherCode-error")?.textContent).toBe(TEXT.perBuyer);
  });

  it("refuses an unknown, an expired or another producer's code with 400 by the field, writing nothing", async () => {
    const other = freshProduct(5);
    insertVoucher(other.producer_id, "KHACNHA1");
    insertVoucher(product.producer_id, "HETHAN01", { starts_on: vnDay(-10), ends_on: vnDay(-1) });
    const buyer = new Visitor();
    await addToCart(buyer, product, 1);
    const cartBefore = rows("SELECT * FROM cart_items ORDER BY cart_id, variant_id");
    const ordersBefore = count("SELECT count(*) AS n FROM orders");
    const usesBefore = rows("SELECT id, used FROM vouchers ORDER BY id");
    for (const [typed, message] of [
      ["KHONGCO1", TEXT.unknown],
      ["hethan01", TEXT.notRunning],
      ["KHACNHA1", TEXT.notApplicable],
      ["x!", TEXT.unknown],
    ] as const) {
      const res = await buyer.send("/checkout", { ...address(), voucherCode: typed });
      expect(res.status, typed).toBe(400);
      const { doc } = await readPage(res);
      expect(doc.querySelector("#f-voucherCode-error")?.textContent, typed).toBe(message);
    }
    expect(count("SELECT count(*) AS n FROM orders")).toBe(ordersBefore);
    expect(rows("SELECT * FROM cart_items ORDER BY cart_id, variant_id")).toEqual(cartBefore);
    expect(rows("SELECT id, used FROM vouchers ORDER BY id")).toEqual(usesBefore);
  });
});

describe("a voucher's last uses under a race", () => {
  let product: Product;
  let voucherId: number;
  const BUYERS = 12;
  const USES = 3;
  let answers: Response[];
  let buyers: Visitor[];
  let linesBefore: number;

  beforeAll(async () => {
    product = freshProduct(BUYERS + 2);
    voucherId = insertVoucher(product.producer_id, "CHI3LUOT", { kind: "fixed", percent: null, amount_vnd: 5_000, total_uses: USES });
    buyers = Array.from({ length: BUYERS }, () => new Visitor());
    for (const buyer of buyers) await addToCart(buyer, product, 1);
    linesBefore = count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", product.id);
    answers = await Promise.all(buyers.map((buyer) => buyer.send("/checkout", { ...address(), voucherCode: "CHI3LUOT" })));
  });

  it("is used exactly as many times as it allows; every other buyer gets a 400 by the code and no order", async () => {
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 303)).toHaveLength(USES);
    expect(statuses.filter((s) => s === 400)).toHaveLength(BUYERS - USES);
    for (const res of answers.filter((r) => r.status === 400)) {
      expect((await readPage(res)).doc.querySelector("#f-voucherCode-error")?.textContent).toBe(TEXT.usedUp);
    }
    expect(usedOf(voucherId)).toBe(USES);
    expect(count("SELECT count(*) AS n FROM order_discounts WHERE voucher_id = ?", voucherId)).toBe(USES);
    expect(count("SELECT count(*) AS n FROM voucher_redemptions WHERE voucher_id = ? AND released_at IS NULL", voucherId)).toBe(USES);
    expect(count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", product.id)).toBe(linesBefore + USES);
  });

  it("gives the use back when an unpaid order lapses, and the next buyer gets it", async () => {
    const location = answers.find((r) => r.status === 303)!.headers.get("location")!;
    const code = new URL(location, server.url).pathname.split("/")[2]!;
    writer.prepare("UPDATE orders SET expires_at = ? WHERE code = ?").run(Date.now() - 60_000, code);
    expect((await fetch(server.url + location)).status).toBe(200);
    expect(row<{ payment_status: string }>("SELECT payment_status FROM orders WHERE code = ?", code).payment_status).toBe("expired");
    expect(usedOf(voucherId)).toBe(USES - 1);
    expect(count("SELECT count(*) AS n FROM voucher_redemptions WHERE voucher_id = ? AND released_at IS NULL", voucherId)).toBe(USES - 1);

    const late = buyers[answers.findIndex((r) => r.status === 400)]!;
    placedCode(await late.send("/checkout", { ...address(), voucherCode: "CHI3LUOT" }));
    expect(usedOf(voucherId)).toBe(USES);
  });
});

describe("the ledger of a discounted order", () => {
  // The demo's running campaign of Cần Thơ (10 %, at most 50.000 ₫, from 600.000 ₫ of its rice) and the
  // demo cooperative's code ONGCUA20 (20.000 ₫ off from 200.000 ₫): one part carries both.
  let code: string;
  let order: OrderRow;
  let part: PartRow;
  const balance = (partId: number, account: string) =>
    row<{ s: number }>("SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE part_id = ? AND account = ?", partId, account).s;

  beforeAll(async () => {
    const rice = row<Product>(
      `SELECT p.id, p.slug, p.price_vnd, p.producer_id, p.province_code FROM products p
       JOIN campaign_products cp ON cp.product_id = p.id JOIN campaigns c ON c.id = cp.campaign_id
       WHERE c.slug = 'tuan-le-gao-ocop-can-tho' AND ${soldInOneSize("p")} ORDER BY p.price_vnd DESC LIMIT 1`,
    );
    const buyer = new Visitor();
    const quantity = Math.ceil(600_000 / rice.price_vnd);
    await addToCart(buyer, rice, quantity);
    code = placedCode(await buyer.send("/checkout", { ...address(), voucherCode: "ONGCUA20" }));
    order = orderByCode(code);
    part = partsOf(order.id)[0]!;
  });

  it("records a campaign line paid by the platform and a voucher line paid by the producer", () => {
    const lines = discountsOf(order.id);
    expect(lines.map((l) => [l.source, l.payer, l.target])).toEqual([
      ["campaign", "platform", "goods"],
      ["voucher", "producer", "goods"],
    ]);
    const [campaign, voucher] = lines;
    expect(voucher!.amount_vnd).toBe(20_000);
    expect(campaign!.amount_vnd).toBeLessThanOrEqual(50_000);
    expect(part.platform_discount_vnd).toBe(campaign!.amount_vnd);
    const listGoods = part.goods_total_vnd + campaign!.amount_vnd + voucher!.amount_vnd;
    // Commission on what the buyer paid for goods plus the platform's share: the voucher lowers it, the campaign does not.
    expect(part.commission_vnd).toBe(Math.round(((listGoods - 20_000) * 5) / 100));
    expect(order.total_vnd).toBe(order.goods_total_vnd + order.shipping_total_vnd);
  });

  it("sums to what was paid once the bank's transfer pays it, and the producer is paid as if the campaign were not there", async () => {
    const body = JSON.stringify({ transactionId: `FT${randomBytes(6).toString("hex")}`, amount: order.total_vnd, description: `CK ${code}`, accountNumber: "257678859", occurredAt: new Date().toISOString() });
    const signature = createHmac("sha256", BANK_WEBHOOK_SECRET).update(body).digest("hex");
    const res = await fetch(`${server.url}/webhooks/bank-transfer`, { method: "POST", body, headers: { "Content-Type": "application/json", "X-Signature": `sha256=${signature}` } });
    expect(res.status).toBe(200);
    expect(row<{ paid_vnd: number }>("SELECT paid_vnd FROM orders WHERE id = ?", order.id).paid_vnd).toBe(order.total_vnd);
    expect(row<{ s: number }>("SELECT sum(amount_vnd) AS s FROM ledger_entries WHERE order_id = ?", order.id).s).toBe(order.total_vnd);
    expect(balance(part.id, "campaign_cost")).toBe(-part.platform_discount_vnd);
    expect(balance(part.id, "producer_pending")).toBe(part.total_vnd + part.platform_discount_vnd - part.commission_vnd);
  });

  it("makes the producer's undiscounted share (less the voucher and the commission) payable on delivery", async () => {
    const producer = await signedIn("producer@demo.local");
    for (const [intent, extra] of [
      ["confirm", {}],
      ["ship", { carrier: "Viettel Post", trackingNumber: "VTP987654" }],
      ["deliver", {}],
    ] as const) {
      const res = await producer.send("/seller/orders", { intent, partId: part.id, ...extra });
      expect(res.status, intent).toBe(303);
    }
    expect(balance(part.id, "producer_pending")).toBe(0);
    expect(balance(part.id, "producer_payable")).toBe(part.total_vnd + part.platform_discount_vnd - part.commission_vnd);
    expect(row<{ s: number }>("SELECT sum(amount_vnd) AS s FROM ledger_entries WHERE order_id = ?", order.id).s).toBe(order.total_vnd);
  });
});

describe("staff campaigns", () => {
  const snapshot = () => ({
    campaigns: rows("SELECT * FROM campaigns ORDER BY id"),
    producers: rows("SELECT * FROM campaign_producers ORDER BY campaign_id, producer_id"),
    products: rows("SELECT * FROM campaign_products ORDER BY campaign_id, product_id"),
    audit: count("SELECT count(*) AS n FROM staff_audit"),
  });
  let haNoiCampaign: number;
  beforeAll(() => {
    haNoiCampaign = Number(
      writer
        .prepare("INSERT INTO campaigns (slug, title, province_code, kind, percent, starts_on, ends_on) VALUES ('ha-noi-thang-12', 'Tháng OCOP Hà Nội', '01', 'percent', 15, ?, ?)")
        .run(vnDay(-1), vnDay(20)).lastInsertRowid,
    );
  });

  const form = (overrides: Fields = {}): Fields => ({
    title: "Tuần lễ OCOP Cần Thơ",
    slug: "tuan-le-ocop-can-tho-thu",
    description: "Miễn phí vận chuyển cho đặc sản Cần Thơ.",
    startsOn: vnDay(0),
    endsOn: vnDay(7),
    scope: "92",
    kind: "free_shipping",
    minOrderVnd: "0",
    ...overrides,
  });

  it("refuses provincial staff another province's campaign (403) and a national one, changing nothing", async () => {
    const staff = await signedIn("staff@demo.local");
    // Starts next month, so it changes no other test's prices.
    const national = Number(
      writer.prepare("INSERT INTO campaigns (slug, title, kind, starts_on, ends_on) VALUES ('mien-phi-van-chuyen-toan-quoc', 'Miễn phí vận chuyển toàn quốc', 'free_shipping', ?, ?)").run(vnDay(30), vnDay(40))
        .lastInsertRowid,
    );
    const before = snapshot();
    for (const id of [haNoiCampaign, national]) {
      expect((await staff.send(`/staff/campaigns/${id}`)).status).toBe(403);
      expect((await staff.send(`/staff/campaigns/${id}`, form({ slug: `doi-ten-${id}`, scope: "92" }))).status).toBe(403);
    }
    // Nor may they make one for another province from the "new" form.
    const res = await staff.send("/staff/campaigns/new", form({ scope: "01", slug: "chien-dich-ha-noi-moi" }));
    expect(res.status).toBe(400);
    expect((await readPage(res)).doc.querySelector("#f-scope-error")?.textContent).toBe("Chọn tỉnh của bạn; chỉ cán bộ trung ương tạo được chiến dịch toàn quốc.");
    expect(snapshot()).toEqual(before);
    const list = await staff.page("/staff/campaigns");
    expect(list.text).toContain("Tuần lễ gạo OCOP Cần Thơ");
    expect(list.text).not.toContain("Tháng OCOP Hà Nội");
  });

  it("lets provincial staff create their province's campaign, audited with what it covers", async () => {
    const staff = await signedIn("staff@demo.local");
    const product = row<{ slug: string; producer_slug: string }>(
      `SELECT p.slug, pr.slug AS producer_slug FROM products p JOIN producers pr ON pr.id = p.producer_id
       WHERE pr.province_code = '92' AND ${PURCHASABLE} ORDER BY p.id LIMIT 1`,
    );
    const unknown = await staff.send("/staff/campaigns/new", form({ products: `${product.slug}, khong-co-san-pham-nay` }));
    expect(unknown.status).toBe(400);
    expect((await readPage(unknown)).doc.querySelector("#f-products-error")?.textContent).toBe("Không có sản phẩm này trong phạm vi: khong-co-san-pham-nay");

    const res = await staff.send("/staff/campaigns/new", form({ products: product.slug, producers: product.producer_slug }));
    expect(res.status).toBe(303);
    const campaign = row<{ id: number; province_code: string; kind: string }>("SELECT * FROM campaigns WHERE slug = 'tuan-le-ocop-can-tho-thu'");
    expect(campaign).toMatchObject({ province_code: "92", kind: "free_shipping" });
    expect(count("SELECT count(*) AS n FROM campaign_products WHERE campaign_id = ?", campaign.id)).toBe(1);
    expect(count("SELECT count(*) AS n FROM campaign_producers WHERE campaign_id = ?", campaign.id)).toBe(1);
    const audit = row<{ action: string; province_code: string; after: string }>(
      "SELECT action, province_code, after FROM staff_audit WHERE subject_type = 'campaign' AND subject_id = ?",
      String(campaign.id),
    );
    expect(audit).toMatchObject({ action: "campaign.create", province_code: "92" });
    expect(JSON.parse(audit.after)).toMatchObject({ products: [product.slug], producers: [product.producer_slug] });
  });

  it("lets central staff edit any province's campaign", async () => {
    const admin = await signedIn("admin@demo.local");
    expect((await admin.send(`/staff/campaigns/${haNoiCampaign}`)).status).toBe(200);
    const res = await admin.send(`/staff/campaigns/${haNoiCampaign}`, form({ title: "Tháng OCOP Hà Nội (gia hạn)", slug: "ha-noi-thang-12", scope: "01", kind: "percent", percent: "15", capVnd: "40000" }));
    expect(res.status).toBe(303);
    expect(row("SELECT title, percent, cap_vnd FROM campaigns WHERE id = ?", haNoiCampaign)).toEqual({ title: "Tháng OCOP Hà Nội (gia hạn)", percent: 15, cap_vnd: 40_000 });
  });
});

describe("campaign pages and badges", () => {
  let product: Product;
  beforeAll(() => {
    product = freshProduct(1);
    const insert = writer.prepare("INSERT INTO campaigns (slug, title, province_code, kind, amount_vnd, starts_on, ends_on) VALUES (?, ?, NULL, 'fixed', 10000, ?, ?)");
    const running = insert.run("giam-gia-dang-chay", "Giảm giá đang chạy", vnDay(-2), vnDay(2)).lastInsertRowid;
    const ended = insert.run("giam-gia-da-het", "Giảm giá đã hết", vnDay(-10), vnDay(-1)).lastInsertRowid;
    writer.prepare("INSERT INTO campaign_products (campaign_id, product_id) VALUES (?, ?)").run(running, product.id);
    writer.prepare("INSERT INTO campaign_products (campaign_id, product_id) VALUES (?, ?)").run(ended, product.id);
  });

  it("shows a running campaign's page with its terms and goods, and a badge on their cards and product page", async () => {
    const page = await readPage(await fetch(`${server.url}/campaigns/giam-gia-dang-chay`));
    expect(page.status).toBe(200);
    expect(page.text).toContain("Giảm giá đang chạy");
    expect(page.doc.querySelector("#campaign-terms")?.textContent).toContain("Giảm 10.000");
    const card = page.doc.querySelector(`main article a[href='/products/${product.slug}']`);
    expect(card?.querySelector("[data-badge=campaign]")?.textContent).toBe(TEXT.badge);
    const productPage = await readPage(await fetch(`${server.url}/products/${product.slug}`));
    expect(productPage.doc.querySelector("a[data-badge=campaign]")?.getAttribute("href")).toBe("/campaigns/giam-gia-dang-chay");
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    expect(sitemap).toContain("/campaigns/giam-gia-dang-chay");
    expect(sitemap).not.toContain("/campaigns/giam-gia-da-het");
  });

  it("answers 404 for an ended campaign, and its badge goes with it, with no job run", async () => {
    expect((await fetch(`${server.url}/campaigns/giam-gia-da-het`)).status).toBe(404);
    // The running one ends: set its last day to yesterday, as the calendar would.
    writer.prepare("UPDATE campaigns SET ends_on = ? WHERE slug = 'giam-gia-dang-chay'").run(vnDay(-1));
    expect((await fetch(`${server.url}/campaigns/giam-gia-dang-chay`)).status).toBe(404);
    const productPage = await readPage(await fetch(`${server.url}/products/${product.slug}`));
    expect(productPage.status).toBe(200);
    expect(productPage.doc.querySelector("[data-badge=campaign]")?.toString() ?? null).toBeNull();
    const producer = row<{ slug: string }>("SELECT slug FROM producers WHERE id = ?", product.producer_id);
    const producerPage = await readPage(await fetch(`${server.url}/producers/${producer.slug}`));
    expect(producerPage.doc.querySelector(`a[href='/products/${product.slug}']`)?.toString()).toContain(product.slug);
    expect(producerPage.doc.querySelector(`a[href='/products/${product.slug}'] [data-badge=campaign]`)?.toString() ?? null).toBeNull();
  });
});

describe("a producer's voucher codes", () => {
  it("are made and turned off in the portal, recorded in the producer's history", async () => {
    const producer = await signedIn("producer@demo.local");
    const fields = { intent: "create", code: "cua2027", kind: "percent", percent: "12", capVnd: "30000", minOrderVnd: "100000", totalUses: "50", perBuyer: "2", startsOn: vnDay(0), endsOn: vnDay(30) };
    const bad = await producer.send("/seller/vouchers", { ...fields, code: "C!", percent: "95" });
    expect(bad.status).toBe(400);
    const badPage = await readPage(bad);
    expect(badPage.doc.querySelector("#f-code-error")?.textContent).toBe("Mã gồm 4–16 chữ in hoa hoặc số.");
    expect(badPage.doc.querySelector("#f-percent-error")?.textContent).toBe("Nhập phần trăm từ 1 đến 90.");
    expect(count("SELECT count(*) AS n FROM vouchers WHERE code = 'CUA2027'")).toBe(0);

    expect((await producer.send("/seller/vouchers", fields)).status).toBe(303);
    const voucher = row<{ id: number; producer_id: number; kind: string; percent: number; cap_vnd: number; amount_vnd: number | null; per_buyer: number }>(
      "SELECT * FROM vouchers WHERE code = 'CUA2027'",
    );
    expect(voucher).toMatchObject({ producer_id: demoProducerId(), kind: "percent", percent: 12, cap_vnd: 30_000, amount_vnd: null, per_buyer: 2 });
    const taken = await producer.send("/seller/vouchers", fields);
    expect(taken.status).toBe(400);
    expect((await readPage(taken)).doc.querySelector("#f-code-error")?.textContent).toBe("Mã này đã có người dùng, hãy chọn mã khác.");

    expect((await producer.send("/seller/vouchers", { intent: "disable", voucherId: voucher.id })).status).toBe(303);
    expect(row<{ disabled_at: number | null }>("SELECT disabled_at FROM vouchers WHERE id = ?", voucher.id).disabled_at).not.toBeNull();
    expect(rows("SELECT action, subject FROM producer_activity WHERE producer_id = ? AND action LIKE 'voucher.%' ORDER BY id", demoProducerId())).toEqual([
      { action: "voucher.create", subject: "CUA2027" },
      { action: "voucher.disable", subject: "CUA2027" },
    ]);
    // A code turned off is unknown at checkout.
    const buyer = new Visitor();
    const rice = row<Product>("SELECT id, slug, price_vnd, producer_id, province_code FROM products WHERE producer_id = ? AND status = 'live' ORDER BY price_vnd DESC LIMIT 1", demoProducerId());
    await addToCart(buyer, rice, 1);
    const res = await buyer.send("/checkout", { ...address(), voucherCode: "CUA2027" });
    expect(res.status).toBe(400);
    expect((await readPage(res)).doc.querySelector("#f-voucherCode-error")?.textContent).toBe(TEXT.unknown);
  });
});
