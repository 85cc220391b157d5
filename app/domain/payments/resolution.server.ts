import { and, desc, eq, inArray, isNotNull, isNull, ne, notExists, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "~/db/client.server";
import { bankTransfers, orderParts, orders, producers, stripeEvents } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { partsOfOrder } from "../orders/order-moves.server";
import { orderView, type OrderView } from "../orders/order-view.server";
import { REFUNDABLE_STATUSES } from "./payment-states";
import { applyPayment, payableOrderByCode, type PaymentOutcome } from "./payments.server";
import { orderProvince, staffMayHandleParts } from "./refunds.server";

export interface PaymentToResolve {
  /** `refund_due` is resolved by refunding the part, the others by a note. */
  kind: "bank" | "stripe" | "refund_due";
  id: string;
  reference: string;
  amountVnd: number | null;
  /** A cancelled part's reason may be missing. */
  description: string | null;
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
  const db = getDb();
  // A transfer or card payment naming no order (an unknown code, another session) is central staff's.
  const orderInScope = province === null ? undefined : and(isNotNull(orders.id), everyProducerIn(province));
  const transfers = db
    .select({
      id: bankTransfers.id,
      provider: bankTransfers.provider,
      reference: bankTransfers.transactionId,
      amountVnd: bankTransfers.amountVnd,
      description: bankTransfers.description,
      outcome: bankTransfers.outcome,
      orderCode: orders.code,
      receivedAt: bankTransfers.receivedAt,
    })
    .from(bankTransfers)
    .leftJoin(orders, eq(orders.id, bankTransfers.orderId))
    // Money that left the account (outgoing) is kept for the record but owes nobody anything.
    .where(and(notInArray(bankTransfers.outcome, ["applied", "outgoing"]), isNull(bankTransfers.resolvedAt), orderInScope))
    .orderBy(desc(bankTransfers.id))
    .limit(200)
    .all();
  const cards = db
    .select({ id: stripeEvents.id, type: stripeEvents.type, outcome: stripeEvents.outcome, orderCode: orders.code, receivedAt: stripeEvents.receivedAt })
    .from(stripeEvents)
    .leftJoin(orders, eq(orders.id, stripeEvents.orderId))
    .where(
      and(
        inArray(stripeEvents.outcome, ["late", "short", "over", "duplicate", "unmatched", "refund_unallocated"]),
        isNull(stripeEvents.resolvedAt),
        orderInScope,
      ),
    )
    .orderBy(desc(stripeEvents.receivedAt))
    .limit(200)
    .all();
  // Parts a producer cancelled after payment: the buyer's money is owed back.
  const refundsDue = db
    .select({
      id: orderParts.id,
      orderCode: orders.code,
      amountVnd: orderParts.totalVnd,
      reason: orderParts.cancelReason,
      updatedAt: orderParts.updatedAt,
    })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(
      and(
        eq(orderParts.status, "cancelled"),
        inArray(orders.paymentStatus, REFUNDABLE_STATUSES),
        province === null ? undefined : everyProducerIn(province),
      ),
    )
    .orderBy(desc(orderParts.updatedAt))
    .limit(200)
    .all();
  return [
    ...refundsDue.map(
      (p): PaymentToResolve => ({
        kind: "refund_due",
        id: String(p.id),
        reference: p.orderCode,
        amountVnd: p.amountVnd,
        description: p.reason,
        outcome: "refund_due",
        orderCode: p.orderCode,
        receivedAt: p.updatedAt,
      }),
    ),
    // The provider names where to look the transfer up (SePay's or Casso's id); our own webhook's id stands alone.
    ...transfers.map(({ provider, ...t }): PaymentToResolve => ({
      kind: "bank",
      ...t,
      id: String(t.id),
      reference: provider === "bank" ? t.reference : `${provider} ${t.reference}`,
    })),
    ...cards.map(
      (e): PaymentToResolve => ({
        kind: "stripe",
        id: e.id,
        reference: e.id,
        amountVnd: null,
        description: e.type,
        outcome: e.outcome,
        orderCode: e.orderCode,
        receivedAt: e.receivedAt,
      }),
    ),
  ];
}

/**
 * The same rule as staffMayHandleParts, for the order of the outer query: every producer of the
 * order is in the province. Aliased, so the order's own parts in an outer query are not confused with these.
 */
function everyProducerIn(province: string) {
  const part = alias(orderParts, "scope_part");
  const producer = alias(producers, "scope_producer");
  return notExists(
    getDb()
      .select({ one: sql`1` })
      .from(part)
      .innerJoin(producer, eq(producer.id, part.producerId))
      .where(and(eq(part.orderId, orders.id), ne(producer.provinceCode, province))),
  );
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
    const db = getDb();
    const exists =
      kind === "bank"
        ? db.select({ id: bankTransfers.id }).from(bankTransfers).where(and(eq(bankTransfers.id, Number(id)), isNull(bankTransfers.resolvedAt))).get()
        : db.select({ id: stripeEvents.id }).from(stripeEvents).where(and(eq(stripeEvents.id, id), isNull(stripeEvents.resolvedAt))).get();
    // Another province's transfer is forbidden; a resolved or unknown one is simply not there.
    return exists && staff.role !== "central_staff" ? "forbidden" : "not_found";
  }
  getDb().transaction((tx) => {
    let resolved: { orderId: number | null } | undefined;
    if (kind === "bank") {
      tx.update(bankTransfers)
        .set({ resolvedAt: now, resolvedByUserId: staff.id, resolution })
        .where(and(eq(bankTransfers.id, Number(id)), isNull(bankTransfers.resolvedAt)))
        .run();
      resolved = tx.select({ orderId: bankTransfers.orderId }).from(bankTransfers).where(eq(bankTransfers.id, Number(id))).get();
    } else {
      // A Stripe event keeps no resolution text of its own; the audit row below holds it.
      tx.update(stripeEvents).set({ resolvedAt: now }).where(and(eq(stripeEvents.id, id), isNull(stripeEvents.resolvedAt))).run();
      resolved = tx.select({ orderId: stripeEvents.orderId }).from(stripeEvents).where(eq(stripeEvents.id, id)).get();
    }
    const provinceCode = resolved?.orderId ? orderProvince(resolved.orderId) : null;
    recordAudit(staff, { action: "payment.resolve", subjectType: kind === "bank" ? "bank_transfer" : "stripe_event", subjectId: id, provinceCode, before: { resolved: false }, after: { resolved: true, resolution } }, now);
  });
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
  return getDb().transaction(() => {
    const outcome = applyPayment(order.id, order.totalVnd, { source: "staff", userId: staff.id }, { now });
    if (outcome === "paid") {
      recordAudit(staff, { action: "order.markPaid", subjectType: "order", subjectId: order.code, provinceCode: orderProvince(order.id), before: { paymentStatus: order.paymentStatus }, after: { paymentStatus: "paid", paidVnd: order.totalVnd } }, now);
    }
    return outcome;
  });
}

/** An order as staff handling its payment see it, or null when it is unknown or outside their scope. */
export function orderForStaff(staff: SessionUser, code: string): OrderView | null {
  const order = payableOrderByCode(code);
  if (!order || !staffMayHandleParts(staff, partsOfOrder(order.id))) return null;
  return orderView(order.id);
}
