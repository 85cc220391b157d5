/**
 * Cart, checkout, orders, the producer's inbox, the ledger, reviews and notices, over HTTP as a
 * browser without JavaScript uses them (PRODUCT.md §2, §3, §5), checked against what the database holds.
 */
import Database from "better-sqlite3";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";
import { nextBuyerPhone } from "../setup/buyers";

let server: TestServer;
const BANK_WEBHOOK_SECRET = "orders-test-bank-secret";
/** The server's read-only connection is for assertions; this one moves time (expiry) and sets up data. */
let writer: Database.Database;
beforeAll(async () => {
  // No Stripe and the demo VietQR account, whatever the shell exports; transfers come signed by the bank webhook.
  server = await startServer({ STRIPE_SECRET_KEY: "", VIETQR_ACCOUNT_NO: "", COMMISSION_PERCENT: "", BANK_WEBHOOK_SECRET });
  writer = new Database(server.databasePath);
  writer.pragma("busy_timeout = 5000");
});
afterAll(async () => {
  writer?.close();
  await server?.stop();
});

/** The Vietnamese texts the pages show (from app/i18n/vi.ts), written out so these tests do not depend on how the catalog is organised. */
const TEXT = {
  "cart.empty": "Giỏ hàng đang trống.",
  "cart.error.stock": "Chỉ còn {count} {unit}.",
  "cart.error.unavailable": "Sản phẩm này hiện không bán.",
  "checkout.error.paymentMethod": "Chọn một cách thanh toán có sẵn.",
  "checkout.error.phone": "Nhập số di động Việt Nam, ví dụ 0912 345 678.",
  "checkout.error.stock": "Một số sản phẩm không còn đủ hàng. Giỏ hàng chưa bị thay đổi.",
  "checkout.error.priceChanged": "Giá hoặc phí vận chuyển vừa thay đổi. Hãy xem lại tổng tiền mới rồi đặt hàng.",
  "checkout.error.ward": "Chọn xã, phường thuộc tỉnh đã chọn.",
  "form.required": "Vui lòng điền mục này.",
  "inbox.error.reason": "Nhập lý do (5–300 ký tự).",
  "inbox.error.tracking": "Mã vận đơn gồm 4–40 chữ, số hoặc dấu gạch.",
  "inbox.newPaid": "{count} đơn mới đã thanh toán",
  "order.payment.expired": "quá hạn thanh toán",
  "order.status.cancelled": "Đã huỷ",
  "orders.updates": "{count} cập nhật mới",
} as const;

// ---------------------------------------------------------------------------------------------
// Database helpers

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as T[];
const count = (sql: string, ...params: unknown[]) => row<{ n: number }>(sql, ...params).n;

interface Product {
  id: number;
  slug: string;
  name: string;
  unit: string;
  price_vnd: number;
  stock: number;
  weight_grams: number;
  producer_id: number;
}

const PURCHASABLE = "p.status = 'live' AND p.producer_verified = 1 AND p.stock > 0";
/** Producers whose goods a test has claimed, so each describe works on stock nobody else touches. */
const claimedProducers = new Set<number>();

function findProduct(where: string, params: unknown[] = [], order = "p.id"): Product {
  const found = row<Product | undefined>(
    `SELECT p.* FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN provinces pv ON pv.code = pr.province_code
     WHERE ${where} AND ${soldInOneSize("p")} ORDER BY ${order} LIMIT 1`,
    ...params,
  );
  if (!found) throw new Error(`no product where ${where}`);
  return found;
}

/** A purchasable product (stock 5–998, so "stock + 1" is still a valid quantity) of a producer no other test uses. */
function freshProduct(where = "1", params: unknown[] = []): Product {
  const exclude = [demoProducerId(), ...claimedProducers];
  const found = findProduct(
    `${PURCHASABLE} AND p.stock BETWEEN 5 AND 998 AND pr.id NOT IN (${exclude.join(",")}) AND ${where}`,
    params,
  );
  claimedProducers.add(found.producer_id);
  return found;
}

const demoProducerId = () =>
  row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
const shopperId = () => row<{ id: number }>("SELECT id FROM users WHERE email = 'shopper@demo.local'").id;
/** The one size of a product sold in one size: cart lines are sizes (ADR 0020), their fields named after it. */
const sizeIdOf = (productId: number) =>
  row<{ id: number }>("SELECT id FROM product_variants WHERE product_id = ? AND archived_at IS NULL ORDER BY position, id LIMIT 1", productId).id;
const stockOf = (productId: number) => row<{ stock: number }>("SELECT stock FROM products WHERE id = ?", productId).stock;
const orderCount = () => count("SELECT count(*) AS n FROM orders");
const wardOf = (provinceCode: string) =>
  row<{ code: string }>("SELECT code FROM wards WHERE province_code = ? ORDER BY code LIMIT 1", provinceCode).code;

interface OrderRow {
  id: number;
  code: string;
  user_id: number | null;
  payment_status: string;
  goods_total_vnd: number;
  shipping_total_vnd: number;
  total_vnd: number;
  paid_vnd: number;
}
interface PartRow {
  id: number;
  producer_id: number;
  status: string;
  goods_total_vnd: number;
  shipping_fee_vnd: number;
  total_vnd: number;
  commission_vnd: number;
  carrier: string | null;
  tracking_number: string | null;
}
const orderByCode = (code: string) => row<OrderRow>("SELECT * FROM orders WHERE code = ?", code);
const partsOf = (orderId: number) => rows<PartRow>("SELECT * FROM order_parts WHERE order_id = ? ORDER BY id", orderId);

