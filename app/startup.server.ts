import { getDb, optimizeDatabase } from "./db/client.server";
import { DEMO_ACCOUNTS, seedDemo } from "./db/seed/demo.server";
import { expireLapsedCertificates } from "./domain/certification/expiry.server";
import { settings } from "./settings.server";

const HOURLY = 60 * 60 * 1000;
let ready: Promise<void> | undefined;

/** Opens and migrates the database, seeds the demo into an empty one when allowed, starts upkeep. Runs once. */
export function startup(): Promise<void> {
  ready ??= (async () => {
    const db = getDb();
    if (settings.seedDemo) {
      const { seeded } = await seedDemo(db, { uploadsDir: settings.uploadsDir });
      if (seeded) console.log("Demo data seeded into an empty database.");
      console.log("Demo accounts (password: demo-password):");
      for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(22)} ${account.description}`);
    }
    const upkeep = () => {
      expireLapsedCertificates(db);
      optimizeDatabase(db);
    };
    upkeep();
    setInterval(upkeep, HOURLY).unref();
  })();
  return ready;
}
