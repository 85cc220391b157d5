import Database from "better-sqlite3";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { cookieOf, signIn } from "../setup/http";
import { soldInOneSize } from "../setup/sizes";
import { nextBuyerPhone } from "../setup/buyers";

let server: TestServer;
let writer: Database.Database;
beforeAll(async () => {
  // Behind a proxy, as in production: the report limit below counts X-Forwarded-For's address.
  server = await startServer({ TRUST_PROXY: "1" });
  writer = new Database(server.databasePath);
});
afterAll(async () => {
  writer?.close();
  await server?.stop();
});

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
// One session per account for the whole file: sign-in is rate-limited (10 per account and address).
const sessions = new Map<string, string>();
async function sessionOf(login: string) {
  const known = sessions.get(login);
  if (known) return known;
  const cookie = await signIn(server, login);
  sessions.set(login, cookie);
  return cookie;
}
function send(path: string, cookie: string, fields?: Record<string, string>) {
  return fetch(server.url + path, {
    method: fields ? "POST" : "GET",
    body: fields ? new URLSearchParams(fields) : undefined,
    headers: { cookie },
    redirect: "manual",
  });
}
/**
 * Gives a seeded producer a payout account, as its owner would on /seller/payout-account: staff can
 * only record a payout to a producer with one (payout-account.test.ts checks that page itself).
 */
const givePayoutAccount = (producerId: number) =>
  writer
    .prepare("UPDATE producers SET bank_bin = '970405', bank_account_no = '7300205123456', bank_account_name = 'HTX THU NGHIEM' WHERE id = ?")
    .run(producerId);
const text = async (res: Response) => {
  const doc = parse(await res.text());
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { doc, text: doc.textContent.replace(/\s+/g, " ") };
};

/**
 * A browser's cookies for one person: sends them, and keeps what each answer sets or clears, so a
 * cookie a page removes is not sent to the page after.
 */
