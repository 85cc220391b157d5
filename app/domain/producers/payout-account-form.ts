import { z } from "zod";
import { accountHolderName } from "../payments/account-holder";
import { isKnownBankBin } from "../payments/banks";
import { message } from "../shared/form-messages";

/**
 * The account a producer is paid into. The bank is chosen by name from the list (its BIN is the
 * option's value), so a BIN not on the list is refused, never stored. The holder's name is stored as
 * the bank holds it (see `accountHolderName`), whatever case and marks it was typed in.
 */
export const payoutAccountSchema = z.object({
  bankBin: z.string({ required_error: message("payoutAccount.error.bank") }).refine(isKnownBankBin, message("payoutAccount.error.bank")),
  bankAccountNo: z
    .string({ required_error: message("payoutAccount.error.accountNo") })
    // People copy the number as their passbook or app groups it: "0123 456 789", "0123-456-789".
    .transform((value) => value.replace(/[\s.-]/g, ""))
    // A refinement, not a piped z.string(): Conform reads an empty string inside the schema as "left
    // out", so "!!" folded to "" would be answered "required" instead of this field's own message.
    .refine((value) => /^\d{6,19}$/.test(value), message("payoutAccount.error.accountNo")),
  bankAccountName: z
    .string({ required_error: message("payoutAccount.error.holder") })
    .max(200, message("payoutAccount.error.holder"))
    .transform(accountHolderName)
    .refine((name) => name.length >= 2 && name.length <= 100, message("payoutAccount.error.holder")),
  /** Asked only when a saved account changes; checked by the domain, never stored. */
  currentPassword: z.string().max(128, message("payoutAccount.error.currentPassword")).optional(),
});
export type PayoutAccountInput = z.infer<typeof payoutAccountSchema>;