// ---------------------------------------------------------------------------------------------
// HTTP helpers

type Fields = Record<string, string | number>;

/** A browser without JavaScript: keeps its cookies, follows no redirects. */
class Visitor {
  readonly cookies = new Map<string, string>();

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
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

  async page(path: string) {
    return readPage(await this.send(path));
  }
}

/** The page as a reader sees it: scripts (which carry the loader data as JSON) removed. */
async function readPage(res: Response): Promise<{ status: number; doc: HTMLElement; text: string }> {
  const doc = parse(await res.text());
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { status: res.status, doc, text: doc.textContent.replace(/\s+/g, " ") };
}

async function signIn(login: string, visitor = new Visitor()): Promise<Visitor> {
  const res = await visitor.send("/login", { login, password: "demo-password" });
  expect(res.status).toBe(303);
  expect(visitor.cookies.has("ocop_session")).toBe(true);
  return visitor;
}

/** The cart a guest's `ocop_cart` cookie points at (the database keeps only the token's SHA-256). */
function guestCartId(visitor: Visitor): number | null {
  const raw = visitor.cookies.get("ocop_cart");
  if (!raw) return null;
  const token = JSON.parse(Buffer.from(decodeURIComponent(raw), "base64").toString("utf8")) as string;
  const hash = createHash("sha256").update(token).digest("hex");
  return row<{ id: number } | undefined>("SELECT id FROM carts WHERE guest_token_hash = ?", hash)?.id ?? null;
}
const userCartId = (userId: number) => row<{ id: number } | undefined>("SELECT id FROM carts WHERE user_id = ?", userId)?.id ?? null;
const cartItems = (cartId: number | null) =>
  cartId === null
    ? []
    : rows<{ productId: number; quantity: number }>(
        "SELECT v.product_id AS productId, c.quantity FROM cart_items c JOIN product_variants v ON v.id = c.variant_id WHERE c.cart_id = ? ORDER BY v.product_id",
        cartId,
      );

async function addToCart(visitor: Visitor, product: Product, quantity: number) {
  const res = await visitor.send("/cart", { intent: "add", productId: product.id, quantity });
  expect(res.status, `adding ${quantity} × ${product.slug}`).toBe(303);
  expect(res.headers.get("location")).toBe("/cart");
}

function address(overrides: Fields = {}): Fields {
  return {
    fullName: "Trần Thị Mai",
    phone: nextBuyerPhone(),
    email: "",
    provinceCode: "92",
    wardCode: wardOf("92"),
    addressLine: "12 Đường 30 Tháng 4, Ninh Kiều",
    paymentMethod: "vietqr",
    ...overrides,
  };
}

interface Placed {
  code: string;
  token: string | null;
  location: string;
}

async function checkout(visitor: Visitor, overrides: Fields = {}): Promise<Placed> {
  const res = await visitor.send("/checkout", address(overrides));
  expect(res.status, "checkout").toBe(303);
  const location = res.headers.get("location")!;
  const url = new URL(location, server.url);
  return { code: url.pathname.split("/")[2]!, token: url.searchParams.get("token"), location };
}

/** `/orders/CODE{suffix}` with the guest token, if any. */
const orderUrl = (code: string, token: string | null, suffix = "") => `/orders/${code}${suffix}${token ? `?token=${token}` : ""}`;

async function guestOrder(lines: [Product, number][]): Promise<Placed & { visitor: Visitor }> {
  const visitor = new Visitor();
  for (const [product, quantity] of lines) await addToCart(visitor, product, quantity);
  return { ...(await checkout(visitor)), visitor };
}

const say = (text: string, params: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));

/** The shipping fee by the rule of PRODUCT.md §2, from what the database holds. */
function expectedShipping(producerId: number, goodsVnd: number, weightGrams: number, toProvince: string) {
  const from = row<{ province_code: string; region: string; threshold: number | null }>(
    `SELECT pr.province_code, pv.region, pr.free_shipping_threshold_vnd AS threshold
     FROM producers pr JOIN provinces pv ON pv.code = pr.province_code WHERE pr.id = ?`,
    producerId,
  );
  const toRegion = row<{ region: string }>("SELECT region FROM provinces WHERE code = ?", toProvince).region;
  if (from.threshold !== null && goodsVnd >= from.threshold) return { kind: "free", fee: 0 };
  const [kind, base] =
    from.province_code === toProvince ? ["sameProvince", 20_000] : from.region === toRegion ? ["sameRegion", 30_000] : ["elsewhere", 40_000];
  const startedKgAbove2 = Math.max(0, Math.ceil((weightGrams - 2000) / 1000));
  return { kind, fee: base + 5_000 * startedKgAbove2 };
}

// ---------------------------------------------------------------------------------------------

