import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { cookieOf, signIn } from "../setup/http";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const join = (...cookies: string[]) => cookies.filter(Boolean).join("; ");
function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(server.url + path, { method: "POST", headers: { cookie }, body: new URLSearchParams(fields), redirect: "manual" });
}
async function signUpHelper(login: string) {
  const res = await post("/signup", "", { fullName: "Tổ CNS Phường An Khánh", login, password: "mat-khau-dai", role: "helper" });
  expect(res.headers.get("location")).toBe("/seller");
  return cookieOf(res);
}
async function inviteCode(producer: string) {
  const html = await (await post("/seller/helpers", producer, { intent: "invite" })).text();
  return /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})/.exec(html)![1]!;
}
const listing = { name: "Bánh pía đậu xanh", groupCode: "food", unit: "hộp", priceVnd: "80000", stock: "30", weightGrams: "500", intent: "draft" };

describe("community helpers", () => {
  let producer: string;
  let helper: string;
  let acting: string;
  let producerId: number;

  beforeAll(async () => {
    producer = await signIn(server, "producer@demo.local");
    helper = await signUpHelper("helper.ankhanh@example.vn");
    producerId = (server.db.prepare("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").get() as { id: number }).id;
  });

  it("redeem an invite once, typed any way, then act for the producer", async () => {
    const code = await inviteCode(producer);
    expect((await post("/seller?index", helper, { intent: "redeem", code: "WRONG-CODE" })).status).toBe(400);
    const redeemed = await post("/seller?index", helper, { intent: "redeem", code: ` ${code.toLowerCase().replace("-", " ")} ` });
    expect(redeemed.status).toBe(303);
    const again = await post("/seller?index", await signUpHelper("helper2@example.vn"), { intent: "redeem", code });
    expect(again.status).toBe(400);

    const chosen = await post("/seller?index", helper, { intent: "actFor", producerId: String(producerId) });
    expect(chosen.status).toBe(303);
    acting = join(helper, cookieOf(chosen));
    const page = await (await fetch(`${server.url}/seller/products`, { headers: { cookie: acting } })).text();
    expect(page).toContain("Bạn đang làm việc thay cho");
  });

  it("records the helper and the producer on every change, and the producer sees it", async () => {
    const res = await post("/seller/products/new", acting, listing);
    expect(res.status).toBe(303);
    const entry = server.db
      .prepare(
        `SELECT a.producer_id AS producerId, u.email AS actor, a.action FROM producer_activity a JOIN users u ON u.id = a.actor_user_id
         WHERE a.subject = ? ORDER BY a.id DESC LIMIT 1`,
      )
      .get(listing.name);
    expect(entry).toEqual({ producerId, actor: "helper.ankhanh@example.vn", action: "product.create" });
    const { parse } = await import("node-html-parser");
    const history = parse(await (await fetch(`${server.url}/seller`, { headers: { cookie: producer } })).text());
    expect(history.querySelector("#history")?.parentNode?.textContent).toContain("Tổ CNS Phường An Khánh: Thêm sản phẩm");
  });

  it("cannot hand out access or act for a producer it was not invited by", async () => {
    expect((await post("/seller/helpers", acting, { intent: "invite" })).status).toBe(403);
    const other = (server.db.prepare("SELECT id FROM producers WHERE id != ? LIMIT 1").get(producerId) as { id: number }).id;
    expect((await post("/seller?index", helper, { intent: "actFor", producerId: String(other) })).status).toBe(403);
  });

  it("cannot have its access revoked by another producer", async () => {
    const grant = server.db.prepare("SELECT id FROM helper_grants WHERE producer_id = ? AND revoked_at IS NULL").get(producerId) as { id: number };
    const other = await post("/signup", "", { fullName: "Nhà sản xuất khác", login: "0905 444 333", password: "mat-khau-dai", role: "producer" });
    const otherCookie = cookieOf(other);
    const ward = (server.db.prepare("SELECT code FROM wards WHERE province_code = '48' LIMIT 1").get() as { code: string }).code;
    await post("/seller/profile?province=48", otherCookie, { provinceCode: "48", wardCode: ward, addressLine: "Thôn 1", name: "Cơ sở khác", entityType: "household", phone: "0905444333" });
    expect((await post("/seller/helpers", otherCookie, { intent: "revoke", grantId: String(grant.id) })).status).toBe(404);
    expect((server.db.prepare("SELECT revoked_at FROM helper_grants WHERE id = ?").get(grant.id) as { revoked_at: number | null }).revoked_at).toBeNull();
  });

  it("loses access the moment the producer revokes it", async () => {
    const grant = server.db.prepare("SELECT id FROM helper_grants WHERE producer_id = ? AND revoked_at IS NULL").get(producerId) as { id: number };
    expect((await post("/seller/helpers", producer, { intent: "revoke", grantId: String(grant.id) })).status).toBe(200);
    const products = await fetch(`${server.url}/seller/products`, { headers: { cookie: acting }, redirect: "manual" });
    expect(products.status).toBe(302);
    expect(products.headers.get("location")).toBe("/seller");
    const before = (server.db.prepare("SELECT count(*) AS n FROM products").get() as { n: number }).n;
    expect((await post("/seller/products/new", acting, { ...listing, name: "Sau khi bị thu hồi" })).status).toBe(302);
    const grantsHistory = server.db
      .prepare("SELECT a.action, u.email FROM producer_activity a JOIN users u ON u.id = a.actor_user_id WHERE a.producer_id = ? AND a.action LIKE 'helper.%' ORDER BY a.id")
      .all(producerId);
    expect(grantsHistory).toEqual([
      { action: "helper.invite", email: "producer@demo.local" },
      { action: "helper.join", email: "helper.ankhanh@example.vn" },
      { action: "helper.revoke", email: "producer@demo.local" },
    ]);
    expect((server.db.prepare("SELECT count(*) AS n FROM products").get() as { n: number }).n).toBe(before);
  });

  it("keeps shoppers out of helper actions", async () => {
    expect((await post("/seller?index", await signIn(server, "shopper@demo.local"), { intent: "redeem", code: "ABCD-EFGH" })).status).toBe(403);
  });
});
