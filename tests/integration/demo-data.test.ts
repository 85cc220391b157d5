import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { verifyPassword } from "~/domain/accounts/password.server";
import { todayInVietnam } from "~/domain/shared/dates";

const db = new Database(inject("templateDb"), { readonly: true });
afterAll(() => db.close());

const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const PUBLIC = "p.status = 'live' AND p.producer_verified = 1";

describe("the demo data seeded into an empty database", () => {
  it("has at least 80 public products from at least 30 producers", () => {
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM products p WHERE ${PUBLIC}`).n).toBeGreaterThanOrEqual(80);
    expect(one<{ n: number }>("SELECT count(DISTINCT producer_id) AS n FROM products p WHERE " + PUBLIC).n).toBeGreaterThanOrEqual(30);
  });

  it("covers all six groups and all 34 provinces with public goods", () => {
    const groups = all<{ g: string }>(`SELECT DISTINCT group_code AS g FROM products p WHERE ${PUBLIC}`).map((r) => r.g);
    expect(groups.sort()).toEqual(["beverage", "food", "handicraft", "herbal", "ornamental", "tourism"]);
    expect(one<{ n: number }>(`SELECT count(DISTINCT province_code) AS n FROM products p WHERE ${PUBLIC}`).n).toBe(34);
    // ... and each of them with at least one product whose badge shows today.
    expect(
      one<{ n: number }>(`SELECT count(DISTINCT province_code) AS n FROM products p WHERE ${PUBLIC} AND badge_expires_on > ?`, todayInVietnam()).n,
    ).toBe(34);
  });

  it("has 3★, 4★ and 5★ certificates, all marked DEMO, some expired and exactly one revoked", () => {
    const stars = all<{ stars: number }>("SELECT DISTINCT stars FROM certificates ORDER BY stars").map((r) => r.stars);
    expect(stars).toEqual([3, 4, 5]);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM certificates WHERE number NOT LIKE '%DEMO%' OR is_demo = 0").n).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM certificates WHERE expires_on <= ?", todayInVietnam()).n).toBeGreaterThan(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM certificates WHERE status = 'revoked'").n).toBe(1);
    // 5★ is central; 3★ and 4★ are provincial (Decision 1489/QĐ-TTg).
    expect(one<{ n: number }>("SELECT count(*) AS n FROM certificates WHERE (stars = 5) != (issuer_level = 'central')").n).toBe(0);
  });

  it("has the four demo accounts with the password demo-password", async () => {
    const users = all<{ email: string; role: string; province_code: string | null; password_hash: string }>(
      "SELECT email, role, province_code, password_hash FROM users ORDER BY email",
    );
    expect(users.map(({ email, role, province_code }) => ({ email, role, province_code }))).toEqual([
      { email: "admin@demo.local", role: "central_staff", province_code: null },
      { email: "producer@demo.local", role: "producer", province_code: null },
      { email: "shopper@demo.local", role: "shopper", province_code: null },
      { email: "staff@demo.local", role: "staff", province_code: "92" },
    ]);
    expect(await verifyPassword("demo-password", users[0]!.password_hash)).toBe(true);
    expect(await verifyPassword("wrong-password", users[0]!.password_hash)).toBe(false);
  });

  it("gives producer@demo.local a verified cooperative in Cần Thơ with certified products", () => {
    const producer = one<{ id: number; entity_type: string; province_code: string; verification_status: string }>(
      "SELECT pr.* FROM producers pr JOIN users u ON u.id = pr.owner_user_id WHERE u.email = 'producer@demo.local'",
    );
    expect(producer).toMatchObject({ entity_type: "cooperative", province_code: "92", verification_status: "approved" });
    expect(
      one<{ n: number }>("SELECT count(*) AS n FROM products WHERE producer_id = ? AND badge_expires_on > ?", producer.id, todayInVietnam()).n,
    ).toBeGreaterThan(0);
  });

  it("has a photo on disk, as WebP, for every product", () => {
    expect(one<{ n: number }>("SELECT count(*) AS n FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_photos WHERE product_id = p.id)").n).toBe(0);
    for (const { file } of all<{ file: string }>("SELECT file FROM product_photos")) {
      expect(file).toMatch(/^products\/[a-f0-9]{32}\.webp$/);
      expect(existsSync(path.join(inject("uploadsDir"), file))).toBe(true);
    }
  });

  it("has a year of orders, busier in the weeks before Tết, with a ledger that adds up", () => {
    const DAY = 86_400_000;
    const months = all<{ m: string; n: number }>(
      "SELECT strftime('%Y-%m', created_at / 1000, 'unixepoch') AS m, count(*) AS n FROM orders GROUP BY m ORDER BY m",
    );
    expect(months.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThanOrEqual(250);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM orders WHERE created_at < ?", Date.now() - 300 * DAY).n).toBeGreaterThan(0);
    expect(months.length).toBeGreaterThanOrEqual(12);
    // The four weeks before a Tết hold more orders than any four weeks of the usual months.
    const before = (tet: string) => {
      const t = Date.parse(`${tet}T00:00:00+07:00`);
      return one<{ n: number }>("SELECT count(*) AS n FROM orders WHERE created_at BETWEEN ? AND ?", t - 28 * DAY, t).n;
    };
    const rush = Math.max(before("2026-02-17"), before("2027-02-06"), before("2028-01-26"));
    expect(rush).toBeGreaterThan((1.8 * months.reduce((sum, r) => sum + r.n, 0) * 28) / 365);
    // Every paid part is in the ledger: commission plus the producer's share is the part's total.
    const unbalanced = one<{ n: number }>(
      `SELECT count(*) AS n FROM order_parts op WHERE op.status IN ('paid', 'confirmed', 'shipped', 'delivered')
         AND (SELECT coalesce(sum(amount_vnd), 0) FROM ledger_entries l WHERE l.part_id = op.id AND l.account IN ('commission', 'producer_pending', 'producer_payable')) != op.total_vnd`,
    );
    expect(unbalanced.n).toBe(0);
  });

  it("gives the demo cooperative an Agribank account, work in its inbox and millions of đồng to pay out", () => {
    const producer = one<{ id: number; name: string; bank_bin: string; bank_account_no: string; bank_account_name: string }>(
      "SELECT pr.* FROM producers pr JOIN users u ON u.id = pr.owner_user_id WHERE u.email = 'producer@demo.local'",
    );
    expect(producer.bank_bin).toBe("970405");
    expect(producer.bank_account_no).toMatch(/^\d{6,19}$/);
    expect(producer.bank_account_name).toMatch(/^HTX NONG NGHIEP [A-Z ]+$/);
    const parts = Object.fromEntries(
      all<{ status: string; n: number }>("SELECT status, count(*) AS n FROM order_parts WHERE producer_id = ? GROUP BY status", producer.id).map((r) => [r.status, r.n]),
    );
    expect(parts).toMatchObject({ paid: expect.any(Number), shipped: expect.any(Number) });
    expect(parts.delivered).toBeGreaterThanOrEqual(20);
    const payable = one<{ s: number }>("SELECT sum(amount_vnd) AS s FROM ledger_entries WHERE producer_id = ? AND account = 'producer_payable'", producer.id).s;
    expect(payable).toBeGreaterThanOrEqual(2_000_000);
  });

  it("has the demo shopper's own orders in several states", () => {
    const states = all<{ status: string }>(
      "SELECT DISTINCT op.status FROM orders o JOIN order_parts op ON op.order_id = o.id JOIN users u ON u.id = o.user_id WHERE u.email = 'shopper@demo.local'",
    ).map((r) => r.status);
    expect(states).toEqual(expect.arrayContaining(["delivered", "shipped", "paid", "cancelled"]));
  });

  it("has a few dozen reviews, all from buyers of delivered goods, counted in the products' ratings", () => {
    const reviews = one<{ n: number; stars: number }>("SELECT count(*) AS n, avg(stars) AS stars FROM reviews").n;
    expect(reviews).toBeGreaterThanOrEqual(30);
    const unverified = one<{ n: number }>(
      `SELECT count(*) AS n FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM order_items i JOIN order_parts op ON op.id = i.part_id
         WHERE i.order_id = r.order_id AND i.product_id = r.product_id AND op.status = 'delivered')`,
    );
    expect(unverified.n).toBe(0);
    const mismatched = one<{ n: number }>(
      `SELECT count(*) AS n FROM products p WHERE p.rating_count != (SELECT count(*) FROM reviews r WHERE r.product_id = p.id AND r.withdrawn_at IS NULL)
         OR p.rating_sum != (SELECT coalesce(sum(stars), 0) FROM reviews r WHERE r.product_id = p.id AND r.withdrawn_at IS NULL)`,
    );
    expect(mismatched.n).toBe(0);
  });

  it("features only certified, live goods in running collections", () => {
    expect(one<{ n: number }>("SELECT count(*) AS n FROM collections WHERE starts_on <= ?", todayInVietnam()).n).toBeGreaterThanOrEqual(3);
    const uncertified = one<{ n: number }>(
      `SELECT count(*) AS n FROM collection_products cp JOIN products p ON p.id = cp.product_id
       WHERE NOT (${PUBLIC} AND p.badge_expires_on > ?)`,
      todayInVietnam(),
    );
    expect(uncertified.n).toBe(0);
  });
});
