import Database from "better-sqlite3";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
let writer: Database.Database;
beforeAll(async () => {
  server = await startServer();
  writer = new Database(server.databasePath);
});
afterAll(async () => {
  writer?.close();
  await server?.stop();
});

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const cookieOf = (res: Response) => res.headers.get("set-cookie")!.split(";")[0]!;
async function signIn(login: string) {
  const res = await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ login, password: "demo-password" }), redirect: "manual" });
  expect(res.status).toBe(303);
  return cookieOf(res);
}
function send(path: string, cookie: string, fields?: Record<string, string>) {
  return fetch(server.url + path, {
    method: fields ? "POST" : "GET",
    body: fields ? new URLSearchParams(fields) : undefined,
    headers: { cookie },
    redirect: "manual",
  });
}
const text = async (res: Response) => {
  const doc = parse(await res.text());
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { doc, text: doc.textContent.replace(/\s+/g, " ") };
};

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
      const cookie = await signIn(login);
      for (const path of ["/staff", "/staff/producers", "/staff/payments"]) expect((await send(path, cookie)).status).toBe(403);
    }
  });
});

describe("producer verification", () => {
  it("shows provincial staff only their province's queue and refuses another province's producer with 403", async () => {
    const canTho = pendingProducer("Hộ Ong Mật Phong Điền", "92");
    const haNoi = pendingProducer("Hộ Ong Mật Ba Vì", "01");
    const staff = await signIn("staff@demo.local");
    const queue = await text(await send("/staff/producers", staff));
    expect(queue.text).toContain("Hộ Ong Mật Phong Điền");
    expect(queue.text).not.toContain("Hộ Ong Mật Ba Vì");
    expect((await send(`/staff/producers/${haNoi.producerId}`, staff)).status).toBe(403);
    expect((await send(`/staff/producers/${haNoi.producerId}`, staff, { decision: "approve" })).status).toBe(403);
    expect(row("SELECT verification_status AS s FROM producers WHERE id = ?", haNoi.producerId)).toEqual({ s: "pending" });
    expect(row<{ n: number }>("SELECT count(*) AS n FROM staff_audit WHERE subject_id = ?", String(haNoi.producerId)).n).toBe(0);
    // Central staff see every province.
    const admin = await signIn("admin@demo.local");
    const all = await text(await send("/staff/producers", admin));
    expect(all.text).toContain("Hộ Ong Mật Ba Vì");
    expect(all.text).toContain("Hộ Ong Mật Phong Điền");
    expect(canTho.producerId).toBeGreaterThan(0);
  });

  it("asks for a message to request changes, then tells the producer", async () => {
    const { producerId } = pendingProducer("Tổ hợp tác Khô Cá", "92");
    const staff = await signIn("staff@demo.local");
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
    const staff = await signIn("staff@demo.local");
    expect((await send(`/staff/producers/${producerId}`, staff, { decision: "approve" })).status).toBe(303);
    expect(row("SELECT verification_status AS s FROM producers WHERE id = ?", producerId)).toEqual({ s: "approved" });
    expect(row("SELECT status, producer_verified AS v FROM products WHERE id = ?", productId)).toEqual({ status: "live", v: 1 });
    expect((await fetch(`${server.url}/products/${slug}`)).status).toBe(200);
    const audit = row<{ after: string }>("SELECT after FROM staff_audit WHERE action = 'producer.approve' AND subject_id = ?", String(producerId));
    expect(JSON.parse(audit.after)).toMatchObject({ status: "approved", productsPublished: 1 });
  });
});
