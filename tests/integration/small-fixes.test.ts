/**
 * Issue 12's small fixes, over HTTP against the production server as a browser without JS would:
 * provinces in name order, one certificate number per issuer, English units, and the order page's
 * transfer details without JS. (The label page is tested in storefront.test.ts, the copy buttons in
 * tests/e2e/small-fixes.test.ts.) Every test here failed on the code before its fix.
 */
import Database from "better-sqlite3";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
let writer: Database.Database;
beforeAll(async () => {
  server = await startServer({ STRIPE_SECRET_KEY: "", VIETQR_BANK_BIN: "970436", VIETQR_ACCOUNT_NO: "0071000123456", VIETQR_ACCOUNT_NAME: "CHO OCOP" });
  writer = new Database(server.databasePath);
});
afterAll(async () => {
  writer?.close();
  await server?.stop();
});

type Fields = Record<string, string | number>;
const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) => row<{ n: number }>(sql, ...params).n;
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** A browser without JavaScript: keeps its cookies, follows no redirects. */
class Visitor {
  readonly cookies = new Map<string, string>();
  async send(path: string, fields?: Fields): Promise<Response> {
    const res = await fetch(server.url + path, {
      method: fields ? "POST" : "GET",
      body: fields ? new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])) : undefined,
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      redirect: "manual",
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }
  async page(path: string) {
    return read(await this.send(path));
  }
}
async function read(res: Response): Promise<{ status: number; doc: HTMLElement; text: string }> {
  const doc = parse(await res.text());
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { status: res.status, doc, text: doc.textContent.replace(/\s+/g, " ") };
}
async function signedIn(login: string): Promise<Visitor> {
  const visitor = new Visitor();
  expect((await visitor.send("/login", { login, password: "demo-password" })).status).toBe(303);
  return visitor;
}
async function inEnglish(visitor = new Visitor()): Promise<Visitor> {
  expect((await visitor.send("/lang", { lang: "en", redirectTo: "/" })).status).toBe(303);
  return visitor;
}
const wardOf = (provinceCode: string) => row<{ code: string }>("SELECT code FROM wards WHERE province_code = ? ORDER BY code LIMIT 1", provinceCode).code;
const optionCodes = (select: HTMLElement | null) =>
  (select?.querySelectorAll("option") ?? []).map((o) => o.getAttribute("value")).filter((v): v is string => Boolean(v));

async function placeOrder(visitor: Visitor, productId: number, quantity: number): Promise<string> {
  expect((await visitor.send("/cart", { intent: "add", productId, quantity })).status).toBe(303);
  const res = await visitor.send("/checkout", {
    fullName: "Trần Thị Mai",
    phone: "0912345678",
    email: "",
    provinceCode: "92",
    wardCode: wardOf("92"),
    addressLine: "12 Đường 30 Tháng 4, Ninh Kiều",
    paymentMethod: "vietqr",
  });
  expect(res.status, "checkout").toBe(303);
  return res.headers.get("location")!;
}

describe("provinces are listed by name in Vietnamese order", () => {
  const provinces = () => server.db.prepare("SELECT code, name, name_en AS nameEn FROM provinces").all() as { code: string; name: string; nameEn: string }[];
  const byName = (key: "name" | "nameEn", locale: string) => {
    const collator = new Intl.Collator(locale);
    return provinces()
      .sort((a, b) => collator.compare(a[key], b[key]))
      .map((p) => p.code);
  };
  const nameOf = (code: string) => provinces().find((p) => p.code === code)!.name;

  it("at checkout, in Vietnamese and in English", async () => {
    const product = row<{ id: number }>("SELECT id FROM products WHERE status = 'live' AND producer_verified = 1 AND stock > 5 ORDER BY id LIMIT 1");
    const visitor = new Visitor();
    expect((await visitor.send("/cart", { intent: "add", productId: product.id, quantity: 1 })).status).toBe(303);
    const page = await visitor.page("/checkout");
    expect(page.status).toBe(200);
    const shown = optionCodes(page.doc.querySelector("select[name=provinceCode]"));
    expect(shown).toHaveLength(34);
    expect(shown).toEqual(byName("name", "vi"));
    // What a reader checks at a glance: Cà Mau, Cao Bằng, Cần Thơ together; Hà Nội between Gia Lai and Hà Tĩnh.
    const names = shown.map(nameOf);
    expect(names.slice(names.indexOf("Cà Mau"), names.indexOf("Cà Mau") + 3)).toEqual(["Cà Mau", "Cao Bằng", "Cần Thơ"]);
    expect(names.slice(names.indexOf("Gia Lai"), names.indexOf("Gia Lai") + 3)).toEqual(["Gia Lai", "Hà Nội", "Hà Tĩnh"]);
    expect(names[0]).toBe("An Giang");

    await inEnglish(visitor);
    const english = await visitor.page("/checkout");
    expect(optionCodes(english.doc.querySelector("select[name=provinceCode]"))).toEqual(byName("nameEn", "en"));
  });

  it("in the producer's profile, where same-named communes are offered by their province's name", async () => {
    // The profile asks the commune by name (ADR 0014); "Tân Phú" is a commune of several provinces.
    const producer = await signedIn("producer@demo.local");
    const res = await producer.send("/seller/profile", { name: "HTX thử", entityType: "cooperative", commune: "tan phu", phone: "0939000111" });
    expect(res.status).toBe(400);
    const page = await read(res);
    const labels = page.doc.querySelectorAll("input[type=radio][name=wardCode]").map((input) => input.parentNode?.textContent.trim() ?? "");
    expect(labels.length).toBeGreaterThan(2);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("vi").compare));
  });

  it("in the catalog filter and the central staff's dashboard picker", async () => {
    const catalog = await new Visitor().page("/products");
    expect(optionCodes(catalog.doc.querySelector("select[name=province]"))).toEqual(byName("name", "vi"));
    const admin = await signedIn("admin@demo.local");
    const dashboard = await admin.page("/staff/dashboard");
    expect(dashboard.status).toBe(200);
    expect(optionCodes(dashboard.doc.querySelector("select[name=province]"))).toEqual(byName("name", "vi"));
  });
});

