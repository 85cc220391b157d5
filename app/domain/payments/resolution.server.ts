import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { partsOfOrder } from "../orders/order-moves.server";
import { orderView, type OrderView } from "../orders/order-view.server";
import { applyPayment, payableOrderByCode, type PaymentOutcome } from "./payments.server";
import { orderProvince, staffMayHandleParts } from "./refunds.server";

export interface PaymentToResolve {
  /** `refund_due` is resolved by refunding the part, the others by a note. */
  kind: "bank" | "stripe" | "refund_due";
  id: string;
  reference: string;
  amountVnd: number | null;
  description: string;
  outcome: string;
  orderCode: string | null;
  receivedAt: number;
}

/**
 * Money that arrived but paid nothing: bank transfers not applied (late, short, over, a second
 * payment, unknown code, another account) and card payments for lapsed orders. Provincial staff see
 * those of orders with a producer in their province; central staff see all, including unknown codes.
 */
export function paymentsToResolve(staff: SessionUser): PaymentToResolve[] {
  const province = staff.role === "central_staff" ? null : staff.provinceCode;
  // The same rule as staffMayHandleParts: every producer of the order is in the staff member's province.
  const scope = `(:province IS NULL OR NOT EXISTS (SELECT 1 FROM order_parts op JOIN producers pr ON pr.id = op.producer_id
                   WHERE op.order_id = o.id AND pr.province_code <> :province))`;
  const transfers = prepared(
    `SELECT 'bank' AS kind, t.id, t.transaction_id AS reference, t.amount_vnd AS amountVnd, t.description, t.outcome,
       o.code AS orderCode, t.created_at AS receivedAt
     FROM bank_transfers t LEFT JOIN orders o ON o.id = t.order_id
     WHERE t.outcome <> 'applied' AND t.resolved_at IS NULL AND (o.id IS NOT NULL OR :province IS NULL) AND (o.id IS NULL OR ${scope})
     ORDER BY t.id DESC LIMIT 200`,
  ).all({ province }) as PaymentToResolve[];
  const cards = prepared(
    `SELECT 'stripe' AS kind, e.id, e.id AS reference, NULL AS amountVnd, e.type AS description, e.outcome,
       o.code AS orderCode, e.created_at AS receivedAt
     FROM stripe_events e LEFT JOIN orders o ON o.id = e.order_id
     WHERE e.outcome IN ('late', 'short', 'over', 'duplicate', 'unmatched', 'refund_unallocated') AND e.resolved_at IS NULL
       AND (o.id IS NOT NULL OR :province IS NULL) AND (o.id IS NULL OR ${scope})
     ORDER BY e.created_at DESC LIMIT 200`,
  ).all({ province }) as PaymentToResolve[];
  // Parts a producer cancelled after payment: the buyer's money is owed back.
  const refundsDue = prepared(
    `SELECT 'refund_due' AS kind, p.id, o.code AS reference, p.total_vnd AS amountVnd, p.cancel_reason AS description,
       'refund_due' AS outcome, o.code AS orderCode, p.updated_at AS receivedAt
     FROM order_parts p JOIN orders o ON o.id = p.order_id
     WHERE p.status = 'cancelled' AND o.payment_status IN ('paid', 'partially_refunded') AND ${scope}
     ORDER BY p.updated_at DESC LIMIT 200`,
  ).all({ province }) as PaymentToResolve[];
  return [...refundsDue.map((r) => ({ ...r, id: String(r.id) })), ...transfers.map((t) => ({ ...t, id: String(t.id) })), ...cards];
}

/** Staff close a payment to resolve, saying what they did (refunded by bank, applied by hand…). */
export function resolvePayment(
  staff: SessionUser,
  kind: "bank" | "stripe",
  id: string,
  resolution: string,
  now = Date.now(),
): "ok" | "not_found" | "forbidden" {
  const visible = paymentsToResolve(staff).some((p) => p.kind === kind && p.id === id);
  if (!visible) {
    const exists = kind === "bank" ? prepared("SELECT 1 FROM bank_transfers WHERE id = ? AND resolved_at IS NULL").get(Number(id)) : prepared("SELECT 1 FROM stripe_events WHERE id = ? AND resolved_at IS NULL").get(id);
    // Another province's transfer is forbidden; a resolved or unknown one is simply not there.
    return exists && staff.role !== "central_staff" ? "forbidden" : "not_found";
  }
  getDb().$client.transaction(() => {
    if (kind === "bank") {
      prepared("UPDATE bank_transfers SET resolved_at = ?, resolved_by_user_id = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL").run(now, staff.id, resolution, Number(id));
    } else {
      prepared("UPDATE stripe_events SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL").run(now, id);
    }
    const orderId = (kind === "bank"
      ? prepared("SELECT order_id AS id FROM bank_transfers WHERE id = ?").get(Number(id))
      : prepared("SELECT order_id AS id FROM stripe_events WHERE id = ?").get(id)) as { id: number | null } | undefined;
    const provinceCode = orderId?.id ? orderProvince(orderId.id) : null;
    recordAudit(staff, { action: "payment.resolve", subjectType: kind === "bank" ? "bank_transfer" : "stripe_event", subjectId: id, provinceCode, before: { resolved: false }, after: { resolved: true, resolution } }, now);
  })();
  return "ok";
}

/** Staff mark an order's transfer received by hand (seen on the bank statement): exactly its total. */
export function markOrderPaidByStaff(
  staff: SessionUser,
  orderCode: string,
  now = Date.now(),
): PaymentOutcome | "not_found" | "forbidden" | "not_transfer" {
  const order = payableOrderByCode(orderCode);
  if (!order) return "not_found";
  // Scope first: another province's staff learn nothing of the order, not even how it is paid.
  if (!staffMayHandleParts(staff, partsOfOrder(order.id))) return "forbidden";
  if (order.paymentMethod !== "vietqr") return "not_transfer";
  return getDb().$client.transaction(() => {
    const outcome = applyPayment(order.id, order.totalVnd, { source: "staff", userId: staff.id }, { now });
    if (outcome === "paid") {
      recordAudit(staff, { action: "order.markPaid", subjectType: "order", subjectId: order.code, provinceCode: orderProvince(order.id), before: { paymentStatus: order.paymentStatus }, after: { paymentStatus: "paid", paidVnd: order.totalVnd } }, now);
    }
    return outcome;
  })();
}

/** An order as staff handling its payment see it, or null when it is unknown or outside their scope. */
export function orderForStaff(staff: SessionUser, code: string): OrderView | null {
  const order = payableOrderByCode(code);
  if (!order || !staffMayHandleParts(staff, partsOfOrder(order.id))) return null;
  return orderView(order.id);
}
