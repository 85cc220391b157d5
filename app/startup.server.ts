import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getDb, optimizeDatabase } from "./db/client.server";
import { holdLease, releaseLease } from "./db/lease.server";
import { forgetOldRateLimits } from "./domain/accounts/rate-limit.server";
import { expireLapsedCertificates } from "./domain/certification/expiry.server";
import { escalateOverdueComplaints } from "./domain/complaints/complaints.server";
import { scheduleMessages, startMessageWorker } from "./domain/messages/worker.server";
import { forgetStaleGuestCarts } from "./domain/orders/cart.server";
import { expireLapsedOrders } from "./domain/payments/payments.server";
import { reconcileTransfers } from "./domain/payments/reconciliation.server";
import { expireLapsedStripeOrders } from "./domain/payments/stripe.server";
import { settings } from "./settings.server";

const HOURLY = 60 * 60 * 1000;
const EVERY_MINUTE = 60 * 1000;
// Renewed every minute; a worker that died hands the jobs on within three.
const UPKEEP_LEASE_MS = 3 * EVERY_MINUTE;
const PROCESS_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/** A lease holder of this machine whose process has ended (it was killed, or the server restarted). */
function goneFromThisMachine(holder: string): boolean {
  const [host, pid] = holder.split(":");
  if (host !== hostname() || !pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
let ready: Promise<void> | undefined;

/**
 * Opens and migrates the database and starts upkeep. Runs once per process. The demo data is seeded
 * before the server starts, by `scripts/seed.ts --if-empty` (npm start, npm run dev): the app never
 * carries the seed. With several workers on one file, the periodic jobs run in the one process that
 * holds the upkeep lease (ADR 0021); every worker asks each minute, so another takes over when it dies.
 */
export function startup(): Promise<void> {
  ready ??= (async () => {
    const db = getDb();
    let leading = false;
    let lastHourly = 0;
    const upkeep = () => {
      const now = Date.now();
      const holds = holdLease("upkeep", PROCESS_ID, UPKEEP_LEASE_MS, now, goneFromThisMachine);
      if (holds !== leading) {
        leading = holds;
        if (holds) console.log(`Periodic upkeep runs in process ${process.pid}`);
      }
      if (!holds) return;
      // Unpaid orders give their stock back once their 30 minutes are up.
      expireLapsedOrders();
      expireLapsedStripeOrders().catch((error) => console.error("Stripe upkeep failed", error));
      // Complaints the producer left unanswered for 48 hours go to the province's staff.
      escalateOverdueComplaints(now);
      if (now - lastHourly >= HOURLY) {
        lastHourly = now;
        expireLapsedCertificates(db);
        forgetStaleGuestCarts();
        forgetOldRateLimits(now);
        scheduleMessages();
        optimizeDatabase(db);
      }
    };
    upkeep();
    setInterval(upkeep, EVERY_MINUTE).unref();
    // Transfers a provider's webhook lost, caught from its transaction list (ADR 0023), by the process
    // holding the upkeep lease; never throws.
    setInterval(() => leading && void reconcileTransfers(), settings.paymentReconcileSeconds * 1000).unref();
    // The outbox's delivery (ADR 0024): safe in every process at once, each claims its own rows.
    startMessageWorker();
  })();
  return ready;
}

/** A process stopping cleanly hands the periodic jobs on at once instead of after its lease runs out. */
export function stopUpkeep() {
  if (ready) releaseLease("upkeep", PROCESS_ID);
}
