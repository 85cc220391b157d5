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

  it("in the producer's profile", async () => {
    const producer = await signedIn("producer@demo.local");
    const page = await producer.page("/seller/profile");
    expect(page.status).toBe(200);
    expect(optionCodes(page.doc.querySelector("select[name=province]"))).toEqual(byName("name", "vi"));
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
