/**
 * The seven weaknesses an outside security test found (issue 11), each attacked the way it was
 * found, against the production server: every test here failed on the code before its fix.
 */
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { cookieOf, signIn } from "../setup/http";
import { nextBuyerPhone } from "../setup/buyers";
import { soldInOneSize } from "../setup/sizes";
import { zeroBomb, zip } from "../setup/zip";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ STRIPE_SECRET_KEY: "", VIETQR_ACCOUNT_NO: "", BANK_WEBHOOK_SECRET: "" });
});
afterAll(() => server?.stop());

type Fields = Record<string, string | number>;
const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) => row<{ n: number }>(sql, ...params).n;

function post(target: TestServer, path: string, cookie: string, fields: Fields, headers: Record<string, string> = {}) {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  return fetch(target.url + path, { method: "POST", body, headers: { cookie, ...headers }, redirect: "manual" });
}
async function page(path: string, cookie = "") {
  const res = await fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
  const doc = parse(await res.text());
  return { status: res.status, doc, text: doc.textContent.replace(/\s+/g, " ") };
}

const demoProducerId = () =>
  row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;

interface Listing {
  id: number;
  slug: string;
  name: string;
  group_code: string;
  unit: string;
  price_vnd: number;
  stock: number;
  weight_grams: number;
  description: string;
}
const listingFields = (p: Listing, overrides: Fields = {}): Fields => ({
  name: p.name,
  groupCode: p.group_code,
  unit: p.unit,
  priceVnd: p.price_vnd,
  stock: p.stock,
  // What the edit form posts back: the stock it showed (a stale form is refused).
  stockShown: p.stock,
  weightGrams: p.weight_grams,
  description: p.description,
  intent: "publish",
  ...overrides,
});

