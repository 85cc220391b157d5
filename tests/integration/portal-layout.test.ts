/**
 * The portal layouts (routes/seller.tsx, routes/staff.tsx; ADR 0017): one header and one section
 * navigation on every page of the producer portal and the staff console, the current section marked,
 * the helper's "working for" banner on every portal page, and errors inside the portal's frame.
 */
import type { HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf, getPage, signIn, type Page } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";

const SELLER_NAV = "Các mục của kênh người bán";
const STAFF_NAV = "Các mục của bảng điều khiển cán bộ";

let server: TestServer;
const cookies: Record<"producer" | "staff" | "shopper" | "helper", string> = { producer: "", staff: "", shopper: "", helper: "" };
let producerName = "";
let productId = 0;

function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(server.url + path, { method: "POST", headers: { cookie }, body: new URLSearchParams(fields), redirect: "manual" });
}
const page = (path: string, cookie: string) => getPage(server.url + path, { headers: { cookie } });

/** The navigation landmarks of the page's main content with this accessible name. */
const navs = (p: Page, label: string): HTMLElement[] => p.doc.querySelectorAll("main nav").filter((n) => n.getAttribute("aria-label") === label);
/** Where the links marked as the current page point. */
const current = (nav: HTMLElement) => nav.querySelectorAll('a[aria-current="page"]').map((a) => a.getAttribute("href"));
const links = (nav: HTMLElement) => nav.querySelectorAll("a").map((a) => a.getAttribute("href"));

