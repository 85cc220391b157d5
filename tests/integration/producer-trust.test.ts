/**
 * Five weaknesses a security test found in the producer portal and its sign-up (issue: producer
 * trust), each attacked the way it was found, against the production server. Every test here
 * failed on the code before its fix.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { parse } from "node-html-parser";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { cookieOf, signIn } from "../setup/http";
import { soldInOneSize } from "../setup/sizes";
import { nextBuyerPhone } from "../setup/buyers";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ STRIPE_SECRET_KEY: "", VIETQR_ACCOUNT_NO: "", BANK_WEBHOOK_SECRET: "" });
});
afterAll(() => server?.stop());

type Fields = Record<string, string | number>;
const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) => row<{ n: number }>(sql, ...params).n;
const form = (fields: Fields) => new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));

function post(path: string, cookie: string, fields: Fields) {
  return fetch(server.url + path, { method: "POST", body: form(fields), headers: { cookie }, redirect: "manual" });
}
async function page(path: string, cookie = "") {
  const res = await fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
  const doc = parse(await res.text());
  return { status: res.status, doc, text: doc.textContent.replace(/\s+/g, " ") };
}

/**
 * A urlencoded post from `address` (a loopback address of its own): limits count per address, and
 * the server sees each test's requests as coming from a different phone.
 */