describe("1. open redirect through dot segments", () => {
  it("sends the browser home, not to another site, after signing in with a redirect that resolves to //host", async () => {
    for (const redirectTo of ["/.//evil.example/", "/x/../..//evil.example", "/%2F%2Fevil.example", "/.\\evil.example", "/%5C%5Cevil.example"]) {
      const res = await post(server, "/login", "", { login: "shopper@demo.local", password: "demo-password", redirectTo });
      expect(res.status, redirectTo).toBe(303);
      expect(res.headers.get("location"), redirectTo).toBe("/");
    }
  });

  it("does the same for the language switch", async () => {
    const res = await post(server, "/lang", "", { lang: "en", redirectTo: "/.//evil.example/x" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
  });

  it("does the same on GET /login while signed in", async () => {
    const cookie = await signIn(server, "shopper@demo.local");
    const res = await fetch(`${server.url}/login?redirectTo=${encodeURIComponent("/x/../..//evil.example")}`, { headers: { cookie }, redirect: "manual" });
    expect(res.headers.get("location")).toBe("/");
    const fine = await fetch(`${server.url}/login?redirectTo=${encodeURIComponent("/orders?page=2")}`, { headers: { cookie }, redirect: "manual" });
    expect(fine.headers.get("location")).toBe("/orders?page=2");
  });
});

describe("2. a staff hold stays until staff lift it", () => {
  it("keeps a held listing off the storefront when its producer publishes it again, and only staff release it", async () => {
    const product = row<Listing>(
      `SELECT * FROM products WHERE producer_id = ? AND status = 'live' AND ${soldInOneSize()} ORDER BY id DESC LIMIT 1`,
      demoProducerId(),
    );
    const staff = await signIn(server, "staff@demo.local");
    const producer = await signIn(server, "producer@demo.local");
    const reason = "Ảnh và mô tả không khớp với sản phẩm thật";
    expect((await post(server, "/staff/moderation", staff, { intent: "hide", productId: product.id, note: reason })).status).toBe(303);
    expect((await page(`/products/${product.slug}`)).status).toBe(404);
    const auditRows = count("SELECT count(*) AS n FROM staff_audit WHERE subject_type = 'product' AND subject_id = ?", String(product.id));

    // The producer saves the listing with "put on sale", as the attack did.
    const saved = await post(server, `/seller/products/${product.id}`, producer, listingFields(product, { description: "Đã sửa mô tả." }));
    expect(saved.status).toBe(303);
    expect((await page(`/products/${product.slug}`)).status).toBe(404);
    const search = await page(`/products?q=${encodeURIComponent(product.name)}`);
    expect(search.doc.querySelector(`main a[href='/products/${product.slug}']`)).toBeNull();
    const cart = await post(server, "/cart", "", { intent: "add", productId: product.id, quantity: 1 });
    expect(cart.status).toBe(400);
    expect((await page("/staff/moderation", staff)).text).toContain(product.name);
    expect(count("SELECT count(*) AS n FROM staff_audit WHERE subject_type = 'product' AND subject_id = ?", String(product.id))).toBe(auditRows);

    // The producer sees why, and asks for a review; staff see the request.
    const own = await page(`/seller/products/${product.id}`, producer);
    expect(own.text).toContain("Cán bộ tỉnh đã tạm ẩn sản phẩm này");
    expect(own.text).toContain(reason);
    expect((await post(server, `/seller/products/${product.id}`, producer, { intent: "requestReview" })).status).toBe(303);
    expect((await page(`/seller/products/${product.id}`, producer)).text).toContain("Đã gửi yêu cầu xem xét lại");
    expect((await page("/staff/moderation", staff)).text).toContain("Người bán đã sửa và xin xem xét lại");
    expect((await page("/seller/products", producer)).text).toContain("Bị cán bộ tạm ẩn");

    expect((await post(server, "/staff/moderation", staff, { intent: "restore", productId: product.id, note: "Đã sửa đúng" })).status).toBe(303);
    expect((await page(`/products/${product.slug}`)).status).toBe(200);
    expect(row("SELECT held_at, held_reason, hold_review_requested_at, status FROM products WHERE id = ?", product.id)).toEqual({
      held_at: null,
      held_reason: null,
      hold_review_requested_at: null,
      status: "live",
    });
  });
});

describe("3. the OCOP badge does not survive a change of goods", () => {
  it("refuses a new name, group or unit on a certified listing, by the field, and keeps the page, title and open data as certified", async () => {
    const product = row<Listing & { badge_stars: number }>(
      `SELECT * FROM products WHERE producer_id = ? AND status = 'live' AND badge_stars IS NOT NULL AND badge_expires_on > date('now') AND ${soldInOneSize()} ORDER BY id LIMIT 1`,
      demoProducerId(),
    );
    const producer = await signIn(server, "producer@demo.local");
    const form = await page(`/seller/products/${product.id}`, producer);
    expect(form.doc.querySelector("#f-name")?.hasAttribute("readonly")).toBe(true);
    expect(form.doc.querySelectorAll("#f-groupCode option").map((o) => o.getAttribute("value"))).toEqual([product.group_code]);
    expect(form.text).toContain(`chứng nhận OCOP ${product.badge_stars}★`);

    const medicine = { name: "Thuốc bổ thận gia truyền", groupCode: product.group_code === "herbal" ? "food" : "herbal", unit: "hộp 10 viên" };
    const res = await post(server, `/seller/products/${product.id}`, producer, listingFields(product, medicine));
    expect(res.status).toBe(400);
    const doc = parse(await res.text());
    for (const field of ["name", "groupCode", "unit"]) expect(doc.querySelector(`#f-${field}-error`)?.textContent).toBe("Mục này đã được chứng nhận OCOP, không sửa được.");
    expect(row("SELECT name, group_code, unit FROM products WHERE id = ?", product.id)).toEqual({ name: product.name, group_code: product.group_code, unit: product.unit });

    const open = (await (await fetch(`${server.url}/open-data/products.json`)).json()) as { products: { id: number; name: string }[] };
    expect(open.products.find((p) => p.id === product.id)?.name).toBe(product.name);
    // What the certificate does not certify still changes.
    const price = await post(server, `/seller/products/${product.id}`, producer, listingFields(product, { priceVnd: product.price_vnd + 1000 }));
    expect(price.status).toBe(303);
    expect(row<{ price_vnd: number }>("SELECT price_vnd FROM products WHERE id = ?", product.id).price_vnd).toBe(product.price_vnd + 1000);
  });
});

/** The server's resident memory in bytes, from the kernel. */
function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

/**
 * Sends `chunks` (written one after another, as a phone uploads) and resolves with the answer's
 * status and time, watching the server's memory meanwhile; an answer that comes before the body is
 * all sent ends the upload, as browsers and curl do.
 */
function sendWatchingMemory(path: string, headers: Record<string, string | number>, chunks: () => Generator<Buffer>) {
  return new Promise<{ status: number; ms: number; peakRss: number; body: string }>((resolve, reject) => {
    const started = Date.now();
    let peakRss = rssOf(server.pid);
    const watch = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.pid))), 25);
    const req = request(server.url + path, { method: "POST", agent: false, headers });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => {
        clearInterval(watch);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, ms: Date.now() - started, peakRss: Math.max(peakRss, rssOf(server.pid)), body });
      });
    });
    req.on("error", (error) => {
      if (answered) return;
      clearInterval(watch);
      reject(error);
    });
    const source = chunks();
    const pump = () => {
      for (let next = source.next(); !next.done; next = source.next()) {
        if (answered) return;
        if (!req.write(next.value)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("4 and 5. memory before authorization: a huge form and a lying spreadsheet", () => {
  const MB = 1024 * 1024;

  it("answers a 100 MB url-encoded post to a product with a 4xx within 3 s, the server growing less than 120 MB", async () => {
    const producer = await signIn(server, "producer@demo.local");
    const productId = row<{ id: number }>("SELECT id FROM products WHERE producer_id = ? ORDER BY id LIMIT 1", demoProducerId()).id;
    const startRss = rssOf(server.pid);

    const megabyte = Buffer.alloc(MB, "a");
    const form = await sendWatchingMemory(
      `/seller/products/${productId}`,
      { cookie: producer, "content-type": "application/x-www-form-urlencoded", "content-length": 100 * MB + 5 },
      function* () {
        yield Buffer.from("name=");
        for (let i = 0; i < 100; i++) yield megabyte;
      },
    );
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    expect(form.ms).toBeLessThan(3000);
    expect(form.peakRss - startRss).toBeLessThan(120 * MB);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("answers a 300 MB-inflating XLSX with a 4xx within 3 s, the server growing less than 120 MB", async () => {
    const producer = await signIn(server, "producer@demo.local");
    const products = count("SELECT count(*) AS n FROM products WHERE producer_id = ?", demoProducerId());
    const startRss = rssOf(server.pid);
    // The central directory says 1,000 bytes; the local header and the data say 300 MB.
    const bomb = Buffer.from(zip([{ name: "xl/worksheets/sheet1.xml", data: zeroBomb(300), centralSize: 1000, localSize: 300 * MB }]));
    const boundary = "----trustfixes";
    const multipart = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="san-pham.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      bomb,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const sheet = await sendWatchingMemory(
      "/seller/import",
      { cookie: producer, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": multipart.length },
      function* () {
        yield multipart;
      },
    );
    expect(sheet.status).toBe(400);
    expect(sheet.ms).toBeLessThan(3000);
    expect(sheet.peakRss - startRss).toBeLessThan(120 * MB);
    expect(parse(sheet.body).querySelector("#f-file-error")?.textContent).toContain(".xlsx hoặc .csv");
    expect(count("SELECT count(*) AS n FROM products WHERE producer_id = ?", demoProducerId())).toBe(products);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("reads the body of a product form only after the product is known to be the producer's", async () => {
    const stranger = await signIn(server, "shopper@demo.local");
    const res = await post(server, "/seller/products/1", stranger, { intent: "hide" });
    expect([302, 303, 403]).toContain(res.status);
    const other = row<{ id: number }>("SELECT id FROM products WHERE producer_id != ? ORDER BY id LIMIT 1", demoProducerId()).id;
    const producer = await signIn(server, "producer@demo.local");
    const hide = await post(server, `/seller/products/${other}`, producer, { intent: "hide" });
    expect(hide.status).toBe(404);
    expect(row<{ status: string }>("SELECT status FROM products WHERE id = ?", other).status).not.toBe("hidden");
  });
});

describe("6. a producer never changes the order's payment", () => {
  async function placeOrder(target: TestServer, productIds: number[]) {
    let cart = "";
    for (const productId of productIds) {
      const res = await post(target, "/cart", cart, { intent: "add", productId, quantity: 1 });
      expect(res.status).toBe(303);
      cart = cookieOf(res) || cart;
    }
    const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
    const res = await post(target, "/checkout", cart, {
      fullName: "Nguyễn Thị Lan",
      phone: nextBuyerPhone(),
      provinceCode: "92",
      wardCode: ward,
      addressLine: "12 Đường 3 Tháng 2",
      paymentMethod: "vietqr",
    });
    expect(res.status).toBe(303);
    return res.headers.get("location")!.split("/")[2]!.split("?")[0]!;
  }
  const partOf = (target: TestServer, code: string, producerId: number) =>
    target.db.prepare("SELECT p.id FROM order_parts p JOIN orders o ON o.id = p.order_id WHERE o.code = ? AND p.producer_id = ?").get(code, producerId) as { id: number };
  const paymentOf = (target: TestServer, code: string) =>
    (target.db.prepare("SELECT payment_status AS s FROM orders WHERE code = ?").get(code) as { s: string }).s;
  const sellable = (where: string, ...params: unknown[]) =>
    row<{ id: number }>(`SELECT p.id FROM products p WHERE p.status = 'live' AND p.producer_verified = 1 AND p.stock > 5 AND ${soldInOneSize("p")} AND ${where} ORDER BY p.id LIMIT 1`, ...params).id;

  it("in production, even with the demo VietQR account, refuses \"transfer received\" and shows no such button", async () => {
    const own = sellable("p.producer_id = ?", demoProducerId());
    const code = await placeOrder(server, [own]);
    const producer = await signIn(server, "producer@demo.local");
    const part = partOf(server, code, demoProducerId());
    const inbox = await page("/seller/orders", producer);
    expect(inbox.doc.querySelectorAll(`#part-${part.id}`).length).toBe(1);
    expect(inbox.doc.querySelectorAll(`#part-${part.id} button[value='markPaid']`).length).toBe(0);
    expect((await post(server, "/seller/orders", producer, { intent: "markPaid", partId: part.id })).status).toBe(409);
    expect(paymentOf(server, code)).toBe("unpaid");
  });

  it("in the demo (--demo), allows it for an order of the producer's goods alone, never for a shared order", async () => {
    const demo = await startServer({ STRIPE_SECRET_KEY: "", VIETQR_ACCOUNT_NO: "" }, { args: ["--demo"] });
    try {
      const own = sellable("p.producer_id = ?", demoProducerId());
      const other = sellable("p.producer_id != ? AND p.province_code = '92'", demoProducerId());
      const producer = await signIn(demo, "producer@demo.local");
      const get = async (path: string) => parse(await (await fetch(demo.url + path, { headers: { cookie: producer } })).text());

      const shared = await placeOrder(demo, [own, other]);
      const sharedPart = partOf(demo, shared, demoProducerId());
      expect((await get("/seller/orders")).querySelectorAll(`#part-${sharedPart.id} button[value='markPaid']`).length).toBe(0);
      expect((await post(demo, "/seller/orders", producer, { intent: "markPaid", partId: sharedPart.id })).status).toBe(409);
      expect(paymentOf(demo, shared)).toBe("unpaid");

      const alone = await placeOrder(demo, [own]);
      const alonePart = partOf(demo, alone, demoProducerId());
      expect((await get("/seller/orders")).querySelectorAll(`#part-${alonePart.id} button[value='markPaid']`).length).toBe(1);
      expect((await post(demo, "/seller/orders", producer, { intent: "markPaid", partId: alonePart.id })).status).toBe(303);
      expect(paymentOf(demo, alone)).toBe("paid");
    } finally {
      await demo.stop();
    }
  });
});

describe("7. cross-site posts", () => {
  it("answers 403 with the Vietnamese page to a foreign or null Origin, on pages and .data alike, logging one line and no stack", async () => {
    const before = server.output();
    const shopper = await signIn(server, "shopper@demo.local");
    const carts = () => count("SELECT count(*) AS n FROM cart_items");
    const cartItems = carts();
    const productId = row<{ id: number }>(`SELECT id FROM products WHERE status = 'live' AND stock > 0 AND ${soldInOneSize()} ORDER BY id LIMIT 1`).id;
    for (const [path, origin] of [
      ["/login", "https://evil.example"],
      ["/login", "null"],
      ["/cart", "https://evil.example"],
      ["/cart.data", "https://evil.example"],
      ["/cart", `${server.url}.evil.example`],
    ] as const) {
      const res = await post(server, path, shopper, { intent: "add", productId, quantity: 1, login: "a", password: "b" }, { Origin: origin });
      expect(res.status, `${path} from ${origin}`).toBe(403);
      const html = await res.text();
      expect(html).toContain("Yêu cầu bị từ chối");
      expect(html).toContain('lang="vi"');
    }
    // Without an Origin, a browser's Sec-Fetch-Site still tells.
    expect((await post(server, "/cart", shopper, { intent: "add", productId, quantity: 1 }, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect(carts()).toBe(cartItems);
    const logged = server.output().slice(before.length);
    expect(logged.match(/403 cross-site/g)).toHaveLength(1);
    expect(logged).not.toMatch(/\n\s+at /);

    // The same post from our own pages goes through.
    expect((await post(server, "/cart", shopper, { intent: "add", productId, quantity: 1 }, { Origin: server.url })).status).toBe(303);
  });
});
