import { awaitsPayment, type PaymentMethod, type PaymentStatus } from "./payment-states";
import { openMomoPayment } from "./providers/momo.server";
import { confirmVnpayReturn, vnpayPaymentPage } from "./providers/vnpay.server";

/** The wallet gateways (ADR 0025): the shopper pays on the provider's page, which sends the browser back to the order. */
export const WALLET_NAMES = { vnpay: "VNPay", momo: "MoMo" } as const;
export type WalletMethod = keyof typeof WALLET_NAMES;

export function isWallet(method: PaymentMethod): method is WalletMethod {
  return method in WALLET_NAMES;
}

export interface ShopperVisit {
  origin: string;
  /** Where the provider sends the browser back: the order page, without a guest's token (the browser remembers it). */
  returnPath: string;
  ipAddr: string | null;
  lang: "vi" | "en";
}

/**
 * The provider's payment page for a wallet order still awaiting payment, made once per order (a second
 * call gives the same payment); null when the order may not be paid so now or the provider did not answer.
 */
export async function walletPaymentPage(order: { id: number; paymentMethod: PaymentMethod }, visit: ShopperVisit): Promise<string | null> {
  if (order.paymentMethod === "vnpay") return vnpayPaymentPage(order.id, visit);
  if (order.paymentMethod === "momo") return openMomoPayment(order.id, visit);
  return null;
}

/**
 * The shopper's browser is back from VNPay (its return query names the order): VNPay is asked what
 * became of the payment before the page is drawn, so a paid order shows paid at once. The return
 * query itself decides nothing; MoMo's IPN arrives before its redirect, so its return needs no question.
 */
export async function checkReturnFromWallet(order: { id: number; code: string; paymentMethod: PaymentMethod; paymentStatus: PaymentStatus }, query: URLSearchParams): Promise<void> {
  // Only an order still waiting is asked about: reloading the return page of a paid order calls nobody.
  if (order.paymentMethod !== "vnpay" || !awaitsPayment(order.paymentStatus) || query.get("vnp_TxnRef") !== order.code) return;
  await confirmVnpayReturn(order.id, order.code);
}
