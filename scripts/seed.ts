/**
 * npm run db:seed                                         — the demo marketplace into DATABASE_PATH
 * npm run db:seed -- --products 100000 --producers 10000  — a large synthetic catalog, for benchmarks
 * npm run db:seed -- --products 100000 --producers 10000 --orders 200000
 *                                                         — the catalog and 200,000 orders over 18 months
 * npm run db:seed -- --orders 200000                      — orders into a database that has a catalog, none yet
 * All refuse a database that already has data (the last one: that already has orders).
 */
import { openDatabase, optimizeDatabase } from "~/db/client.server";
import { seedDemo } from "~/db/seed/demo.server";
import { generateCatalog } from "~/db/seed/generate.server";
import { generateOrders } from "~/db/seed/orders.server";
import { settings } from "~/settings.server";

function option(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

function seedOrders(db: ReturnType<typeof openDatabase>, orders: number) {
  const began = performance.now();
  const made = generateOrders(db, { orders, commissionPercent: settings.commissionPercent });
  console.log(`Generated ${made.orders} orders, ${made.parts} parts, ${made.items} lines in ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

const started = performance.now();
const db = openDatabase(settings.databasePath);
try {
  const products = option("products");
  const producers = option("producers");
  const orders = option("orders");
  if (products === undefined && producers === undefined && orders !== undefined) {
    const existing = db.$client.prepare("SELECT (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM orders) AS orders").get() as { products: number; orders: number };
    if (existing.products === 0) throw new Error(`${settings.databasePath} has no products to order; add --products and --producers`);
    if (existing.orders > 0) throw new Error(`${settings.databasePath} already has ${existing.orders} orders`);
    seedOrders(db, orders);
  } else if (products !== undefined || producers !== undefined) {
    const existing = db.$client.prepare("SELECT count(*) AS n FROM products").get() as { n: number };
    if (existing.n > 0) throw new Error(`${settings.databasePath} already has ${existing.n} products; use an empty DATABASE_PATH`);
    await generateCatalog(db, {
      products: products ?? 1000,
      producers: producers ?? Math.max(1, Math.round((products ?? 1000) / 10)),
      uploadsDir: settings.uploadsDir,
    });
    if (orders !== undefined) seedOrders(db, orders);
  } else {
    const { seeded } = await seedDemo(db, { uploadsDir: settings.uploadsDir });
    if (!seeded) throw new Error(`${settings.databasePath} already has data; the demo goes only into an empty database`);
  }
  optimizeDatabase(db);
  const counts = db.$client
    .prepare("SELECT (SELECT count(*) FROM producers) AS producers, (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM certificates) AS certificates, (SELECT count(*) FROM orders) AS orders")
    .get();
  console.log(`Seeded ${settings.databasePath} in ${((performance.now() - started) / 1000).toFixed(1)} s:`, counts);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
