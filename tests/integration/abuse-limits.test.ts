/**
 * The four abuses a security test found (issue 12), attacked the way it found them, against the
 * production server: bulk imports without a cap, stock held by unpaid orders, producers reviewing
 * their own goods, and a stack trace in the log for every POST to a page without a form.
 * Every test here failed on the code before its fix.
 */
import Database from "better-sqlite3";
import { createHmac, randomBytes } from "node:crypto";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATE_HEADER } from "~/domain/catalog/bulk-import";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";
import { cookieOf, signIn } from "../setup/http";

const BANK_WEBHOOK_SECRET = "abuse-test-bank-secret";
let server: TestServer;
/** Sets up data the way a long-lived market would have it (many products, a login phone). */
let writer: Database.Database;
beforeAll(async () => {
  // TRUST_PROXY: the client address is X-Forwarded-For's, so one test can be "another subscriber".
  server = await startServer({ STRIPE_SECRET_KEY: "", VIETQR_ACCOUNT_NO: "", BANK_WEBHOOK_SECRET, TRUST_PROXY: "1" });
  writer = new Database(server.databasePath);
  writer.pragma("busy_timeout = 5000");
});
afterAll(async () => {
  writer?.close();
  await server?.stop();
});

type Fields = Record<string, string | number>;
const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) => row<{ n: number }>(sql, ...params).n;

function post(path: string, cookie: string, fields: Fields, headers: Record<string, string> = {}) {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  return fetch(server.url + path, { method: "POST", body, headers: { cookie, ...headers }, redirect: "manual" });
}
async function read(res: Response) {
  const doc = parse(await res.text());
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { status: res.status, doc, text: doc.textContent.replace(/\s+/g, " ") };
}

const demoProducer = () =>
  row<{ id: number; phone: string; owner_user_id: number }>(
    "SELECT p.id, p.phone, p.owner_user_id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'",
  );
interface Product {
  id: number;
  slug: string;
  name: string;
  unit: string;
  stock: number;
  producer_id: number;
  rating_count: number;
  rating_sum: number;
}
const product = (id: number) => row<Product>("SELECT * FROM products WHERE id = ?", id);
/** A product on sale with at least `minStock` units, not used by another test. */
const used = new Set<number>();
function purchasable(minStock: number, where = "1", params: unknown[] = []): Product {
  const found = row<Product | undefined>(
    `SELECT p.* FROM products p
     WHERE p.status = 'live' AND p.producer_verified = 1 AND p.held_at IS NULL AND p.stock >= ${minStock}
       AND p.id NOT IN (${[0, ...used].join(",")}) AND ${soldInOneSize("p")} AND ${where} ORDER BY p.stock DESC, p.id LIMIT 1`,
    ...params,
  );
  if (!found) throw new Error(`no product where ${where}`);
  used.add(found.id);
  return found;
}
const ward = () => row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;

/** A fresh browser (a fresh cookie, so a fresh cart) that puts `quantity` of a product in its cart. */
async function cartWith(productId: number, quantity: number, cookie = "", headers: Record<string, string> = {}) {
  const res = await post("/cart", cookie, { intent: "add", productId, quantity }, headers);
  expect(res.status, `adding ${quantity} of product ${productId}`).toBe(303);
  return cookie || cookieOf(res);
}
function checkout(cookie: string, phone: string, headers: Record<string, string> = {}) {
  return post(
    "/checkout",
    cookie,
    { fullName: "Nguyễn Văn Khách", phone, email: "", provinceCode: "92", wardCode: ward(), addressLine: "12 đường 3/2, Ninh Kiều", paymentMethod: "vietqr" },
    headers,
  );
}
async function placeOrder(productId: number, quantity: number, phone: string, cookie = "") {
  const cart = await cartWith(productId, quantity, cookie);
  const res = await checkout(cart, phone);
  expect(res.status, `checkout by ${phone}`).toBe(303);
  return { code: new URL(res.headers.get("location")!, server.url).pathname.split("/")[2]!, location: res.headers.get("location")!, cookie: cart };
}
async function payByTransfer(code: string) {
  const { total_vnd } = row<{ total_vnd: number }>("SELECT total_vnd FROM orders WHERE code = ?", code);
  const body = JSON.stringify({ transactionId: `FT${randomBytes(6).toString("hex")}`, amount: total_vnd, description: `CK ${code}`, accountNumber: "257678859", occurredAt: new Date().toISOString() });
  const signature = createHmac("sha256", BANK_WEBHOOK_SECRET).update(body).digest("hex");
  const res = await fetch(`${server.url}/webhooks/bank-transfer`, { method: "POST", body, headers: { "Content-Type": "application/json", "X-Signature": `sha256=${signature}` } });
  expect(res.status).toBe(200);
}
const unpaidOrders = () => count("SELECT count(*) AS n FROM orders WHERE payment_status = 'unpaid'");