describe("a certificate number belongs to one certificate of its issuer", () => {
  /** Two approved producers of Cần Thơ (92) with products, the first already certified under `number`. */
  function twoProducersOf92() {
    const certified = row<{ producerId: number; number: string }>(
      `SELECT c.producer_id AS producerId, c.number FROM certificates c JOIN producers p ON p.id = c.producer_id
       WHERE p.province_code = '92' AND c.issuer_level = 'province' ORDER BY c.id LIMIT 1`,
    );
    const other = row<{ producerId: number; productId: number }>(
      `SELECT p.id AS producerId, pd.id AS productId FROM producers p JOIN products pd ON pd.producer_id = p.id
       WHERE p.province_code = '92' AND p.verification_status = 'approved' AND p.id <> ? AND pd.status <> 'draft' ORDER BY p.id, pd.id LIMIT 1`,
      certified.producerId,
    );
    return { certified, other };
  }
  const certificateFields = (producerId: number, productId: number, number: string, stars = 4): Record<string, string> => ({
    producerId: String(producerId),
    productIds: String(productId),
    stars: String(stars),
    score: stars === 5 ? "92" : "78",
    number,
    decisionDate: today(),
  });

  it("refuses, by the number field, a number the province already gave another producer, writing nothing", async () => {
    const { certified, other } = twoProducersOf92();
    const staff = await signedIn("staff@demo.local");
    const before = count("SELECT count(*) AS n FROM certificates");
    const res = await staff.send(`/staff/certificates/new?producer=${other.producerId}`, certificateFields(other.producerId, other.productId, certified.number));
    expect(res.status).toBe(400);
    const page = await read(res);
    expect(page.doc.querySelector("#f-number")?.getAttribute("aria-invalid")).toBe("true");
    expect(page.doc.querySelector("#f-number-error")?.textContent).toBe(
      "Số quyết định này đã được ghi nhận cho một chứng nhận khác của cùng cơ quan cấp. Mỗi số chỉ dùng cho một chứng nhận.",
    );
    expect(count("SELECT count(*) AS n FROM certificates")).toBe(before);
    expect(count("SELECT count(*) AS n FROM certificates WHERE number = ?", certified.number)).toBe(1);
  });

  it("refuses a 5★ number the central level already gave another producer", async () => {
    const central = row<{ producerId: number; number: string }>(
      "SELECT producer_id AS producerId, number FROM certificates WHERE issuer_level = 'central' ORDER BY id LIMIT 1",
    );
    const { other } = twoProducersOf92();
    expect(other.producerId).not.toBe(central.producerId);
    const admin = await signedIn("admin@demo.local");
    const res = await admin.send(`/staff/certificates/new?producer=${other.producerId}`, certificateFields(other.producerId, other.productId, central.number, 5));
    expect(res.status).toBe(400);
    expect((await read(res)).doc.querySelector("#f-number-error")?.textContent).toContain("Số quyết định này đã được ghi nhận");
    expect(count("SELECT count(*) AS n FROM certificates WHERE number = ? AND issuer_level = 'central'", central.number)).toBe(1);
  });

  it("accepts the same number from a different issuer (another province)", async () => {
    const { certified } = twoProducersOf92();
    const haNoi = row<{ producerId: number; productId: number }>(
      `SELECT p.id AS producerId, pd.id AS productId FROM producers p JOIN products pd ON pd.producer_id = p.id
       WHERE p.province_code = '01' AND p.verification_status = 'approved' AND pd.status <> 'draft' ORDER BY pd.id LIMIT 1`,
    );
    const admin = await signedIn("admin@demo.local");
    const res = await admin.send(`/staff/certificates/new?producer=${haNoi.producerId}`, certificateFields(haNoi.producerId, haNoi.productId, certified.number));
    expect(res.status).toBe(303);
    expect(
      server.db.prepare("SELECT issuer_province_code AS province FROM certificates WHERE number = ? ORDER BY issuer_province_code").all(certified.number),
    ).toEqual([{ province: "01" }, { province: "92" }]);
  });

  it("renews under a new number, and not under the number being renewed", async () => {
    const { certified } = twoProducersOf92();
    const cert = row<{ id: number }>("SELECT id FROM certificates WHERE number = ? AND issuer_province_code = '92'", certified.number);
    const staff = await signedIn("staff@demo.local");
    const same = await staff.send(`/staff/certificates/${cert.id}`, { intent: "renew", number: certified.number, decisionDate: today() });
    expect(same.status).toBe(400);
    expect((await read(same)).doc.querySelector("#f-number-error")?.textContent).toContain("Số quyết định này đã được ghi nhận");
    const renewed = await staff.send(`/staff/certificates/${cert.id}`, { intent: "renew", number: "QĐ 77/QĐ-UBND-GIA-HAN", decisionDate: today() });
    expect(renewed.status).toBe(303);
    expect(row("SELECT producer_id AS producerId, issuer_province_code AS province FROM certificates WHERE number = 'QĐ 77/QĐ-UBND-GIA-HAN'")).toEqual({
      producerId: certified.producerId,
      province: "92",
    });
  });

  it("is enforced by the database too, for a write that skips the domain's check", () => {
    const existing = row<{ producerId: number; number: string; issuerName: string }>(
      "SELECT producer_id AS producerId, number, issuer_name AS issuerName FROM certificates WHERE issuer_level = 'central' ORDER BY id LIMIT 1",
    );
    const insert = writer.prepare(
      `INSERT INTO certificates (producer_id, number, stars, issuer_name, issuer_level, issuer_province_code, decision_date, expires_on, created_at)
       VALUES (?, ?, 5, ?, 'central', NULL, '2026-01-01', '2029-01-01', 0)`,
    );
    const otherProducer = row<{ id: number }>("SELECT id FROM producers WHERE id <> ? AND verification_status = 'approved' LIMIT 1", existing.producerId).id;
    expect(() => insert.run(otherProducer, existing.number, existing.issuerName)).toThrow(/UNIQUE constraint failed/);
  });
});

