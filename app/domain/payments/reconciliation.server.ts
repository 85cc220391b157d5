import { and, desc, eq, lt, min } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { orders, reconciliationRuns } from "~/db/schema";
import { settings } from "~/settings.server";
import type { SessionUser } from "../accounts/sessions.server";
import { receiveTransfer, type IncomingTransfer, type TransferProvider } from "./incoming-transfer.server";
import { fetchCassoTransfers } from "./providers/casso.server";
import { cancelLapsedPayosLinks, fetchPayosTransfers } from "./providers/payos.server";
import { fetchMomoTransfers } from "./providers/momo.server";
import { fetchSepayTransfers } from "./providers/sepay.server";
import { fetchVnpayTransfers } from "./providers/vnpay.server";

/**
 * A provider that can be asked what it holds: `fetch` answers the transactions it reports for the
 * orders still awaiting payment (null: none awaits, no call made). `configured` says whether the
 * operator switched its query API on.
 */
interface Reconciler {
  provider: TransferProvider;
  configured: () => boolean;
  fetch: () => Promise<IncomingTransfer[] | null | undefined>;
}

/** Look back a little before the oldest waiting order: bank and provider clocks differ. */
const CLOCK_SLACK_MS = 10 * 60 * 1000;

/** The moment from which an account's transaction list must be read: the oldest VietQR order still unpaid. */
function transferOrdersWaitingSince(): number | null {
  const since = getDb()
    .select({ since: min(orders.createdAt) })
    .from(orders)
    .where(and(eq(orders.paymentStatus, "unpaid"), eq(orders.paymentMethod, "vietqr")))
    .get()?.since;
  return since == null ? null : since - CLOCK_SLACK_MS;
}

const fromAccountList = (fetch: (since: number) => Promise<IncomingTransfer[] | undefined>) => async () => {
  const since = transferOrdersWaitingSince();
  return since === null ? null : fetch(since);
};

const RECONCILERS: Reconciler[] = [
  { provider: "sepay", configured: () => Boolean(settings.sepay?.apiToken), fetch: fromAccountList(fetchSepayTransfers) },
  { provider: "casso", configured: () => Boolean(settings.casso?.apiKey), fetch: fromAccountList(fetchCassoTransfers) },
  { provider: "payos", configured: () => Boolean(settings.payos), fetch: fetchPayosTransfers },
  { provider: "vnpay", configured: () => Boolean(settings.vnpay), fetch: fetchVnpayTransfers },
  { provider: "momo", configured: () => Boolean(settings.momo), fetch: fetchMomoTransfers },
];

/** Runs are kept a month, enough to see when a provider stopped answering. */
const KEEP_RUNS_MS = 30 * 24 * 60 * 60 * 1000;

let running = false;

/**
 * Asks every configured provider what it holds for the orders still awaiting payment (SePay's and
 * Casso's transaction lists, payOS's link status, VNPay's querydr, MoMo's query) and passes each transaction through
 * receiveTransfer, the very path of the webhooks: what a webhook lost is applied, what it delivered is
 * recognised by the provider's id and changes nothing. Safe beside the webhooks and beside the same
 * job in another process for that reason (each transaction's first writer wins under BEGIN
 * IMMEDIATE). Also cancels at payOS the links of lapsed orders. Each provider's run is recorded,
 * errors included; never throws.
 */
export async function reconcileTransfers(now = Date.now()): Promise<void> {
  // One pass at a time in this process: a slow provider must not stack up passes.
  if (running) return;
  running = true;
  try {
    for (const reconciler of RECONCILERS) {
      if (reconciler.configured()) await reconcileOne(reconciler, now);
    }
    await cancelLapsedPayosLinks().catch((error) => console.error("payOS links could not be cancelled", error));
    getDb().delete(reconciliationRuns).where(lt(reconciliationRuns.startedAt, now - KEEP_RUNS_MS)).run();
  } catch (error) {
    console.error("Payment reconciliation failed", error);
  } finally {
    running = false;
  }
}

async function reconcileOne(reconciler: Reconciler, now: number) {
  let fetched = 0;
  let found = 0;
  let applied = 0;
  let error: string | null = null;
  try {
    // Null when nothing awaits: no call, but the run is recorded, so staff see the job is alive.
    const transfers = (await reconciler.fetch()) ?? [];
    fetched = transfers.length;
    for (const transfer of transfers) {
      const receipt = receiveTransfer(transfer);
      if (receipt.redelivered) continue;
      found++;
      if (receipt.outcome === "applied") applied++;
    }
  } catch (cause) {
    error = (cause instanceof Error ? cause.message : String(cause)).slice(0, 300);
  }
  getDb()
    .insert(reconciliationRuns)
    .values({ provider: reconciler.provider, startedAt: now, finishedAt: Date.now(), fetched, found, applied, error })
    .run();
}

export interface ReconciliationStatus {
  provider: TransferProvider;
  /** Null when it has not run yet. */
  lastRun: { startedAt: number; fetched: number; found: number; applied: number; error: string | null } | null;
}

/** Per configured provider, its latest reconciliation run; for staff (every province's orders go through it). */
export function reconciliationStatus(staff: SessionUser): ReconciliationStatus[] {
  if (staff.role !== "staff" && staff.role !== "central_staff") return [];
  return RECONCILERS.filter((r) => r.configured()).map(({ provider }) => ({
    provider,
    lastRun:
      getDb()
        .select({
          startedAt: reconciliationRuns.startedAt,
          fetched: reconciliationRuns.fetched,
          found: reconciliationRuns.found,
          applied: reconciliationRuns.applied,
          error: reconciliationRuns.error,
        })
        .from(reconciliationRuns)
        .where(eq(reconciliationRuns.provider, provider))
        .orderBy(desc(reconciliationRuns.startedAt), desc(reconciliationRuns.id))
        .limit(1)
        .get() ?? null,
  }));
}