class Jar {
  private cookies = new Map<string, string>();
  constructor(cookie: string) {
    this.take(cookie);
  }
  private take(setCookie: string) {
    const [pair] = setCookie.split(";");
    const eq = pair!.indexOf("=");
    const name = pair!.slice(0, eq).trim();
    if (/;\s*max-age=0\b/i.test(setCookie) || /;\s*expires=thu, 01 jan 1970/i.test(setCookie)) this.cookies.delete(name);
    else this.cookies.set(name, pair!.slice(eq + 1));
  }
  has(name: string) {
    return this.cookies.has(name);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  async fetch(path: string, init: { method?: string; body?: URLSearchParams } = {}) {
    const res = await fetch(server.url + path, { ...init, headers: { cookie: this.header() }, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) this.take(c);
    return res;
  }
  /** Follows a 303 as a browser does, and reads the page it leads to. */
  async follow(res: Response) {
    expect(res.status).toBe(303);
    return text(await this.fetch(res.headers.get("location")!));
  }
}
const flashOf = (page: { doc: ReturnType<typeof parse> }) => page.doc.querySelector("#flash[role=status]")?.textContent.trim() ?? null;

/**
 * Submits a form of the page as a browser without JavaScript does: its fields as the page filled
 * them (with `edits` typed over them), the pressed button's name and value, to the button's
 * formaction and formmethod or else the form's.
 */
async function submitForm(jar: Jar, page: { doc: ReturnType<typeof parse> }, button: string, edits: Record<string, string> = {}) {
  const pressed = page.doc.querySelector(button);
  if (!pressed) throw new Error(`no button ${button}`);
  let form = pressed.parentNode;
  while (form && form.tagName !== "FORM") form = form.parentNode;
  if (!form) throw new Error(`button ${button} is in no form`);
  const fields = new URLSearchParams();
  for (const el of form.querySelectorAll("input[name], textarea[name], select[name]")) {
    const name = el.getAttribute("name")!;
    const tag = el.tagName.toLowerCase();
    if (tag === "input" && ["checkbox", "radio"].includes(el.getAttribute("type") ?? "") && !el.hasAttribute("checked")) continue;
    const value = tag === "textarea" ? el.textContent : tag === "select" ? (el.querySelector("option[selected]") ?? el.querySelector("option"))?.getAttribute("value") ?? "" : el.getAttribute("value") ?? "";
    fields.append(name, name in edits ? edits[name]! : value);
  }
  if (pressed.getAttribute("name")) fields.append(pressed.getAttribute("name")!, pressed.getAttribute("value") ?? "");
  const method = (pressed.getAttribute("formmethod") ?? form.getAttribute("method") ?? "get").toLowerCase();
  const target = new URL(pressed.getAttribute("formaction") ?? form.getAttribute("action") ?? "", server.url + "/");
  if (method === "get") return jar.fetch(`${target.pathname}?${fields}`);
  return jar.fetch(target.pathname + target.search, { method: "POST", body: fields });
}

/** A producer waiting for verification in `provinceCode`, with one product sent for sale. */
function pendingProducer(name: string, provinceCode: string): { producerId: number; productId: number } {
  const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = ? ORDER BY code LIMIT 1", provinceCode).code;
  const producer = writer
    .prepare(
      `INSERT INTO producers (slug, name, entity_type, province_code, ward_code, address_line, phone, verification_status)
       VALUES (?, ?, 'household', ?, ?, 'Ấp Mới', '0912000111', 'pending') RETURNING id`,
    )
    .get(`${name.toLowerCase().replace(/\s+/g, "-")}-${provinceCode}`, name, provinceCode, ward) as { id: number };
  const product = writer
    .prepare(
      `INSERT INTO products (slug, producer_id, province_code, group_code, name, unit, price_vnd, stock, status)
       VALUES (?, ?, ?, 'food', ?, 'hộp', 90000, 10, 'submitted') RETURNING id`,
    )
    .get(`mat-ong-${producer.id}`, producer.id, provinceCode, `Mật ong ${name}`) as { id: number };
  return { producerId: producer.id, productId: product.id };
}

describe("who may enter the staff console", () => {
  it("turns away visitors, shoppers and producers", async () => {
    expect((await send("/staff", "")).status).toBe(302);
    for (const login of ["shopper@demo.local", "producer@demo.local"]) {
      const cookie = await sessionOf(login);
      for (const path of ["/staff", "/staff/producers", "/staff/payments"]) expect((await send(path, cookie)).status).toBe(403);
    }
  });
});

describe("producer verification", () => {
  it("shows provincial staff only their province's queue and refuses another province's producer with 403", async () => {
    const canTho = pendingProducer("Hộ Ong Mật Phong Điền", "92");
    const haNoi = pendingProducer("Hộ Ong Mật Ba Vì", "01");
    const staff = await sessionOf("staff@demo.local");
    const queue = await text(await send("/staff/producers", staff));
    expect(queue.text).toContain("Hộ Ong Mật Phong Điền");
    expect(queue.text).not.toContain("Hộ Ong Mật Ba Vì");
    expect((await send(`/staff/producers/${haNoi.producerId}`, staff)).status).toBe(403);
    expect((await send(`/staff/producers/${haNoi.producerId}`, staff, { decision: "approve" })).status).toBe(403);
    expect(row("SELECT verification_status AS s FROM producers WHERE id = ?", haNoi.producerId)).toEqual({ s: "pending" });
    expect(row<{ n: number }>("SELECT count(*) AS n FROM staff_audit WHERE subject_id = ?", String(haNoi.producerId)).n).toBe(0);
    // Central staff see every province.
    const admin = await sessionOf("admin@demo.local");
    const all = await text(await send("/staff/producers", admin));
    expect(all.text).toContain("Hộ Ong Mật Ba Vì");
    expect(all.text).toContain("Hộ Ong Mật Phong Điền");
    expect(canTho.producerId).toBeGreaterThan(0);
  });

  it("asks for a message to request changes, then tells the producer", async () => {
    const { producerId } = pendingProducer("Tổ hợp tác Khô Cá", "92");
    const staff = await sessionOf("staff@demo.local");
    const missing = await send(`/staff/producers/${producerId}`, staff, { decision: "changes", note: "" });
    expect(missing.status).toBe(400);
    expect((await text(missing)).doc.querySelector("#f-note-error")?.textContent).toBe("Viết lời nhắn 5–1.000 ký tự.");
    expect(row("SELECT verification_status AS s FROM producers WHERE id = ?", producerId)).toEqual({ s: "pending" });

    const res = await send(`/staff/producers/${producerId}`, staff, { decision: "changes", note: "Bổ sung ảnh giấy đăng ký hộ kinh doanh." });
    expect(res.status).toBe(303);
    expect(row("SELECT verification_status AS s, verification_note AS n FROM producers WHERE id = ?", producerId)).toEqual({
      s: "changes_requested",
      n: "Bổ sung ảnh giấy đăng ký hộ kinh doanh.",
    });
    const audit = row<{ action: string; before: string; after: string; actor: string }>(
      "SELECT a.action, a.before, a.after, u.email AS actor FROM staff_audit a JOIN users u ON u.id = a.actor_user_id WHERE subject_type = 'producer' AND subject_id = ?",
      String(producerId),
    );
    expect(audit.action).toBe("producer.changes");
    expect(audit.actor).toBe("staff@demo.local");
    expect(JSON.parse(audit.before)).toMatchObject({ status: "pending" });
    expect(JSON.parse(audit.after)).toMatchObject({ status: "changes_requested", note: "Bổ sung ảnh giấy đăng ký hộ kinh doanh." });

    // The producer sees it in the portal.
    const ownerEmail = "kho-ca@example.com";
    const signup = await fetch(`${server.url}/signup`, {
      method: "POST",
      body: new URLSearchParams({ fullName: "Lâm Văn Cá", login: ownerEmail, password: "mat-khau-dai", role: "producer" }),
      redirect: "manual",
    });
    expect(signup.status).toBe(303);
    writer.prepare("UPDATE producers SET owner_user_id = (SELECT id FROM users WHERE email = ?) WHERE id = ?").run(ownerEmail, producerId);
    const portal = await text(await send("/seller", cookieOf(signup)));
    expect(portal.text).toContain("Bổ sung ảnh giấy đăng ký hộ kinh doanh.");
  });

  it("approves a producer and puts the products it sent for sale on the storefront in the same step", async () => {
    const { producerId, productId } = pendingProducer("Hợp tác xã Bánh Pía", "92");
    const slug = row<{ slug: string }>("SELECT slug FROM products WHERE id = ?", productId).slug;
    expect((await fetch(`${server.url}/products/${slug}`)).status).toBe(404);
    const staff = await sessionOf("staff@demo.local");
    expect((await send(`/staff/producers/${producerId}`, staff, { decision: "approve" })).status).toBe(303);
    expect(row("SELECT verification_status AS s FROM producers WHERE id = ?", producerId)).toEqual({ s: "approved" });
    expect(row("SELECT status, producer_verified AS v FROM products WHERE id = ?", productId)).toEqual({ status: "live", v: 1 });
    expect((await fetch(`${server.url}/products/${slug}`)).status).toBe(200);
    const audit = row<{ after: string }>("SELECT after FROM staff_audit WHERE action = 'producer.approve' AND subject_id = ?", String(producerId));
    expect(JSON.parse(audit.after)).toMatchObject({ status: "approved", productsPublished: 1 });
  });
});

describe("OCOP certificates", () => {
  const demoProducer = () =>
    row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
  /** A live product of the demo producer (Cần Thơ) with no badge. */
  function uncertifiedProduct(): { id: number; slug: string } {
    const product = row<{ id: number; slug: string }>(
      "SELECT id, slug FROM products WHERE producer_id = ? AND status = 'live' ORDER BY id LIMIT 1",
      demoProducer(),
    );
    writer.prepare("DELETE FROM certificate_products WHERE product_id = ?").run(product.id);
    writer.prepare("UPDATE products SET badge_certificate_id = NULL, badge_stars = NULL, badge_expires_on = NULL WHERE id = ?").run(product.id);
    return product;
  }
  /** The badge of the product itself (not of the related goods below it). */
  const badgeOn = async (slug: string) =>
    (await text(await fetch(`${server.url}/products/${slug}`))).doc.querySelector("#san-pham")?.textContent.match(/OCOP \d sao/)?.[0] ?? null;
  const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

  it("records a 4★ certificate that shows on the product at once, audited, and revokes it so the badge goes", async () => {
    const product = uncertifiedProduct();
    expect(await badgeOn(product.slug)).toBeNull();
    const staff = await sessionOf("staff@demo.local");
    const res = await send("/staff/certificates/new", staff, {
      producerId: String(demoProducer()),
      productIds: String(product.id),
      stars: "4",
      score: "82",
      number: "QĐ 123/QĐ-UBND-TEST",
      decisionDate: today(),
    });
    expect(res.status).toBe(303);
    const cert = row<{ id: number; stars: number; expires_on: string; issuer_level: string; issuer_name: string }>(
      "SELECT id, stars, expires_on, issuer_level, issuer_name FROM certificates WHERE number = 'QĐ 123/QĐ-UBND-TEST'",
    );
    expect(cert).toMatchObject({ stars: 4, issuer_level: "province", issuer_name: "UBND thành phố Cần Thơ" });
    expect(Number(cert.expires_on.slice(0, 4))).toBe(Number(today().slice(0, 4)) + 3);
    expect(await badgeOn(product.slug)).toBe("OCOP 4 sao");
    expect(row<{ n: number }>("SELECT count(*) AS n FROM staff_audit WHERE action = 'certificate.record' AND subject_id = ?", String(cert.id)).n).toBe(1);

    const revoke = await send(`/staff/certificates/${cert.id}`, staff, { intent: "revoke", reason: "Sai thông tin trên nhãn" });
    expect(revoke.status).toBe(303);
    expect(await badgeOn(product.slug)).toBeNull();
    const audit = row<{ before: string; after: string }>("SELECT before, after FROM staff_audit WHERE action = 'certificate.revoke' AND subject_id = ?", String(cert.id));
    expect(JSON.parse(audit.before)).toEqual({ status: "active" });
    expect(JSON.parse(audit.after)).toEqual({ status: "revoked", reason: "Sai thông tin trên nhãn" });
  });

  it("refuses 5★ from provincial staff, another province's producer and bad input, writing nothing", async () => {
    const product = uncertifiedProduct();
    const staff = await sessionOf("staff@demo.local");
    const before = row<{ n: number }>("SELECT count(*) AS n FROM certificates").n;
    const fields = { producerId: String(demoProducer()), productIds: String(product.id), stars: "5", number: "QĐ 9/BNN", decisionDate: today() };
    // Posted where the form posts: to the chosen producer's form.
    const form = `/staff/certificates/new?producer=${demoProducer()}`;
    const five = await send(form, staff, fields);
    expect(five.status).toBe(400);
    expect((await text(five)).doc.querySelector("#f-stars-error")?.textContent).toBe("Chỉ cán bộ trung ương ghi nhận chứng nhận 5 sao.");
    const badDate = await send(form, staff, { ...fields, stars: "4", decisionDate: "20/05/2026" });
    expect(badDate.status).toBe(400);
    expect((await text(badDate)).doc.querySelector("#f-decisionDate-error")?.textContent).toBe("Nhập ngày dạng năm-tháng-ngày, ví dụ 2026-05-20.");
    const haNoiProducer = row<{ id: number; productId: number }>(
      `SELECT pr.id, p.id AS productId FROM producers pr JOIN products p ON p.producer_id = pr.id
       WHERE pr.province_code = '01' AND pr.verification_status = 'approved' LIMIT 1`,
    );
    const elsewhere = await send("/staff/certificates/new", staff, { ...fields, stars: "4", producerId: String(haNoiProducer.id), productIds: String(haNoiProducer.productId) });
    expect(elsewhere.status).toBe(403);
    const haNoiCert = row<{ id: number }>(
      "SELECT c.id FROM certificates c JOIN producers p ON p.id = c.producer_id WHERE p.province_code <> '92' LIMIT 1",
    );
    expect((await send(`/staff/certificates/${haNoiCert.id}`, staff)).status).toBe(403);
    expect((await send(`/staff/certificates/${haNoiCert.id}`, staff, { intent: "revoke", reason: "Không phải tỉnh mình" })).status).toBe(403);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM certificates").n).toBe(before);

    // Central staff may record the 5★.
    const admin = await sessionOf("admin@demo.local");
    expect((await send("/staff/certificates/new", admin, fields)).status).toBe(303);
    expect(await badgeOn(product.slug)).toBe("OCOP 5 sao");
  });

  it("lists certificates expiring within 90 days", async () => {
    const cert = row<{ id: number; number: string }>(
      "SELECT c.id, c.number FROM certificates c JOIN producers p ON p.id = c.producer_id WHERE p.province_code = '92' AND c.status = 'active' LIMIT 1",
    );
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    writer.prepare("UPDATE certificates SET expires_on = ? WHERE id = ?").run(soon, cert.id);
    const staff = await sessionOf("staff@demo.local");
    const list = await text(await send("/staff/certificates?expiring=1", staff));
    expect(list.text).toContain(cert.number);
    const later = row<{ number: string }>(
      "SELECT c.number FROM certificates c JOIN producers p ON p.id = c.producer_id WHERE p.province_code = '92' AND c.status = 'active' AND c.expires_on > ? LIMIT 1",
      new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10),
    );
    if (later) expect(list.text).not.toContain(later.number);
  });
});

describe("featured collections", () => {
  const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const certifiedIn = (province: string) =>
    row<{ slug: string; name: string }>(
      `SELECT slug, name FROM products WHERE province_code = ? AND status = 'live' AND producer_verified = 1
         AND badge_expires_on > ? ORDER BY id LIMIT 1`,
      province,
      today(),
    );

  it("features certified goods on the home page, audited", async () => {
    const product = certifiedIn("92");
    const staff = await sessionOf("staff@demo.local");
    const res = await send("/staff/collections", staff, {
      title: "Đặc sản Cần Thơ cho mùa Tết",
      startsOn: today(),
      position: "0",
      products: `${server.url}/products/${product.slug}`,
    });
    expect(res.status).toBe(303);
    const home = await text(await fetch(server.url));
    expect(home.text).toContain("Đặc sản Cần Thơ cho mùa Tết");
    const audit = row<{ after: string }>("SELECT after FROM staff_audit WHERE action = 'collection.create' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(audit.after)).toMatchObject({ title: "Đặc sản Cần Thơ cho mùa Tết", slugs: [product.slug] });
  });

  it("refuses to feature an uncertified product or another province's, writing nothing", async () => {
    const uncertified = row<{ slug: string }>(
      "SELECT slug FROM products WHERE province_code = '92' AND status = 'live' AND producer_verified = 1 AND (badge_expires_on IS NULL OR badge_expires_on <= ?) LIMIT 1",
      today(),
    );
    const staff = await sessionOf("staff@demo.local");
    const before = row<{ n: number }>("SELECT count(*) AS n FROM collections").n;
    const refused = await send("/staff/collections", staff, { title: "Chưa chứng nhận", startsOn: today(), products: uncertified.slug });
    expect(refused.status).toBe(400);
    expect((await text(refused)).doc.querySelector("#f-products-error")?.textContent).toContain(uncertified.slug);
    const haNoi = certifiedIn("01");
    const outside = await send("/staff/collections", staff, { title: "Ngoài tỉnh", startsOn: today(), products: haNoi.slug });
    expect(outside.status).toBe(400);
    expect((await text(outside)).doc.querySelector("#f-products-error")?.textContent).toContain("ngoài tỉnh");
    expect(row<{ n: number }>("SELECT count(*) AS n FROM collections").n).toBe(before);
  });
});

describe("the collection editor without JavaScript", () => {
  const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const picks = (page: { doc: ReturnType<typeof parse> }) => page.doc.querySelectorAll("input[name=pick]").map((i) => i.getAttribute("value"));

  it("finds products by search, adds two, moves the second up and saves; the home page shows them in that order", async () => {
    const [first, second] = server.db
      .prepare(
        `SELECT slug, name FROM products WHERE province_code = '92' AND status = 'live' AND producer_verified = 1 AND held_at IS NULL
           AND badge_expires_on > ? ORDER BY id LIMIT 2`,
      )
      .all(today()) as { slug: string; name: string }[];
    const title = "Quà Cần Thơ chọn bằng ô tìm kiếm";
    const staff = new Jar(await sessionOf("staff@demo.local"));
    let page = await text(await staff.fetch("/staff/collections"));

    // The title typed, then a search: both travel in the search's URL, so nothing typed is lost.
    let res = await submitForm(staff, page, "button[formmethod=get]", { title, find: first!.name });
    expect(res.status).toBe(200);
    page = await text(res);
    expect(page.doc.querySelector("#f-title")?.getAttribute("value")).toBe(title);
    page = await text(await submitForm(staff, page, `button[value="add:${first!.slug}"]`));
    expect(picks(page)).toEqual([first!.slug]);
    page = await text(await submitForm(staff, page, "button[formmethod=get]", { find: second!.name }));
    expect(page.text).toContain(`Kết quả cho “${second!.name}”`);
    page = await text(await submitForm(staff, page, `button[value="add:${second!.slug}"]`));
    expect(picks(page)).toEqual([first!.slug, second!.slug]);
    expect(page.text).toContain("Đã chọn 2/24 sản phẩm");
    page = await text(await submitForm(staff, page, `button[value="up:${second!.slug}"]`));
    expect(picks(page)).toEqual([second!.slug, first!.slug]);
    // Nothing is stored until "Lưu bộ sưu tập".
    expect(row("SELECT count(*) AS n FROM collections WHERE title = ?", title)).toEqual({ n: 0 });

    const saved = await staff.follow(await submitForm(staff, page, 'button[value="save"]'));
    expect(flashOf(saved)).toBe("Đã lưu bộ sưu tập.");
    expect(saved.text).toContain(title);
    const home = await text(await fetch(server.url));
    const section = home.doc.querySelectorAll("main section").find((s) => s.querySelector("h2")?.textContent.trim() === title)!;
    const shown = [...new Set(section.querySelectorAll("a[href^='/products/']").map((a) => a.getAttribute("href")!.slice("/products/".length)))];
    expect(shown).toEqual([second!.slug, first!.slug]);
  });

  it("removes a product from the chosen list, and searches only goods staff may feature", async () => {
    const staff = new Jar(await sessionOf("staff@demo.local"));
    const product = row<{ slug: string; name: string }>(
      "SELECT slug, name FROM products WHERE province_code = '92' AND status = 'live' AND producer_verified = 1 AND held_at IS NULL AND badge_expires_on > ? ORDER BY id DESC LIMIT 1",
      today(),
    );
    let page = await text(await staff.fetch(`/staff/collections?title=Th%E1%BB%AD&startsOn=${today()}&find=${encodeURIComponent(product.name)}`));
    page = await text(await submitForm(staff, page, `button[value="add:${product.slug}"]`));
    expect(picks(page)).toEqual([product.slug]);
    page = await text(await submitForm(staff, page, `button[value="remove:${product.slug}"]`));
    expect(picks(page)).toEqual([]);
    const haNoi = row<{ name: string; slug: string }>(
      "SELECT name, slug FROM products WHERE province_code = '01' AND status = 'live' AND producer_verified = 1 AND badge_expires_on > ? LIMIT 1",
      today(),
    );
    const elsewhere = await text(await staff.fetch(`/staff/collections?title=x&find=${encodeURIComponent(haNoi.name)}`));
    expect(elsewhere.doc.querySelector(`button[value="add:${haNoi.slug}"]`)).toBeNull();
  });
});

describe("a confirmation after each action", () => {
  it("says on the next page, once, that a producer was approved; a cookie the browser makes up shows nothing", async () => {
    const { producerId } = pendingProducer("Hộ Trà Mãng Cầu", "92");
    const staff = new Jar(await sessionOf("staff@demo.local"));
    const done = await staff.fetch(`/staff/producers/${producerId}`, { method: "POST", body: new URLSearchParams({ decision: "approve" }) });
    const next = await staff.follow(done);
    expect(flashOf(next)).toBe("Đã duyệt hồ sơ. Các sản phẩm nhà sản xuất đã gửi được đưa lên bán.");
    expect(staff.has("ocop_flash")).toBe(false);
    const after = await text(await staff.fetch("/staff/producers"));
    expect(flashOf(after)).toBe("");

    const madeUp = Buffer.from(JSON.stringify({ m: "Tài khoản của bạn bị khoá, gọi 0900000000", n: "x" })).toString("base64");
    const forged = await text(await fetch(`${server.url}/staff/producers`, { headers: { cookie: `${staff.header()}; ocop_flash=${madeUp}` } }));
    expect(flashOf(forged)).toBe("");
  });

  it("confirms certificates, moderation, payouts and payments to staff", async () => {
    const staff = new Jar(await sessionOf("staff@demo.local"));
    const post = (path: string, fields: Record<string, string>) => staff.fetch(path, { method: "POST", body: new URLSearchParams(fields) });
    const producerId = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
    const product = row<{ id: number }>("SELECT id FROM products WHERE producer_id = ? AND status = 'live' AND held_at IS NULL ORDER BY id LIMIT 1", producerId);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const recorded = await staff.follow(
      await post("/staff/certificates/new", { producerId: String(producerId), productIds: String(product.id), stars: "3", number: "QĐ 77/XAC-NHAN", decisionDate: today }),
    );
    expect(flashOf(recorded)).toBe("Đã ghi nhận chứng nhận OCOP. Huy hiệu hiện trên sản phẩm ngay.");
    const certId = row<{ id: number }>("SELECT id FROM certificates WHERE number = 'QĐ 77/XAC-NHAN'").id;
    const renewed = await staff.follow(await post(`/staff/certificates/${certId}`, { intent: "renew", number: "QĐ 78/XAC-NHAN", decisionDate: today }));
    expect(flashOf(renewed)).toBe("Đã ghi nhận quyết định gia hạn chứng nhận.");
    const revoked = await staff.follow(await post(`/staff/certificates/${certId}`, { intent: "revoke", reason: "Ghi nhầm số quyết định" }));
    expect(flashOf(revoked)).toBe("Đã thu hồi chứng nhận. Huy hiệu đã gỡ khỏi sản phẩm.");

    const hidden = await staff.follow(await post("/staff/moderation", { intent: "hide", productId: String(product.id), note: "Kiểm tra lại nhãn" }));
    expect(flashOf(hidden)).toBe("Đã ẩn tin đăng. Người bán thấy lý do.");
    const restored = await staff.follow(await post("/staff/moderation", { intent: "restore", productId: String(product.id), note: "Nhãn đã đúng" }));
    expect(flashOf(restored)).toBe("Đã cho hiện lại tin đăng.");
    const report = writer.prepare("INSERT INTO listing_reports (product_id, reason, details) VALUES (?, 'other', 'Giá cao') RETURNING id").get(product.id) as { id: number };
    const dismissed = await staff.follow(await post("/staff/moderation", { intent: "dismiss", reportId: String(report.id), note: "Giá do người bán định" }));
    expect(flashOf(dismissed)).toBe("Đã bỏ qua báo cáo.");

    // Another Cần Thơ producer than the one whose balance the payout test counts.
    const payee = row<{ id: number }>(
      "SELECT id FROM producers WHERE province_code = '92' AND verification_status = 'approved' AND id <> ? ORDER BY id LIMIT 1",
      producerId,
    ).id;
    writer
      .prepare("INSERT INTO ledger_entries (account, amount_vnd, producer_id, memo, created_at) VALUES ('producer_payable', 50000, ?, 'delivered', ?)")
      .run(payee, Date.now());
    givePayoutAccount(payee);
    const paidOut = await staff.follow(await post("/staff/payouts", { producerId: String(payee), amount: "50000", reference: "FT-XAC-NHAN-1" }));
    expect(flashOf(paidOut)).toBe("Đã ghi nhận khoản chi trả.");

    const transfer = writer
      .prepare(
        `INSERT INTO bank_transfers (transaction_id, amount_vnd, description, account_number, occurred_at, outcome)
         VALUES ('FT-XAC-NHAN-2', 20000, 'CK KHONG MA', '257678859', '2026-11-23', 'unknown_code') RETURNING id`,
      )
      .get() as { id: number };
    const admin = new Jar(await sessionOf("admin@demo.local"));
    const resolved = await admin.follow(
      await admin.fetch("/staff/payments", { method: "POST", body: new URLSearchParams({ intent: "resolve", kind: "bank", id: String(transfer.id), resolution: "Đã hoàn lại cho người chuyển" }) }),
    );
    expect(flashOf(resolved)).toBe("Đã đánh dấu khoản tiền là đã xử lý.");
  });

  it("tells a producer the profile and a product were saved", async () => {
    const producer = new Jar(await sessionOf("producer@demo.local"));
    const form = await text(await producer.fetch("/seller/profile"));
    const saved = await producer.follow(await submitForm(producer, form, "main form[method=post] button[type=submit]"));
    expect(flashOf(saved)).toBe("Đã lưu hồ sơ.");
    expect(flashOf(await text(await producer.fetch("/seller")))).toBe("");

    const productId = row<{ id: number }>(
      `SELECT p.id FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN users u ON u.id = pr.owner_user_id WHERE u.email = 'producer@demo.local' AND p.status = 'live' AND ${soldInOneSize("p")} ORDER BY p.id DESC LIMIT 1`,
    ).id;
    const edit = await text(await producer.fetch(`/seller/products/${productId}`));
    const updated = await producer.follow(await submitForm(producer, edit, 'button[value="publish"]', { stock: "33" }));
    expect(flashOf(updated)).toBe("Đã lưu thay đổi.");
    expect(row("SELECT stock FROM products WHERE id = ?", productId)).toEqual({ stock: 33 });
  });
});

describe("listing moderation", () => {
  it("takes a shopper's report, lets the province's staff hide and restore the listing, audited, and keeps other provinces out", async () => {
    const product = row<{ id: number; slug: string }>(
      "SELECT id, slug FROM products WHERE province_code = '92' AND status = 'live' AND producer_verified = 1 ORDER BY id DESC LIMIT 1",
    );
    const noReason = await fetch(`${server.url}/products/${product.slug}`, { method: "POST", body: new URLSearchParams({ details: "x" }), redirect: "manual" });
    expect(noReason.status).toBe(400);
    expect((await text(noReason)).doc.querySelector("#f-reason-error")?.textContent).toBe("Chọn vấn đề.");
    const reported = await fetch(`${server.url}/products/${product.slug}`, {
      method: "POST",
      body: new URLSearchParams({ reason: "fake_certificate", details: "Số chứng nhận không có trên cổng của tỉnh" }),
      redirect: "manual",
    });
    expect(reported.status).toBe(303);
    const report = row<{ id: number; status: string }>("SELECT id, status FROM listing_reports WHERE product_id = ? ORDER BY id DESC LIMIT 1", product.id);
    expect(report.status).toBe("open");

    const staff = await sessionOf("staff@demo.local");
    expect((await text(await send("/staff/moderation", staff))).text).toContain("Số chứng nhận không có trên cổng của tỉnh");
    const elsewhere = row<{ id: number }>("SELECT id FROM products WHERE province_code = '01' AND status = 'live' LIMIT 1");
    expect((await send("/staff/moderation", staff, { intent: "hide", productId: String(elsewhere.id), note: "Không phải tỉnh mình" })).status).toBe(403);
    expect(row("SELECT status FROM products WHERE id = ?", elsewhere.id)).toEqual({ status: "live" });

    const hide = await send("/staff/moderation", staff, { intent: "hide", reportId: String(report.id), productId: String(product.id), note: "Chứng nhận chưa xác minh được" });
    expect(hide.status).toBe(303);
    expect((await fetch(`${server.url}/products/${product.slug}`)).status).toBe(404);
    expect(row("SELECT status FROM listing_reports WHERE id = ?", report.id)).toEqual({ status: "actioned" });
    const audit = row<{ before: string; after: string }>("SELECT before, after FROM staff_audit WHERE action = 'listing.hide' AND subject_id = ?", String(product.id));
    expect(JSON.parse(audit.before)).toEqual({ status: "live", held: false, heldReason: null });
    expect(JSON.parse(audit.after)).toMatchObject({ status: "live", held: true, note: "Chứng nhận chưa xác minh được" });
    expect(row("SELECT held_reason FROM products WHERE id = ?", product.id)).toEqual({ held_reason: "Chứng nhận chưa xác minh được" });

    expect((await send("/staff/moderation", staff, { intent: "restore", productId: String(product.id), note: "x" })).status).toBe(400);
    expect((await send("/staff/moderation", staff, { intent: "restore", productId: String(product.id), note: "Đã xác minh với hội đồng OCOP tỉnh" })).status).toBe(303);
    expect((await fetch(`${server.url}/products/${product.slug}`)).status).toBe(200);
  });

  it("stops an address at its 11th report in an hour, saying so above the form, and stores none of the extra", async () => {
    const product = row<{ id: number; slug: string }>(
      "SELECT id, slug FROM products WHERE status = 'live' AND producer_verified = 1 ORDER BY id LIMIT 1",
    );
    const report = (address: string) =>
      fetch(`${server.url}/products/${product.slug}`, {
        method: "POST",
        headers: { "X-Forwarded-For": address },
        body: new URLSearchParams({ reason: "wrong_information", details: `Báo cáo từ ${address}` }),
        redirect: "manual",
      });
    const before = row<{ n: number }>("SELECT count(*) AS n FROM listing_reports").n;
    for (let i = 0; i < 10; i++) expect((await report("198.51.100.23")).status).toBe(303);
    const refused = await report("198.51.100.23");
    expect(refused.status).toBe(429);
    expect((await text(refused)).doc.querySelector("#report [role=alert]")?.textContent).toContain("Bạn đã gửi nhiều báo cáo trong một giờ qua");
    expect(row<{ n: number }>("SELECT count(*) AS n FROM listing_reports").n).toBe(before + 10);
    // Someone else, elsewhere, is not held back by it.
    expect((await report("198.51.100.99")).status).toBe(303);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM listing_reports").n).toBe(before + 11);
  });
});

describe("producer payouts", () => {
  it("records a payout against the payable balance, never more, audited and shown to the producer", async () => {
    const producerId = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
    // A delivered sale leaves 450.000 ₫ payable (ledger rows as delivery writes them).
    writer
      .prepare("INSERT INTO ledger_entries (account, amount_vnd, producer_id, memo, created_at) VALUES ('producer_payable', 450000, ?, 'delivered', ?)")
      .run(producerId, Date.now());
    const payable = () => row<{ s: number }>("SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE producer_id = ? AND account = 'producer_payable'", producerId).s;
    const balance = payable();
    // The demo cooperative has been paid out before (the demo's history); this payout adds to it.
    const paidOut = () => row<{ s: number }>("SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE producer_id = ? AND account = 'producer_paid_out'", producerId).s;
    const paidOutBefore = paidOut();
    const staff = await sessionOf("staff@demo.local");
    // The demo cooperative has an account; taken away here, as for a producer that never gave one.
    writer.prepare("UPDATE producers SET bank_bin = NULL, bank_account_no = NULL, bank_account_name = NULL WHERE id = ?").run(producerId);
    // Without a payout account there is nowhere the transfer could have gone: no form, and a post is refused.
    const withoutAccount = (await text(await send("/staff/payouts", staff))).doc.querySelector(`input[name=producerId][value="${producerId}"]`);
    expect(withoutAccount).toBeNull();
    const refused = await send("/staff/payouts", staff, { producerId: String(producerId), amount: "1000", reference: "FT2611230000" });
    expect(refused.status).toBe(409);
    expect((await text(refused)).text).toContain("chưa có tài khoản nhận tiền");
    expect(payable()).toBe(balance);
    const producer = await sessionOf("producer@demo.local");
    const account = { bankBin: "970418", bankAccountNo: "12010000123456", bankAccountName: "Hợp tác xã Lúa tôm", currentPassword: "demo-password" };
    expect((await send("/seller/payout-account", producer, account)).status).toBe(303);
    expect((await text(await send("/staff/payouts", staff))).text).toContain("BIDV · 12010000123456 · HOP TAC XA LUA TOM");
    const over = await send("/staff/payouts", staff, { producerId: String(producerId), amount: String(balance + 1), reference: "FT2611230001" });
    expect(over.status).toBe(400);
    expect((await text(over)).doc.querySelector(`#amount-${producerId}-error`)?.textContent).toBe("Số tiền lớn hơn số được nhận.");
    const ok = await send("/staff/payouts", staff, { producerId: String(producerId), amount: "450.000", reference: "FT2611230001" });
    expect(ok.status).toBe(303);
    expect(payable()).toBe(balance - 450000);
    // The same transfer sent again (a double click) is refused, not paid out twice.
    const again = await send("/staff/payouts", staff, { producerId: String(producerId), amount: "1", reference: "FT2611230001" });
    expect(again.status).toBe(409);
    expect(payable()).toBe(balance - 450000);
    expect(paidOut()).toBe(paidOutBefore + 450000);
    const audit = row<{ after: string }>("SELECT after FROM staff_audit WHERE action = 'payout.record' AND subject_id = ?", String(producerId));
    expect(JSON.parse(audit.after)).toMatchObject({ paidOutVnd: paidOutBefore + 450000, reference: "FT2611230001" });
    const portal = await text(await send("/seller/orders", producer));
    expect(portal.text).toContain("FT2611230001");
  });
});

describe("the audit log", () => {
  const vietnamDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  /** The entries of an audit page: the action's name, and each change as its label and "before → after". */
  const entriesOf = (page: { doc: ReturnType<typeof parse> }) =>
    page.doc.querySelectorAll("main ol > li").map((li) => ({
      action: li.querySelector("p")!.textContent.trim(),
      about: li.querySelectorAll("p")[1]!.textContent.replace(/\s+/g, " ").trim(),
      changes: Object.fromEntries(li.querySelectorAll("dt").map((dt) => [dt.textContent.trim(), dt.nextElementSibling!.textContent.replace(/\s+/g, " ").trim()])),
    }));
  const optionValue = (page: { doc: ReturnType<typeof parse> }, select: string, label: string) =>
    page.doc.querySelectorAll(`select[name=${select}] option`).find((o) => o.textContent.trim() === label)!.getAttribute("value")!;

  it("shows a staff action in Vietnamese, each change labelled from before to after, and filters by choosing the action", async () => {
    const staff = new Jar(await sessionOf("staff@demo.local"));
    const product = row<{ id: number; name: string }>(
      "SELECT id, name FROM products WHERE province_code = '92' AND status = 'live' AND producer_verified = 1 AND held_at IS NULL ORDER BY id DESC LIMIT 1 OFFSET 1",
    );
    const hide = await staff.fetch("/staff/moderation", { method: "POST", body: new URLSearchParams({ intent: "hide", productId: String(product.id), note: "Nhãn in sai hạn dùng" }) });
    expect(hide.status).toBe(303);
    const producerId = row<{ id: number }>(
      `SELECT p.id FROM producers p WHERE p.province_code = '92' AND p.verification_status = 'approved'
         AND p.owner_user_id IS NOT (SELECT id FROM users WHERE email = 'producer@demo.local') ORDER BY p.id LIMIT 1`,
    ).id;
    writer
      .prepare("INSERT INTO ledger_entries (account, amount_vnd, producer_id, memo, created_at) VALUES ('producer_payable', 120000, ?, 'delivered', ?)")
      .run(producerId, Date.now());
    givePayoutAccount(producerId);
    const payout = await staff.fetch("/staff/payouts", { method: "POST", body: new URLSearchParams({ producerId: String(producerId), amount: "120000", reference: "FT-NHAT-KY-01" }) });
    expect(payout.status).toBe(303);

    const log = await text(await staff.fetch("/staff/audit"));
    expect(log.text).not.toContain("listing.hide");
    expect(log.text).not.toContain('{"status"');
    // Choosing "Tạm ẩn tin đăng" in the action list and pressing "Lọc", as a browser without JavaScript does.
    const hidden = await text(await submitForm(staff, log, "main form[method=get] button[type=submit]", { action: optionValue(log, "action", "Tạm ẩn tin đăng") }));
    const entries = entriesOf(hidden);
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.action))).toEqual(new Set(["Tạm ẩn tin đăng"]));
    const mine = entries.find((e) => e.about.endsWith(`Sản phẩm ${product.id}`))!;
    expect(mine.about).toBe(`Trần Thị Thu Hà · Sản phẩm ${product.id}`);
    expect(mine.changes).toMatchObject({ "Trạng thái": "Đang bán → Bị cán bộ tạm ẩn", "Lời nhắn, lý do": "— → Nhãn in sai hạn dùng" });
    expect(hidden.doc.querySelector("select[name=action] option[selected]")?.textContent).toBe("Tạm ẩn tin đăng");

    // Money in đồng, by the payout's labels.
    const payouts = entriesOf(await text(await submitForm(staff, log, "main form[method=get] button[type=submit]", { action: optionValue(log, "action", "Ghi nhận chi trả cho nhà sản xuất") })));
    const paid = payouts.find((e) => e.changes["Mã giao dịch ngân hàng"] === "— → FT-NHAT-KY-01")!;
    expect(paid.action).toBe("Ghi nhận chi trả cho nhà sản xuất");
    expect(paid.changes["Còn phải trả"]).toMatch(/^[\d.]+\s₫ → [\d.]+\s₫$/);
    expect(paid.changes["Đã chi trả"]).toMatch(/^[\d.]+\s₫ → [\d.]+\s₫$/);
  });

