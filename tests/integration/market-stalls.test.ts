/**
 * Chợ 4.0 market stalls (issue 16) over HTTP against the real server, as a phone without JavaScript:
 * a producer opens its stall and makes sales whose QR PNG decodes to the amount and the sale code on
 * the producer's own account; its own SePay/Casso webhooks (signed as tests/doubles/bank-feeds.ts
 * signs) confirm a sale once, and nothing else does; helpers' sales record the helper; another
 * producer can neither see nor confirm them; goods sold take stock and a cancelled sale returns it.
 */
import { randomInt } from "node:crypto";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseVietQr } from "~/domain/payments/vietqr";
import { cassoSignatureHeader, vnDateTime } from "../doubles/bank-feeds";
import { cookieOf, signIn } from "../setup/http";
import { decodeQr } from "../setup/qr-decode";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
let producer: string;
let producerId: number;
let account: { bin: string; no: string };
let other: string;
let otherId: number;

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as T[];
const join = (...cookies: string[]) => cookies.filter(Boolean).join("; ");

function post(path: string, cookie: string, fields: Record<string, string> | URLSearchParams) {
  return fetch(server.url + path, { method: "POST", body: fields instanceof URLSearchParams ? fields : new URLSearchParams(fields), headers: { cookie }, redirect: "manual" });
}
function get(path: string, cookie: string) {
  return fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
}
async function page(path: string, cookie: string) {
  const res = await get(path, cookie);
  const doc = parse(await res.text());
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { status: res.status, doc, text: doc.textContent.replace(/\s+/g, " ") };
}

/** Makes a sale and returns its code (from the 303 to its screen). */
async function sell(cookie: string, fields: Record<string, string> | URLSearchParams): Promise<string> {
  const res = await post("/seller/stall/sales", cookie, fields);
  expect(res.status).toBe(303);
  const location = res.headers.get("location")!;
  expect(location).toMatch(/^\/seller\/stall\/sales\/CS[A-HJ-NP-Z2-9]{10}$/);
  return location.split("/").pop()!;
}
const saleRow = (code: string) =>
  row<{ status: string; amount_vnd: number; confirmed_by: string | null; paid_at: number | null; created_by_user_id: number; producer_id: number }>(
    "SELECT status, amount_vnd, confirmed_by, paid_at, created_by_user_id, producer_id FROM stall_sales WHERE code = ?",
    code,
  );
const stallOf = (id: number) => row<{ id: number; webhook_token: string; sepay_api_key: string; code: string }>("SELECT id, webhook_token, sepay_api_key, code FROM stalls WHERE producer_id = ?", id);

beforeAll(async () => {
  server = await startServer();
  producer = await signIn(server, "producer@demo.local");
  const own = row<{ id: number; bank_bin: string; bank_account_no: string }>(
    "SELECT p.id, p.bank_bin, p.bank_account_no FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'",
  );
  producerId = own.id;
  account = { bin: own.bank_bin, no: own.bank_account_no };
  expect(account.no).toMatch(/^\d+$/);

  // Another producer, with an account of its own.
  const signUp = await post("/signup", "", { fullName: "Trần Văn Cua", login: "0939222777", password: "mat-khau-dai", role: "producer" });
  other = cookieOf(signUp);
  const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
  expect((await post("/seller/profile", other, { provinceCode: "92", wardCode: ward, addressLine: "Ấp Mỹ Phước", name: "Hộ Trần Văn Cua", entityType: "household", phone: "0939 222 777" })).status).toBe(303);
  expect((await post("/seller/payout-account", other, { bankBin: "970436", bankAccountNo: "0071000999888", bankAccountName: "Tran Van Cua", currentPassword: "mat-khau-dai" })).status).toBe(303);
  otherId = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.phone = '0939222777'").id;
});
afterAll(async () => {
  await server?.stop();
});

