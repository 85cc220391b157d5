/**
 * npm run db:seed                                         — the demo marketplace into DATABASE_PATH
 * npm run db:seed -- --products 100000 --producers 10000  — a large synthetic catalog, for benchmarks
 * Both refuse a database that already has data.
 */
import { openDatabase, optimizeDatabase } from "~/db/client.server";
import { seedDemo } from "~/db/seed/demo.server";
import { generateCatalog } from "~/db/seed/generate.server";
import { settings } from "~/settings.server";

function option(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

const started = performance.now();
const db = openDatabase(settings.databasePath);
try {
  const products = option("products");
  const producers = option("producers");
  if (products !== undefined || producers !== undefined) {
    const existing = db.$client.prepare("SELECT count(*) AS n FROM products").get() as { n: number };
    if (existing.n > 0) throw new Error(`${settings.databasePath} already has ${existing.n} products; use an empty DATABASE_PATH`);
    await generateCatalog(db, {
      products: products ?? 1000,
      producers: producers ?? Math.max(1, Math.round((products ?? 1000) / 10)),
      uploadsDir: settings.uploadsDir,
    });
  } else {
    const { seeded } = await seedDemo(db, { uploadsDir: settings.uploadsDir });
    if (!seeded) throw new Error(`${settings.databasePath} already has data; the demo goes only into an empty database`);
  }
  optimizeDatabase(db);
  const counts = db.$client
    .prepare("SELECT (SELECT count(*) FROM producers) AS producers, (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM certificates) AS certificates")
    .get();
  console.log(`Seeded ${settings.databasePath} in ${((performance.now() - started) / 1000).toFixed(1)} s:`, counts);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