describe("the cart", () => {
  const guest = new Visitor();
  let own: Product;
  let far: Product;
  beforeAll(() => {
    own = findProduct(`${PURCHASABLE} AND p.stock BETWEEN 5 AND 998 AND p.producer_id = ?`, [demoProducerId()]);
    far = freshProduct("pv.region = 'north'");
  });
  const items = () => cartItems(guestCartId(guest));

  it("holds a guest's goods from two producers, listed by producer", async () => {
    await addToCart(guest, own, 2);
    expect(guest.cookies.has("ocop_cart")).toBe(true);
    await addToCart(guest, far, 1);
    expect(items()).toEqual(
      [
        { productId: own.id, quantity: 2 },
        { productId: far.id, quantity: 1 },
      ].sort((a, b) => a.productId - b.productId),
    );

    const { status, doc } = await guest.page("/cart");
    expect(status).toBe(200);
    expect(doc.querySelectorAll("section[aria-labelledby^='producer-']")).toHaveLength(2);
    for (const [product, quantity] of [
      [own, 2],
      [far, 1],
    ] as const) {
      const section = doc.querySelector(`section[aria-labelledby='producer-${product.producer_id}']`);
      expect(section, `a section for producer ${product.producer_id}`).not.toBeNull();
      const producerName = row<{ name: string }>("SELECT name FROM producers WHERE id = ?", product.producer_id).name;
      expect(section!.querySelector("h2")!.textContent).toContain(producerName);
      expect(section!.querySelector(`a[href='/products/${product.slug}']`)).not.toBeNull();
      expect(section!.querySelector(`#qty-${sizeIdOf(product.id)}`)!.getAttribute("value")).toBe(String(quantity));
    }
  });

  it("refuses more than the stock with 400, the message beside the line, and leaves the cart as it was", async () => {
    const before = items();
    for (const fields of [
      { intent: "update", productId: own.id, quantity: own.stock + 1 },
      { intent: "add", productId: own.id, quantity: own.stock - 1 }, // 2 already in the cart
    ]) {
      const res = await guest.send("/cart", fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      const { doc } = await readPage(res);
      expect(doc.querySelector(`#qty-${sizeIdOf(own.id)}-error`)?.textContent).toBe(say(TEXT["cart.error.stock"], { count: own.stock, unit: own.unit }));
      expect(items()).toEqual(before);
    }
  });

  it("removes a line updated to 0", async () => {
    const res = await guest.send("/cart", { intent: "update", productId: far.id, quantity: 0 });
    expect(res.status).toBe(303);
    expect(items()).toEqual([{ productId: own.id, quantity: 2 }]);
    const { doc } = await guest.page("/cart");
    expect(doc.querySelector(`#qty-${sizeIdOf(far.id)}`)).toBeNull();
    expect(doc.querySelector(`section[aria-labelledby='producer-${far.producer_id}']`)).toBeNull();
  });

  it("refuses goods that are not on sale (draft, hidden, unverified producer) with 400 and a message", async () => {
    const draft = findProduct("p.status = 'draft'");
    const unverified = findProduct("p.status = 'live' AND p.producer_verified = 0");
    const hidden = freshProduct();
    writer.prepare("UPDATE products SET status = 'hidden' WHERE id = ?").run(hidden.id);
    const before = items();
    for (const product of [draft, hidden, unverified]) {
      const res = await guest.send("/cart", { intent: "add", productId: product.id, quantity: 1 });
      expect(res.status, product.slug).toBe(400);
      expect(items(), product.slug).toEqual(before);
      // §4: a 400 comes with its reason on the page (the product is not in the cart, so in the page's alert).
      const { doc } = await readPage(res);
      expect(doc.querySelector("[role=alert]")?.textContent, `the reason is shown for ${product.slug}`).toBe(TEXT["cart.error.unavailable"]);
    }
  });
});

describe("checkout", () => {
  const guest = new Visitor();
  let lines: [Product, number][];
  const stockBefore = new Map<number, number>();
  let quotedTotal: number;
  const quotedFees = new Map<string, number>();
  let placed: Placed;

  beforeAll(async () => {
    const region92 = row<{ region: string }>("SELECT region FROM provinces WHERE code = '92'").region;
    // Same province, heavy enough to pay for extra kilograms.
    const heavy = findProduct(`${PURCHASABLE} AND p.producer_id = ?`, [demoProducerId()], "p.weight_grams DESC, p.id");
    const heavyQuantity = Math.floor(2000 / Math.max(heavy.weight_grams, 1)) + 1;
    // Another region, the same region (another province), and a producer whose free-shipping threshold is reached.
    const elsewhere = freshProduct("pv.region <> ?", [region92]);
    const sameRegion = freshProduct("pv.region = ? AND pr.province_code <> '92'", [region92]);
    const free = freshProduct("pv.region = ? AND pr.province_code <> '92'", [region92]);
    writer.prepare("UPDATE producers SET free_shipping_threshold_vnd = ? WHERE id = ?").run(free.price_vnd * 2, free.producer_id);
    lines = [
      [heavy, heavyQuantity],
      [elsewhere, 1],
      [sameRegion, 1],
      [free, 2],
    ];
    for (const [product, quantity] of lines) {
      expect(quantity).toBeLessThanOrEqual(product.stock);
      await addToCart(guest, product, quantity);
      stockBefore.set(product.id, stockOf(product.id));
    }
  });

  it("shows the per-producer shipping and the total before the order is placed", async () => {
    const { status, doc } = await guest.page("/checkout?province=92");
    expect(status).toBe(200);
    const summary = doc.querySelector("section[aria-labelledby='summary']");
    expect(summary).not.toBeNull();
    // One block per producer, each with its shipping line (a price, or "free" without one).
    for (const block of summary!.querySelectorAll("div.text-sm")) {
      const fee = block.querySelector("li.text-stone-600 data");
      quotedFees.set(block.querySelector("p")!.textContent, fee ? Number(fee.getAttribute("value")) : 0);
    }
    expect(quotedFees.size).toBe(lines.length);
    const total = summary!.querySelector("p.text-lg data");
    expect(total).not.toBeNull();
    quotedTotal = Number(total!.getAttribute("value"));
    expect(quotedTotal).toBeGreaterThan(0);
  });

  it("places one order with one part per producer, each with its own shipping fee by the §2 rule", async () => {
    const ordersBefore = orderCount();
    placed = await checkout(guest, { email: "mai@example.com" });
    expect(placed.location).toMatch(/^\/orders\/[A-Z0-9]{10,12}\?token=[\w-]+$/);
    expect(placed.code).toMatch(/^[A-Z0-9]{10,12}$/);
    expect(orderCount()).toBe(ordersBefore + 1);

    const order = orderByCode(placed.code);
    const parts = partsOf(order.id);
    expect(parts.map((p) => p.producer_id).sort()).toEqual(lines.map(([p]) => p.producer_id).sort());

    const kinds: string[] = [];
    for (const part of parts) {
      const items = rows<{ quantity: number; unit_price_vnd: number; line_total_vnd: number; weight_grams: number; price_vnd: number }>(
        `SELECT i.quantity, i.unit_price_vnd, i.line_total_vnd, p.weight_grams, p.price_vnd
         FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.part_id = ?`,
        part.id,
      );
      const line = lines.find(([p]) => p.producer_id === part.producer_id)!;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ quantity: line[1], unit_price_vnd: line[0].price_vnd, line_total_vnd: line[0].price_vnd * line[1] });
      const goods = items.reduce((sum, i) => sum + i.price_vnd * i.quantity, 0);
      const weight = items.reduce((sum, i) => sum + i.weight_grams * i.quantity, 0);
      const { kind, fee } = expectedShipping(part.producer_id, goods, weight, "92");
      kinds.push(kind);
      expect(part, `part of producer ${part.producer_id} (${kind}, ${weight} g)`).toMatchObject({
        status: "awaiting_payment",
        goods_total_vnd: goods,
        shipping_fee_vnd: fee,
        total_vnd: goods + fee,
      });
    }
    // The cart was chosen to try every branch of the rule.
    expect(kinds.sort()).toEqual(["elsewhere", "free", "sameProvince", "sameRegion"]);
    const heavyPart = parts.find((p) => p.producer_id === demoProducerId())!;
    expect(heavyPart.shipping_fee_vnd).toBeGreaterThan(20_000);

    const goods = parts.reduce((sum, p) => sum + p.goods_total_vnd, 0);
    const shipping = parts.reduce((sum, p) => sum + p.shipping_fee_vnd, 0);
    expect(order).toMatchObject({ goods_total_vnd: goods, shipping_total_vnd: shipping, total_vnd: goods + shipping, payment_status: "unpaid" });
    // What the checkout page quoted is what the order charges.
    expect(order.total_vnd).toBe(quotedTotal);
    for (const part of parts) {
      const name = row<{ name: string }>("SELECT name FROM producers WHERE id = ?", part.producer_id).name;
      expect(quotedFees.get(name), name).toBe(part.shipping_fee_vnd);
    }
  });

  it("takes the stock and empties the cart", async () => {
    for (const [product, quantity] of lines) expect(stockOf(product.id), product.slug).toBe(stockBefore.get(product.id)! - quantity);
    expect(cartItems(guestCartId(guest))).toEqual([]);
    const { text } = await guest.page("/cart");
    expect(text).toContain(TEXT["cart.empty"]);
  });

  it("shows the buyer the order with each part's fee and the total", async () => {
    const { status, doc } = await guest.page(placed.location);
    expect(status).toBe(200);
    const order = orderByCode(placed.code);
    expect(doc.querySelector("h1")!.textContent).toContain(placed.code);
    for (const part of partsOf(order.id)) {
      const section = doc.querySelector(`section[aria-labelledby='part-${part.id}']`);
      expect(section, `part ${part.id}`).not.toBeNull();
      expect(section!.querySelector(`data[value='${part.shipping_fee_vnd}']`)).not.toBeNull();
    }
    expect(doc.querySelectorAll(`data[value='${order.total_vnd}']`).length).toBeGreaterThan(0);
  });
});

