import { describe, expect, it } from "vitest";
import { payoutAccountSchema } from "./payout-account-form";

const parse = (fields: Record<string, string | undefined>) => payoutAccountSchema.safeParse(fields);
const errorsOf = (fields: Record<string, string | undefined>) => {
  const result = parse(fields);
  return result.success ? {} : result.error.flatten().fieldErrors;
};

describe("payoutAccountSchema", () => {
  it("takes a bank from the list, a grouped account number and stores the holder as the bank does", () => {
    const result = parse({ bankBin: "970405", bankAccountNo: "7300 205 123456", bankAccountName: "Hợp tác xã Ông Cua" });
    expect(result.success && result.data).toEqual({ bankBin: "970405", bankAccountNo: "7300205123456", bankAccountName: "HOP TAC XA ONG CUA" });
  });

  it("refuses a BIN that is not a bank on the list, and a bank left unchosen", () => {
    expect(errorsOf({ bankBin: "123456", bankAccountNo: "0123456789", bankAccountName: "An" }).bankBin).toEqual(["payoutAccount.error.bank"]);
    expect(errorsOf({ bankBin: undefined, bankAccountNo: "0123456789", bankAccountName: "An" }).bankBin).toEqual(["payoutAccount.error.bank"]);
  });

  it("refuses account numbers that are not 6 to 19 digits, and a holder name with no letters", () => {
    const errors = errorsOf({ bankBin: "970436", bankAccountNo: "12ab", bankAccountName: " !!! " });
    expect(errors.bankAccountNo).toEqual(["payoutAccount.error.accountNo"]);
    expect(errors.bankAccountName).toEqual(["payoutAccount.error.holder"]);
    expect(errorsOf({ bankBin: "970436", bankAccountNo: "1".repeat(20), bankAccountName: "An Binh" }).bankAccountNo).toEqual(["payoutAccount.error.accountNo"]);
  });
});
