import { and, desc, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { ledgerEntries, orders, producers } from "~/db/schema";

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
      taxBaseVnd: sql.placeholder("taxBaseVnd"),
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

function addRow(account: Account, amountVnd: number, part: PartMoney, memo: string, now: number, taxBaseVnd: number | null = null) {
  if (amountVnd === 0) return;
  insertPartRow().run({ account, amountVnd, producerId: part.producerId, orderId: part.orderId, partId: part.id, memo, taxBaseVnd, now });
}

const TAX_ACCOUNTS = ["tax_vat_withheld", "tax_pit_withheld"] as const;

/** Tax withheld when a part is paid (ADR 0029): what the rules in domain/tax computed, and on what revenue. */
export interface Withheld {
  vatVnd: number;
  pitVnd: number;
  baseVnd: number;
}

/**
 * Payment received for a part: the commission is the marketplace's, the rest is owed on delivery.
 * A platform campaign's discount (ADR 0019) is paid to the producer as if the goods were undiscounted
 * and booked as the platform's `campaign_cost` (negative), so the part's rows still sum to what was paid.
 */
export function recordPartPaid(part: PartMoney, now: number, withheld: Withheld = { vatVnd: 0, pitVnd: 0, baseVnd: 0 }) {
  const platformDiscountVnd = part.platformDiscountVnd ?? 0;
  addRow("commission", part.commissionVnd, part, "payment", now);
  // Tax withheld from a household (ADR 0029) is the state's, taken off what the producer is owed.
  addRow("tax_vat_withheld", withheld.vatVnd, part, "payment", now, withheld.baseVnd);
  addRow("tax_pit_withheld", withheld.pitVnd, part, "payment", now, withheld.baseVnd);
  addRow("producer_pending", part.totalVnd + platformDiscountVnd - part.commissionVnd - withheld.vatVnd - withheld.pitVnd, part, "payment", now);
  addRow("campaign_cost", -platformDiscountVnd, part, "payment", now);
}

/** Delivered: the producer's share becomes payable. */
export function recordPartDelivered(part: PartMoney, now: number) {
  const pending = partBalance(part.id, "producer_pending");
  addRow("producer_pending", -pending, part, "delivered", now);
  addRow("producer_payable", pending, part, "delivered", now);
}

/**
 * Nothing is owed for this part any more (cancelled after payment, or refunded): its shares are reversed.
 * The tax withheld on it is reversed too, dated now: it offsets the month of the cancellation or refund.
 */
export function reversePartShares(part: PartMoney, memo: string, now: number) {
  for (const account of ["commission", "producer_pending", "producer_payable", "producer_held", "campaign_cost"] as const) {
    addRow(account, -partBalance(part.id, account), part, memo, now);
  }
  for (const account of TAX_ACCOUNTS) {
    const sums = partTaxSums().get({ partId: part.id, account });
    addRow(account, -(sums?.amountVnd ?? 0), part, memo, now, -(sums?.baseVnd ?? 0));
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

const partTaxSums = once(() =>
  getDb()
    .select({
      amountVnd: sql<number>`coalesce(sum(${ledgerEntries.amountVnd}), 0)`,
      baseVnd: sql<number>`coalesce(sum(${ledgerEntries.taxBaseVnd}), 0)`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.partId, sql.placeholder("partId")), eq(ledgerEntries.account, sql.placeholder("account"))))
    .prepare(),
);

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

/** What a producer had withheld so far (VAT + PIT, net of offsets), and what is held for open complaints. */
export function producerTaxAndHolds(producerId: number): { withheldVnd: number; heldVnd: number } {
  const rows = producerAccountSums().all({ producerId });
  const of = (account: Account) => rows.find((r) => r.account === account)?.balance ?? 0;
  return { withheldVnd: of("tax_vat_withheld") + of("tax_pit_withheld"), heldVnd: of("producer_held") };
}

export interface WithheldLine {
  orderCode: string;
  memo: string;
  createdAt: number;
  baseVnd: number;
  vatVnd: number;
  pitVnd: number;
}

/** Each withholding (and each offset of one) on a producer's sales, newest first, for its balance page. */
export function withheldLines(producerId: number, limit = 100): WithheldLine[] {
  return getDb()
    .select({
      orderCode: orders.code,
      memo: ledgerEntries.memo,
      createdAt: ledgerEntries.createdAt,
      baseVnd: sql<number>`coalesce(max(${ledgerEntries.taxBaseVnd}) filter (where ${ledgerEntries.account} = 'tax_vat_withheld'), 0)`,
      vatVnd: sql<number>`coalesce(sum(${ledgerEntries.amountVnd}) filter (where ${ledgerEntries.account} = 'tax_vat_withheld'), 0)`,
      pitVnd: sql<number>`coalesce(sum(${ledgerEntries.amountVnd}) filter (where ${ledgerEntries.account} = 'tax_pit_withheld'), 0)`,
    })
    .from(ledgerEntries)
    .innerJoin(orders, eq(orders.id, ledgerEntries.orderId))
    .where(and(eq(ledgerEntries.producerId, producerId), inArray(ledgerEntries.account, [...TAX_ACCOUNTS])))
    .groupBy(ledgerEntries.partId, ledgerEntries.memo, ledgerEntries.createdAt)
    .orderBy(desc(ledgerEntries.createdAt))
    .limit(limit)
    .all();
}

/** A producer's withholding rows of one period summed by account and sign: what the declaration adds up. */
export interface WithholdingSums {
  producerId: number;
  account: (typeof TAX_ACCOUNTS)[number];
  positive: boolean;
  amountVnd: number;
  baseVnd: number;
}

/**
 * The withholding accounts between `start` (inclusive) and `end` (exclusive), by producer, account and
 * sign (withheld on a payment, or given back by a cancellation or refund); producers of `provinceCode`
 * only when given.
 */
export function withholdingSums(start: number, end: number, provinceCode: string | null, producerId: number | null = null): WithholdingSums[] {
  const positive = sql<number>`${ledgerEntries.amountVnd} > 0`;
  const rows = getDb()
    .select({
      producerId: ledgerEntries.producerId,
      account: ledgerEntries.account,
      positive,
      amountVnd: sql<number>`sum(${ledgerEntries.amountVnd})`,
      baseVnd: sql<number>`coalesce(sum(${ledgerEntries.taxBaseVnd}), 0)`,
    })
    .from(ledgerEntries)
    .innerJoin(producers, eq(producers.id, ledgerEntries.producerId))
    .where(
      and(
        inArray(ledgerEntries.account, [...TAX_ACCOUNTS]),
        gte(ledgerEntries.createdAt, start),
        lt(ledgerEntries.createdAt, end),
        provinceCode === null ? undefined : eq(producers.provinceCode, provinceCode),
        producerId === null ? undefined : eq(ledgerEntries.producerId, producerId),
      ),
    )
    .groupBy(ledgerEntries.producerId, ledgerEntries.account, positive)
    .all();
  return rows.flatMap((r) =>
    r.producerId !== null && (r.account === "tax_vat_withheld" || r.account === "tax_pit_withheld")
      ? [{ producerId: r.producerId, account: r.account, positive: Boolean(r.positive), amountVnd: r.amountVnd, baseVnd: r.baseVnd }]
      : [],
  );
}

/**
 * A buyer complained about a delivered part (ADR 0029): its payable is held, out of reach of payouts,
 * until the complaint is decided. Moves what is payable for the part now; returns it.
 */
export function holdPartPayable(part: PartMoney, now: number): number {
  const payable = partBalance(part.id, "producer_payable");
  addRow("producer_payable", -payable, part, "complaint hold", now);
  addRow("producer_held", payable, part, "complaint hold", now);
  return payable;
}

/** The complaint ended without a refund: the held share is payable again. */
export function releasePartHold(part: PartMoney, now: number) {
  const held = partBalance(part.id, "producer_held");
  addRow("producer_held", -held, part, "complaint released", now);
  addRow("producer_payable", held, part, "complaint released", now);
}
