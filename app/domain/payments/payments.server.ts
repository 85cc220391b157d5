import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql, type Placeholder } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { orders } from "~/db/schema";
import { movePart, partsOfOrder, type Actor } from "../orders/order-moves.server";
import {
  awaitsPayment,
  IllegalPaymentMoveError,
  nextPaymentStatus,
  statusesMovingTo,
  wasPaid,
  type PaymentMethod,
  type PaymentStatus,
} from "./payment-states";

export interface PayableOrder {
  id: number;
  code: string;
  totalVnd: number;
  paymentStatus: PaymentStatus;
  paymentMethod: PaymentMethod;
  expiresAt: number;
  stripeSessionId: string | null;
}

const payableColumns = {
  id: orders.id,
  code: orders.code,
  totalVnd: orders.totalVnd,
  paymentStatus: orders.paymentStatus,
  paymentMethod: orders.paymentMethod,
  expiresAt: orders.expiresAt,
  stripeSessionId: orders.stripeSessionId,
};

// Every order page, its status poll and its QR code read the order first: prepared once.
const payableByCode = once(() =>
  getDb().select(payableColumns).from(orders).where(eq(orders.code, sql.placeholder("code"))).prepare(),
);
const payableById = once(() => getDb().select(payableColumns).from(orders).where(eq(orders.id, sql.placeholder("id"))).prepare());

export function payableOrderByCode(code: string): PayableOrder | undefined {
  return payableByCode().get({ code });
}

export function payableOrderById(id: number): PayableOrder | undefined {
  return payableById().get({ id });
}

export type PaymentOutcome = "paid" | "already_paid" | "late" | "short" | "over";

/**
 * Applies a payment of exactly the order's total to an order still waiting for it: every part moves
 * to `paid`, the ledger records each producer's share, producers are told. Anything else (already
 * paid, lapsed, a different amount) changes nothing and says why, for the caller to keep on record.
 */
export function applyPayment(
  orderId: number,
  amountVnd: number,
  actor: Actor,
  {
    now = Date.now(),
    stripePaymentIntentId = null,
    withinWindow = true,
  }: { now?: number; stripePaymentIntentId?: string | null; withinWindow?: boolean } = {},
): PaymentOutcome {
  return getDb().transaction((tx): PaymentOutcome => {
    const order = payableOrderById(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    if (wasPaid(order.paymentStatus)) return "already_paid";
    // `withinWindow: false` is for Stripe: its session is the gate (expired at Stripe before the order
    // closes), so a payment Stripe accepted for an order still holding its stock pays it.
    if (!awaitsPayment(order.paymentStatus) || (withinWindow && now >= order.expiresAt)) return "late";
    if (amountVnd < order.totalVnd) return "short";
    if (amountVnd > order.totalVnd) return "over";
    tx.update(orders)
      .set({
        paymentStatus: nextPaymentStatus(order.paymentStatus, "paid"),
        paidVnd: amountVnd,
        paidAt: now,
        // A bank transfer has no payment intent: whatever the order holds stays.
        ...(stripePaymentIntentId !== null && { stripePaymentIntentId }),
      })
      .where(eq(orders.id, orderId))
      .run();
    for (const part of partsOfOrder(orderId)) movePart(part, "pay", actor, {}, now);
    return "paid";
  });
}

/**
 * Gives up on an unpaid order: its parts are cancelled and their stock returns. `expired` when the
 * payment window or the Stripe session ran out, `failed` when the payment was declined.
 */
export function closeUnpaidOrder(orderId: number, outcome: "expired" | "failed", actor: Actor, now = Date.now()): boolean {
  return getDb().transaction((tx): boolean => {
    const changed = tx
      .update(orders)
      .set({ paymentStatus: outcome })
      // Compare-and-set on the table's moves: an order paid or closed meanwhile is left as it is.
      .where(and(eq(orders.id, orderId), inArray(orders.paymentStatus, statusesMovingTo(outcome))))
      .run();
    if (changed.changes !== 1) return false;
    for (const part of partsOfOrder(orderId)) {
      if (part.status === "awaiting_payment") movePart(part, "expire", actor, { reason: outcome }, now);
    }
    return true;
  });
}

/** Unpaid orders whose time ran out by `now`. */
const lapsedBy = (now: Placeholder | number) =>
  and(eq(orders.paymentStatus, "unpaid"), lte(orders.expiresAt, now));

// Run every minute and before an order is shown: prepared once.
const lapsedClosingHere = once(() =>
  getDb()
    .select({ id: orders.id })
    .from(orders)
    // A Stripe order with a session is closed by expireLapsedStripeOrders, which expires the session at Stripe first.
    .where(and(lapsedBy(sql.placeholder("now")), or(eq(orders.paymentMethod, "vietqr"), isNull(orders.stripeSessionId))))
    .limit(500)
    .prepare(),
);

/** Closes every transfer order whose 30 minutes have run out; run every minute and before an order is shown. */
export function expireLapsedOrders(now = Date.now()): number {
  const lapsed = lapsedClosingHere().all({ now });
  let closed = 0;
  for (const { id } of lapsed) if (closeUnpaidOrder(id, "expired", { source: "system", userId: null }, now)) closed++;
  return closed;
}

/** Closes this one order if its time has run out (so a page never shows a lapsed order as payable). */
export function expireIfLapsed(order: PayableOrder, now = Date.now()): boolean {
  if (!awaitsPayment(order.paymentStatus) || now < order.expiresAt) return false;
  if (order.paymentMethod === "stripe" && order.stripeSessionId) return false;
  return closeUnpaidOrder(order.id, "expired", { source: "system", userId: null }, now);
}

export function lapsedStripeOrders(now: number): { id: number; code: string; stripeSessionId: string }[] {
  const rows = getDb()
    .select({ id: orders.id, code: orders.code, stripeSessionId: orders.stripeSessionId })
    .from(orders)
    .where(and(lapsedBy(now), eq(orders.paymentMethod, "stripe"), isNotNull(orders.stripeSessionId)))
    .orderBy(asc(orders.expiresAt))
    .limit(100)
    .all();
  // The query keeps only orders with a session; the check tells the type so.
  return rows.flatMap(({ stripeSessionId, ...order }) => (stripeSessionId === null ? [] : [{ ...order, stripeSessionId }]));
}

/**
 * Adds a refund to the order's running total; the order is `refunded` once everything paid went
 * back, `partially_refunded` before (statusAfterRefund). Both are computed from the row as stored, in
 * one statement, and only for an order whose payment may move so: any other is an IllegalPaymentMoveError.
 */
export function addRefundToOrder(orderId: number, amountVnd: number) {
  const changed = getDb()
    .update(orders)
    .set({
      refundedVnd: sql`${orders.refundedVnd} + ${amountVnd}`,
      paymentStatus: sql`CASE WHEN ${orders.refundedVnd} + ${amountVnd} >= ${orders.paidVnd} THEN 'refunded' ELSE 'partially_refunded' END`,
    })
    .where(and(eq(orders.id, orderId), inArray(orders.paymentStatus, statusesMovingTo("partially_refunded"))))
    .run();
  if (changed.changes !== 1) {
    const order = payableOrderById(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    throw new IllegalPaymentMoveError(order.paymentStatus, "refunded");
  }
}
