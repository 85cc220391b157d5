import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producers } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import { confirmCurrentPassword } from "../accounts/accounts.server";
import type { SessionUser } from "../accounts/sessions.server";
import { producerBalances } from "../ledger/ledger.server";
import { recordActivity } from "./activity.server";
import type { PayoutAccountInput } from "./payout-account-form";
import { bankAccountText, profileFacts, verificationAfterSave } from "./profile-changes";
import { ownProducer, type Producer } from "./profile.server";

interface BankFields {
  bankBin: string | null;
  bankAccountNo: string | null;
  bankAccountName: string | null;
}

/** Whether staff can pay this producer: a bank, an account number and the holder's name. */
export function hasPayoutAccount(fields: BankFields): boolean {
  return Boolean(fields.bankBin && fields.bankAccountNo && fields.bankAccountName);
}

/** "970436 ···6789": enough for the owner and staff to recognise an account in the history, not to copy it. */
function maskedAccount(fields: BankFields): string {
  if (!fields.bankAccountNo) return "—";
  return `${fields.bankBin ?? ""} ···${fields.bankAccountNo.slice(-4)}`.trim();
}

const accountText = (fields: BankFields) => bankAccountText(fields.bankBin, fields.bankAccountNo, fields.bankAccountName);

export type SavePayoutAccountOutcome =
  | { ok: true }
  | { ok: false; field: "currentPassword"; message: MessageKey; status?: 400 | 429 }
  | { ok: false; field: null; message: MessageKey; status: 409 };

/**
 * Sets or changes the account a producer is paid into.
 *
 * Setting or changing the account needs the account's current password in the same form: a stolen
 * session must not direct the producer's money elsewhere, and the first account matters most, since
 * it is asked for when money is about to be owed. Every change is written to the producer's history,
 * and staff see it among the changes in the verification queue.
 */
export async function savePayoutAccount(user: SessionUser, input: PayoutAccountInput): Promise<SavePayoutAccountOutcome> {
  if (user.role !== "producer") throw new Response("Forbidden", { status: 403 });
  const account: BankFields = { bankBin: input.bankBin, bankAccountNo: input.bankAccountNo, bankAccountName: input.bankAccountName };
  /** Whether saving `account` over `saved` changes where the money goes. */
  const changes = (saved: BankFields) => accountText(saved) !== accountText(account);

  const saved = ownProducer(user);
  if (!saved) return { ok: false, field: null, message: "payoutAccount.noProfile", status: 409 };
  // The password check is slow (scrypt) and asynchronous, so it runs before the transaction.
  const confirmed = changes(saved) ? await confirmCurrentPassword(user.id, input.currentPassword ?? "") : "not_needed";
  if (confirmed === "too_many") return { ok: false, field: "currentPassword", message: "account.error.tooMany", status: 429 };
  if (confirmed === "wrong") {
    const message = input.currentPassword ? "payoutAccount.error.currentPassword" : "payoutAccount.error.currentPasswordNeeded";
    return { ok: false, field: "currentPassword", message };
  }

  return getDb().transaction((tx): SavePayoutAccountOutcome => {
    const existing = tx.select().from(producers).where(eq(producers.id, saved.id)).get();
    if (!existing) return { ok: false, field: null, message: "payoutAccount.noProfile", status: 409 };
    // Another save set an account between the check and here: ask again rather than trust it.
    if (changes(existing) && confirmed !== "ok") return { ok: false, field: "currentPassword", message: "payoutAccount.error.currentPasswordNeeded" };
    if (accountText(existing) === accountText(account)) return { ok: true };
    const { verificationStatus, verificationChanges } = verificationAfterSave(existing, profileFacts(existing), profileFacts({ ...existing, ...account }));
    tx.update(producers).set({ ...account, verificationStatus, verificationChanges }).where(eq(producers.id, existing.id)).run();
    recordActivity(tx, { producerId: existing.id, actorUserId: user.id, action: "profile.bankAccount", subject: maskedAccount(account) });
    return { ok: true };
  });
}

/** What the payout-account page shows a producer: whether it has a profile yet, and the saved account. */
export function payoutAccountOf(user: SessionUser): { hasProfile: boolean; account: BankFields | null } {
  const producer = ownProducer(user);
  if (!producer) return { hasProfile: false, account: null };
  const account = { bankBin: producer.bankBin, bankAccountNo: producer.bankAccountNo, bankAccountName: producer.bankAccountName };
  return { hasProfile: true, account: accountText(account) === null ? null : account };
}

/**
 * Whether the seller home should ask for a payout account, and how much is waiting for it. The
 * account is asked when it is needed rather than at sign-up: a producer without one is reminded, and
 * the reminder grows urgent once delivered orders have left money payable to it.
 */
export function payoutReminder(producer: Producer): { owedVnd: number } | null {
  if (hasPayoutAccount(producer)) return null;
  return { owedVnd: producerBalances(producer.id).payableVnd };
}
