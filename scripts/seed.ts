/**
 * npm run db:seed                                         — the demo marketplace into DATABASE_PATH
 * tsx scripts/seed.ts --if-empty [--demo]                 — what `npm start` and `npm run dev` run before
 *                                                           the server: the demo into an empty database
 *                                                           when SEED_DEMO allows, and the demo accounts
 * npm run db:seed -- --products 100000 --producers 10000  — a large synthetic catalog, for benchmarks
 * npm run db:seed -- --products 100000 --producers 10000 --orders 200000
 *                                                         — the catalog and 200,000 orders over 18 months
 * npm run db:seed -- --orders 200000                      — orders into a database that has a catalog, none yet
 * All refuse a database that already has data (the last one: that already has orders).
 */
import { count } from "drizzle-orm";
import { openDatabase, optimizeDatabase } from "~/db/client.server";
import * as schema from "~/db/schema";
import { DEMO_ACCOUNTS, DEMO_CAMPAIGN, DEMO_VOUCHER, seedDemo } from "./seed/demo.server";
import { generateCatalog } from "./seed/generate.server";
import { generateOrders } from "./seed/orders.server";
import { settings } from "~/settings.server";
import { expireLapsedCertificates } from "~/domain/certification/expiry.server";

type Db = ReturnType<typeof openDatabase>;
const rowsOf = (db: Db, table: typeof schema.products | typeof schema.orders | typeof schema.producers | typeof schema.certificates) =>
  db.select({ n: count() }).from(table).get()?.n ?? 0;

function option(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

function seedOrders(db: Db, orders: number) {
  const began = performance.now();
  const made = generateOrders(db, { orders, commissionPercent: settings.commissionPercent });
  console.log(`Generated ${made.orders} orders, ${made.parts} parts, ${made.items} lines in ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

/**
 * The demo for the start commands. The seed lives here, not in the app, so the server never carries
 * it: the app's startup only migrates and runs upkeep. "Unless SEED_DEMO=0; in production only when
 * asked" is settings.seedDemo, the same rule the server reads for --demo.
 */
async function seedDemoIfEmpty(db: Db) {
  if (!settings.seedDemo) return;
  const { seeded } = await seedDemo(db, { uploadsDir: settings.uploadsDir });
  if (seeded) {
    optimizeDatabase(db);
    console.log(`Demo data seeded into ${settings.databasePath}.`);
  }
  console.log("Demo accounts (password: demo-password):");
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(22)} ${account.description}`);
  console.log(`Demo campaign: /campaigns/${DEMO_CAMPAIGN.slug} (Cần Thơ, 92); demo voucher code: ${DEMO_VOUCHER.code} (${DEMO_VOUCHER.description})`);
}

const started = performance.now();
const db = openDatabase(settings.databasePath);
try {
  if (process.argv.includes("--if-empty")) {
    await seedDemoIfEmpty(db);
  } else {
    await seedAsAsked(db);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}

async function seedAsAsked(db: Db) {
  const products = option("products");
  const producers = option("producers");
  const orders = option("orders");
  if (products === undefined && producers === undefined && orders !== undefined) {
    if (rowsOf(db, schema.products) === 0) throw new Error(`${settings.databasePath} has no products to order; add --products and --producers`);
    const existingOrders = rowsOf(db, schema.orders);
    if (existingOrders > 0) throw new Error(`${settings.databasePath} already has ${existingOrders} orders`);
    seedOrders(db, orders);
  } else if (products !== undefined || producers !== undefined) {
    const existingProducts = rowsOf(db, schema.products);
    if (existingProducts > 0) throw new Error(`${settings.databasePath} already has ${existingProducts} products; use an empty DATABASE_PATH`);
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
  // Generated certificates dated in the past are stored as expired now, as the hourly upkeep would
  // mark them; otherwise the server's first upkeep does it for tens of thousands of products at once
  // (5 s on 100,000 products, with a worker's event loop held).
  expireLapsedCertificates(db);
  optimizeDatabase(db);
  const counts = {
    producers: rowsOf(db, schema.producers),
    products: rowsOf(db, schema.products),
    certificates: rowsOf(db, schema.certificates),
    orders: rowsOf(db, schema.orders),
  };
  console.log(`Seeded ${settings.databasePath} in ${((performance.now() - started) / 1000).toFixed(1)} s:`, counts);
}
