import { and, desc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { ledgerEntries, producers } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { assertStaffMayActIn, staffProvince } from "../accounts/staff.server";
import { hasPayoutAccount } from "../producers/payout-account.server";
import { message, required } from "../shared/form-messages";
import { parseVndInput } from "../shared/money";
import { producerBalances } from "./ledger.server";

export const payoutSchema = z.object({
  producerId: z.coerce.number().int().positive(),
  amount: z.string(required).transform((value, ctx) => {
    const amount = parseVndInput(value);
    if (amount === null || amount <= 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: message("payout.error.amount") });
      return z.NEVER;
    }
    return amount;
  }),
  reference: z.string(required).trim().min(4, message("payout.error.reference")).max(100, message("payout.error.reference")),
});

export interface PayableProducer {
  id: number;
  name: string;
  bankBin: string | null;
  bankAccountNo: string | null;
  bankAccountName: string | null;
  payableVnd: number;
  /** False when the producer has given no complete bank account: staff have nowhere to transfer to. */
  hasAccount: boolean;
}

/** Producers in scope with money payable now (delivered and not yet paid out), largest first. */
export function payableProducers(staff: SessionUser): PayableProducer[] {
  const province = staffProvince(staff);
  const payableVnd = sql<number>`sum(${ledgerEntries.amountVnd})`;
  const rows = getDb()
    .select({
      id: producers.id,
      name: producers.name,
      bankBin: producers.bankBin,
      bankAccountNo: producers.bankAccountNo,
      bankAccountName: producers.bankAccountName,
      payableVnd,
    })
    .from(ledgerEntries)
    .innerJoin(producers, eq(producers.id, ledgerEntries.producerId))
    .where(and(eq(ledgerEntries.account, "producer_payable"), province === null ? undefined : eq(producers.provinceCode, province)))
    .groupBy(producers.id)
    .having(gt(payableVnd, 0))
    .orderBy(desc(payableVnd))
    .limit(500)
    .all();
  return rows.map((row) => ({ ...row, hasAccount: hasPayoutAccount(row) }));
}

/**
 * Records a bank transfer made to a producer against its payable balance: two ledger rows (payable
 * down, paid out up) and the audit, in one transaction. Never more than the balance, and never to a
 * producer without a payout account: there was no account the transfer could have gone to.
 */
export function recordPayout(
  staff: SessionUser,
  payout: { producerId: number; amount: number; reference: string },
  now = Date.now(),
): "ok" | "not_found" | "no_account" | "over_balance" | "duplicate" {
  const producer = getDb()
    .select({
      id: producers.id,
      provinceCode: producers.provinceCode,
      bankBin: producers.bankBin,
      bankAccountNo: producers.bankAccountNo,
      bankAccountName: producers.bankAccountName,
    })
    .from(producers)
    .where(eq(producers.id, payout.producerId))
    .get();
  if (!producer) return "not_found";
  assertStaffMayActIn(staff, producer.provinceCode);
  if (!hasPayoutAccount(producer)) return "no_account";
  return getDb().transaction((tx): "ok" | "over_balance" | "duplicate" => {
    // The same bank transfer recorded twice (a double click, a second tab) would pay out twice on paper.
    const memo = `payout ${payout.reference}`;
    const recorded = tx
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.producerId, producer.id), eq(ledgerEntries.account, "producer_paid_out"), eq(ledgerEntries.memo, memo)))
      .get();
    if (recorded) return "duplicate";
    const before = producerBalances(producer.id);
    if (payout.amount > before.payableVnd) return "over_balance";
    tx.insert(ledgerEntries)
      .values([
        { account: "producer_payable", amountVnd: -payout.amount, producerId: producer.id, memo, createdAt: now },
        { account: "producer_paid_out", amountVnd: payout.amount, producerId: producer.id, memo, createdAt: now },
      ])
      .run();
    recordAudit(
      staff,
      {
        action: "payout.record",
        subjectType: "producer",
        subjectId: producer.id,
        provinceCode: producer.provinceCode,
        before: { payableVnd: before.payableVnd, paidOutVnd: before.paidOutVnd },
        after: { payableVnd: before.payableVnd - payout.amount, paidOutVnd: before.paidOutVnd + payout.amount, reference: payout.reference },
      },
      now,
    );
    return "ok";
  });
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
