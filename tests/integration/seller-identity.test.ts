/**
 * Seller identity and what shoppers are told (issue 19): the producer gives its legal name and tax
 * code, staff record how they verified it, the product and producer pages show it (a person's ID
 * masked) with the platform's policies, and central staff publish policy versions.
 */
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
let producer: string;
let producerRow: { id: number; slug: string };

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
function post(path: string, fields: Record<string, string | number>, cookie = "") {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  return fetch(server.url + path, { method: "POST", body, redirect: "manual", headers: { cookie } });
}

beforeAll(async () => {
  server = await startServer();
  producer = await signIn(server, "producer@demo.local");
  producerRow = row("SELECT p.id, p.slug FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'");
});
afterAll(async () => {
  await server?.stop();
});

describe("seller identity", () => {
  it("refuses a personal ID for a cooperative, with the message by the field", async () => {
    const res = await post("/seller/identity", { legalName: "Hợp tác xã Nông nghiệp Cờ Đỏ", taxCode: "092080001234", taxResidency: "resident" }, producer);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("không đúng với loại hình");
  });

  it("keeps the tax code, which staff then verify, and shoppers see it on the producer and product pages", async () => {
    expect((await post("/seller/identity", { legalName: "Hợp tác xã Nông nghiệp Cờ Đỏ", taxCode: "1801 234 567", taxResidency: "resident" }, producer)).status).toBe(303);
    expect(row("SELECT tax_code AS code, identity_method AS method FROM producers WHERE id = ?", producerRow.id)).toEqual({ code: "1801234567", method: null });

    const staff = await signIn(server, "staff@demo.local");
    const missingNote = await post(`/staff/producers/${producerRow.id}/identity`, { method: "vneid", note: "" }, staff);
    expect(missingNote.status).toBe(400);
    expect((await post(`/staff/producers/${producerRow.id}/identity`, { method: "vneid", note: "Đối chiếu VNeID của chủ nhiệm HTX" }, staff)).status).toBe(303);
    const checked = row<{ method: string; by: number; at: number }>("SELECT identity_method AS method, identity_checked_by AS by, identity_checked_at AS at FROM producers WHERE id = ?", producerRow.id);
    expect(checked.method).toBe("vneid");
    expect(checked.at).toBeGreaterThan(Date.now() - 60_000);
    const page = await (await fetch(`${server.url}/staff/producers/${producerRow.id}/identity`, { headers: { cookie: staff } })).text();
    expect(parse(page).querySelector("[data-identity-status]")?.textContent).toContain("qua VNeID");

    const producerPage = parse(await (await fetch(`${server.url}/producers/${producerRow.slug}`)).text());
    const disclosure = producerPage.querySelector("[data-seller-disclosure]")!.textContent;
    expect(disclosure).toContain("Hợp tác xã Nông nghiệp Cờ Đỏ");
    expect(disclosure).toContain("1801234567");
    expect(disclosure).toContain("Đã xác minh danh tính");
    const product = row<{ slug: string }>("SELECT slug FROM products WHERE producer_id = ? AND status = 'live' LIMIT 1", producerRow.id);
    const productPage = parse(await (await fetch(`${server.url}/products/${product.slug}`)).text());
    expect(productPage.querySelector("[data-seller-disclosure]")?.textContent).toContain("1801234567");
    expect(productPage.querySelector('[data-seller-disclosure] a[href="/policies/returns"]')).not.toBeNull();
  });
});

describe("policy pages", () => {
  it("are published in versions by central staff and shown newest first, in Vietnamese and English", async () => {
    const before = parse(await (await fetch(`${server.url}/policies/returns`)).text());
    expect(before.querySelector("h1")?.textContent).toBe("Chính sách đổi trả, hoàn tiền");
    const provincial = await signIn(server, "staff@demo.local");
    expect((await post("/staff/policies", { topic: "returns" }, provincial)).status).toBe(403);
    const admin = await signIn(server, "admin@demo.local");
    const fields = {
      topic: "returns",
      titleVi: "Chính sách đổi trả (bản 2)",
      titleEn: "Returns policy (version 2)",
      bodyVi: "Trong 7 ngày sau khi nhận hàng, người mua được đổi trả hàng lỗi.",
      bodyEn: "Within 7 days of delivery, buyers may return faulty goods.",
    };
    expect((await post("/staff/policies", { ...fields, bodyVi: "ngắn" }, admin)).status).toBe(400);
    expect((await post("/staff/policies", fields, admin)).status).toBe(303);
    expect(row("SELECT max(version) AS v, count(*) AS n FROM policy_versions WHERE topic = 'returns'")).toEqual({ v: 2, n: 2 });
    const after = parse(await (await fetch(`${server.url}/policies/returns`)).text());
    expect(after.querySelector("h1")?.textContent).toBe("Chính sách đổi trả (bản 2)");
    const english = parse(await (await fetch(`${server.url}/policies/returns`, { headers: { cookie: `lang=${encodeURIComponent(Buffer.from(JSON.stringify("en")).toString("base64"))}` } })).text());
    expect(english.querySelector("h1")?.textContent).toBe("Returns policy (version 2)");
    expect((await fetch(`${server.url}/policies/khac`)).status).toBe(404);
  });
});
