import writeXlsxFile from "write-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATE_HEADER } from "~/domain/catalog/bulk-import";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
let producer: string;
beforeAll(async () => {
  server = await startServer();
  const res = await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ login: "producer@demo.local", password: "demo-password" }), redirect: "manual" });
  producer = res.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(() => server.stop());

const count = (name: string) => (server.db.prepare("SELECT count(*) AS n FROM products WHERE name LIKE ?").get(`${name}%`) as { n: number }).n;

function upload(file: Uint8Array<ArrayBuffer>, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new Blob([file]), fileName);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return fetch(`${server.url}/seller/import`, { method: "POST", body: form, headers: { cookie: producer }, redirect: "manual" });
}
async function report(res: Response) {
  const { parse } = await import("node-html-parser");
  const doc = parse(await res.text());
  return {
    status: doc.querySelector("#result")?.textContent ?? null,
    rows: doc.querySelectorAll("tbody tr").map((tr) => tr.querySelectorAll("td").map((td) => td.textContent)),
    fileError: doc.querySelector("#f-file-error")?.textContent ?? null,
  };
}

const csv = (rows: string[][]) => new TextEncoder().encode(`\uFEFF${rows.map((r) => r.join(",")).join("\r\n")}\r\n`);
const sheet = [
  TEMPLATE_HEADER,
  ["Nhập CSV: Mật ong tràm", "Thực phẩm", "chai", "250.000", "40", "700", "Mật ong."],
  ["Nhập CSV: Trà sen", "do uong", "hộp", "120000", "25", "200", ""],
  ["Nhập CSV: X", "vũ khí", "kg", "12,5", "", "", ""],
];

