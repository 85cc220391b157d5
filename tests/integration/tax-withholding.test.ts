/**
 * Tax withheld for households (issue 19, Decree 117/2025) through the real server: a household's
 * delivered order writes the withholding rows and lowers its payable, an enterprise's writes none,
 * and the month's declaration adds up to the ledger, summed here independently, for the staff who
 * may see it.
 */
import Database from "better-sqlite3";
import { parse } from "node-html-parser";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantStaff } from "~/domain/accounts/staff-grants.server";
import { signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";
import { deliverOrder } from "../setup/delivered-order";

const BANK_SECRET = "bank-secret-tax-tests";
let server: TestServer;
let writer: Database.Database;
let producerId: number;
let producerCookie: string;

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as T[];

const deliveredOrder = (productId: number, quantity: number) => deliverOrder(server, { productId, quantity, producerCookie, bankSecret: BANK_SECRET });

function post(path: string, fields: Record<string, string | number>, cookie = "") {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  return fetch(server.url + path, { method: "POST", body, redirect: "manual", headers: { cookie } });
}

function productOf(producer: number): { id: number; price_vnd: number } {
  const found = row<{ id: number; price_vnd: number } | undefined>(
    `SELECT p.id, p.price_vnd FROM products p WHERE p.producer_id = ? AND p.status = 'live' AND p.producer_verified = 1 AND p.held_at IS NULL
       AND p.stock >= 6 AND p.group_code <> 'tourism' AND ${soldInOneSize("p")} ORDER BY p.id LIMIT 1`,
    producer,
  );
  if (!found) throw new Error(`no product of producer ${producer}`);
  return found;
}

const sumOf = (partId: number, account: string) =>
  row<{ s: number }>("SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE part_id = ? AND account = ?", partId, account).s;
const halfUp = (base: number, basisPoints: number) => Math.floor((base * basisPoints + 5_000) / 10_000);

beforeAll(async () => {
  server = await startServer({ BANK_WEBHOOK_SECRET: BANK_SECRET, VIETQR_ACCOUNT_NO: "257678859" });
  writer = new Database(server.databasePath);
  writer.pragma("busy_timeout = 5000");
  producerId = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
  producerCookie = await signIn(server, "producer@demo.local");
});

afterAll(async () => {
  writer?.close();
  await server?.stop();
});

describe("withholding on a delivered order", () => {
  let household: Awaited<ReturnType<typeof deliveredOrder>>;

  beforeAll(async () => {
    // The demo's producer is a cooperative; here it is a household with its personal ID as tax code.
    writer.prepare("UPDATE producers SET entity_type = 'household', legal_name = 'Nguyễn Văn Cua', tax_code = '092080001234' WHERE id = ?").run(producerId);
    const product = productOf(producerId);
    household = await deliveredOrder(product.id, 3);
  });

  it("withholds VAT 1 % and PIT 0.5 % of the goods and lowers what the household is paid by as much", () => {
    const part = row<{ goods_total_vnd: number; total_vnd: number; commission_vnd: number; platform_discount_vnd: number }>(
      "SELECT goods_total_vnd, total_vnd, commission_vnd, platform_discount_vnd FROM order_parts WHERE id = ?",
      household.partId,
    );
    const lines = row<{ s: number }>("SELECT sum(line_total_vnd) AS s FROM order_items WHERE part_id = ?", household.partId).s;
    const vat = halfUp(lines, 100);
    const pit = halfUp(lines, 50);
    expect(vat).toBeGreaterThan(0);
    expect(sumOf(household.partId, "tax_vat_withheld")).toBe(vat);
    expect(sumOf(household.partId, "tax_pit_withheld")).toBe(pit);
    expect(rows("SELECT tax_base_vnd AS base FROM ledger_entries WHERE part_id = ? AND account LIKE 'tax_%'", household.partId)).toEqual([{ base: lines }, { base: lines }]);
    // Delivered: the payable is what was paid, less commission and the tax.
    expect(sumOf(household.partId, "producer_payable")).toBe(part.total_vnd + part.platform_discount_vnd - part.commission_vnd - vat - pit);
    expect(sumOf(household.partId, "producer_pending")).toBe(0);
    // Every row of the part still sums to what the buyer paid.
    expect(row<{ s: number }>("SELECT sum(amount_vnd) AS s FROM ledger_entries WHERE part_id = ?", household.partId).s).toBe(part.total_vnd);
  });

  it("shows the producer each amount withheld on its orders page", async () => {
    const html = await (await fetch(`${server.url}/seller/orders`, { headers: { cookie: producerCookie } })).text();
    const section = parse(html).querySelector("section[aria-labelledby=withheld-title]");
    expect(section?.textContent).toContain("Thuế đã khấu trừ");
    expect(section?.textContent).toContain(household.code);
    const vat = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(sumOf(household.partId, "tax_vat_withheld"));
    expect(section?.textContent).toContain(vat);
  });

  it("withholds nothing from an enterprise", async () => {
    writer.prepare("UPDATE producers SET entity_type = 'enterprise' WHERE id = ?").run(producerId);
    const product = productOf(producerId);
    const enterprise = await deliveredOrder(product.id, 2);
    expect(rows("SELECT id FROM ledger_entries WHERE part_id = ? AND account LIKE 'tax_%'", enterprise.partId)).toEqual([]);
    const part = row<{ total_vnd: number; commission_vnd: number; platform_discount_vnd: number }>(
      "SELECT total_vnd, commission_vnd, platform_discount_vnd FROM order_parts WHERE id = ?",
      enterprise.partId,
    );
    expect(sumOf(enterprise.partId, "producer_payable")).toBe(part.total_vnd + part.platform_discount_vnd - part.commission_vnd);
    writer.prepare("UPDATE producers SET entity_type = 'household' WHERE id = ?").run(producerId);
  });

  it("offsets the tax of a sale refunded in the same month", async () => {
    const product = productOf(producerId);
    const refunded = await deliveredOrder(product.id, 1);
    const withheld = sumOf(refunded.partId, "tax_vat_withheld");
    expect(withheld).toBeGreaterThan(0);
    const staff = await signIn(server, "staff@demo.local");
    const res = await post("/staff/payments", { intent: "refund", orderCode: refunded.code, partId: refunded.partId, reason: "Hàng hỏng, hoàn tiền cho khách" }, staff);
    expect(res.status).toBe(303);
    expect(sumOf(refunded.partId, "tax_vat_withheld")).toBe(0);
    expect(rows("SELECT amount_vnd AS a FROM ledger_entries WHERE part_id = ? AND account = 'tax_vat_withheld' ORDER BY id", refunded.partId)).toEqual([
      { a: withheld },
      { a: -withheld },
    ]);
  });
});

describe("the monthly declaration", () => {
  const month = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
  /** The month's bounds in Vietnam's calendar and the ledger's sums in it, computed here, not by the app. */
  function ledgerSums(province: string | null) {
    const [y, m] = month().split("-").map(Number) as [number, number];
    const start = Date.UTC(y, m - 1, 1) - 7 * 3_600_000;
    const end = Date.UTC(y, m, 1) - 7 * 3_600_000;
    const sum = (account: string, sign: ">" | "<", column = "amount_vnd") =>
      row<{ s: number }>(
        `SELECT coalesce(sum(l.${column}), 0) AS s FROM ledger_entries l JOIN producers p ON p.id = l.producer_id
         WHERE l.account = ? AND l.amount_vnd ${sign} 0 AND l.created_at >= ? AND l.created_at < ? AND (? IS NULL OR p.province_code = ?)`,
        account,
        start,
        end,
        province,
        province,
      ).s;
    return {
      revenue: sum("tax_vat_withheld", ">", "tax_base_vnd"),
      vat: sum("tax_vat_withheld", ">"),
      pit: sum("tax_pit_withheld", ">"),
      revenueOffset: -sum("tax_vat_withheld", "<", "tax_base_vnd"),
      vatOffset: -sum("tax_vat_withheld", "<"),
      pitOffset: -sum("tax_pit_withheld", "<"),
    };
  }

  it("adds up, in CSV and XLSX with Vietnamese headers, to the ledger's sums", async () => {
    const admin = await signIn(server, "admin@demo.local");
    const expected = ledgerSums(null);
    expect(expected.vat).toBeGreaterThan(0);
    expect(expected.vatOffset).toBeGreaterThan(0);

    const csv = await fetch(`${server.url}/staff/tax.csv?month=${month()}`, { headers: { cookie: admin } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain(`to-khai-khau-tru-${month()}.csv`);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe(
      "STT,Họ tên người bán,Số định danh / Mã số thuế,Địa chỉ,Doanh thu,Thuế GTGT đã khấu trừ,Thuế TNCN đã khấu trừ," +
        '"Doanh thu bù trừ (hủy, hoàn)",Thuế GTGT bù trừ,Thuế TNCN bù trừ,Thuế GTGT phải nộp,Thuế TNCN phải nộp',
    );
    expect(lines[0]).toContain("Số định danh / Mã số thuế");
    const seller = lines.find((l) => l.includes("092080001234"));
    expect(seller).toContain("Nguyễn Văn Cua");
    const totals = lines.at(-1)!.split(",").slice(-8).map(Number);
    expect(totals).toEqual([
      expected.revenue,
      expected.vat,
      expected.pit,
      expected.revenueOffset,
      expected.vatOffset,
      expected.pitOffset,
      expected.vat - expected.vatOffset,
      expected.pit - expected.pitOffset,
    ]);

    const xlsx = await fetch(`${server.url}/staff/tax.xlsx?month=${month()}`, { headers: { cookie: admin } });
    expect(xlsx.status).toBe(200);
    const sheet = await readSheet(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheet[0]).toContain("Thuế GTGT đã khấu trừ");
    expect(sheet.at(-1)!.slice(-8).map(Number)).toEqual(totals);
  });

  it("shows the deadline, the 20th of the next month, on the page", async () => {
    const admin = await signIn(server, "admin@demo.local");
    const doc = parse(await (await fetch(`${server.url}/staff/tax?month=2026-11`, { headers: { cookie: admin } })).text());
    expect(doc.querySelector("#declaration-due")?.textContent).toContain("20/12/2026");
    const bad = await fetch(`${server.url}/staff/tax?month=2026-13`, { headers: { cookie: admin } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Chọn một tháng hợp lệ");
  });

  it("shows provincial staff their province's sellers only", async () => {
    const canTho = await signIn(server, "staff@demo.local");
    const ownPage = await (await fetch(`${server.url}/staff/tax?month=${month()}`, { headers: { cookie: canTho } })).text();
    expect(ownPage).toContain("092080001234");
    const register = await post("/signup", { fullName: "Lê Thị Hà Nội", login: "thue.hanoi@example.vn", password: "mat-khau-dai-1", role: "shopper" });
    expect(register.status).toBe(303);
    expect(grantStaff(writer, "thue.hanoi@example.vn", { province: "01" })).toContain("staff of province 01");
    const hanoi = await signIn(server, "thue.hanoi@example.vn", "mat-khau-dai-1");
    const other = await (await fetch(`${server.url}/staff/tax.csv?month=${month()}`, { headers: { cookie: hanoi } })).text();
    expect(other).not.toContain("092080001234");
    const statement = await fetch(`${server.url}/staff/tax/statement/${producerId}`, { headers: { cookie: hanoi } });
    expect(statement.status).toBe(404);
  });

  it("gives the household a yearly statement to print", async () => {
    const html = await (await fetch(`${server.url}/seller/tax-statement`, { headers: { cookie: producerCookie } })).text();
    const doc = parse(html);
    expect(doc.querySelector("h1")?.textContent).toContain("Chứng từ khấu trừ thuế");
    expect(doc.textContent).toContain("092080001234");
  });
});
