/**
 * Life of an order's payment, kept as data like the parts' moves (orders/order-states.ts): the
 * statuses, the moves between them, and every rule that asks "is it paid? may it be paid, refunded,
 * marked received?" in one place (PRODUCT.md §3, "Cashless payment"). Pure: callers pass the facts.
 */

import type { PaymentMethod } from "../orders/checkout-form";

export const PAYMENT_STATUSES = ["unpaid", "paid", "failed", "expired", "refunded", "partially_refunded"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The ways to pay are checkout's list: one place to add a provider. */
export type { PaymentMethod };

/**
 * Every legal move; anything missing is illegal. `partially_refunded → partially_refunded` is a
 * second partial refund that still leaves money held. Failed, expired and refunded are final.
 */
export const PAYMENT_MOVES: Record<PaymentStatus, readonly PaymentStatus[]> = {
  unpaid: ["paid", "failed", "expired"],
  paid: ["partially_refunded", "refunded"],
  partially_refunded: ["partially_refunded", "refunded"],
  failed: [],
  expired: [],
  refunded: [],
};

export class IllegalPaymentMoveError extends Error {
  readonly from: PaymentStatus;
  readonly to: PaymentStatus;

  constructor(from: PaymentStatus, to: PaymentStatus) {
    super(`A payment that is ${from} cannot become ${to}`);
    this.name = "IllegalPaymentMoveError";
    this.from = from;
    this.to = to;
  }
}

export function paymentMoveAllowed(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_MOVES[from].includes(to);
}

/** `to`, or IllegalPaymentMoveError when the table has no such move. */
export function nextPaymentStatus(from: PaymentStatus, to: PaymentStatus): PaymentStatus {
  if (!paymentMoveAllowed(from, to)) throw new IllegalPaymentMoveError(from, to);
  return to;
}

/** Statuses from which the table allows a move to `to`, for a compare-and-set UPDATE. */
export function statusesMovingTo(to: PaymentStatus): PaymentStatus[] {
  return PAYMENT_STATUSES.filter((from) => paymentMoveAllowed(from, to));
}

/** Nothing can happen to the payment any more. */
export function isFinalPayment(status: PaymentStatus): boolean {
  return PAYMENT_MOVES[status].length === 0;
}

/** Still waiting for the money: the only status a payment may arrive in. */
export function awaitsPayment(status: PaymentStatus): boolean {
  return status === "unpaid";
}

/** The money arrived at some point, whether or not some or all of it went back since. */
export function wasPaid(status: PaymentStatus): boolean {
  return status === "paid" || status === "partially_refunded" || status === "refunded";
}

/** Money received and not all sent back: what staff may still refund. */
export const REFUNDABLE_STATUSES = ["paid", "partially_refunded"] as const satisfies readonly PaymentStatus[];

export function isRefundable(status: PaymentStatus): boolean {
  return (REFUNDABLE_STATUSES as readonly PaymentStatus[]).includes(status);
}

/**
 * The status after a refund brings the running total to `refundedVnd` of `paidVnd`: everything back
 * is `refunded`, less is `partially_refunded`. Throws for a payment that holds no money.
 */
export function statusAfterRefund(from: PaymentStatus, paidVnd: number, refundedVnd: number): PaymentStatus {
  return nextPaymentStatus(from, refundedVnd >= paidVnd ? "refunded" : "partially_refunded");
}

/**
 * How money goes back: through the provider that took it for a card (Stripe) or wallet (VNPay, MoMo)
 * payment, by a bank transfer staff make for a VietQR or payOS transfer.
 */
export function refundMethod(paymentMethod: PaymentMethod): "stripe" | "vnpay" | "momo" | "bank" {
  return paymentMethod === "stripe" || paymentMethod === "vnpay" || paymentMethod === "momo" ? paymentMethod : "bank";
}

/** What staff handling an order's payment may do with it: mark a transfer received, refund, or nothing. */
export function staffPaymentAction(status: PaymentStatus): "markPaid" | "refund" | null {
  if (awaitsPayment(status)) return "markPaid";
  if (isRefundable(status)) return "refund";
  return null;
}

interface OrderPayment {
  paymentStatus: PaymentStatus;
  paymentMethod: PaymentMethod;
}

/** The order page shows the bank details and the VietQR code. */
export function awaitsTransfer(order: OrderPayment): boolean {
  return awaitsPayment(order.paymentStatus) && order.paymentMethod === "vietqr";
}

/** The order page may send the buyer to Stripe: a card order, unpaid, in time, with Stripe switched on. */
export function payableByCard(order: OrderPayment & { expiresAt: number }, { now, stripeOn }: { now: number; stripeOn: boolean }): boolean {
  return awaitsPayment(order.paymentStatus) && order.paymentMethod === "stripe" && stripeOn && now < order.expiresAt;
}

/**
 * The order page may send the buyer to the provider it chose at checkout (VNPay, MoMo): unpaid, in
 * time, and that provider still switched on (`offered`, checkout's list).
 */
export function payableAtWallet(order: OrderPayment & { expiresAt: number }, { now, offered }: { now: number; offered: readonly PaymentMethod[] }): boolean {
  return awaitsPayment(order.paymentStatus) && (order.paymentMethod === "vnpay" || order.paymentMethod === "momo") && offered.includes(order.paymentMethod) && now < order.expiresAt;
}

/**
 * A seller may say a transfer arrived only in the demo (`settings.demoPayments`), for a VietQR order
 * that is its alone: paying a shared order would move other producers' parts and credit their ledgers.
 * Whether the payment still awaits money is the move's own check (see awaitsPayment).
 */
export function sellerMayMarkTransferReceived({
  demoPayments,
  paymentMethod,
  sharedWithOtherProducers,
}: {
  demoPayments: boolean;
  paymentMethod: PaymentMethod;
  sharedWithOtherProducers: boolean;
}): boolean {
  return demoPayments && paymentMethod === "vietqr" && !sharedWithOtherProducers;
}