describe("bulk import", () => {
  it("imports nothing when a row is bad, and reports each problem by row and column", async () => {
    const res = await upload(csv(sheet), "san-pham.csv");
    expect(res.status).toBe(400);
    const { status, rows } = await report(res);
    expect(status).toContain("Chưa nhập sản phẩm nào");
    expect(rows).toEqual([
      ["4", "Nhóm", "Vui lòng chọn nhóm sản phẩm."],
      ["4", "Giá", "Giá là số nguyên từ 1.000 đến 99.999.999 đồng."],
    ]);
    expect(count("Nhập CSV")).toBe(0);
  });

  it("imports the good rows when asked to, and still reports the bad one", async () => {
    const res = await upload(csv(sheet), "san-pham.csv", { mode: "valid" });
    expect(res.status).toBe(200);
    const { status, rows } = await report(res);
    expect(status).toBe("Đã nhập 2 / 3 dòng.");
    expect(rows.length).toBe(2);
    expect(count("Nhập CSV")).toBe(2);
    const tea = server.db.prepare("SELECT group_code, price_vnd, status FROM products WHERE name = 'Nhập CSV: Trà sen'").get();
    expect(tea).toEqual({ group_code: "beverage", price_vnd: 120000, status: "draft" });
  });

  it("reads Excel files; what it imports waits as drafts, since nothing goes on sale without a photo", async () => {
    const xlsx = await writeXlsxFile([
      TEMPLATE_HEADER.map((value) => ({ value })),
      [{ value: "Nhập XLSX: Gạo ST25" }, { value: "food" }, { value: "túi" }, { value: 185000 }, { value: 100 }, { value: 5000 }, { value: "Gạo thơm." }],
    ]).toBuffer();
    // A form from before still asking to publish everything gets drafts too.
    const res = await upload(new Uint8Array(xlsx), "gao.xlsx", { publish: "1" });
    expect(res.status).toBe(200);
    expect((await report(res)).status).toBe("Đã nhập 1 / 1 dòng.");
    const rice = server.db.prepare("SELECT price_vnd, stock, weight_grams, status FROM products WHERE name = 'Nhập XLSX: Gạo ST25'").get();
    expect(rice).toEqual({ price_vnd: 185000, stock: 100, weight_grams: 5000, status: "draft" });
  });

  it("makes rows of one name with a size into one product in several sizes, barcodes checked", async () => {
    const sized = [
      TEMPLATE_HEADER,
      ["Nhập cỡ: Mật ong tràm", "Thực phẩm", "chai", "150.000", "40", "450", "Mật ong rừng tràm.", "Chai 250 ml", ""],
      ["Nhập cỡ: Mật ong tràm", "Thực phẩm", "chai", "250.000", "30", "800", "", "Chai 500 ml", "893-8505-974194"],
      ["Nhập cỡ: Trà sen", "Đồ uống", "hộp", "120.000", "25", "200", "Trà ướp sen.", "", ""],
    ];
    const res = await upload(csv(sized), "co.csv");
    expect(res.status).toBe(200);
    expect((await report(res)).status).toBe("Đã nhập 3 / 3 dòng.");
    expect(count("Nhập cỡ")).toBe(2);
    const sizesOf = (name: string) =>
      server.db
        .prepare("SELECT v.label, v.price_vnd, v.stock, v.weight_grams, v.gtin FROM product_variants v JOIN products p ON p.id = v.product_id WHERE p.name = ? ORDER BY v.position")
        .all(name);
    expect(sizesOf("Nhập cỡ: Mật ong tràm")).toEqual([
      { label: "Chai 250 ml", price_vnd: 150000, stock: 40, weight_grams: 450, gtin: null },
      { label: "Chai 500 ml", price_vnd: 250000, stock: 30, weight_grams: 800, gtin: "8938505974194" },
    ]);
    expect(server.db.prepare("SELECT price_vnd, max_price_vnd, stock, description FROM products WHERE name = 'Nhập cỡ: Mật ong tràm'").get()).toEqual({
      price_vnd: 150000,
      max_price_vnd: 250000,
      stock: 70,
      description: "Mật ong rừng tràm.",
    });
    expect(sizesOf("Nhập cỡ: Trà sen")).toEqual([{ label: "", price_vnd: 120000, stock: 25, weight_grams: 200, gtin: null }]);

    // A wrong check digit is reported by its column, and nothing of the sheet is imported.
    const bad = await upload(csv([TEMPLATE_HEADER, ["Nhập cỡ sai: Mật ong", "Thực phẩm", "chai", "150.000", "4", "450", "", "Chai 250 ml", "8938505974195"]]), "sai.csv");
    expect(bad.status).toBe(400);
    expect((await report(bad)).rows).toEqual([["2", "Mã vạch", "Mã vạch không đúng: kiểm tra lại các chữ số (8, 12, 13 hoặc 14 số)."]]);
    expect(count("Nhập cỡ sai")).toBe(0);
  });

  it("refuses files it cannot read or without the needed columns, with the message by the file field", async () => {
    const binary = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "broken.xlsx");
    expect(binary.status).toBe(400);
    expect((await report(binary)).fileError).toContain(".xlsx hoặc .csv");
    const noHeader = await upload(csv([["Sản phẩm", "Giá"], ["A", "1000"]]), "x.csv");
    expect(noHeader.status).toBe(400);
    expect((await report(noHeader)).fileError).toContain("Dòng đầu phải có các cột");
    const none = await fetch(`${server.url}/seller/import`, { method: "POST", body: new FormData(), headers: { cookie: producer }, redirect: "manual" });
    expect(none.status).toBe(400);
  });

  it("is only for producers and their helpers", async () => {
    const shopper = await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ login: "shopper@demo.local", password: "demo-password" }), redirect: "manual" });
    const cookie = shopper.headers.get("set-cookie")!.split(";")[0]!;
    expect((await fetch(`${server.url}/seller/import`, { headers: { cookie } })).status).toBe(403);
    expect((await fetch(`${server.url}/seller/import/template.csv`, { headers: { cookie } })).status).toBe(403);
    const template = await fetch(`${server.url}/seller/import/template.csv`, { headers: { cookie: producer } });
    expect(template.headers.get("content-type")).toContain("text/csv");
    expect(await template.text()).toContain("Tên sản phẩm,Nhóm,Đơn vị,Giá");
  });
});

describe("bulk import at scale", () => {
  it("imports many rows of one name with distinct addresses", async () => {
    const rows = Array.from({ length: 300 }, () => ["Nhập trùng tên: Mật ong", "food", "chai", "200.000", "5", "700", ""]);
    const res = await upload(csv([TEMPLATE_HEADER, ...rows]), "trung.csv", { mode: "valid" });
    expect(res.status).toBe(200);
    const slugs = server.db.prepare("SELECT slug FROM products WHERE name = 'Nhập trùng tên: Mật ong'").all() as { slug: string }[];
    expect(slugs.length).toBe(300);
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(300);
  });

  it("refuses a spreadsheet that would unpack to far more than its size, before unpacking it", async () => {
    const small = await writeXlsxFile([[{ value: "Tên sản phẩm" }]]).toBuffer();
    // A central-directory entry claiming 4 GB (the ZIP64 marker) is never unpacked.
    const bomb = new Uint8Array(small);
    const view = new DataView(bomb.buffer);
    for (let i = 0; i + 46 <= bomb.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xffffffff, true);
    const res = await upload(bomb, "bomb.xlsx");
    expect(res.status).toBe(400);
    expect((await report(res)).fileError).toContain("giải nén ra quá lớn");
  });
});
