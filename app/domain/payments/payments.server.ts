import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { movePart, partsOfOrder, type Actor } from "../orders/order-moves.server";

export interface PayableOrder {
  id: number;
  code: string;
  totalVnd: number;
  paymentStatus: "unpaid" | "paid" | "failed" | "expired" | "refunded" | "partially_refunded";
  paymentMethod: "vietqr" | "stripe";
  expiresAt: number;
  stripeSessionId: string | null;
}

const PAYABLE_COLUMNS = `id, code, total_vnd AS totalVnd, payment_status AS paymentStatus, payment_method AS paymentMethod,
  expires_at AS expiresAt, stripe_session_id AS stripeSessionId`;

export function payableOrderByCode(code: string): PayableOrder | undefined {
  return prepared(`SELECT ${PAYABLE_COLUMNS} FROM orders WHERE code = ?`).get(code) as PayableOrder | undefined;
}

export function payableOrderById(id: number): PayableOrder | undefined {
  return prepared(`SELECT ${PAYABLE_COLUMNS} FROM orders WHERE id = ?`).get(id) as PayableOrder | undefined;
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
  return getDb().$client.transaction((): PaymentOutcome => {
    const order = payableOrderById(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    if (order.paymentStatus === "paid" || order.paymentStatus === "refunded" || order.paymentStatus === "partially_refunded") {
      return "already_paid";
    }
    // `withinWindow: false` is for Stripe: its session is the gate (expired at Stripe before the order
    // closes), so a payment Stripe accepted for an order still holding its stock pays it.
    if (order.paymentStatus !== "unpaid" || (withinWindow && now >= order.expiresAt)) return "late";
    if (amountVnd < order.totalVnd) return "short";
    if (amountVnd > order.totalVnd) return "over";
    prepared(
      `UPDATE orders SET payment_status = 'paid', paid_vnd = ?, paid_at = ?, stripe_payment_intent_id = coalesce(?, stripe_payment_intent_id)
       WHERE id = ?`,
    ).run(amountVnd, now, stripePaymentIntentId, orderId);
    for (const part of partsOfOrder(orderId)) movePart(part, "pay", actor, {}, now);
    return "paid";
  })();
}

/**
 * Gives up on an unpaid order: its parts are cancelled and their stock returns. `expired` when the
 * payment window or the Stripe session ran out, `failed` when the payment was declined.
 */
export function closeUnpaidOrder(orderId: number, outcome: "expired" | "failed", actor: Actor, now = Date.now()): boolean {
  return getDb().$client.transaction((): boolean => {
    const changed = prepared("UPDATE orders SET payment_status = ? WHERE id = ? AND payment_status = 'unpaid'").run(outcome, orderId);
    if (changed.changes !== 1) return false;
    for (const part of partsOfOrder(orderId)) {
      if (part.status === "awaiting_payment") movePart(part, "expire", actor, { reason: outcome }, now);
    }
    return true;
  })();
}

// A Stripe order with a session is closed by expireLapsedStripeOrders, which expires the session at Stripe first.
const CLOSES_HERE = "(payment_method = 'vietqr' OR stripe_session_id IS NULL)";

/** Closes every transfer order whose 30 minutes have run out; run every minute and before an order is shown. */
export function expireLapsedOrders(now = Date.now()): number {
  const lapsed = prepared(
    `SELECT id FROM orders WHERE payment_status = 'unpaid' AND expires_at <= ? AND ${CLOSES_HERE} LIMIT 500`,
  ).all(now) as { id: number }[];
  let closed = 0;
  for (const { id } of lapsed) if (closeUnpaidOrder(id, "expired", { source: "system", userId: null }, now)) closed++;
  return closed;
}

/** Closes this one order if its time has run out (so a page never shows a lapsed order as payable). */
export function expireIfLapsed(order: PayableOrder, now = Date.now()): boolean {
  if (order.paymentStatus !== "unpaid" || now < order.expiresAt) return false;
  if (order.paymentMethod === "stripe" && order.stripeSessionId) return false;
  return closeUnpaidOrder(order.id, "expired", { source: "system", userId: null }, now);
}

export function lapsedStripeOrders(now: number): { id: number; code: string; stripeSessionId: string }[] {
  return prepared(
    `SELECT id, code, stripe_session_id AS stripeSessionId FROM orders
     WHERE payment_status = 'unpaid' AND expires_at <= ? AND payment_method = 'stripe' AND stripe_session_id IS NOT NULL
     ORDER BY expires_at LIMIT 100`,
  ).all(now) as { id: number; code: string; stripeSessionId: string }[];
}
