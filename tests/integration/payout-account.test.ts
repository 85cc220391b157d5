/**
 * The payout account is asked when it is needed (issue 12, "Farmer first"): a producer chooses its
 * bank by name, the holder's name is stored as the bank holds it, changing a saved account needs the
 * current password, the seller home reminds a producer without one, and staff cannot record a payout
 * to a producer that has none.
 */
import Database from "better-sqlite3";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { cookieOf, signIn } from "../setup/http";

let server: TestServer;
let writer: Database.Database;
let producer: string;
let producerId: number;
beforeAll(async () => {
  server = await startServer();
  writer = new Database(server.databasePath);
  const signUp = await post("/signup", "", { fullName: "Trần Văn Cua", login: "0939222333", password: "mat-khau-dai", role: "producer" });
  expect(signUp.headers.get("location")).toBe("/seller/profile");
  producer = cookieOf(signUp);
  const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
  const profile = { provinceCode: "92", wardCode: ward, addressLine: "Ấp Mỹ Phước", name: "Hợp tác xã Ông Cua", entityType: "cooperative", phone: "0939 222 333" };
  expect((await post("/seller/profile", producer, profile)).status).toBe(303);
  producerId = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.phone = '0939222333'").id;
});
afterAll(async () => {
  writer?.close();
  await server?.stop();
});

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(server.url + path, { method: "POST", body: new URLSearchParams(fields), headers: { cookie }, redirect: "manual" });
}
async function page(path: string, cookie: string) {
  const res = await fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
  const doc = parse(await res.text());
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { status: res.status, doc, text: doc.textContent.replace(/\s+/g, " ") };
}
const errorBy = (html: string, field: string) => parse(html).querySelector(`#f-${field}-error`)?.textContent ?? null;
const account = () => row("SELECT bank_bin, bank_account_no, bank_account_name FROM producers WHERE id = ?", producerId);
const reminderOf = (doc: ReturnType<typeof parse>) => doc.querySelector("[data-payout-reminder]");

