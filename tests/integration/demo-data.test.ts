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