function sepayBody(id: number, amount: number, content: string, accountNumber = account.no) {
  return JSON.stringify({
    id,
    gateway: "Vietcombank",
    transactionDate: vnDateTime(),
    accountNumber,
    subAccount: null,
    code: null,
    content,
    transferType: "in",
    transferAmount: amount,
    accumulated: 19077000,
    referenceCode: `FT${id}`,
    description: content,
  });
}
function sendStallSepay(token: string, body: string, apiKey: string) {
  return fetch(`${server.url}/webhooks/stall/${token}/sepay`, { method: "POST", body, headers: { "Content-Type": "application/json", Authorization: `Apikey ${apiKey}` } });
}

describe("a producer's stall", () => {
  it("opens in one tap from the portal's home, and shows its own webhook URLs and key", async () => {
    const home = await page("/seller", producer);
    expect(home.doc.querySelector("a[href='/seller/stall']")).not.toBeNull();
    const before = await page("/seller/stall", producer);
    expect(before.text).toContain("Mở sạp");
    expect((await post(`/seller/stall?for=${producerId}`, producer, { intent: "open" })).status).toBe(303);
    const stall = stallOf(producerId);
    expect(stall.code).toMatch(/^ST[A-HJ-NP-Z2-9]{8}$/);
    const after = await page("/seller/stall", producer);
    expect(after.doc.querySelector("[data-webhook=sepay]")?.textContent).toBe(`${server.url}/webhooks/stall/${stall.webhook_token}/sepay`);
    expect(after.doc.querySelector("[data-secret=sepay]")?.textContent).toBe(stall.sepay_api_key);
  });

  it("makes a sale whose QR PNG decodes to the amount and the sale code on the producer's own account", async () => {
    const code = await sell(producer, { amountVnd: "125.000", method: "qr" });
    expect(saleRow(code)).toMatchObject({ status: "pending", amount_vnd: 125000, producer_id: producerId });
    const screen = await page(`/seller/stall/sales/${code}`, producer);
    expect(screen.doc.querySelector("[data-amount]")?.getAttribute("data-amount")).toBe("125000");
    expect(screen.text).toContain("Đã nhận tiền");

    const png = await get(`/seller/stall/sales/${code}/vietqr.png`, producer);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    const qr = parseVietQr(await decodeQr(Buffer.from(await png.arrayBuffer())));
    expect(qr).toEqual({ bankBin: account.bin, accountNumber: account.no, amount: 125000, purpose: code, crcValid: true });

    const status = await get(`/seller/stall/sales/${code}/status`, producer);
    expect(await status.json()).toEqual({ code, amount: 125000, status: "pending" });
  });

  it("answers a wrong amount with 400 and the message by the field, writing nothing", async () => {
    const count = row<{ n: number }>("SELECT count(*) AS n FROM stall_sales").n;
    for (const amountVnd of ["", "abc", "-5", "0", "600000000"]) {
      const res = await post("/seller/stall/sales", producer, { amountVnd, method: "qr" });
      expect(res.status, amountVnd).toBe(400);
      const doc = parse(await res.text());
      expect(doc.querySelector("#f-amountVnd-error")?.textContent, amountVnd).toMatch(/số tiền|Nhập số tiền/i);
    }
    expect((await post("/seller/stall/sales", producer, { amountVnd: "1000", method: "card" })).status).toBe(400);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM stall_sales").n).toBe(count);
  });

  it("is confirmed by the producer's own SePay once; a wrong key or another producer's URL changes nothing", async () => {
    const code = await sell(producer, { amountVnd: "48000" });
    const stall = stallOf(producerId);
    const callbacks = () => row<{ n: number }>("SELECT count(*) AS n FROM stall_callbacks").n;
    const before = callbacks();
    const id = randomInt(1e6, 1e9);
    const body = sepayBody(id, 48000, `${code} chuyen tien`);

    expect((await sendStallSepay(stall.webhook_token, body, "wrong-key")).status).toBe(401);
    // Another producer's URL, whatever key it is sent with.
    expect((await post(`/seller/stall?for=${otherId}`, other, { intent: "open" })).status).toBe(303);
    const otherStall = stallOf(otherId);
    expect((await sendStallSepay(otherStall.webhook_token, body, stall.sepay_api_key)).status).toBe(401);
    const viaOther = await sendStallSepay(otherStall.webhook_token, sepayBody(id, 48000, code, "0071000999888"), otherStall.sepay_api_key);
    expect(viaOther.status).toBe(200);
    expect(saleRow(code).status).toBe("pending");
    expect(row<{ outcome: string }>("SELECT outcome FROM stall_callbacks WHERE stall_id = ? ORDER BY id DESC", otherStall.id).outcome).toBe("unknown_code");
    expect(callbacks()).toBe(before + 1);

    const first = await sendStallSepay(stall.webhook_token, body, stall.sepay_api_key);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ success: true });
    const paid = saleRow(code);
    expect(paid).toMatchObject({ status: "paid", confirmed_by: "sepay" });
    // SePay retries: the same id changes nothing.
    expect((await sendStallSepay(stall.webhook_token, body, stall.sepay_api_key)).status).toBe(200);
    expect(saleRow(code).paid_at).toBe(paid.paid_at);
    expect(rows("SELECT id FROM stall_callbacks WHERE stall_id = ? AND transaction_id = ?", stall.id, String(id))).toHaveLength(1);
    expect(await (await get(`/seller/stall/sales/${code}/status`, producer)).json()).toEqual({ code, amount: 48000, status: "paid" });
    // Paid: no QR to pay with any more.
    expect((await get(`/seller/stall/sales/${code}/vietqr.png`, producer)).status).toBe(410);
  });

  it("is confirmed by the producer's own Casso with its checksum key; a wrong amount is kept, not applied", async () => {
    const key = "casso-checksum-key-of-the-producer-0001";
    expect((await post(`/seller/stall?for=${producerId}`, producer, { intent: "casso", cassoChecksumKey: key })).status).toBe(303);
    const stall = stallOf(producerId);
    const code = await sell(producer, { amountVnd: "250k" });
    const send = (body: unknown, signingKey: string) =>
      fetch(`${server.url}/webhooks/stall/${stall.webhook_token}/casso`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json", "X-Casso-Signature": cassoSignatureHeader(signingKey, body) } });
    const casso = (id: number, amount: number) => ({ error: 0, data: { id, reference: `REF${id}`, description: `IBFT ${code.toLowerCase()}`, amount, runningBalance: 1, transactionDateTime: vnDateTime(), accountNumber: account.no, bankName: "VPBank", bankAbbreviation: "VPB", virtualAccountNumber: "", virtualAccountName: "", counterAccountName: "NGUYEN VAN A", counterAccountNumber: "8888", counterAccountBankId: "970415", counterAccountBankName: "VietinBank" } });

    expect((await send(casso(randomInt(1e6, 1e9), 250000), "not-the-key-not-the-key")).status).toBe(401);
    const short = randomInt(1e6, 1e9);
    expect((await send(casso(short, 200000), key)).status).toBe(200);
    expect(saleRow(code).status).toBe("pending");
    expect(row<{ outcome: string }>("SELECT outcome FROM stall_callbacks WHERE transaction_id = ?", String(short)).outcome).toBe("wrong_amount");
    expect((await send(casso(randomInt(1e6, 1e9), 250000), key)).status).toBe(200);
    expect(saleRow(code)).toMatchObject({ status: "paid", confirmed_by: "casso" });
  });

  it("sells its own goods priced by the server, takes their stock, and a cancelled sale returns it", async () => {
    const good = row<{ product_id: number; variant_id: number; price_vnd: number; stock: number }>(
      `SELECT v.product_id, v.id AS variant_id, v.price_vnd, v.stock FROM product_variants v JOIN products p ON p.id = v.product_id
       WHERE p.producer_id = ? AND v.archived_at IS NULL AND v.stock >= 5 AND (SELECT count(*) FROM product_variants w WHERE w.product_id = p.id AND w.archived_at IS NULL) = 1 ORDER BY v.id LIMIT 1`,
      producerId,
    );
    const stock = () => row<{ stock: number }>("SELECT stock FROM product_variants WHERE id = ?", good.variant_id).stock;
    // productId/quantity pairs, as PRODUCT.md §5 names them; a price sent along is ignored.
    const code = await sell(producer, { productId: String(good.product_id), quantity: "2", amountVnd: "1", priceVnd: "1" });
    expect(saleRow(code).amount_vnd).toBe(good.price_vnd * 2);
    expect(stock()).toBe(good.stock - 2);

    const tooMany = await post("/seller/stall/sales", producer, { productId: String(good.product_id), quantity: String(good.stock + 10) });
    expect(tooMany.status).toBe(400);
    expect(parse(await tooMany.text()).querySelector("#f-quantity-error")?.textContent).toContain("chỉ còn");
    expect(stock()).toBe(good.stock - 2);

    // Another producer's product is not for sale here.
    const foreign = row<{ id: number }>("SELECT id FROM products WHERE producer_id <> ? LIMIT 1", producerId).id;
    expect((await post("/seller/stall/sales", producer, { productId: String(foreign), quantity: "1" })).status).toBe(400);

    expect((await post(`/seller/stall/sales/${code}?for=${producerId}`, producer, { intent: "cancel", reason: "" })).status).toBe(400);
    expect((await post(`/seller/stall/sales/${code}?for=${producerId}`, producer, { intent: "cancel", reason: "Khách đổi ý" })).status).toBe(303);
    expect(saleRow(code).status).toBe("cancelled");
    expect(stock()).toBe(good.stock);
    const book = await page("/seller/stall/sales", producer);
    expect(book.text).toContain("Khách đổi ý");
  });

  it("never sells more than the stock when phones race for the last units", async () => {
    const good = row<{ product_id: number; variant_id: number; stock: number }>(
      `SELECT v.product_id, v.id AS variant_id, v.stock FROM product_variants v JOIN products p ON p.id = v.product_id
       WHERE p.producer_id = ? AND v.archived_at IS NULL AND v.stock >= 7 ORDER BY v.id DESC LIMIT 1`,
      producerId,
    );
    // Ten sales at once, each of a quantity that fits about seven times.
    const quantity = Math.floor(good.stock / 7) + 1;
    const fits = Math.floor(good.stock / quantity);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post("/seller/stall/sales", producer, { productId: String(good.product_id), variantId: String(good.variant_id), quantity: String(quantity), method: "cash" })),
    );
    expect(answers.filter((r) => r.status === 303)).toHaveLength(fits);
    expect(answers.filter((r) => r.status === 400)).toHaveLength(10 - fits);
    expect(row<{ stock: number }>("SELECT stock FROM product_variants WHERE id = ?", good.variant_id).stock).toBe(good.stock - fits * quantity);
  });

  it("records a helper's sale as the helper's, and the producer's book shows who sold", async () => {
    const signUp = await post("/signup", "", { fullName: "Tổ CNS Phường Cái Khế", login: "helper.caikhe@example.vn", password: "mat-khau-dai", role: "helper" });
    const helper = cookieOf(signUp);
    const html = await (await post("/seller/helpers", producer, { intent: "invite" })).text();
    const invite = /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})/.exec(html)![1]!;
    expect((await post("/seller?index", helper, { intent: "redeem", code: invite })).status).toBe(303);
    const chosen = await post("/seller?index", helper, { intent: "actFor", producerId: String(producerId) });
    const acting = join(helper, cookieOf(chosen));

    const code = await sell(acting, { amountVnd: "30000", method: "cash" });
    const helperId = row<{ id: number }>("SELECT id FROM users WHERE email = 'helper.caikhe@example.vn'").id;
    expect(saleRow(code)).toMatchObject({ status: "paid", confirmed_by: "cash", created_by_user_id: helperId, producer_id: producerId });
    const qr = await sell(acting, { amountVnd: "15000" });
    expect((await post(`/seller/stall/sales/${qr}?for=${producerId}`, acting, { intent: "confirm" })).status).toBe(303);
    expect(row<{ confirmed_by_user_id: number }>("SELECT confirmed_by_user_id FROM stall_sales WHERE code = ?", qr).confirmed_by_user_id).toBe(helperId);

    const book = await page("/seller/stall/sales", producer);
    expect(book.doc.querySelector(`[data-sale=${code}]`)?.textContent).toContain("Tổ CNS Phường Cái Khế");
  });

  it("is invisible to another producer, who can neither see nor confirm nor cancel it", async () => {
    const code = await sell(producer, { amountVnd: "77000" });
    for (const path of [`/seller/stall/sales/${code}`, `/seller/stall/sales/${code}/status`, `/seller/stall/sales/${code}/vietqr.png`]) {
      expect((await get(path, other)).status, path).toBe(404);
    }
    expect((await post(`/seller/stall/sales/${code}?for=${otherId}`, other, { intent: "confirm" })).status).toBe(404);
    expect((await post(`/seller/stall/sales/${code}?for=${otherId}`, other, { intent: "cancel", reason: "không phải của tôi" })).status).toBe(404);
    expect(saleRow(code).status).toBe("pending");
    const book = await page("/seller/stall/sales", other);
    expect(book.text).not.toContain(code);
    // Shoppers and visitors are not let in at all.
    expect((await get(`/seller/stall/sales/${code}/status`, "")).status).toBe(302);
  });

  it("keeps a book whose totals are the sums of the day's paid sales, QR and cash apart, with a CSV of the month", async () => {
    const cash = await sell(producer, { amountVnd: "20000", method: "cash" });
    const qr = await sell(producer, { amountVnd: "80000" });
    expect((await post(`/seller/stall/sales/${qr}?for=${producerId}`, producer, { intent: "confirm" })).status).toBe(303);
    expect(saleRow(qr)).toMatchObject({ status: "paid", confirmed_by: "producer" });

    const sums = row<{ qr: number; cash: number }>(
      `SELECT coalesce(sum(CASE WHEN method = 'qr' THEN amount_vnd END), 0) AS qr, coalesce(sum(CASE WHEN method = 'cash' THEN amount_vnd END), 0) AS cash
       FROM stall_sales WHERE producer_id = ? AND status = 'paid' AND date(paid_at / 1000, 'unixepoch', '+7 hours') = date('now', '+7 hours')`,
      producerId,
    );
    const book = await page("/seller/stall/sales", producer);
    const total = (name: string) => Number(book.doc.querySelector(`#day ~ dl [data-book-total=${name}] data, [data-book-total=${name}] data`)?.getAttribute("value"));
    expect(total("qr")).toBe(sums.qr);
    expect(total("cash")).toBe(sums.cash);
    expect(total("all")).toBe(sums.qr + sums.cash);
    expect(book.doc.querySelector(`[data-sale=${cash}]`)).not.toBeNull();

    const csv = await get(`/seller/stall/sales.csv`, producer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain(cash);
    expect(text).toContain(qr);
    expect(text).not.toContain(row<{ code: string } | undefined>("SELECT code FROM stall_sales WHERE producer_id = ? LIMIT 1", otherId)?.code ?? "no-sale-of-the-other");
  });

  it("prints a sign whose QR is static: the producer's account, no amount, the stall code", async () => {
    const sign = await page("/seller/stall/sign", producer);
    expect(sign.status).toBe(200);
    expect(sign.doc.querySelector("[data-sign]")?.textContent).toContain(row<{ name: string }>("SELECT name FROM producers WHERE id = ?", producerId).name);
    const svg = await get("/seller/stall/sign/qr.svg?kind=pay", producer);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const { default: sharp } = await import("sharp");
    const png = await sharp(Buffer.from(await svg.text()), { density: 300 }).png().toBuffer();
    expect(parseVietQr(await decodeQr(png))).toEqual({ bankBin: account.bin, accountNumber: account.no, amount: null, purpose: stallOf(producerId).code, crcValid: true });
  });
});

