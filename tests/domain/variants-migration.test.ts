import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Migration 0016 (ADR 0020) on a database as it was before sizes existed: every product becomes one
 * unnamed size with its price, stock and weight; carts and order lines point at it; nothing is lost.
 */
const SIZES_MIGRATION = "0016_product_variants";

function migrationsUpTo(lastTag: string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ocop-migrations-"));
  cpSync(path.resolve("drizzle"), dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  if (lastTag) journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === lastTag));
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

function databaseBeforeSizes() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ocop-before-sizes-")), "ocop.db");
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: migrationsUpTo(SIZES_MIGRATION) });
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
  run("INSERT INTO provinces (code, name, name_en, full_name, full_name_en, slug, region) VALUES ('92', 'Cần Thơ', 'Can Tho', 'Thành phố Cần Thơ', 'Can Tho City', 'can-tho', 'south')");
  run("INSERT INTO wards (code, province_code, name, name_en, full_name) VALUES ('31684', '92', 'Mỹ Xuyên', 'My Xuyen', 'Phường Mỹ Xuyên')");
  run("INSERT INTO users (id, full_name, role, email) VALUES (1, 'Người mua', 'shopper', 'mua@example.vn')");
  run(
    `INSERT INTO producers (id, slug, name, entity_type, province_code, ward_code, address_line, verification_status)
     VALUES (1, 'htx-ong-cua', 'HTX Ông Cua', 'cooperative', '92', '31684', 'Ấp Hòa Phuông', 'approved')`,
  );
  const product = (id: number, name: string, price: number, stock: number, weight: number) =>
    run(
      `INSERT INTO products (id, slug, producer_id, province_code, group_code, name, unit, price_vnd, stock, weight_grams, status)
       VALUES (?, ?, 1, '92', 'food', ?, 'túi', ?, ?, ?, 'live')`,
      id,
      `san-pham-${id}`,
      name,
      price,
      stock,
      weight,
    );
  product(1, "Gạo ST25", 185_000, 420, 5_000);
  product(2, "Bánh pía", 90_000, 0, 500);
  product(3, "Lạp xưởng", 120_000, 40, 500);
  run("INSERT INTO carts (id, user_id, updated_at) VALUES (1, 1, 1)");
  run("INSERT INTO cart_items (cart_id, product_id, quantity, added_at) VALUES (1, 1, 2, 10), (1, 3, 1, 11)");
  run(
    `INSERT INTO orders (id, code, access_token_hash, user_id, full_name, phone, province_code, ward_code, address_line, payment_method,
       payment_status, goods_total_vnd, shipping_total_vnd, total_vnd, commission_basis_points, expires_at)
     VALUES (1, 'OCABCDEFGH23', 'x', 1, 'Người mua', '0912345678', '92', '31684', '12 đường 3/2', 'vietqr', 'paid', 460000, 20000, 480000, 500, 0)`,
  );
  run(
    `INSERT INTO order_parts (id, order_id, producer_id, status, goods_total_vnd, shipping_fee_vnd, total_vnd, commission_vnd, weight_grams, updated_at)
     VALUES (1, 1, 1, 'delivered', 460000, 20000, 480000, 23000, 11000, 1)`,
  );
  run(
    `INSERT INTO order_items (id, order_id, part_id, product_id, product_name, unit, unit_price_vnd, quantity, line_total_vnd)
     VALUES (1, 1, 1, 1, 'Gạo ST25', 'túi', 185000, 2, 370000), (2, 1, 1, 2, 'Bánh pía', 'hộp', 90000, 1, 90000)`,
  );
  run("INSERT INTO reviews (product_id, order_id, user_id, author_name, stars, body) VALUES (1, 1, 1, 'Người mua', 5, 'Gạo thơm, dẻo.')");
  return sqlite;
}

const rows = (sqlite: Database.Database, sql: string) => sqlite.prepare(sql).all();