describe("checkout form errors", () => {
  const guest = new Visitor();
  let product: Product;
  beforeAll(async () => {
    product = freshProduct();
    await addToCart(guest, product, 1);
  });

  const hanoiWard = () => wardOf("01");
  const cases: [string, () => Fields, string, string][] = [
    ["an empty name", () => address({ fullName: "" }), "fullName", TEXT["form.required"]],
    ["a bad phone", () => address({ phone: "12345" }), "phone", TEXT["checkout.error.phone"]],
    ["a ward of another province", () => address({ wardCode: hanoiWard() }), "wardCode", TEXT["checkout.error.ward"]],
    [
      "no address",
      () => {
        const { addressLine: _, ...rest } = address();
        return rest;
      },
      "addressLine",
      TEXT["form.required"],
    ],
    ["an unknown payment method", () => address({ paymentMethod: "cash" }), "paymentMethod", TEXT["checkout.error.paymentMethod"]],
    ["Stripe when Stripe is not configured", () => address({ paymentMethod: "stripe" }), "paymentMethod", TEXT["checkout.error.paymentMethod"]],
  ];

  for (const [what, fields, field, message] of cases) {
    it(`answers ${what} with 400 and the message beside ${field}, writing nothing`, async () => {
      const ordersBefore = orderCount();
      const stockBefore = stockOf(product.id);
      const res = await guest.send("/checkout", fields());
      expect(res.status).toBe(400);
      const { doc } = await readPage(res);
      expect(doc.querySelector(`#f-${field}-error`)?.textContent).toBe(message);
      expect(orderCount()).toBe(ordersBefore);
      expect(stockOf(product.id)).toBe(stockBefore);
      expect(cartItems(guestCartId(guest))).toEqual([{ productId: product.id, quantity: 1 }]);
    });
  }

  it("answers 409 when the stock ran out meanwhile, writing nothing", async () => {
    const stock = stockOf(product.id);
    writer.prepare("UPDATE product_variants SET stock = 0 WHERE product_id = ?").run(product.id);
    try {
      const ordersBefore = orderCount();
      const res = await guest.send("/checkout", address());
      expect(res.status).toBe(409);
      const { doc } = await readPage(res);
      expect(doc.querySelector("[role=alert]")?.textContent).toBe(TEXT["checkout.error.stock"]);
      expect(orderCount()).toBe(ordersBefore);
      expect(stockOf(product.id)).toBe(0);
      expect(cartItems(guestCartId(guest))).toEqual([{ productId: product.id, quantity: 1 }]);
    } finally {
      writer.prepare("UPDATE product_variants SET stock = ? WHERE product_id = ?").run(stock, product.id);
    }
  });

  it("answers 409 when the total changed after the page showed it, and shows the new total", async () => {
    const page = await guest.page("/checkout?province=92");
    const shown = Number(page.doc.querySelector("input[name=expectedTotal]")?.getAttribute("value"));
    expect(shown).toBeGreaterThan(0);
    const price = row<{ price_vnd: number }>("SELECT price_vnd FROM products WHERE id = ?", product.id).price_vnd;
    writer.prepare("UPDATE product_variants SET price_vnd = price_vnd + 1000 WHERE product_id = ?").run(product.id);
    try {
      const ordersBefore = orderCount();
      const res = await guest.send("/checkout", address({ expectedTotal: shown }));
      expect(res.status).toBe(409);
      const { doc } = await readPage(res);
      expect(doc.querySelector("[role=alert]")?.textContent).toBe(TEXT["checkout.error.priceChanged"]);
      expect(Number(doc.querySelector("input[name=expectedTotal]")?.getAttribute("value"))).toBe(shown + 1000);
      expect(orderCount()).toBe(ordersBefore);
    } finally {
      writer.prepare("UPDATE product_variants SET price_vnd = ? WHERE product_id = ?").run(price, product.id);
    }
  });
});