function postFrom(address: string, path: string, cookie: string, fields: Fields) {
  const body = form(fields).toString();
  return new Promise<{ status: number; cookie: string; doc: ReturnType<typeof parse> }>((resolve, reject) => {
    const req = request(server.url + path, {
      method: "POST",
      localAddress: address,
      headers: { cookie, "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
    });
    req.on("response", (res) => {
      let html = "";
      res.on("data", (chunk: Buffer) => (html += chunk.toString()));
      res.on("end", () =>
        resolve({ status: res.statusCode!, cookie: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; "), doc: parse(html) }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}
async function signUpFrom(address: string, fields: Fields) {
  const res = await postFrom(address, "/signup", "", { password: "mat-khau-dai", ...fields });
  expect(res.status, `sign-up of ${fields.login}`).toBe(303);
  return res.cookie;
}

interface ProducerRow {
  id: number;
  name: string;
  entity_type: string;
  province_code: string;
  ward_code: string;
  address_line: string;
  phone: string;
  story: string;
  verification_status: string;
  bank_bin: string | null;
  bank_account_no: string | null;
  bank_account_name: string | null;
}
const demoProducer = () =>
  row<ProducerRow>("SELECT p.* FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'");
/** The profile form as the producer's browser posts it, with nothing changed. */
const profileFields = (p: ProducerRow): Fields => ({
  name: p.name,
  entityType: p.entity_type,
  provinceCode: p.province_code,
  wardCode: p.ward_code,
  addressLine: p.address_line,
  phone: p.phone,
  story: p.story,
});
const errorBy = (doc: ReturnType<typeof parse>, field: string) => doc.querySelector(`#f-${field}-error`)?.textContent ?? null;

describe("1. producer verification holds after the decision", () => {
  it("sends an approved producer that takes another cooperative's name back to staff, its goods off the market, and shows staff the change", async () => {
    const me = demoProducer();
    expect(me.verification_status).toBe("approved");
    const other = row<{ name: string }>("SELECT name FROM producers WHERE id != ? AND verification_status = 'approved' AND entity_type = 'cooperative' ORDER BY id LIMIT 1", me.id);
    const product = row<{ slug: string }>("SELECT slug FROM products WHERE producer_id = ? AND status = 'live' AND held_at IS NULL ORDER BY id LIMIT 1", me.id);
    expect((await page(`/products/${product.slug}`)).status).toBe(200);
    const producer = await signIn(server, "producer@demo.local");
    const staff = await signIn(server, "staff@demo.local");

    expect((await post("/seller/profile", producer, { ...profileFields(me), name: other.name })).status).toBe(303);
    expect(demoProducer()).toMatchObject({ name: other.name, verification_status: "pending" });
    expect(count("SELECT count(*) AS n FROM products WHERE producer_id = ? AND producer_verified = 1", me.id)).toBe(0);
    expect((await page(`/products/${product.slug}`)).status).toBe(404);

    const queue = await page("/staff/producers", staff);
    const entry = queue.doc.querySelector(`a[href='/staff/producers/${me.id}']`)?.parentNode;
    expect(entry?.querySelector("[data-changed=name]")?.textContent).toBe(`Tên cơ sở: ${me.name} → ${other.name}`);
    const review = await page(`/staff/producers/${me.id}`, staff);
    expect(review.doc.querySelector("[data-changed=name]")?.textContent).toContain(me.name);

    // Staff decide; the decision covers the change, and the goods come back.
    expect((await post(`/staff/producers/${me.id}`, staff, { decision: "approve" })).status).toBe(303);
    expect((await page(`/products/${product.slug}`)).status).toBe(200);
    expect((await page(`/staff/producers/${me.id}`, staff)).doc.querySelector("[data-changed]")).toBeNull();

    // The kind of entity is verified too.
    expect((await post("/seller/profile", producer, { ...profileFields(demoProducer()), entityType: "enterprise" })).status).toBe(303);
    expect(demoProducer().verification_status).toBe("pending");
    expect((await page(`/products/${product.slug}`)).status).toBe(404);
    const changed = (await page("/staff/producers", staff)).doc.querySelector(`a[href='/staff/producers/${me.id}']`)?.parentNode;
    expect(changed?.querySelector("[data-changed=entityType]")?.textContent).toBe("Loại hình: Hợp tác xã → Doanh nghiệp");

    // Back as verified, name and kind as at the start, for the tests below.
    expect((await post("/seller/profile", producer, { ...profileFields(demoProducer()), name: me.name, entityType: me.entity_type })).status).toBe(303);
    expect((await post(`/staff/producers/${me.id}`, staff, { decision: "approve" })).status).toBe(303);
    expect(demoProducer()).toMatchObject({ name: me.name, entity_type: me.entity_type, verification_status: "approved" });
    // The form says so before the producer saves.
    expect((await page("/seller/profile", producer)).text).toContain("phải được cán bộ tỉnh xác minh lại");
  });

  it("asks for the current password, by the field, to change the payout account, and writes the change to the history", async () => {
    const me = demoProducer();
    const producer = await signIn(server, "producer@demo.local");
    const bank = () => row("SELECT bank_bin, bank_account_no, bank_account_name FROM producers WHERE id = ?", me.id);
    // The producer's own account, given with its password like every account.
    const own = { bankBin: "970405", bankAccountNo: "7300205123456", bankAccountName: "Hợp tác xã Ông Cua", currentPassword: "demo-password" };
    expect((await post("/seller/payout-account", producer, own)).status).toBe(303);
    const before = bank();
    expect(before).toEqual({ bank_bin: "970405", bank_account_no: "7300205123456", bank_account_name: "HOP TAC XA ONG CUA" });
    const entries = () => count("SELECT count(*) AS n FROM producer_activity WHERE producer_id = ? AND action = 'profile.bankAccount'", me.id);
    expect(entries()).toBe(1);

    const attacker = { bankBin: "970436", bankAccountNo: "9876543210", bankAccountName: "NGUYEN VAN LUA DAO" };
    const none = await post("/seller/payout-account", producer, attacker);
    expect(none.status).toBe(400);
    expect(errorBy(parse(await none.text()), "currentPassword")).toBe("Nhập mật khẩu hiện tại để lưu tài khoản nhận tiền.");
    const wrong = await post("/seller/payout-account", producer, { ...attacker, currentPassword: "doan-mat-khau-1" });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(errorBy(parse(wrongHtml), "currentPassword")).toBe("Mật khẩu hiện tại không đúng.");
    expect(wrongHtml).not.toContain("doan-mat-khau-1");
    expect(bank()).toEqual(before);
    expect(entries()).toBe(1);

    const right = await post("/seller/payout-account", producer, { ...attacker, currentPassword: "demo-password" });
    expect(right.status).toBe(303);
    expect(bank()).toEqual({ bank_bin: "970436", bank_account_no: "9876543210", bank_account_name: "NGUYEN VAN LUA DAO" });
    expect(demoProducer().verification_status).toBe("approved");
    expect(row("SELECT subject FROM producer_activity WHERE producer_id = ? AND action = 'profile.bankAccount' ORDER BY id DESC LIMIT 1", me.id)).toEqual({
      subject: "970436 ···3210",
    });
    expect((await page("/seller", producer)).text).toContain("Đổi tài khoản nhận tiền “970436 ···3210”");
    expect((await page("/seller/payout-account", producer)).doc.querySelector("input[name=currentPassword][type=password]")).not.toBeNull();
    // Saving the same account again, or the profile, asks for nothing.
    expect((await post("/seller/payout-account", producer, attacker)).status).toBe(303);
    expect((await post("/seller/profile", producer, { ...profileFields(demoProducer()), story: "Câu chuyện mới." })).status).toBe(303);
    expect(bank()).toEqual({ bank_bin: "970436", bank_account_no: "9876543210", bank_account_name: "NGUYEN VAN LUA DAO" });
    // Staff see the change in the verification queue, as when the profile form carried it.
    const staff = await signIn(server, "staff@demo.local");
    const review = await page(`/staff/producers/${me.id}`, staff);
    expect(review.doc.querySelector("[data-changed=bankAccount]")?.textContent).toBe("Tài khoản nhận tiền");
  });

  it("keeps a rejected producer rejected whatever it saves, showing it why", async () => {
    const cookie = await signUpFrom("127.0.0.20", { fullName: "Chủ cơ sở bị từ chối", login: "0909 777 666", role: "producer" });
    const ward = (province: string) => row<{ code: string }>("SELECT code FROM wards WHERE province_code = ? ORDER BY code LIMIT 1", province).code;
    const profile = { name: "Cơ sở Nước mắm Giả", entityType: "household", provinceCode: "92", wardCode: ward("92"), addressLine: "Ấp 1", phone: "0909777666" };
    expect((await post("/seller/profile", cookie, profile)).status).toBe(303);
    const id = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.phone = '0909777666'").id;
    const staff = await signIn(server, "staff@demo.local");
    const reason = "Giấy đăng ký kinh doanh không khớp tên cơ sở.";
    expect((await post(`/staff/producers/${id}`, staff, { decision: "reject", note: reason })).status).toBe(303);

    // The attack: save with another province, then back.
    expect((await post("/seller/profile", cookie, { ...profile, provinceCode: "01", wardCode: ward("01") })).status).toBe(303);
    expect((await post("/seller/profile", cookie, profile)).status).toBe(303);
    expect((await post("/seller/profile", cookie, { ...profile, name: "Cơ sở Nước mắm Thật" })).status).toBe(303);
    expect(row("SELECT verification_status AS s, verification_note AS note FROM producers WHERE id = ?", id)).toEqual({ s: "rejected", note: reason });
    expect((await page("/staff/producers", staff)).doc.querySelector(`a[href='/staff/producers/${id}']`)).toBeNull();
    const own = await page("/seller/profile", cookie);
    expect(own.text).toContain("Hồ sơ đã bị cán bộ tỉnh từ chối");
    expect(own.text).toContain(reason);
  });
});

describe("2. an edit form loaded before a sale does not put the sold stock back", () => {
  async function buy(productId: number, quantity: number) {
    const add = await post("/cart", "", { intent: "add", productId, quantity });
    expect(add.status).toBe(303);
    const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
    const res = await post("/checkout", cookieOf(add), {
      fullName: "Nguyễn Thị Lan",
      phone: nextBuyerPhone(),
      provinceCode: "92",
      wardCode: ward,
      addressLine: "12 Đường 3 Tháng 2",
      paymentMethod: "vietqr",
    });
    expect(res.status).toBe(303);
  }

  it("refuses the stale save with 409 and the current stock by the field, changing nothing; the form it sends back saves", async () => {
    const me = demoProducer();
    const product = row<{ id: number; name: string; group_code: string; unit: string; price_vnd: number; stock: number; weight_grams: number; description: string }>(
      `SELECT * FROM products WHERE producer_id = ? AND status = 'live' AND held_at IS NULL AND stock >= 20 AND ${soldInOneSize()} ORDER BY id LIMIT 1`,
      me.id,
    );
    const producer = await signIn(server, "producer@demo.local");
    // The producer opens the edit form…
    const opened = await page(`/seller/products/${product.id}`, producer);
    const shown = opened.doc.querySelector("#f-stock")?.getAttribute("value");
    expect(shown).toBe(String(product.stock));
    // …five units sell…
    await buy(product.id, 5);
    const afterSale = product.stock - 5;
    expect(row<{ stock: number }>("SELECT stock FROM products WHERE id = ?", product.id).stock).toBe(afterSale);
    // …and the producer saves the form as it was loaded, with a new description.
    const fields = {
      name: product.name,
      groupCode: product.group_code,
      unit: product.unit,
      priceVnd: product.price_vnd,
      stock: shown!,
      stockShown: shown!,
      weightGrams: product.weight_grams,
      description: "Mô tả mới sau khi sửa.",
      intent: "publish",
    };
    const stale = await post(`/seller/products/${product.id}`, producer, fields);
    expect(row("SELECT stock, description FROM products WHERE id = ?", product.id)).toEqual({ stock: afterSale, description: product.description });
    expect(stale.status).toBe(409);
    // The form had posted the stock it showed, and gets back the stock there is now, by the field.
    expect(opened.doc.querySelector("input[name=stockShown]")?.getAttribute("value")).toBe(shown);
    const doc = parse(await stale.text());
    expect(errorBy(doc, "stock")).toContain(`hiện còn ${afterSale}`);
    expect(doc.querySelector("#f-stock")?.getAttribute("value")).toBe(String(afterSale));
    expect(doc.querySelector("input[name=stockShown]")?.getAttribute("value")).toBe(String(afterSale));

    // A post without the stock it showed proves nothing either.
    const { stockShown: _omitted, ...withoutShown } = fields;
    expect((await post(`/seller/products/${product.id}`, producer, withoutShown)).status).toBe(409);
    expect(row<{ stock: number }>("SELECT stock FROM products WHERE id = ?", product.id).stock).toBe(afterSale);

    // The form sent back carries the current stock: saving it (with new stock) goes through.
    const again = await post(`/seller/products/${product.id}`, producer, { ...fields, stock: afterSale + 20, stockShown: afterSale });
    expect(again.status).toBe(303);
    expect(row("SELECT stock, description FROM products WHERE id = ?", product.id)).toEqual({ stock: afterSale + 20, description: "Mô tả mới sau khi sửa." });

    // A new product needs no stock shown.
    const created = await post("/seller/products/new", producer, { ...fields, name: "Bánh pía sầu riêng mới", stockShown: "", intent: "draft" });
    expect(created.status).toBe(303);
  });
});

describe("3. a refused certificate scan leaves no file behind", () => {
  const uploads = path.resolve("tests/.tmp/producer-trust-uploads");
  let media: TestServer;
  beforeAll(async () => {
    rmSync(uploads, { recursive: true, force: true });
    mkdirSync(uploads, { recursive: true });
    media = await startServer({ UPLOADS_DIR: uploads });
  });
  afterAll(async () => {
    await media?.stop();
    rmSync(uploads, { recursive: true, force: true });
  });
  /** How many files the folder (under the server's UPLOADS_DIR) holds, in all its subfolders. */
  const filesIn = (folder: string): number => {
    const dir = path.join(uploads, folder);
    if (!existsSync(dir)) return 0;
    return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? filesIn(path.join(folder, e.name)) : 1), 0);
  };
  const files = () => filesIn("");

  it("answers a 600-character note with a photo with 400 by the note, and stores nothing; a good scan goes straight to the private folder", async () => {
    const res = await fetch(`${media.url}/login`, { method: "POST", body: form({ login: "producer@demo.local", password: "demo-password" }), redirect: "manual" });
    const cookie = cookieOf(res);
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 240, g: 230, b: 200 } } }).jpeg().toBuffer();
    const upload = (note: string) => {
      const body = new FormData();
      body.set("intent", "evidence");
      body.set("note", note);
      body.set("photo", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "giay-chung-nhan.jpg");
      return fetch(`${media.url}/seller/media`, { method: "POST", body, headers: { cookie }, redirect: "manual" });
    };
    const evidenceRows = () => (media.db.prepare("SELECT count(*) AS n FROM certificate_evidence").get() as { n: number }).n;
    const rows = evidenceRows();
    const before = files();

    const refused = await upload("Quyết định số 123/QĐ-UBND ".padEnd(600, "x"));
    expect(refused.status).toBe(400);
    expect(files()).toBe(before);
    expect(evidenceRows()).toBe(rows);
    expect(errorBy(parse(await refused.text()), "note")).toBe("Ghi chú tối đa 300 ký tự.");

    const publicBefore = filesIn("producers");
    expect((await upload("Quyết định số 123/QĐ-UBND")).status).toBe(303);
    expect(evidenceRows()).toBe(rows + 1);
    expect(files()).toBe(before + 1);
    expect(filesIn("producers")).toBe(publicBefore);
    expect(filesIn("evidence")).toBeGreaterThan(0);
  });
});

describe("4. wrong helper invite codes are limited", () => {
  async function inviteCode() {
    const producer = await signIn(server, "producer@demo.local");
    const html = await (await post("/seller/helpers", producer, { intent: "invite" })).text();
    return /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})/.exec(html)![1]!;
  }
  const redeemed = () => count("SELECT count(*) AS n FROM helper_invites WHERE redeemed_at IS NOT NULL");

  it("answers the 11th try of one account with 429 above the form, whatever its address, even with the right code", async () => {
    const code = await inviteCode();
    const helper = await signUpFrom("127.0.0.30", { fullName: "Tổ CNS đoán mã", login: "doan.ma@example.vn", role: "helper" });
    for (let i = 0; i < 10; i++) {
      const res = await postFrom(`127.0.0.${31 + (i % 3)}`, "/seller?index", helper, { intent: "redeem", code: `AAAA-AA${String.fromCharCode(65 + i)}${i % 2 ? "B" : "C"}` });
      expect(res.status, `wrong code ${i + 1}`).toBe(400);
      expect(errorBy(res.doc, "code")).toBe("Mã mời không đúng, đã dùng hoặc đã hết hạn.");
    }
    const before = redeemed();
    const blocked = await postFrom("127.0.0.35", "/seller?index", helper, { intent: "redeem", code });
    expect(blocked.status).toBe(429);
    const alert = blocked.doc.querySelector("form [role=alert]");
    expect(alert?.textContent).toContain("Bạn đã nhập sai mã mời quá nhiều lần");
    expect(redeemed()).toBe(before);
  });

  it("limits one address across accounts, and leaves helpers elsewhere alone", async () => {
    const code = await inviteCode();
    let status = 0;
    for (let account = 0; account < 4 && status !== 429; account++) {
      const helper = await signUpFrom("127.0.0.40", { fullName: `Tổ CNS ${account}`, login: `to.cns.${account}@example.vn`, role: "helper" });
      for (let i = 0; i < 10; i++) {
        status = (await postFrom("127.0.0.41", "/seller?index", helper, { intent: "redeem", code: `BBBB-CC${String.fromCharCode(65 + i)}${account + 2}` })).status;
        if (status === 429) break;
        expect(status).toBe(400);
      }
    }
    // 30 wrong codes from one address: the fourth account, which has made none, is refused there.
    expect(status).toBe(429);
    const elsewhere = await signUpFrom("127.0.0.42", { fullName: "Tổ CNS Phường khác", login: "to.cns.khac@example.vn", role: "helper" });
    expect((await postFrom("127.0.0.43", "/seller?index", elsewhere, { intent: "redeem", code })).status).toBe(303);
  });
});

describe("5. the sign-up limit counts real attempts only", () => {
  it("lets a real sign-up through after 10 junk posts from the same carrier-NAT address", async () => {
    const address = "127.0.0.50";
    for (let i = 0; i < 10; i++) {
      const junk = await postFrom(address, "/signup", "", i % 2 ? { fullName: "x" } : { login: "không-phải-email", password: "1" });
      expect(junk.status).toBe(400);
    }
    await signUpFrom(address, { fullName: "Trần Thị Mai", login: "0977 123 456", role: "shopper" });
  });

  it("still refuses the 11th well-formed attempt from one address within the hour", async () => {
    const address = "127.0.0.51";
    for (let i = 0; i < 10; i++) {
      // Well-formed, for a login that is taken: these count (they probe which logins exist).
      const taken = await postFrom(address, "/signup", "", { fullName: "Lê Minh Anh", login: "shopper@demo.local", password: "mat-khau-dai", role: "shopper" });
      expect(taken.status).toBe(400);
    }
    const refused = await postFrom(address, "/signup", "", { fullName: "Người thứ mười một", login: "nguoi11@example.vn", password: "mat-khau-dai", role: "shopper" });
    expect(refused.status).toBe(429);
    expect(refused.doc.querySelector("[role=alert]")?.textContent).toContain("quá nhiều lần");
    expect(count("SELECT count(*) AS n FROM users WHERE email = 'nguoi11@example.vn'")).toBe(0);
  });
});
