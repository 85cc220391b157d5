import { encodeVietQr } from "../payments/vietqr";

/** The producer's own account a stall's QR codes pay into (its payout account, PRODUCT.md §3). */
export interface StallAccount {
  bankBin: string;
  accountNo: string;
}

/** The stall sign's VietQR: static (the buyer types the amount), the stall code as the purpose. */
export function stallSignPayload(account: StallAccount, stallCode: string): string {
  return encodeVietQr({ bankBin: account.bankBin, accountNumber: account.accountNo, amount: null, purpose: stallCode });
}

/** A sale's VietQR: exactly its amount, its sale code as the purpose, so the bank feed can name it. */
export function salePayload(account: StallAccount, sale: { code: string; amountVnd: number }): string {
  return encodeVietQr({ bankBin: account.bankBin, accountNumber: account.accountNo, amount: sale.amountVnd, purpose: sale.code });
}
