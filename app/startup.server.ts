import { getDb, optimizeDatabase } from "./db/client.server";
import { expireLapsedCertificates } from "./domain/certification/expiry.server";
import { startMessageWorker } from "./domain/messages/worker.server";
import { forgetStaleGuestCarts } from "./domain/orders/cart.server";
import { expireLapsedOrders } from "./domain/payments/payments.server";
import { expireLapsedStripeOrders } from "./domain/payments/stripe.server";

const HOURLY = 60 * 60 * 1000;
const EVERY_MINUTE = 60 * 1000;
let ready: Promise<void> | undefined;

/**
 * Opens and migrates the database and starts upkeep. Runs once. The demo data is seeded before the
 * server starts, by `scripts/seed.ts --if-empty` (npm start, npm run dev): the app never carries the seed.
 */
export function startup(): Promise<void> {
  ready ??= (async () => {
    const db = getDb();
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
    // The outbox's delivery (ADR 0024): safe in every process at once, each claims its own rows.
    startMessageWorker();
  })();
  return ready;
}
