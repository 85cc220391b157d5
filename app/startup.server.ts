import { getDb, optimizeDatabase } from "./db/client.server";
import { DEMO_ACCOUNTS, seedDemo } from "./db/seed/demo.server";
import { expireLapsedCertificates } from "./domain/certification/expiry.server";
import { forgetStaleGuestCarts } from "./domain/orders/cart.server";
import { expireLapsedOrders } from "./domain/payments/payments.server";
import { expireLapsedStripeOrders } from "./domain/payments/stripe.server";
import { settings } from "./settings.server";

const HOURLY = 60 * 60 * 1000;
const EVERY_MINUTE = 60 * 1000;
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
      forgetStaleGuestCarts();
      optimizeDatabase(db);
    };
    upkeep();
    setInterval(upkeep, HOURLY).unref();
    // Unpaid orders give their stock back once their 30 minutes are up.
    const closeLapsedOrders = () => {
      expireLapsedOrders();
      expireLapsedStripeOrders().catch((error) => console.error("Stripe upkeep failed", error));
    };
    closeLapsedOrders();
    setInterval(closeLapsedOrders, EVERY_MINUTE).unref();
  })();
  return ready;
}