// ---------------------------------------------------------------------------------------------

describe("1. bulk import: a cap on products per producer and on imports", () => {
  let cookie: string;
  let producerId: number;
  const owned = () => count("SELECT count(*) AS n FROM products WHERE producer_id = ?", producerId);
  const csv = (names: string[]) =>
    new TextEncoder().encode(`\uFEFF${[TEMPLATE_HEADER.join(","), ...names.map((n) => `${n},food,chai,200000,5,700,`)].join("\r\n")}\r\n`);
  function upload(file: Uint8Array<ArrayBuffer>) {
    const form = new FormData();
    form.set("file", new Blob([file]), "san-pham.csv");
    return fetch(`${server.url}/seller/import`, { method: "POST", body: form, headers: { cookie }, redirect: "manual" });
  }
  const fileError = async (res: Response) => (await read(res)).doc.querySelector("#f-file-error")?.textContent ?? null;

  beforeAll(async () => {
    // A producer that signed up a moment ago and whose profile staff have not verified yet…
    const res = await post("/signup", "", { fullName: "Hộ Lê Văn Tám", login: "0977000123", password: "mat-khau-dai", role: "producer" });
    expect(res.status).toBe(303);
    cookie = cookieOf(res);
    const userId = row<{ id: number }>("SELECT id FROM users WHERE phone = '0977000123'").id;
    producerId = Number(
      writer
        .prepare(
          `INSERT INTO producers (slug, owner_user_id, name, entity_type, province_code, ward_code, address_line, phone)
           VALUES ('ho-le-van-tam', ?, 'Hộ Lê Văn Tám', 'household', '92', ?, 'Ấp 3', '0977000123')`,
        )
        .run(userId, ward()).lastInsertRowid,
    );
    // …that already made 195 drafts.
    const insert = writer.prepare(
      `INSERT INTO products (slug, producer_id, province_code, group_code, name, unit, price_vnd, status, search_text)
       VALUES (?, ?, '92', 'food', ?, 'chai', 50000, 'draft', ?)`,
    );
    writer.transaction(() => {
      for (let i = 0; i < 195; i++) insert.run(`nhap-san-${i}`, producerId, `Nháp sẵn ${i}`, `nhap san ${i}`);
    })();
  });

  it("refuses an import that would take an unverified producer past 200 products, writing none of it", async () => {
    const res = await upload(csv(Array.from({ length: 6 }, (_, i) => `Vượt trần ${i}`)));
    expect(res.status).toBe(400);
    const message = await fileError(res);
    expect(message).toContain("Trước khi được cán bộ xác minh, mỗi cơ sở có tối đa 200 sản phẩm");
    expect(message).toContain("chỉ còn thêm được 5 sản phẩm, tệp này có 6 dòng hợp lệ");
    expect(owned()).toBe(195);
    expect(count("SELECT count(*) AS n FROM products WHERE name LIKE 'Vượt trần%'")).toBe(0);
    // "Import the valid rows" promises all valid rows or none, so it is refused the same way.
    const form = new FormData();
    form.set("file", new Blob([csv(Array.from({ length: 6 }, (_, i) => `Vượt trần ${i}`))]), "san-pham.csv");
    form.set("mode", "valid");
    const valid = await fetch(`${server.url}/seller/import`, { method: "POST", body: form, headers: { cookie }, redirect: "manual" });
    expect(valid.status).toBe(400);
    expect(owned()).toBe(195);
  });

  it("takes an import up to the cap, then refuses the product form too", async () => {
    const res = await upload(csv(Array.from({ length: 5 }, (_, i) => `Vừa đủ ${i}`)));
    expect(res.status).toBe(200);
    expect((await read(res)).doc.querySelector("#result")?.textContent).toBe("Đã nhập 5 / 5 dòng.");
    expect(owned()).toBe(200);

    const form = await post("/seller/products/new", cookie, { name: "Sản phẩm thứ 201", groupCode: "food", unit: "chai", priceVnd: 90000, stock: 3, weightGrams: 500, intent: "draft" });
    expect(form.status).toBe(400);
    const page = await read(form);
    expect(page.doc.querySelector("[role=alert]")?.textContent).toContain("Trước khi được cán bộ xác minh, mỗi cơ sở có tối đa 200 sản phẩm");
    expect(owned()).toBe(200);
  });

  it("lets a verified producer import, under its own higher cap", async () => {
    writer.prepare("UPDATE producers SET verification_status = 'approved', verified_at = ? WHERE id = ?").run(Date.now(), producerId);
    const res = await upload(csv(["Sau xác minh 1", "Sau xác minh 2"]));
    expect(res.status).toBe(200);
    expect(owned()).toBe(202);
  });

  it("answers 429 after 20 imports in an hour from one producer, its helpers included", async () => {
    // Four imports so far in this describe; sixteen more quick ones (a file without the needed columns).
    const badHeader = new TextEncoder().encode("Sản phẩm,Giá\r\nA,1000\r\n");
    for (let i = 0; i < 16; i++) expect((await upload(badHeader)).status, `import ${i + 5}`).toBe(400);
    const res = await upload(csv(["Lần thứ 21"]));
    expect(res.status).toBe(429);
    expect(await fileError(res)).toBe("Cơ sở đã nhập tệp quá nhiều lần trong một giờ. Vui lòng thử lại sau.");
    expect(count("SELECT count(*) AS n FROM products WHERE name = 'Lần thứ 21'")).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe("2. unpaid orders cannot hold a product's whole stock", () => {
  it("lets one phone hold at most 3 unpaid orders, whatever the cookie; a paid one frees its place", async () => {
    const goods = purchasable(60);
    const phone = "0912000001";
    const placed = [];
    for (let i = 0; i < 3; i++) placed.push(await placeOrder(goods.id, 1, phone));
    const before = { orders: unpaidOrders(), stock: product(goods.id).stock };

    // A fourth fresh cookie, the same number written another way.
    const cart = await cartWith(goods.id, 1);
    const res = await checkout(cart, "+84 912 000 001");
    expect(res.status).toBe(429);
    const page = await read(res);
    expect(page.doc.querySelector("[role=alert]")?.textContent).toContain("Số điện thoại này đã có nhiều đơn chưa thanh toán");
    expect({ orders: unpaidOrders(), stock: product(goods.id).stock }).toEqual(before);
    expect((await read(await fetch(`${server.url}/cart`, { headers: { cookie: cart } }))).doc.querySelector(`#qty-${goods.id}`)).not.toBeNull();

    await payByTransfer(placed[0]!.code);
    expect((await checkout(cart, phone)).status).toBe(303);
  });

  it("lets one phone hold at most 20 units of a product in unpaid orders", async () => {
    const goods = purchasable(60);
    const phone = "0912000002";
    const before = { orders: unpaidOrders(), stock: product(goods.id).stock };
    const greedy = await cartWith(goods.id, 21);
    const res = await checkout(greedy, phone);
    expect(res.status).toBe(409);
    const page = await read(res);
    expect(page.doc.querySelector("[role=alert]")?.textContent).toContain("Mỗi số điện thoại chỉ giữ được một số lượng có hạn của mỗi sản phẩm");
    expect(page.text).toContain(`${goods.name}: chỉ đặt thêm được tối đa 20 ${goods.unit}.`);
    expect({ orders: unpaidOrders(), stock: product(goods.id).stock }).toEqual(before);

    await placeOrder(goods.id, 15, phone);
    const more = await checkout(await cartWith(goods.id, 6), phone);
    expect(more.status).toBe(409);
    expect((await read(more)).text).toContain(`${goods.name}: chỉ đặt thêm được tối đa 5 ${goods.unit}.`);
    expect(product(goods.id).stock).toBe(before.stock - 15);
  });

  it("lets one client address hold at most 20 unpaid orders, however many phone numbers it invents", async () => {
    const goods = purchasable(60);
    const from = { "X-Forwarded-For": "203.0.113.9" };
    for (let i = 0; i < 20; i++) {
      const res = await checkout(await cartWith(goods.id, 1, "", from), `09130000${String(i).padStart(2, "0")}`, from);
      expect(res.status, `order ${i + 1}`).toBe(303);
    }
    const before = { orders: unpaidOrders(), stock: product(goods.id).stock };
    const res = await checkout(await cartWith(goods.id, 1, "", from), "0913000099", from);
    expect(res.status).toBe(429);
    expect((await read(res)).doc.querySelector("[role=alert]")?.textContent).toContain("Có quá nhiều đơn chưa thanh toán được đặt từ mạng Internet bạn đang dùng");
    expect({ orders: unpaidOrders(), stock: product(goods.id).stock }).toEqual(before);
    // Another subscriber is not held back by that one.
    const other = { "X-Forwarded-For": "198.51.100.4" };
    expect((await checkout(await cartWith(goods.id, 1, "", other), "0913000098", other)).status).toBe(303);
  });
});

// ---------------------------------------------------------------------------------------------

describe("3. reviews come from real buyers only", () => {
  let producer: string;
  let staff: string;
  beforeAll(async () => {
    producer = await signIn(server, "producer@demo.local");
    staff = await signIn(server, "staff@demo.local");
  });
  const partOf = (code: string, producerId: number) =>
    row<{ id: number }>("SELECT p.id FROM order_parts p JOIN orders o ON o.id = p.order_id WHERE o.code = ? AND p.producer_id = ?", code, producerId).id;
  async function deliver(code: string, producerId: number) {
    await payByTransfer(code);
    const partId = partOf(code, producerId);
    for (const [intent, extra] of [["confirm", {}], ["ship", { carrier: "Viettel Post", trackingNumber: "VTP778899" }], ["deliver", {}]] as const) {
      expect((await post("/seller/orders", producer, { intent, partId, ...extra })).status, intent).toBe(303);
    }
  }
  async function review(location: string, cookie: string, productId: number, stars: number, body: string) {
    return post(location, cookie, { productId, stars, body });
  }

  it("refuses the producer's review of its own goods bought with its phone, its owner's login phone, or from its account", async () => {
    const { id: producerId, phone, owner_user_id } = demoProducer();
    writer.prepare("UPDATE users SET phone = '0966000777' WHERE id = ?").run(owner_user_id);
    const goods = purchasable(5, "p.producer_id = ?", [producerId]);
    const orders = [
      await placeOrder(goods.id, 1, phone), // the producer's phone, as a guest
      await placeOrder(goods.id, 1, "0966 000 777"), // the owner's login phone
      await placeOrder(goods.id, 1, "0935000111", producer), // signed in as the producer, another phone
    ];
    for (const order of orders) {
      await deliver(order.code, producerId);
      const res = await review(order.location, order.cookie, goods.id, 5, "Hàng tuyệt vời, giao nhanh!");
      expect(res.status, order.code).toBe(400);
      expect((await read(res)).doc.querySelector("[role=alert]")?.textContent).toContain("Người bán không thể đánh giá sản phẩm của chính mình");
    }
    // None from these orders (the demo's real buyers may have reviewed the same goods before).
    const codes = orders.map((o) => o.code);
    expect(count(`SELECT count(*) AS n FROM reviews r JOIN orders o ON o.id = r.order_id WHERE r.product_id = ? AND o.code IN (?, ?, ?)`, goods.id, ...codes)).toBe(0);
    expect(product(goods.id)).toMatchObject({ rating_count: goods.rating_count, rating_sum: goods.rating_sum });
  });

  it("takes a real buyer's review out of the rating and off the page when staff refund its part", async () => {
    const goods = purchasable(5, "p.producer_id = ?", [demoProducer().id]);
    const order = await placeOrder(goods.id, 1, "0935000222");
    await deliver(order.code, goods.producer_id);
    const body = `Mật ong thơm, đóng chai kỹ (${order.code}).`;
    expect((await review(order.location, order.cookie, goods.id, 5, body)).status).toBe(303);
    expect(product(goods.id)).toMatchObject({ rating_count: goods.rating_count + 1, rating_sum: goods.rating_sum + 5 });
    expect((await read(await fetch(`${server.url}/products/${goods.slug}`))).text).toContain(body);

    const refund = await post("/staff/payments", staff, { intent: "refund", orderCode: order.code, partId: partOf(order.code, goods.producer_id), reason: "Người mua trả hàng" });
    expect(refund.status).toBe(303);
    expect(row<{ status: string }>("SELECT status FROM order_parts WHERE id = ?", partOf(order.code, goods.producer_id)).status).toBe("refunded");
    expect(product(goods.id)).toMatchObject({ rating_count: goods.rating_count, rating_sum: goods.rating_sum });
    expect(
      row<{ withdrawn_at: number | null }>("SELECT withdrawn_at FROM reviews r JOIN orders o ON o.id = r.order_id WHERE r.product_id = ? AND o.code = ?", goods.id, order.code)
        .withdrawn_at,
    ).not.toBeNull();
    expect((await read(await fetch(`${server.url}/products/${goods.slug}`))).text).not.toContain(body);
  });
});

// ---------------------------------------------------------------------------------------------

describe("4. a POST to a page without a form", () => {
  it("answers 405 with the Vietnamese error page and logs at most one short line, never a stack trace", async () => {
    const started = Date.now();
    const logged = server.output().length;
    const slug = row<{ slug: string }>("SELECT slug FROM products WHERE status = 'live' ORDER BY id LIMIT 1").slug;
    for (let i = 0; i < 10; i++) {
      for (const path of ["/products", "/", `/products/${slug}/label`, "/khong-co-trang-nay"]) {
        const res = await fetch(server.url + path, { method: i % 2 ? "PUT" : "POST", body: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
        expect(res.status, path).toBe(405);
        const page = await read(res);
        expect(page.doc.querySelector("h1")?.textContent, path).toBe("Trang này không nhận dữ liệu gửi lên");
        expect(page.doc.querySelector("title")?.textContent, path).toContain("Trang này không nhận dữ liệu gửi lên");
      }
      expect((await fetch(`${server.url}/healthz`, { method: "POST" })).status).toBe(405);
    }
    const log = server.output().slice(logged);
    expect(log).not.toContain("did not provide an `action`");
    expect(log).not.toMatch(/^\s+at /m);
    const lines = log.split("\n").filter((line) => line.includes("405"));
    // One line per ten seconds at most (the first at once), each short.
    expect(lines.length).toBeLessThanOrEqual(1 + Math.floor((Date.now() - started) / 10_000));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line.length).toBeLessThan(300);
  });
});