describe("an order whose payment time runs out", () => {
  let product: Product;
  let placed: Placed;
  let stockBefore: number;
  beforeAll(async () => {
    product = freshProduct();
    stockBefore = stockOf(product.id);
    placed = await guestOrder([[product, 3]]);
  });

  it("holds the stock while it waits for payment", async () => {
    expect(stockOf(product.id)).toBe(stockBefore - 3);
    const res = await fetch(server.url + orderUrl(placed.code, placed.token, "/vietqr.png"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
  });

  it("is cancelled once the 30 minutes are over, and its stock returns", async () => {
    writer.prepare("UPDATE orders SET expires_at = ? WHERE code = ?").run(Date.now() - 60_000, placed.code);
    const { status, doc } = await readPage(await fetch(server.url + placed.location));
    expect(status).toBe(200);
    const banner = doc.querySelector("[role=status]:not(#flash)")!.textContent;
    expect(banner).toContain(TEXT["order.status.cancelled"]);
    expect(banner).toContain(TEXT["order.payment.expired"]);
    expect(doc.querySelector("#pay-title")).toBeNull();

    const order = orderByCode(placed.code);
    expect(order.payment_status).toBe("expired");
    expect(partsOf(order.id).map((p) => p.status)).toEqual(["cancelled"]);
    expect(stockOf(product.id)).toBe(stockBefore);

    const status2 = await (await fetch(server.url + orderUrl(placed.code, placed.token, "/status"))).json();
    expect(status2).toMatchObject({ code: placed.code, status: "cancelled", paymentStatus: "expired", paid: 0 });
    expect((await fetch(server.url + orderUrl(placed.code, placed.token, "/vietqr.png"))).status).toBe(410);
  });
});

describe("a guest's order link", () => {
  let first: Placed;
  let second: Placed;
  beforeAll(async () => {
    first = await guestOrder([[freshProduct(), 1]]);
    second = await guestOrder([[freshProduct(), 1]]);
  });
  const SUFFIXES = ["", "/status", "/vietqr.png"];

  it("opens the order page, its status and its QR code with the token", async () => {
    for (const suffix of SUFFIXES) {
      const res = await fetch(server.url + orderUrl(first.code, first.token, suffix), { redirect: "manual" });
      expect(res.status, suffix).toBe(200);
    }
    const status = (await (await fetch(server.url + orderUrl(first.code, first.token, "/status"))).json()) as Record<string, unknown>;
    const order = orderByCode(first.code);
    expect(status).toEqual({
      code: first.code,
      status: "awaiting_payment",
      paymentStatus: "unpaid",
      total: order.total_vnd,
      paid: 0,
      parts: partsOf(order.id).map((p) => ({
        producer: row<{ name: string }>("SELECT name FROM producers WHERE id = ?", p.producer_id).name,
        status: "awaiting_payment",
        total: p.total_vnd,
      })),
    });
  });

  it("answers 404 without the token, with a wrong one, and with another order's", async () => {
    const wrong = randomBytes(24).toString("base64url");
    for (const suffix of SUFFIXES) {
      for (const token of [null, wrong, second.token]) {
        const res = await fetch(server.url + orderUrl(first.code, token, suffix), { redirect: "manual" });
        expect(res.status, `${suffix} with token ${token}`).toBe(404);
      }
    }
    expect((await fetch(`${server.url}/orders/OCZZZZZZZZZZ?token=${first.token}`)).status).toBe(404);
  });

  it("is not shown to a signed-in shopper who did not place it", async () => {
    const shopper = await signIn("shopper@demo.local");
    for (const suffix of SUFFIXES) {
      expect((await shopper.send(orderUrl(first.code, null, suffix))).status, suffix).toBe(404);
    }
    const { text } = await shopper.page("/orders");
    expect(text).not.toContain(first.code);
  });
});

describe("a shopper's order: guest cart, sign-in, payment, delivery, review", () => {
  const buyer = new Visitor();
  let producer: Visitor;
  let own: Product; // the demo producer's
  let other: Product; // another Cần Thơ producer's
  let placed: Placed;
  let order: OrderRow;
  let ownPart: PartRow;
  let otherPart: PartRow;

  beforeAll(() => {
    own = findProduct(`${PURCHASABLE} AND p.stock BETWEEN 5 AND 998 AND p.producer_id = ?`, [demoProducerId()], "p.weight_grams, p.id");
    other = freshProduct("pr.province_code = '92'");
  });

  /** Everything a refused move must leave as it was. */
  const snapshot = () => ({
    order: row("SELECT payment_status, paid_vnd FROM orders WHERE id = ?", order.id),
    parts: rows("SELECT id, status, carrier, tracking_number, cancel_reason, updated_at FROM order_parts WHERE order_id = ? ORDER BY id", order.id),
    events: count("SELECT count(*) AS n FROM order_events WHERE order_id = ?", order.id),
    ledger: rows("SELECT id FROM ledger_entries WHERE order_id = ? ORDER BY id", order.id),
    notices: count("SELECT count(*) AS n FROM notifications WHERE order_id = ?", order.id),
    stock: rows("SELECT id, stock, sold_count FROM products WHERE id IN (?, ?) ORDER BY id", own.id, other.id),
  });
  const partStatus = (partId: number) => row<{ status: string }>("SELECT status FROM order_parts WHERE id = ?", partId).status;
  const move = (intent: string, partId: number, extra: Fields = {}) => producer.send("/seller/orders", { intent, partId, ...extra });
  const SHIP = { carrier: "Viettel Post", trackingNumber: "VTP123456" };
  const CANCEL = { reason: "Hết hàng trong kho" };

  async function refused(intent: string, extra: Fields = {}, partId = ownPart.id) {
    const before = snapshot();
    const from = partStatus(partId);
    const res = await move(intent, partId, extra);
    expect(res.status, `${intent} from ${from}`).toBe(409);
    expect(snapshot(), `${intent} from ${from} changed nothing`).toEqual(before);
  }
  async function allowed(intent: string, to: string, extra: Fields = {}) {
    const res = await move(intent, ownPart.id, extra);
    expect(res.status, intent).toBe(303);
    expect(partStatus(ownPart.id)).toBe(to);
  }
  async function badInput(intent: string, extra: Fields, errorId: string, message: string) {
    const before = snapshot();
    const res = await move(intent, ownPart.id, extra);
    expect(res.status, `${intent} ${JSON.stringify(extra)}`).toBe(400);
    const { doc } = await readPage(res);
    expect(doc.querySelector(`#${errorId}`)?.textContent).toBe(message);
    expect(snapshot()).toEqual(before);
  }

  it("keeps the guest's cart when the guest signs in", async () => {
    await addToCart(buyer, own, 2);
    await addToCart(buyer, other, 1);
    const guestCart = guestCartId(buyer);
    expect(cartItems(guestCart)).toHaveLength(2);

    await signIn("shopper@demo.local", buyer); // the ocop_cart cookie goes with the sign-in
    expect(buyer.cookies.has("ocop_cart")).toBe(false);
    const expected = [
      { productId: own.id, quantity: 2 },
      { productId: other.id, quantity: 1 },
    ].sort((a, b) => a.productId - b.productId);
    expect(cartItems(userCartId(shopperId()))).toEqual(expected);
    expect(count("SELECT count(*) AS n FROM carts WHERE id = ?", guestCart)).toBe(0);

    // The shopper's cart, seen with the session cookie alone.
    const res = await fetch(`${server.url}/cart`, { headers: { cookie: `ocop_session=${buyer.cookies.get("ocop_session")}` } });
    const { doc } = await readPage(res);
    for (const { productId, quantity } of expected) expect(doc.querySelector(`#qty-${sizeIdOf(productId)}`)?.getAttribute("value")).toBe(String(quantity));
  });

  it("places the order as the shopper, whose link needs no token, and lists it on /orders", async () => {
    placed = await checkout(buyer, { fullName: "Lê Văn Bình" });
    expect(placed.location).toBe(`/orders/${placed.code}`);
    order = orderByCode(placed.code);
    expect(order.user_id).toBe(shopperId());
    const parts = partsOf(order.id);
    expect(parts).toHaveLength(2);
    ownPart = parts.find((p) => p.producer_id === own.producer_id)!;
    otherPart = parts.find((p) => p.producer_id === other.producer_id)!;

    const page = await buyer.page(placed.location);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector("h1")!.textContent).toContain(placed.code);
    expect((await buyer.send(orderUrl(placed.code, null, "/status"))).status).toBe(200);
    const mine = await buyer.page("/orders");
    expect(mine.doc.querySelector(`a[href='/orders/${placed.code}']`)).not.toBeNull();
    // Someone else's session does not open it.
    const producerSession = await signIn("producer@demo.local");
    expect((await producerSession.send(placed.location)).status).toBe(404);
    producer = producerSession;
  });

  it("lists the order in the producer's inbox and refuses every move before payment", async () => {
    const inbox = await producer.page("/seller/orders");
    expect(inbox.status).toBe(200);
    expect(inbox.doc.querySelector(`#part-${ownPart.id}`)?.textContent).toContain(placed.code);
    expect(inbox.doc.querySelector(`#part-${otherPart.id}`)).toBeNull();
    await refused("confirm");
    await refused("ship", SHIP);
    await refused("deliver");
    await refused("cancel", CANCEL);
  });

  it("refuses the producer's own \"transfer received\" outside the demo, then the bank's transfer pays the whole order", async () => {
    // A production server (no --demo): a seller never changes the order's payment, least of all a shared one.
    await refused("markPaid");
    // The demo cooperative already has paid parts waiting for it (the demo's recent orders): this payment adds one.
    const waiting = count("SELECT count(*) AS n FROM order_parts WHERE producer_id = ? AND status = 'paid'", ownPart.producer_id);
    const inbox = await producer.page("/seller/orders");
    expect(inbox.doc.querySelector(`#part-${ownPart.id} button[value='markPaid']`)).toBeNull();

    const body = JSON.stringify({ transactionId: `FT${randomBytes(6).toString("hex")}`, amount: order.total_vnd, description: `CK ${placed.code}`, accountNumber: "257678859", occurredAt: new Date().toISOString() });
    const signature = createHmac("sha256", BANK_WEBHOOK_SECRET).update(body).digest("hex");
    const res = await fetch(`${server.url}/webhooks/bank-transfer`, { method: "POST", body, headers: { "Content-Type": "application/json", "X-Signature": `sha256=${signature}` } });
    expect(res.status).toBe(200);
    expect(partStatus(ownPart.id)).toBe("paid");
    expect(orderByCode(placed.code)).toMatchObject({ payment_status: "paid", paid_vnd: order.total_vnd });
    expect(partsOf(order.id).map((p) => p.status)).toEqual(["paid", "paid"]);
    for (const part of [ownPart, otherPart]) {
      const balance = (account: string) =>
        row<{ s: number }>("SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE part_id = ? AND account = ?", part.id, account).s;
      expect(balance("commission")).toBe(part.commission_vnd);
      // A household's part also has tax withheld (ADR 0029), taken off what it is owed.
      const withheld = balance("tax_vat_withheld") + balance("tax_pit_withheld");
      const household = ["household", "cooperative_group"].includes(row<{ t: string }>("SELECT entity_type AS t FROM producers WHERE id = ?", part.producer_id).t);
      expect(withheld > 0).toBe(household);
      expect(balance("producer_pending")).toBe(part.total_vnd - part.commission_vnd - withheld);
      expect(
        count("SELECT count(*) AS n FROM notifications WHERE producer_id = ? AND order_id = ? AND kind = 'paid'", part.producer_id, order.id),
        `producer ${part.producer_id} hears of the payment`,
      ).toBe(1);
    }
    const paidInbox = await producer.page("/seller/orders");
    expect(paidInbox.text).toContain(say(TEXT["inbox.newPaid"], { count: waiting + 1 }));
  });

  it("walks paid → confirmed → shipped → delivered, refusing every illegal move with 409 and bad input with 400", async () => {
    // paid
    await refused("markPaid");
    await refused("ship", SHIP);
    await refused("deliver");
    await badInput("cancel", { reason: "ngắn" }, `reason-${ownPart.id}-error`, TEXT["inbox.error.reason"]);
    await allowed("confirm", "confirmed");
    // confirmed
    await refused("markPaid");
    await refused("confirm");
    await refused("deliver");
    await badInput("ship", { carrier: "Viettel Post" }, `tracking-${ownPart.id}-error`, TEXT["form.required"]);
    await badInput("ship", { carrier: "Viettel Post", trackingNumber: "VTP 123!" }, `tracking-${ownPart.id}-error`, TEXT["inbox.error.tracking"]);
    await badInput("ship", { carrier: "", trackingNumber: "VTP123456" }, `carrier-${ownPart.id}-error`, TEXT["form.required"]);
    await allowed("ship", "shipped", SHIP);
    expect(row("SELECT carrier, tracking_number FROM order_parts WHERE id = ?", ownPart.id)).toEqual({
      carrier: "Viettel Post",
      tracking_number: "VTP123456",
    });
    // shipped
    await refused("markPaid");
    await refused("confirm");
    await refused("ship", SHIP);
    await refused("cancel", CANCEL);
    await allowed("deliver", "delivered");
    // delivered
    await refused("markPaid");
    await refused("confirm");
    await refused("ship", SHIP);
    await refused("deliver");
    await refused("cancel", CANCEL);
  });

  it("answers 404 for another producer's part, changing nothing", async () => {
    for (const [intent, extra] of [
      ["confirm", {}],
      ["cancel", CANCEL],
      ["ship", SHIP],
      ["deliver", {}],
      ["markPaid", {}],
    ] as const) {
      const before = snapshot();
      const res = await move(intent, otherPart.id, extra);
      expect(res.status, intent).toBe(404);
      expect(snapshot()).toEqual(before);
    }
    expect(partStatus(otherPart.id)).toBe("paid");
  });

  it("shows the buyer the delivered part while the other producer's is still paid", async () => {
    const res = await buyer.send(orderUrl(placed.code, null, "/status"));
    expect(res.status).toBe(200);
    const status = (await res.json()) as { status: string; paymentStatus: string; paid: number; parts: { producer: string; status: string }[] };
    const nameOf = (producerId: number) => row<{ name: string }>("SELECT name FROM producers WHERE id = ?", producerId).name;
    expect(status).toMatchObject({ status: "in_progress", paymentStatus: "paid", paid: order.total_vnd });
    expect(status.parts.find((p) => p.producer === nameOf(own.producer_id))?.status).toBe("delivered");
    expect(status.parts.find((p) => p.producer === nameOf(other.producer_id))?.status).toBe("paid");
  });

  it("makes the producer's share payable on delivery, less a 5 % commission", () => {
    const part = partsOf(order.id).find((p) => p.id === ownPart.id)!;
    expect(part.commission_vnd).toBe(Math.round((part.goods_total_vnd * 5) / 100));
    const balance = (account: string) =>
      row<{ s: number }>("SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE part_id = ? AND account = ?", part.id, account).s;
    expect(balance("producer_pending")).toBe(0);
    expect(balance("producer_payable")).toBe(part.total_vnd - part.commission_vnd - balance("tax_vat_withheld") - balance("tax_pit_withheld"));
    expect(balance("commission")).toBe(part.commission_vnd);
    // The other part's share is still pending.
    expect(
      row<{ s: number }>("SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE part_id = ? AND account = 'producer_payable'", otherPart.id).s,
    ).toBe(0);
  });

  it("tells the signed-in buyer of every change, and /orders counts the updates until the order is opened", async () => {
    const kinds = rows<{ kind: string }>("SELECT kind FROM notifications WHERE user_id = ? AND order_id = ? ORDER BY kind", shopperId(), order.id).map(
      (n) => n.kind,
    );
    expect(kinds).toEqual(["confirmed", "delivered", "paid", "paid", "shipped"]);
    const unread = count("SELECT count(*) AS n FROM notifications WHERE user_id = ? AND order_id = ? AND read_at IS NULL", shopperId(), order.id);
    expect(unread).toBe(5);
    const before = await buyer.page("/orders");
    const entry = before.doc.querySelector(`a[href='/orders/${placed.code}']`)!.closest("li")!;
    expect(entry.textContent).toContain(say(TEXT["orders.updates"], { count: unread }));

    expect((await buyer.page(placed.location)).status).toBe(200);
    const after = await buyer.page("/orders");
    expect(after.doc.querySelector(`a[href='/orders/${placed.code}']`)!.closest("li")!.textContent).not.toContain(
      say(TEXT["orders.updates"], { count: unread }),
    );
  });

  it("refuses a review of goods not delivered yet", async () => {
    const ratings = row("SELECT rating_count, rating_sum FROM products WHERE id = ?", other.id);
    const res = await buyer.send(placed.location, { productId: other.id, stars: 5, body: "Chưa nhận được hàng." });
    expect(res.status).toBe(400);
    expect(count("SELECT count(*) AS n FROM reviews WHERE order_id = ?", order.id)).toBe(0);
    expect(row("SELECT rating_count, rating_sum FROM products WHERE id = ?", other.id)).toEqual(ratings);
  });

  it("takes one review per delivered product, shown on the product page", async () => {
    const before = row<{ rating_count: number; rating_sum: number }>("SELECT rating_count, rating_sum FROM products WHERE id = ?", own.id);
    const body = `Hàng đúng như mô tả, giao nhanh (${placed.code}).`;
    const res = await buyer.send(placed.location, { productId: own.id, stars: 4, body });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/orders/${placed.code}#review-thanks`);
    expect(row("SELECT rating_count, rating_sum FROM products WHERE id = ?", own.id)).toEqual({
      rating_count: before.rating_count + 1,
      rating_sum: before.rating_sum + 4,
    });
    expect(row("SELECT stars, body, user_id FROM reviews WHERE order_id = ? AND product_id = ?", order.id, own.id)).toEqual({
      stars: 4,
      body,
      user_id: shopperId(),
    });
    const productPage = await readPage(await fetch(`${server.url}/products/${own.slug}`));
    expect(productPage.doc.querySelector("section[aria-labelledby='reviews']")?.textContent).toContain(body);

    const again = await buyer.send(placed.location, { productId: own.id, stars: 1, body: "Đánh giá lần hai." });
    expect(again.status).toBe(400);
    expect(count("SELECT count(*) AS n FROM reviews WHERE product_id = ? AND order_id = ?", own.id, order.id)).toBe(1);
    expect(row<{ rating_count: number }>("SELECT rating_count FROM products WHERE id = ?", own.id).rating_count).toBe(before.rating_count + 1);
  });
});