describe("migration 0016: product sizes", () => {
  it("keeps every product, cart line, order line and review, each product now sold in one unnamed size", () => {
    const sqlite = databaseBeforeSizes();
    const before = {
      products: rows(sqlite, "SELECT id, slug, name, price_vnd, stock, weight_grams, status FROM products ORDER BY id"),
      orderItems: rows(sqlite, "SELECT id, product_id, product_name, unit_price_vnd, quantity, line_total_vnd FROM order_items ORDER BY id"),
      reviews: rows(sqlite, "SELECT * FROM reviews ORDER BY id"),
    };

    migrate(drizzle(sqlite), { migrationsFolder: migrationsUpTo(null) });

    expect(rows(sqlite, "SELECT id, slug, name, price_vnd, stock, weight_grams, status FROM products ORDER BY id")).toEqual(before.products);
    expect(rows(sqlite, "SELECT id, product_id, product_name, unit_price_vnd, quantity, line_total_vnd FROM order_items ORDER BY id")).toEqual(before.orderItems);
    expect(rows(sqlite, "SELECT * FROM reviews ORDER BY id")).toEqual(before.reviews);
    expect(rows(sqlite, "SELECT product_id, label, price_vnd, stock, weight_grams, archived_at FROM product_variants ORDER BY product_id")).toEqual([
      { product_id: 1, label: "", price_vnd: 185_000, stock: 420, weight_grams: 5_000, archived_at: null },
      { product_id: 2, label: "", price_vnd: 90_000, stock: 0, weight_grams: 500, archived_at: null },
      { product_id: 3, label: "", price_vnd: 120_000, stock: 40, weight_grams: 500, archived_at: null },
    ]);
    expect(rows(sqlite, "SELECT id, max_price_vnd FROM products ORDER BY id")).toEqual([
      { id: 1, max_price_vnd: 185_000 },
      { id: 2, max_price_vnd: 90_000 },
      { id: 3, max_price_vnd: 120_000 },
    ]);
    // Each order line and cart line points at its product's size.
    expect(rows(sqlite, "SELECT i.id, v.product_id = i.product_id AS same, i.variant_label FROM order_items i JOIN product_variants v ON v.id = i.variant_id ORDER BY i.id")).toEqual([
      { id: 1, same: 1, variant_label: "" },
      { id: 2, same: 1, variant_label: "" },
    ]);
    expect(rows(sqlite, "SELECT c.cart_id, v.product_id, c.quantity, c.added_at FROM cart_items c JOIN product_variants v ON v.id = c.variant_id ORDER BY v.product_id")).toEqual([
      { cart_id: 1, product_id: 1, quantity: 2, added_at: 10 },
      { cart_id: 1, product_id: 3, quantity: 1, added_at: 11 },
    ]);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  });

  it("keeps the product's summary in step with its sizes from then on", () => {
    const sqlite = databaseBeforeSizes();
    migrate(drizzle(sqlite), { migrationsFolder: migrationsUpTo(null) });
    const summary = () => sqlite.prepare("SELECT price_vnd, max_price_vnd, stock, weight_grams FROM products WHERE id = 1").get();
    sqlite.prepare("UPDATE product_variants SET label = 'Túi 5 kg' WHERE product_id = 1").run();
    sqlite.prepare("INSERT INTO product_variants (product_id, label, price_vnd, stock, weight_grams, position) VALUES (1, 'Túi 2 kg', 79000, 200, 2000, 1)").run();
    expect(summary()).toEqual({ price_vnd: 79_000, max_price_vnd: 185_000, stock: 620, weight_grams: 5_000 });
    sqlite.prepare("UPDATE product_variants SET stock = stock - 20 WHERE product_id = 1 AND label = 'Túi 5 kg'").run();
    expect(summary()).toMatchObject({ stock: 600 });
    sqlite.prepare("UPDATE product_variants SET archived_at = 1 WHERE product_id = 1 AND label = 'Túi 5 kg'").run();
    expect(summary()).toEqual({ price_vnd: 79_000, max_price_vnd: 79_000, stock: 200, weight_grams: 2_000 });
    // A new product gets its first size from the database itself.
    sqlite
      .prepare("INSERT INTO products (id, slug, producer_id, province_code, group_code, name, unit, price_vnd, stock, weight_grams) VALUES (9, 'moi', 1, '92', 'food', 'Mới', 'hộp', 50000, 7, 300)")
      .run();
    expect(rows(sqlite, "SELECT label, price_vnd, stock, weight_grams FROM product_variants WHERE product_id = 9")).toEqual([
      { label: "", price_vnd: 50_000, stock: 7, weight_grams: 300 },
    ]);
  });
});
