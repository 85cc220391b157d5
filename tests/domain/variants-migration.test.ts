import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { databaseBeforeSizes, migrationsUpTo } from "../setup/before-sizes";

/**
 * Migration 0016 (ADR 0020) on a database as it was before sizes existed: every product becomes one
 * unnamed size with its price, stock and weight; carts and order lines point at it; nothing is lost.
 */
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
