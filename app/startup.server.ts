import { getDb } from "./db/client.server";
import { DEMO_ACCOUNTS, seedDemo } from "./db/seed/demo.server";
import { settings } from "./settings.server";

let ready: Promise<void> | undefined;

/** Opens and migrates the database, then seeds the demo into an empty one when allowed. Runs once. */
export function startup(): Promise<void> {
  ready ??= (async () => {
    const db = getDb();
    if (!settings.seedDemo) return;
    const { seeded } = await seedDemo(db, { uploadsDir: settings.uploadsDir });
    if (seeded) console.log("Demo data seeded into an empty database.");
    console.log("Demo accounts (password: demo-password):");
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(22)} ${account.description}`);
  })();
  return ready;
}
