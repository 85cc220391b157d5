import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { producers } from "~/db/schema";
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
  const rows = prepared(
    `SELECT p.id, p.name, p.bank_bin AS bankBin, p.bank_account_no AS bankAccountNo, p.bank_account_name AS bankAccountName,
       sum(l.amount_vnd) AS payableVnd
     FROM ledger_entries l JOIN producers p ON p.id = l.producer_id
     WHERE l.account = 'producer_payable' AND (:province IS NULL OR p.province_code = :province)
     GROUP BY p.id HAVING payableVnd > 0 ORDER BY payableVnd DESC LIMIT 500`,
  ).all({ province: staffProvince(staff) }) as Omit<PayableProducer, "hasAccount">[];
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
  return getDb().$client.transaction((): "ok" | "over_balance" | "duplicate" => {
    // The same bank transfer recorded twice (a double click, a second tab) would pay out twice on paper.
    const memo = `payout ${payout.reference}`;
    if (prepared("SELECT 1 FROM ledger_entries WHERE producer_id = ? AND account = 'producer_paid_out' AND memo = ?").get(producer.id, memo)) {
      return "duplicate";
    }
    const before = producerBalances(producer.id);
    if (payout.amount > before.payableVnd) return "over_balance";
    const insert = prepared(
      "INSERT INTO ledger_entries (account, amount_vnd, producer_id, memo, created_at) VALUES (?, ?, ?, ?, ?)",
    );
    insert.run("producer_payable", -payout.amount, producer.id, memo, now);
    insert.run("producer_paid_out", payout.amount, producer.id, memo, now);
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
  })();
}

/** A producer's payouts, newest first, for its portal. */
export function payoutHistory(producerId: number): { amountVnd: number; memo: string; createdAt: number }[] {
  return prepared(
    `SELECT amount_vnd AS amountVnd, memo, created_at AS createdAt FROM ledger_entries
     WHERE producer_id = ? AND account = 'producer_paid_out' ORDER BY id DESC LIMIT 50`,
  ).all(producerId) as { amountVnd: number; memo: string; createdAt: number }[];
}