  it("filters by record type and by days, pages through many entries, and shows fields it has no label for by name", async () => {
    const staff = new Jar(await sessionOf("staff@demo.local"));
    const insert = writer.prepare(
      `INSERT INTO staff_audit (actor_user_id, action, subject_type, subject_id, province_code, before, after, created_at)
       VALUES ((SELECT id FROM users WHERE email = 'staff@demo.local'), ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= 60; i++) insert.run("report.dismiss", "report", String(880_000 + i), "92", '{"status":"open"}', '{"status":"dismissed","note":"Trùng báo cáo"}', Date.now());
    insert.run("stall.open", "stall", "S-7", "92", null, '{"colour":"xanh lá","open":true}', Date.now());
    insert.run("report.dismiss", "report", "779001", "01", '{"status":"open"}', '{"status":"dismissed"}', Date.now());

    const log = await text(await staff.fetch("/staff/audit"));
    const reports = await text(await submitForm(staff, log, "main form[method=get] button[type=submit]", { subjectType: optionValue(log, "subjectType", "Báo cáo") }));
    expect(reports.text).toContain("Trang 1/2");
    const first = entriesOf(reports);
    expect(first).toHaveLength(50);
    expect(first[0]).toMatchObject({ action: "Bỏ qua báo cáo", changes: { "Trạng thái": "Đang mở → Đã bỏ qua", "Lời nhắn, lý do": "— → Trùng báo cáo" } });
    const next = reports.doc.querySelector("a[rel=next]")!.getAttribute("href")!;
    expect(next).toContain("subjectType=report");
    const second = entriesOf(await text(await staff.fetch(next)));
    expect(second.length).toBeGreaterThanOrEqual(10);
    const ids = (entries: typeof first) => entries.map((e) => e.about.split(" ").pop());
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    // Another province's entry is not this staff member's to read.
    expect([...ids(first), ...ids(second)]).not.toContain("779001");

    // Today's entries, and none from tomorrow on; an end before the start is said, not guessed at.
    const today = entriesOf(await text(await submitForm(staff, log, "main form[method=get] button[type=submit]", { from: vietnamDay(), to: vietnamDay() })));
    expect(today.length).toBeGreaterThan(0);
    const tomorrow = await text(await submitForm(staff, log, "main form[method=get] button[type=submit]", { from: vietnamDay(1) }));
    expect(entriesOf(tomorrow)).toEqual([]);
    expect(tomorrow.text).toContain("Không có thao tác nào.");
    const backwards = await text(await submitForm(staff, log, "main form[method=get] button[type=submit]", { from: vietnamDay(), to: vietnamDay(-1) }));
    expect(backwards.doc.querySelector("#f-to-error")?.textContent).toBe("Ngày kết thúc phải từ ngày bắt đầu trở đi.");

    // An action and fields the page has no Vietnamese for still show, under their own names.
    const unknown = entriesOf(await text(await staff.fetch("/staff/audit?subjectId=S-7")));
    expect(unknown).toEqual([{ action: "stall.open", about: "Trần Thị Thu Hà · stall S-7", changes: { colour: "xanh lá", open: "true" } }]);

    // Central staff read every province's entries.
    const admin = new Jar(await sessionOf("admin@demo.local"));
    expect(entriesOf(await text(await admin.fetch("/staff/audit?subjectId=779001")))).toHaveLength(1);
  });
});

describe("payments of another province", () => {
  it("answers 403 when provincial staff touch a transfer or an order outside their province", async () => {
    const order = row<{ id: number; code: string }>(
      `SELECT o.id, o.code FROM orders o WHERE EXISTS (SELECT 1 FROM order_parts p JOIN producers pr ON pr.id = p.producer_id
         WHERE p.order_id = o.id AND pr.province_code <> '92') LIMIT 1`,
    );
    // The demo data has no orders: place one from a Hà Nội producer.
    const target =
      order ??
      (await (async () => {
        const product = row<{ id: number }>("SELECT id FROM products WHERE province_code = '01' AND status = 'live' AND producer_verified = 1 AND stock > 0 LIMIT 1");
        const add = await fetch(`${server.url}/cart`, { method: "POST", body: new URLSearchParams({ intent: "add", productId: String(product.id), quantity: "1" }), redirect: "manual" });
        const cart = cookieOf(add);
        const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '01' LIMIT 1").code;
        const placed = await send("/checkout", cart, { fullName: "Đỗ Minh Hà", phone: nextBuyerPhone(), provinceCode: "01", wardCode: ward, addressLine: "5 Hàng Bè", paymentMethod: "vietqr" });
        const code = new URL(placed.headers.get("location")!, server.url).pathname.split("/")[2]!;
        return row<{ id: number; code: string }>("SELECT id, code FROM orders WHERE code = ?", code);
      })());
    const transfer = writer
      .prepare(
        `INSERT INTO bank_transfers (transaction_id, amount_vnd, description, account_number, occurred_at, order_id, outcome)
         VALUES ('FT-OTHER-PROVINCE', 1000, ?, '257678859', '2026-11-23', ?, 'short') RETURNING id`,
      )
      .get(target.code, target.id) as { id: number };
    const staff = await sessionOf("staff@demo.local");
    expect((await send("/staff/payments", staff, { intent: "resolve", kind: "bank", id: String(transfer.id), resolution: "Đã hoàn tiền" })).status).toBe(403);
    expect((await send("/staff/payments", staff, { intent: "markPaid", orderCode: target.code })).status).toBe(403);
    expect(row("SELECT resolved_at AS r FROM bank_transfers WHERE id = ?", transfer.id)).toEqual({ r: null });
    expect((await text(await send(`/staff/payments?order=${target.code}`, staff))).text).not.toContain(target.code + " ·");
  });
});

describe("other provinces' payouts, reports and collections", () => {
  it("answers 403 and changes nothing", async () => {
    const staff = await sessionOf("staff@demo.local");
    const haNoiProducer = row<{ id: number }>("SELECT id FROM producers WHERE province_code = '01' AND verification_status = 'approved' LIMIT 1");
    writer
      .prepare("INSERT INTO ledger_entries (account, amount_vnd, producer_id, memo, created_at) VALUES ('producer_payable', 100000, ?, 'delivered', ?)")
      .run(haNoiProducer.id, Date.now());
    // The demo's payout history may already hold payouts to it: this refused one adds none.
    const paidOut = () => row<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE producer_id = ? AND account = 'producer_paid_out'", haNoiProducer.id).n;
    const paidOutBefore = paidOut();
    expect((await send("/staff/payouts", staff, { producerId: String(haNoiProducer.id), amount: "100000", reference: "FT-ELSEWHERE" })).status).toBe(403);
    expect(paidOut()).toBe(paidOutBefore);
    expect((await text(await send("/staff/payouts", staff))).text).not.toContain(
      row<{ name: string }>("SELECT name FROM producers WHERE id = ?", haNoiProducer.id).name,
    );

    const haNoiProduct = row<{ id: number; slug: string }>("SELECT id, slug FROM products WHERE province_code = '01' AND status = 'live' LIMIT 1");
    const report = writer
      .prepare("INSERT INTO listing_reports (product_id, reason, details) VALUES (?, 'other', 'Ảnh không đúng sản phẩm') RETURNING id")
      .get(haNoiProduct.id) as { id: number };
    expect((await text(await send("/staff/moderation", staff))).text).not.toContain("Ảnh không đúng sản phẩm");
    expect((await send("/staff/moderation", staff, { intent: "dismiss", reportId: String(report.id), note: "Không phải tỉnh mình" })).status).toBe(403);
    expect(row("SELECT status FROM listing_reports WHERE id = ?", report.id)).toEqual({ status: "open" });

    const admin = await sessionOf("admin@demo.local");
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const certifiedHaNoi = row<{ slug: string }>(
      "SELECT slug FROM products WHERE province_code = '01' AND status = 'live' AND producer_verified = 1 AND badge_expires_on > ? LIMIT 1",
      today,
    );
    expect((await send("/staff/collections", admin, { title: "Quà Hà Nội", startsOn: today, products: certifiedHaNoi.slug })).status).toBe(303);
    const collection = row<{ id: number }>("SELECT id FROM collections WHERE title = 'Quà Hà Nội'");
    // Even with only Cần Thơ goods in the new list, a collection featuring another province's is not theirs to edit.
    const certifiedCanTho = row<{ slug: string }>(
      "SELECT slug FROM products WHERE province_code = '92' AND status = 'live' AND producer_verified = 1 AND badge_expires_on > ? LIMIT 1",
      today,
    );
    const edit = await send(`/staff/collections/${collection.id}`, staff, { title: "Quà Cần Thơ", startsOn: today, products: certifiedCanTho.slug });
    expect(edit.status).toBe(403);
    expect(row("SELECT title FROM collections WHERE id = ?", collection.id)).toEqual({ title: "Quà Hà Nội" });
  });
});

describe("review fixes", () => {
  it("does not restore a listing staff did not hide, nor renew a revoked certificate", async () => {
    const admin = await sessionOf("admin@demo.local");
    const draft = row<{ id: number }>("SELECT id FROM products WHERE status = 'draft' LIMIT 1");
    expect((await send("/staff/moderation", admin, { intent: "restore", productId: String(draft.id), note: "Cho hiện lên thử" })).status).toBe(404);
    expect(row("SELECT status FROM products WHERE id = ?", draft.id)).toEqual({ status: "draft" });

    const revoked = row<{ id: number }>("SELECT id FROM certificates WHERE status = 'revoked' LIMIT 1");
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const renew = await send(`/staff/certificates/${revoked.id}`, admin, { intent: "renew", number: "QĐ GIA-HAN-1", decisionDate: today });
    expect(renew.status).toBe(400);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM certificates WHERE number = 'QĐ GIA-HAN-1'").n).toBe(0);
  });

  it("keeps provincial staff out of other provinces' collections on the list and the edit page", async () => {
    const staff = await sessionOf("staff@demo.local");
    const foreign = row<{ id: number; title: string }>(
      `SELECT c.id, c.title FROM collections c WHERE EXISTS (SELECT 1 FROM collection_products cp JOIN products p ON p.id = cp.product_id
         WHERE cp.collection_id = c.id AND p.province_code <> '92') LIMIT 1`,
    );
    expect((await text(await send("/staff/collections", staff))).text).not.toContain(foreign.title);
    expect((await send(`/staff/collections/${foreign.id}`, staff)).status).toBe(403);
  });
});

describe("a verified producer that moves province", () => {
  it("goes back to verification, so the new province's staff check it", async () => {
    const producer = await sessionOf("producer@demo.local");
    const before = row<{ id: number; status: string; bankBin: string; bankAccountNo: string; bankAccountName: string }>(
      `SELECT p.id, p.verification_status AS status, p.bank_bin AS bankBin, p.bank_account_no AS bankAccountNo, p.bank_account_name AS bankAccountName
       FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'`,
    );
    expect(before.status).toBe("approved");
    const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '01' ORDER BY code LIMIT 1").code;
    const res = await send("/seller/profile", producer, {
      name: "Hợp tác xã chuyển ra Hà Nội",
      entityType: "cooperative",
      provinceCode: "01",
      wardCode: ward,
      addressLine: "Số 1 phố Huế",
      phone: "0912 345 678",
      // The demo cooperative's payout account, unchanged (a change would ask for the password).
      bankBin: before.bankBin,
      bankAccountNo: before.bankAccountNo,
      bankAccountName: before.bankAccountName,
    });
    expect(res.status).toBe(303);
    expect(row("SELECT verification_status AS s, province_code AS p FROM producers WHERE id = ?", before.id)).toEqual({ s: "pending", p: "01" });
  });
});