describe("chợ 4.0 for staff and open data", () => {
  const sums = (province: string | null) =>
    row<{ n: number; v: number; stalls: number }>(
      `SELECT count(*) AS n, coalesce(sum(amount_vnd), 0) AS v, count(DISTINCT stall_id) AS stalls FROM stall_sales
       WHERE status = 'paid' AND method = 'qr' AND paid_at >= ? ${province ? "AND province_code = ?" : ""}`,
      ...[Date.now() - 300 * 24 * 60 * 60 * 1000, ...(province ? [province] : [])],
    );

  it("shows the province's staff stalls active and cashless sales equal to the sums over the sales table", async () => {
    const expected = sums("92");
    expect(expected.n).toBeGreaterThan(0);
    const staff = await signIn(server, "staff@demo.local");
    const dashboard = await page("/staff/dashboard", staff);
    const figure = (name: string) => Number(dashboard.doc.querySelector(`[data-figure=${name}] data`)?.getAttribute("value"));
    expect(figure("market-transactions")).toBe(expected.n);
    expect(figure("market-value")).toBe(expected.v);
    expect(figure("market-stalls")).toBe(expected.stalls);
    // Cash sales are not cashless: the demo cooperative's cash sales are in the table but not in the figures.
    expect(row<{ n: number }>("SELECT count(*) AS n FROM stall_sales WHERE method = 'cash' AND status = 'paid'").n).toBeGreaterThan(0);

    // The chart's CSV: one row per month, summing to the same; provincial staff see only their province.
    const csv = await (await get("/staff/dashboard.csv?chart=marketMonth", staff)).text();
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1).map((l) => l.split(","));
    expect(lines.reduce((s, l) => s + Number(l[2]), 0)).toBe(expected.n);
    expect(lines.reduce((s, l) => s + Number(l[3]), 0)).toBe(expected.v);
    const byProvince = await (await get("/staff/dashboard.csv?chart=marketProvince&province=01", staff)).text();
    expect(byProvince.trim().split("\r\n").slice(1).map((l) => l.split(",")[0])).toEqual(["92"]);
    const byLocation = await (await get("/staff/dashboard.csv?chart=marketLocation", staff)).text();
    expect(byLocation).toContain("92|");
  });

  it("gives central staff the whole country, and open data the active stalls per province without personal data", async () => {
    const central = await signIn(server, "admin@demo.local");
    const dashboard = await page("/staff/dashboard", central);
    expect(Number(dashboard.doc.querySelector("[data-figure=market-value] data")?.getAttribute("value"))).toBe(sums(null).v);
    const open = (await (await get("/open-data/stalls.json", "")).json()) as { provinces: { province: string; activeStalls: number }[] };
    expect(open.provinces).toHaveLength(34);
    expect(open.provinces.find((p) => p.province === "92")?.activeStalls).toBe(sums("92").stalls);
    const text = JSON.stringify(open);
    expect(text).not.toContain(account.no);
    expect(text).not.toContain("Ông Cua");
  });

  it("answers an unknown webhook token with 404, storing nothing", async () => {
    const before = row<{ n: number }>("SELECT count(*) AS n FROM stall_callbacks").n;
    const res = await sendStallSepay("no-such-token-0000000000", sepayBody(1, 1000, "x"), "key");
    expect(res.status).toBe(404);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM stall_callbacks").n).toBe(before);
  });
});
