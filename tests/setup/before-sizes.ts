import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A database as it was before product sizes (migrations up to 0015), holding a producer, three
 * products, a cart, a delivered order of two lines and a review: what migration 0016 (ADR 0020) must
 * carry over whole. The order's secret link token is `BEFORE_SIZES_ORDER.token`.
 */
export const BEFORE_SIZES_ORDER = { code: "OCABCDEFGH23", token: "token-of-the-order-before-sizes" } as const;

const SIZES_MIGRATION = "0016_product_variants";

export function migrationsUpTo(lastTag: string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ocop-migrations-"));
  cpSync(path.resolve("drizzle"), dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  if (lastTag) journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === lastTag));
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

export function databaseBeforeSizes() {
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
     VALUES (1, '${BEFORE_SIZES_ORDER.code}', '${createHash("sha256").update(BEFORE_SIZES_ORDER.token).digest("hex")}', 1, 'Người mua', '0912345678', '92', '31684', '12 đường 3/2', 'vietqr', 'paid', 460000, 20000, 480000, 500, 0)`,
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

