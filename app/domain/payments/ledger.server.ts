import { and, eq, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { ledgerEntries } from "~/db/schema";

/**
 * The money ledger (ADR 0007): rows are only added, never edited; every balance is a sum.
 * Callers run these inside the transaction of the business action that moves the money.
 */
type Account = (typeof ledgerEntries.$inferSelect)["account"];

interface PartMoney {
  id: number;
  orderId: number;
  producerId: number;
  totalVnd: number;
  commissionVnd: number;
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

/** Payment received for a part: the commission is the marketplace's, the rest is owed on delivery. */
export function recordPartPaid(part: PartMoney, now: number) {
  addRow("commission", part.commissionVnd, part, "payment", now);
  addRow("producer_pending", part.totalVnd - part.commissionVnd, part, "payment", now);
}

/** Delivered: the producer's share becomes payable. */
export function recordPartDelivered(part: PartMoney, now: number) {
  const pending = partBalance(part.id, "producer_pending");
  addRow("producer_pending", -pending, part, "delivered", now);
  addRow("producer_payable", pending, part, "delivered", now);
}

/** Nothing is owed for this part any more (cancelled after payment, or refunded): its shares are reversed. */
export function reversePartShares(part: PartMoney, memo: string, now: number) {
  for (const account of ["commission", "producer_pending", "producer_payable"] as const) {
    addRow(account, -partBalance(part.id, account), part, memo, now);
  }
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