describe("a producer without a payout account", () => {
  it("is not asked for one by the profile form", async () => {
    const form = await page("/seller/profile", producer);
    expect(form.doc.querySelector("[name=bankBin], [name=bankAccountNo], [name=bankAccountName], [name=currentPassword]")).toBeNull();
  });

  it("is reminded on the seller home, with a link to the page, and urgently once money is payable", async () => {
    const home = await page("/seller", producer);
    const card = reminderOf(home.doc);
    expect(card?.getAttribute("data-payout-reminder")).toBe("soon");
    expect(card?.querySelector("h2")?.textContent).toBe("Thêm tài khoản ngân hàng để nhận tiền");
    expect(card?.querySelector("a[href='/seller/payout-account']")).not.toBeNull();

    // A delivered sale leaves money payable (ledger rows as delivery writes them).
    writer
      .prepare("INSERT INTO ledger_entries (account, amount_vnd, producer_id, memo, created_at) VALUES ('producer_payable', 250000, ?, 'delivered', ?)")
      .run(producerId, Date.now());
    const owed = reminderOf((await page("/seller", producer)).doc);
    expect(owed?.getAttribute("data-payout-reminder")).toBe("owed");
    expect(owed?.textContent.replace(/\s+/g, " ")).toMatch(/250\.000\s?₫/);
  });

  it("is shown to staff as having no payout account, and staff cannot record a payout to it", async () => {
    const staff = await signIn(server, "staff@demo.local");
    const entry = (await page("/staff/payouts", staff)).doc.querySelectorAll("li").find((li) => li.textContent.includes("Hợp tác xã Ông Cua"));
    expect(entry?.querySelector("[data-no-payout-account]")?.textContent).toContain("Chưa có tài khoản nhận tiền");
    expect(entry?.querySelector("form")).toBeNull();
    const refused = await post("/staff/payouts", staff, { producerId: String(producerId), amount: "250000", reference: "FT-KHONG-TK-1" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Nhà sản xuất này chưa có tài khoản nhận tiền nên chưa ghi nhận chi trả được.");
    expect(row("SELECT count(*) AS n FROM ledger_entries WHERE producer_id = ? AND account = 'producer_paid_out'", producerId)).toEqual({ n: 0 });
  });
});

describe("the payout-account page", () => {
  it("offers the banks by name in a list, with a numeric keyboard for the number and the rule for the holder's name", async () => {
    const form = await page("/seller/payout-account", producer);
    expect(form.status).toBe(200);
    expect(form.doc.querySelector("h1")?.textContent).toBe("Tài khoản nhận tiền");
    const options = form.doc.querySelectorAll("select[name=bankBin] option").map((o) => o.textContent.trim());
    expect(options.length).toBeGreaterThan(40);
    expect(options.some((o) => o.startsWith("Agribank – Ngân hàng Nông nghiệp"))).toBe(true);
    expect(form.doc.querySelector("input[name=bankBin]")).toBeNull();
    expect(form.doc.querySelector("input[name=bankAccountNo]")?.getAttribute("inputmode")).toBe("numeric");
    expect(form.doc.querySelector("#f-bankAccountName-hint")?.textContent).toContain("Phải trùng tên chủ tài khoản tại ngân hàng");
    // Even the first account asks for the password: a stolen session must not choose where money goes.
    expect(form.doc.querySelector("input[name=currentPassword][type=password]")).not.toBeNull();
  });

  it("answers bad input and a bank that is not on the list with 400 and the message by each field, storing nothing", async () => {
    const bad = await post("/seller/payout-account", producer, { bankBin: "970499", bankAccountNo: "12-ab", bankAccountName: "!!" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(errorBy(html, "bankBin")).toBe("Chọn ngân hàng của bạn trong danh sách.");
    expect(errorBy(html, "bankAccountNo")).toBe("Số tài khoản gồm 6 đến 19 chữ số.");
    expect(errorBy(html, "bankAccountName")).toBe("Ghi tên chủ tài khoản như tại ngân hàng (2 đến 100 chữ cái).");
    const unchosen = await post("/seller/payout-account", producer, { bankBin: "", bankAccountNo: "7300205123456", bankAccountName: "Ông Cua" });
    expect(unchosen.status).toBe(400);
    expect(errorBy(await unchosen.text(), "bankBin")).toBe("Chọn ngân hàng của bạn trong danh sách.");
    expect(account()).toEqual({ bank_bin: null, bank_account_no: null, bank_account_name: null });
  });

  it("stores the bank chosen by name and the holder's name upper-cased without accents, and the reminder goes", async () => {
    const form = await page("/seller/payout-account", producer);
    const agribank = form.doc.querySelectorAll("select[name=bankBin] option").find((o) => o.textContent.trim().startsWith("Agribank"))!;
    const saved = await post("/seller/payout-account", producer, {
      bankBin: agribank.getAttribute("value")!,
      bankAccountNo: "7300 205 123456",
      bankAccountName: "Hợp tác xã Ông Cua Đất Mũi",
      currentPassword: "mat-khau-dai",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/seller");
    expect(account()).toEqual({ bank_bin: "970405", bank_account_no: "7300205123456", bank_account_name: "HOP TAC XA ONG CUA DAT MUI" });
    expect(row("SELECT subject FROM producer_activity WHERE producer_id = ? AND action = 'profile.bankAccount'", producerId)).toEqual({ subject: "970405 ···3456" });

    const home = await page("/seller", producer);
    expect(reminderOf(home.doc)).toBeNull();
    expect(home.text).not.toContain("Thêm tài khoản ngân hàng để nhận tiền");
    const again = await page("/seller/payout-account", producer);
    expect(again.doc.querySelector("[data-payout-account]")?.textContent.replace(/\s+/g, " ")).toContain("Agribank · 7300205123456 · HOP TAC XA ONG CUA DAT MUI");
    expect(again.doc.querySelector("select[name=bankBin] option[selected]")?.getAttribute("value")).toBe("970405");
  });

  it("needs the current password to change a saved account", async () => {
    const other = { bankBin: "970436", bankAccountNo: "0071001234567", bankAccountName: "Nguyễn Văn Lừa" };
    const form = await page("/seller/payout-account", producer);
    expect(form.doc.querySelector("input[name=currentPassword][type=password]")).not.toBeNull();
    const none = await post("/seller/payout-account", producer, other);
    expect(none.status).toBe(400);
    expect(errorBy(await none.text(), "currentPassword")).toBe("Nhập mật khẩu hiện tại để lưu tài khoản nhận tiền.");
    const wrong = await post("/seller/payout-account", producer, { ...other, currentPassword: "sai-mat-khau" });
    expect(wrong.status).toBe(400);
    expect(errorBy(await wrong.text(), "currentPassword")).toBe("Mật khẩu hiện tại không đúng.");
    expect(account()).toMatchObject({ bank_bin: "970405" });

    const right = await post("/seller/payout-account", producer, { ...other, currentPassword: "mat-khau-dai" });
    expect(right.status).toBe(303);
    expect(account()).toEqual({ bank_bin: "970436", bank_account_no: "0071001234567", bank_account_name: "NGUYEN VAN LUA" });
  });

  it("lets staff record the payout once the account exists, showing the bank by name", async () => {
    const staff = await signIn(server, "staff@demo.local");
    const entry = (await page("/staff/payouts", staff)).doc.querySelectorAll("li").find((li) => li.textContent.includes("Hợp tác xã Ông Cua"));
    expect(entry?.textContent).toContain("Vietcombank · 0071001234567 · NGUYEN VAN LUA");
    expect(entry?.querySelector("form")).not.toBeNull();
    expect((await post("/staff/payouts", staff, { producerId: String(producerId), amount: "250000", reference: "FT-CO-TK-1" })).status).toBe(303);
  });

  it("is for producers only, and sends one without a profile to create it first", async () => {
    const shopper = await signIn(server, "shopper@demo.local");
    expect((await page("/seller/payout-account", shopper)).status).toBe(403);
    const signUp = await post("/signup", "", { fullName: "Chưa có hồ sơ", login: "0939444555", password: "mat-khau-dai", role: "producer" });
    const fresh = cookieOf(signUp);
    const empty = await page("/seller/payout-account", fresh);
    expect(empty.text).toContain("Hãy tạo hồ sơ nhà sản xuất trước");
    expect(empty.doc.querySelector("select[name=bankBin]")).toBeNull();
    const refused = await post("/seller/payout-account", fresh, { bankBin: "970405", bankAccountNo: "7300205123456", bankAccountName: "Ong Cua" });
    expect(refused.status).toBe(409);
  });
});
