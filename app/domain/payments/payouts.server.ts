import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { producers } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { assertStaffMayActIn, staffProvince } from "../accounts/staff.server";
import { hasPayoutAccount } from "../producers/payout-account.server";
import { message, required } from "../shared/form-messages";
import { parseVndInput } from "../shared/money";
import { payableBalances, payoutRecorded, producerBalances, recordPayoutMade } from "../ledger/ledger.server";
import { enqueuePayoutMade } from "../messages/events.server";

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
  const balances = payableBalances(staffProvince(staff));
  if (balances.length === 0) return [];
  const accounts = getDb()
    .select({
      id: producers.id,
      name: producers.name,
      bankBin: producers.bankBin,
      bankAccountNo: producers.bankAccountNo,
      bankAccountName: producers.bankAccountName,
    })
    .from(producers)
    .where(inArray(producers.id, balances.map((b) => b.producerId)))
    .all();
  // In the ledger's order (largest balance first); a ledger row always names an existing producer.
  return balances.flatMap(({ producerId, payableVnd }) => {
    const producer = accounts.find((p) => p.id === producerId);
    return producer ? [{ ...producer, payableVnd, hasAccount: hasPayoutAccount(producer) }] : [];
  });
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
  return getDb().transaction((): "ok" | "over_balance" | "duplicate" => {
    // The same bank transfer recorded twice (a double click, a second tab) would pay out twice on paper.
    if (payoutRecorded(producer.id, payout.reference)) return "duplicate";
    const before = producerBalances(producer.id);
    if (payout.amount > before.payableVnd) return "over_balance";
    recordPayoutMade(producer.id, payout.amount, payout.reference, now);
    enqueuePayoutMade(getDb(), { ...payout, bankBin: producer.bankBin ?? "", accountNo: producer.bankAccountNo ?? "" }, now);
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