describe("English pages show units in English", () => {
  const bottled = () =>
    row<{ id: number; slug: string; name: string; stock: number }>(
      `SELECT id, slug, name, stock FROM products WHERE unit = 'chai' AND status = 'live' AND producer_verified = 1 AND stock > 10 ORDER BY id LIMIT 1`,
    );

  it("on the product page, its card and in the cart", async () => {
    const product = bottled();
    const english = await inEnglish();
    const page = await english.page(`/products/${product.slug}`);
    const summary = page.doc.querySelector("#san-pham")!.textContent.replace(/\s+/g, " ");
    expect(summary).toContain("/ bottle");
    expect(summary).toContain(`${product.stock} bottles left`);
    expect(summary).not.toMatch(/\bchai\b/);

    const catalog = await english.page(`/products?q=${encodeURIComponent(product.name)}`);
    const card = catalog.doc.querySelectorAll("main article").find((a) => a.querySelector(`a[href='/products/${product.slug}']`));
    expect(card?.textContent).toContain("/ bottle");

    expect((await english.send("/cart", { intent: "add", productId: product.id, quantity: 2 })).status).toBe(303);
    const cart = await english.page("/cart");
    expect(cart.text).toContain("/ bottle");
    expect(cart.text).not.toMatch(/\/ chai\b/);

    // Vietnamese visitors still see the unit as the producer typed it.
    const vietnamese = await new Visitor().page(`/products/${product.slug}`);
    expect(vietnamese.doc.querySelector("#san-pham")!.textContent.replace(/\s+/g, " ")).toContain("/ chai");
  });

  it("on the order page", async () => {
    const product = bottled();
    const english = await inEnglish();
    const orderUrl = await placeOrder(english, product.id, 3);
    const page = await english.page(orderUrl);
    expect(page.status).toBe(200);
    const item = page.doc.querySelectorAll("li").find((li) => li.querySelector(`a[href='/products/${product.slug}']`));
    expect(item?.textContent.replace(/\s+/g, " ")).toContain("× 3 bottles");
  });
});

describe("the order page's transfer details without JavaScript", () => {
  it("shows account, amount and transfer content as plain text, with no copy buttons that could not work", async () => {
    const product = row<{ id: number }>("SELECT id FROM products WHERE status = 'live' AND producer_verified = 1 AND stock > 5 ORDER BY id DESC LIMIT 1");
    const visitor = new Visitor();
    const orderUrl = await placeOrder(visitor, product.id, 1);
    const code = new URL(orderUrl, server.url).pathname.split("/")[2]!;
    const page = await visitor.page(orderUrl);
    const transfer = page.doc.querySelector("section[aria-labelledby=pay-title]")!;
    const text = transfer.textContent.replace(/\s+/g, " ");
    expect(text).toContain("0071000123456");
    expect(text).toContain(code);
    expect(text).toMatch(/\d{1,3}(\.\d{3})+ ₫/);
    expect(transfer.querySelectorAll("button")).toHaveLength(0);
    expect(text).not.toContain("Chép");
  });
});