beforeAll(async () => {
  server = await startServer();
  const [producer, staff, shopper] = await Promise.all(["producer@demo.local", "staff@demo.local", "shopper@demo.local"].map((login) => signIn(server, login)));
  Object.assign(cookies, { producer: producer!, staff: staff!, shopper: shopper! });
  const row = server.db
    .prepare("SELECT p.id, p.name FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'")
    .get() as { id: number; name: string };
  producerName = row.name;
  productId = (server.db.prepare("SELECT id FROM products WHERE producer_id = ? ORDER BY id LIMIT 1").get(row.id) as { id: number }).id;

  // A community helper, invited by the producer, acting for it (forms of the portal's home post to ?index).
  const signup = await post("/signup", "", { fullName: "Tổ CNS Phường Tân An", login: "to.cns.tanan@example.vn", password: "mat-khau-dai", role: "helper" });
  expect(signup.status).toBe(303);
  const helper = cookieOf(signup);
  const invite = await (await post("/seller/helpers", cookies.producer, { intent: "invite" })).text();
  const code = /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})/.exec(invite)![1]!;
  expect((await post("/seller?index", helper, { intent: "redeem", code })).status).toBe(303);
  const acting = await post("/seller?index", helper, { intent: "actFor", producerId: String(row.id) });
  expect(acting.headers.get("location")).toBe("/seller/products");
  cookies.helper = [helper, cookieOf(acting)].join("; ");
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe("the producer portal's layout", () => {
  it("shows its section navigation once on every page, the current section marked", async () => {
    const expected: [string, string][] = [
      ["/seller/stall", "/seller/stall"],
      ["/seller/stall/sales", "/seller/stall"],
      ["/seller/orders", "/seller/orders"],
      ["/seller/products", "/seller/products"],
      ["/seller/products/new", "/seller/products"],
      [`/seller/products/${productId}`, "/seller/products"],
      ["/seller/import", "/seller/import"],
      ["/seller/media", "/seller/media"],
      ["/seller/vouchers", "/seller/vouchers"],
      ["/seller/profile", "/seller/profile"],
      ["/seller/payout-account", "/seller/payout-account"],
      ["/seller/helpers", "/seller/helpers"],
    ];
    const seen = await Promise.all(
      expected.map(async ([path]) => {
        const p = await page(path, cookies.producer);
        const [nav, ...more] = navs(p, SELLER_NAV);
        return { path, status: p.status, navs: more.length + (nav ? 1 : 0), current: nav ? current(nav) : [], h1: p.doc.querySelectorAll("main h1").length };
      }),
    );
    expect(seen).toEqual(expected.map(([path, section]) => ({ path, status: 200, navs: 1, current: [section], h1: 1 })));
  });

  it("makes the home page's sections big cards, with what waits in the orders inbox", async () => {
    const home = await page("/seller", cookies.producer);
    expect(home.status).toBe(200);
    const [cards, ...more] = navs(home, SELLER_NAV);
    expect(more).toEqual([]);
    expect(links(cards!)).toEqual(["/seller/stall", "/seller/orders", "/seller/complaints", "/seller/products", "/seller/questions", "/seller/import", "/seller/media", "/seller/vouchers", "/seller/identity", "/seller/profile", "/seller/payout-account", "/seller/helpers"]);
    expect(current(cards!)).toEqual([]);
    const paid = server.db
      .prepare(
        "SELECT COUNT(*) AS n FROM order_parts pt JOIN producers p ON p.id = pt.producer_id JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local' AND pt.status = 'paid'",
      )
      .get() as { n: number };
    const orders = cards!.querySelector('a[href="/seller/orders"]')!.textContent.replace(/\s+/g, " ").trim();
    expect(orders).toBe(paid.n > 0 ? `Đơn hàng cần giao ${paid.n} đơn mới đã thanh toán` : "Đơn hàng cần giao");
  });

  it("shows a helper's banner on every portal page while the helper acts for a producer, and only the pages a helper may open", async () => {
    const banner = `Bạn đang làm việc thay cho: ${producerName}`;
    for (const path of ["/seller", "/seller/products", "/seller/orders", "/seller/import", "/seller/media", "/seller/vouchers"]) {
      const p = await page(path, cookies.helper);
      expect(p.status, path).toBe(200);
      expect(p.text.split(banner).length - 1, path).toBe(1);
      expect(p.text, path).toContain(`${banner} · Đổi cơ sở`);
    }
    const products = await page("/seller/products", cookies.helper);
    expect(links(navs(products, SELLER_NAV)[0]!)).toEqual(["/seller", "/seller/stall", "/seller/orders", "/seller/complaints", "/seller/products", "/seller/questions", "/seller/import", "/seller/media", "/seller/vouchers", "/seller/identity"]);
    // The producer's own profile (like its payout account and helpers) is not a helper's: refused inside the portal's frame.
    const profile = await page("/seller/profile", cookies.helper);
    expect(profile.status).toBe(403);
    expect(profile.doc.querySelector("main h1")?.textContent).toBe("Không có quyền truy cập");
    expect(profile.text).toContain(banner);
    expect(navs(profile, SELLER_NAV)).toHaveLength(1);
    // The producer sees no banner.
    expect((await page("/seller/products", cookies.producer)).text).not.toContain("Bạn đang làm việc thay cho");
  });

  it("renders a missing product as a Vietnamese 404 page inside the portal, its section still marked", async () => {
    const missing = await page("/seller/products/999999", cookies.producer);
    expect(missing.status).toBe(404);
    expect(missing.doc.querySelector("main h1")?.textContent).toBe("Không tìm thấy trang");
    expect(missing.text).toContain("Trang bạn tìm không tồn tại hoặc đã được gỡ.");
    const [nav, ...more] = navs(missing, SELLER_NAV);
    expect(more).toEqual([]);
    expect(current(nav!)).toEqual(["/seller/products"]);
    expect(missing.doc.querySelector("title")?.textContent).toBe("Không tìm thấy trang | Chợ OCOP");
  });

  it("refuses a shopper every portal page with the Vietnamese 403 page and no portal navigation", async () => {
    for (const path of ["/seller", "/seller/orders", "/seller/products", "/seller/products/new", "/seller/profile"]) {
      const p = await page(path, cookies.shopper);
      expect(p.status, path).toBe(403);
      expect(p.doc.querySelector("main h1")?.textContent, path).toBe("Không có quyền truy cập");
      expect(navs(p, SELLER_NAV), path).toEqual([]);
      expect(p.text, path).not.toContain(producerName);
    }
    const anonymous = await fetch(`${server.url}/seller/orders`, { redirect: "manual" });
    expect([anonymous.status, anonymous.headers.get("location")]).toEqual([302, "/login?redirectTo=%2Fseller%2Forders"]);
  });
});

