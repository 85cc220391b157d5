import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { ledgerEntries, producers } from "~/db/schema";

/**
 * The money ledger (ADR 0007, ADR 0018): rows are only added, never edited; every balance is a sum.
 * The only module that reads or writes `ledger_entries`; orders and payments call it, it calls
 * neither. Callers run the writes inside the transaction of the business action that moves the money.
 */
type Account = (typeof ledgerEntries.$inferSelect)["account"];

interface PartMoney {
  id: number;
  orderId: number;
  producerId: number;
  totalVnd: number;
  commissionVnd: number;
  /** What the platform's campaigns took off this part (ADR 0019); 0 without a campaign. */
  platformDiscountVnd?: number;
}

// Every payment, delivery, cancellation and refund of a part writes and sums here: prepared once.
const insertPartRow = once(() =>
  getDb()
    .insert(ledgerEntries)
    .values({
      account: sql.placeholder("account"),
      amountVnd: sql.placeholder("amountVnd"),
      producerId: sql.placeholder("producerId"),
      orderId: sql.placeholder("orderId"),
      partId: sql.placeholder("partId"),
      memo: sql.placeholder("memo"),
      createdAt: sql.placeholder("now"),
    })
    .prepare(),
);

const partBalanceOf = once(() =>
  getDb()
    .select({ balance: sql<number>`coalesce(sum(${ledgerEntries.amountVnd}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.partId, sql.placeholder("partId")), eq(ledgerEntries.account, sql.placeholder("account"))))
    .prepare(),
);

// The seller's orders page shows these balances on every visit.
const producerAccountSums = once(() =>
  getDb()
    .select({ account: ledgerEntries.account, balance: sql<number>`sum(${ledgerEntries.amountVnd})` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.producerId, sql.placeholder("producerId")))
    .groupBy(ledgerEntries.account)
    .prepare(),
);

function addRow(account: Account, amountVnd: number, part: PartMoney, memo: string, now: number) {
  if (amountVnd === 0) return;
  insertPartRow().run({ account, amountVnd, producerId: part.producerId, orderId: part.orderId, partId: part.id, memo, now });
}

/**
 * Payment received for a part: the commission is the marketplace's, the rest is owed on delivery.
 * A platform campaign's discount (ADR 0019) is paid to the producer as if the goods were undiscounted
 * and booked as the platform's `campaign_cost` (negative), so the part's rows still sum to what was paid.
 */
export function recordPartPaid(part: PartMoney, now: number) {
  const platformDiscountVnd = part.platformDiscountVnd ?? 0;
  addRow("commission", part.commissionVnd, part, "payment", now);
  addRow("producer_pending", part.totalVnd + platformDiscountVnd - part.commissionVnd, part, "payment", now);
  addRow("campaign_cost", -platformDiscountVnd, part, "payment", now);
}

/** Delivered: the producer's share becomes payable. */
export function recordPartDelivered(part: PartMoney, now: number) {
  const pending = partBalance(part.id, "producer_pending");
  addRow("producer_pending", -pending, part, "delivered", now);
  addRow("producer_payable", pending, part, "delivered", now);
}

/** Nothing is owed for this part any more (cancelled after payment, or refunded): its shares are reversed. */
export function reversePartShares(part: PartMoney, memo: string, now: number) {
  for (const account of ["commission", "producer_pending", "producer_payable", "campaign_cost"] as const) {
    addRow(account, -partBalance(part.id, account), part, memo, now);
  }
}

/**
 * A market-stall sale paid into the platform's account (STALL_ACCOUNT=platform, issue 16): the whole
 * amount is payable to the producer at once (no commission on a face-to-face sale, nothing to deliver).
 */
export function recordStallSalePayable(producerId: number, amountVnd: number, saleCode: string, now: number) {
  getDb()
    .insert(ledgerEntries)
    .values({ account: "producer_payable", amountVnd, producerId, orderId: null, partId: null, memo: `stall ${saleCode}`, createdAt: now })
    .run();
}

/** Money sent back to the buyer for this part. */
export function recordRefund(part: PartMoney, amountVnd: number, now: number) {
  addRow("refunded", amountVnd, part, "refund", now);
}

function partBalance(partId: number, account: Account): number {
  // An aggregate always yields one row; coalesce makes a part without rows in the account 0.
  return partBalanceOf().get({ partId, account })?.balance ?? 0;
}

/** A producer's balances: owed once delivered, payable now, and paid out so far. */
export function producerBalances(producerId: number): { pendingVnd: number; payableVnd: number; paidOutVnd: number } {
  const rows = producerAccountSums().all({ producerId });
  const of = (account: Account) => rows.find((r) => r.account === account)?.balance ?? 0;
  return { pendingVnd: of("producer_pending"), payableVnd: of("producer_payable"), paidOutVnd: of("producer_paid_out") };
}

/**
 * Producers with money payable now (delivered and not yet paid out), largest first; only producers of
 * `provinceCode` when given.
 */
export function payableBalances(provinceCode: string | null, limit = 500): { producerId: number; payableVnd: number }[] {
  const payableVnd = sql<number>`sum(${ledgerEntries.amountVnd})`;
  const inProvince =
    provinceCode === null
      ? undefined
      : inArray(ledgerEntries.producerId, getDb().select({ id: producers.id }).from(producers).where(eq(producers.provinceCode, provinceCode)));
  return getDb()
    .select({ producerId: ledgerEntries.producerId, payableVnd })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, "producer_payable"), inProvince))
    .groupBy(ledgerEntries.producerId)
    .having(gt(payableVnd, 0))
    .orderBy(desc(payableVnd))
    .limit(limit)
    .all()
    // Rows of producer_payable always name a producer; the check tells the type so.
    .flatMap(({ producerId, payableVnd }) => (producerId === null ? [] : [{ producerId, payableVnd }]));
}

const payoutMemo = (reference: string) => `payout ${reference}`;

/** Whether a payout with this bank reference is already recorded for the producer. */
export function payoutRecorded(producerId: number, reference: string): boolean {
  return (
    getDb()
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.producerId, producerId), eq(ledgerEntries.account, "producer_paid_out"), eq(ledgerEntries.memo, payoutMemo(reference))))
      .get() !== undefined
  );
}

/** A bank transfer made to a producer: payable down, paid out up, both under the bank reference. */
export function recordPayoutMade(producerId: number, amountVnd: number, reference: string, now: number) {
  const memo = payoutMemo(reference);
  getDb()
    .insert(ledgerEntries)
    .values([
      { account: "producer_payable", amountVnd: -amountVnd, producerId, memo, createdAt: now },
      { account: "producer_paid_out", amountVnd, producerId, memo, createdAt: now },
    ])
    .run();
}

/** A producer's payouts, newest first, for its portal. */
export function payoutHistory(producerId: number): { amountVnd: number; memo: string; createdAt: number }[] {
  return getDb()
    .select({ amountVnd: ledgerEntries.amountVnd, memo: ledgerEntries.memo, createdAt: ledgerEntries.createdAt })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.producerId, producerId), eq(ledgerEntries.account, "producer_paid_out")))
    .orderBy(desc(ledgerEntries.id))
    .limit(50)
    .all();
}
