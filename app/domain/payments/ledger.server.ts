import { prepared } from "~/db/prepared.server";

/**
 * The money ledger (ADR 0007): rows are only added, never edited; every balance is a sum.
 * Callers run these inside the transaction of the business action that moves the money.
 */
type Account = "commission" | "producer_pending" | "producer_payable" | "producer_paid_out" | "refunded";

interface PartMoney {
  id: number;
  orderId: number;
  producerId: number;
  totalVnd: number;
  commissionVnd: number;
}

function addRow(account: Account, amountVnd: number, part: PartMoney, memo: string, now: number) {
  if (amountVnd === 0) return;
  prepared(
    `INSERT INTO ledger_entries (account, amount_vnd, producer_id, order_id, part_id, memo, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(account, amountVnd, part.producerId, part.orderId, part.id, memo, now);
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
  const row = prepared("SELECT coalesce(sum(amount_vnd), 0) AS balance FROM ledger_entries WHERE part_id = ? AND account = ?").get(
    partId,
    account,
  ) as { balance: number };
  return row.balance;
}

/** A producer's balances: owed once delivered, payable now, and paid out so far. */
export function producerBalances(producerId: number): { pendingVnd: number; payableVnd: number; paidOutVnd: number } {
  const rows = prepared(
    "SELECT account, sum(amount_vnd) AS balance FROM ledger_entries WHERE producer_id = ? GROUP BY account",
  ).all(producerId) as { account: Account; balance: number }[];
  const of = (account: Account) => rows.find((r) => r.account === account)?.balance ?? 0;
  return { pendingVnd: of("producer_pending"), payableVnd: of("producer_payable"), paidOutVnd: of("producer_paid_out") };
}
