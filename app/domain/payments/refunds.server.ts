import { and, eq, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { bankTransfers, orderParts, orders, producers, refunds } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { movePart, partsOfOrder, type PartRow } from "../orders/order-moves.server";
import { recordRefund } from "../ledger/ledger.server";
import { isRefundable, refundMethod } from "./payment-states";
import { addRefundToOrder, payableOrderById, type PayableOrder } from "./payments.server";
import { refundThroughMomo } from "./providers/momo.server";
import { refundThroughVnpay } from "./providers/vnpay.server";
import { stripeClient } from "./stripe.server";

export type RefundOutcome = "ok" | "not_paid" | "nothing_to_refund" | "forbidden" | "stripe_error" | "provider_error";

/** Parts whose money was received and not yet sent back. */
function refundableParts(orderId: number, partId: number | null): PartRow[] {
  return partsOfOrder(orderId).filter((p) => p.status !== "refunded" && p.status !== "awaiting_payment" && (partId === null || p.id === partId));
}

/** The province an order belongs to (all its producers'), or null when it spans several. */
export function orderProvince(orderId: number): string | null {
  const provinces = getDb()
    .selectDistinct({ code: producers.provinceCode })
    .from(orderParts)
    .innerJoin(producers, eq(producers.id, orderParts.producerId))
    .where(eq(orderParts.orderId, orderId))
    .all();
  return provinces.length === 1 ? provinces[0]!.code : null;
}

// Asked for every part of every order staff open or act on: prepared once.
const producerProvince = once(() =>
  getDb().select({ code: producers.provinceCode }).from(producers).where(eq(producers.id, sql.placeholder("id"))).prepare(),
);

/** Provincial staff act only for producers of their province; central staff for all. */
export function staffMayHandleParts(staff: SessionUser, parts: PartRow[]): boolean {
  if (staff.role === "central_staff") return true;
  if (staff.role !== "staff" || !staff.provinceCode) return false;
  return parts.every((p) => producerProvince().get({ id: p.producerId })?.code === staff.provinceCode);
}

/** The payment a wallet took for the order (VNPay, MoMo): its refunds name it. */
function walletPaymentOf(orderId: number, provider: "vnpay" | "momo") {
  return getDb()
    .select({ transactionId: bankTransfers.transactionId })
    .from(bankTransfers)
    .where(and(eq(bankTransfers.orderId, orderId), eq(bankTransfers.provider, provider), eq(bankTransfers.outcome, "applied")))
    .get();
}

/**
 * Sends money back for a whole order (`partId` null) or one producer's part: through Stripe for card
 * orders (idempotent per order and parts, so a retry never refunds twice), through VNPay or MoMo for
 * their payments (under an id derived from the order and its parts, which a second press records no
 * second time), recorded as a bank refund for transfers. The parts move to `refunded`, the producers'
 * shares are reversed in the ledger.
 */
export async function refundOrder(
  staff: SessionUser,
  orderId: number,
  partId: number | null,
  reason: string,
  now = Date.now(),
): Promise<RefundOutcome> {
  const order = payableOrderById(orderId);
  if (!order) return "nothing_to_refund";
  // Scope first: another province's staff learn nothing of the order (paid or not, what is left to refund).
  // A part id that is not this order's is judged against the whole order, never against no parts at all.
  const orderParts = partsOfOrder(orderId);
  const chosen = orderParts.filter((p) => p.id === partId);
  if (!staffMayHandleParts(staff, partId !== null && chosen.length > 0 ? chosen : orderParts)) return "forbidden";
  return sendRefund(order, partId, reason, { userId: staff.id, source: "staff", auditAs: staff }, now);
}

/** Who sends a refund back: staff, or a producer accepting its buyer's complaint (ADR 0029). */
export interface RefundActor {
  userId: number | null;
  source: "staff" | "producer";
  /** The staff member whose audit log records it; null for a producer's own refund (its order timeline does). */
  auditAs: SessionUser | null;
}

/**
 * Refunds one part the complaint process decided to refund (complaints/complaints.server.ts checked who
 * may decide): through the same path as staff's refunds, so money moves once and only here.
 */
export function refundComplaintPart(orderId: number, partId: number, reason: string, actor: RefundActor, now = Date.now()): Promise<RefundOutcome> {
  const order = payableOrderById(orderId);
  if (!order) return Promise.resolve("nothing_to_refund");
  return sendRefund(order, partId, reason, actor, now);
}

async function sendRefund(order: PayableOrder, partId: number | null, reason: string, actor: RefundActor, now: number): Promise<RefundOutcome> {
  const orderId = order.id;
  if (!isRefundable(order.paymentStatus)) return "not_paid";
  const parts = refundableParts(orderId, partId);
  if (parts.length === 0) return "nothing_to_refund";
  const amountVnd = parts.reduce((sum, p) => sum + p.totalVnd, 0);

  let stripeRefundId: string | null = null;
  let providerRefundId: string | null = null;
  const method = refundMethod(order.paymentMethod);
  if (method === "vnpay" || method === "momo") {
    const payment = walletPaymentOf(orderId, method);
    if (!payment) return "not_paid";
    const refundKey = `${order.code}-${parts.map((p) => p.id).join("-")}`;
    const paidVnd = getDb().select({ paidVnd: orders.paidVnd }).from(orders).where(eq(orders.id, orderId)).get()?.paidVnd ?? 0;
    try {
      const accepted =
        method === "vnpay"
          ? await refundThroughVnpay({ id: orderId, code: order.code, paidVnd }, payment, amountVnd, refundKey, `${actor.source}-${actor.userId ?? 0}`, now)
          : await refundThroughMomo({ id: orderId, code: order.code }, payment, amountVnd, refundKey);
      if (!accepted) return "provider_error";
    } catch (error) {
      console.error(`${method} refused the refund of order ${order.code}`, error);
      return "provider_error";
    }
    providerRefundId = `${method}:${refundKey}`;
  }
  if (method === "stripe") {
    const intent = getDb().select({ id: orders.stripePaymentIntentId }).from(orders).where(eq(orders.id, orderId)).get()?.id;
    if (!intent) return "not_paid";
    try {
      // metadata.orderCode marks the refund as ours, so its webhook does not record it a second time.
      const refund = await (await stripeClient()).refunds.create(
        { payment_intent: intent, amount: amountVnd, metadata: { orderCode: order.code, parts: parts.map((p) => p.id).join(",") } },
        { idempotencyKey: `refund-${order.code}-${parts.map((p) => p.id).join("-")}` },
      );
      stripeRefundId = refund.id;
    } catch (error) {
      console.error(`Stripe refused the refund of order ${order.code}`, error);
      return "stripe_error";
    }
  }

  getDb().transaction((tx) => {
    // A retried refund comes back with the same id: record it once.
    const inserted = tx
      .insert(refunds)
      .values({
        orderId,
        partId,
        amountVnd,
        method,
        stripeRefundId,
        providerRefundId,
        reason,
        actorUserId: actor.userId,
        createdAt: now,
      })
      // Either id (Stripe's, or the one a wallet refund went out under) already recorded: nothing to do.
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return;
    for (const part of refundableParts(orderId, partId)) {
      movePart(part, "refund", { source: actor.source, userId: actor.userId }, { reason }, now);
      recordRefund(part, part.totalVnd, now);
    }
    addRefundToOrder(orderId, amountVnd);
    const after = payableOrderById(orderId)!;
    if (actor.auditAs) {
      recordAudit(
        actor.auditAs,
        {
          action: "order.refund",
          subjectType: "order",
          subjectId: order.code,
          provinceCode: orderProvince(orderId),
          before: { paymentStatus: order.paymentStatus, parts: parts.map((p) => ({ id: p.id, status: p.status })) },
          after: { paymentStatus: after.paymentStatus, refundedVnd: amountVnd, method: order.paymentMethod, reason },
        },
        now,
      );
    }
  });
  return "ok";
}