describe("the staff console's layout", () => {
  it("shows its section navigation and the staff member's scope once on every page, the current section marked", async () => {
    const expected: [string, string][] = [
      ["/staff/producers", "/staff/producers"],
      ["/staff/certificates", "/staff/certificates"],
      ["/staff/certificates/new", "/staff/certificates"],
      ["/staff/collections", "/staff/collections"],
      ["/staff/campaigns", "/staff/campaigns"],
      ["/staff/campaigns/new", "/staff/campaigns"],
      ["/staff/moderation", "/staff/moderation"],
      ["/staff/payments", "/staff/payments"],
      ["/staff/payouts", "/staff/payouts"],
      ["/staff/dashboard", "/staff/dashboard"],
      ["/staff/audit", "/staff/audit"],
    ];
    const seen = await Promise.all(
      expected.map(async ([path]) => {
        const p = await page(path, cookies.staff);
        const [nav, ...more] = navs(p, STAFF_NAV);
        return {
          path,
          status: p.status,
          navs: more.length + (nav ? 1 : 0),
          current: nav ? current(nav) : [],
          scope: p.text.split("Phạm vi: Cần Thơ").length - 1,
        };
      }),
    );
    expect(seen).toEqual(expected.map(([path, section]) => ({ path, status: 200, navs: 1, current: [section], scope: 1 })));
  });

  it("lists the sections as the home page's cards, with the producers waiting for verification", async () => {
    const home = await page("/staff", cookies.staff);
    const [cards, ...more] = navs(home, STAFF_NAV);
    expect(more).toEqual([]);
    expect(links(cards!)).toEqual([
      "/staff/producers",
      "/staff/certificates",
      "/staff/collections",
      "/staff/campaigns",
      "/staff/moderation",
      "/staff/questions",
      "/staff/payments",
      "/staff/payouts",
      "/staff/shipments",
      "/staff/messages",
      "/staff/complaints",
      "/staff/tax",
      "/staff/dashboard",
      "/staff/audit",
    ]);
    expect(home.doc.querySelector("main h1")?.textContent).toBe("Bảng điều khiển cán bộ");
    expect(home.text).toContain("Phạm vi: Cần Thơ");
    const central = await page("/staff", await signIn(server, "admin@demo.local"));
    expect(central.text).toContain("Phạm vi: cả nước");
  });

  it("speaks English to a visitor who chose it", async () => {
    const chose = await post("/lang", cookies.staff, { lang: "en", redirectTo: "/staff/audit" });
    const english = [cookies.staff, cookieOf(chose)].join("; ");
    const audit = await page("/staff/audit", english);
    const [nav] = navs(audit, "Staff console sections");
    expect(current(nav!)).toEqual(["/staff/audit"]);
    expect(nav!.querySelector('a[href="/staff"]')?.textContent).toBe("Staff console");
  });

  it("renders a missing certificate as a Vietnamese 404 page inside the console", async () => {
    const missing = await page("/staff/certificates/999999", cookies.staff);
    expect(missing.status).toBe(404);
    expect(missing.doc.querySelector("main h1")?.textContent).toBe("Không tìm thấy trang");
    expect(current(navs(missing, STAFF_NAV)[0]!)).toEqual(["/staff/certificates"]);
  });

  it("refuses a producer and a shopper every console page, without the console's navigation", async () => {
    for (const who of ["producer", "shopper"] as const) {
      for (const path of ["/staff", "/staff/producers", "/staff/audit"]) {
        const p = await page(path, cookies[who]);
        expect(p.status, `${who} ${path}`).toBe(403);
        expect(p.doc.querySelector("main h1")?.textContent).toBe("Không có quyền truy cập");
        expect(navs(p, STAFF_NAV)).toEqual([]);
      }
    }
  });
});
