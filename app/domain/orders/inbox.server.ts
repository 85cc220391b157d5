import { and, eq, ne } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { orderParts } from "~/db/schema";
import { prepared } from "~/db/prepared.server";
import { settings } from "~/settings.server";
import { recordActivity } from "../producers/activity.server";
import type { PortalActor } from "../producers/portal-actor.server";
import { applyPayment, payableOrderById } from "../payments/payments.server";
import { movePart, partRow, StalePartError } from "./order-moves.server";
import { IllegalMoveError, type PartStatus } from "./order-states";

export interface InboxItem {
  productName: string;
  unit: string;
  quantity: number;
  lineTotalVnd: number;
}

export interface InboxPart {
  id: number;
  orderCode: string;
  status: PartStatus;
  paymentMethod: "vietqr" | "stripe";
  createdAt: number;
  buyerName: string;
  buyerPhone: string;
  addressLine: string;
  wardName: string;
  provinceCode: string;
  goodsTotalVnd: number;
  shippingFeeVnd: number;
  totalVnd: number;
  commissionVnd: number;
  carrier: string | null;
  trackingNumber: string | null;
  cancelReason: string | null;
  /** The demo's "transfer received" button: see `mayMarkPaid`. */
  canMarkPaid: boolean;
  items: InboxItem[];
}

/** What a producer ships: its parts of orders, newest first, with the buyer's delivery details. */
export function producerInbox(producerId: number, limit = 100): InboxPart[] {
  const parts = prepared(
    `SELECT p.id, o.code AS orderCode, p.status, o.payment_method AS paymentMethod, p.created_at AS createdAt,
       o.full_name AS buyerName, o.phone AS buyerPhone, o.address_line AS addressLine, w.full_name AS wardName,
       o.province_code AS provinceCode, p.goods_total_vnd AS goodsTotalVnd, p.shipping_fee_vnd AS shippingFeeVnd,
       p.total_vnd AS totalVnd, p.commission_vnd AS commissionVnd, p.carrier, p.tracking_number AS trackingNumber,
       p.cancel_reason AS cancelReason,
       EXISTS (SELECT 1 FROM order_parts q WHERE q.order_id = p.order_id AND q.producer_id != p.producer_id) AS shared
     FROM order_parts p JOIN orders o ON o.id = p.order_id JOIN wards w ON w.code = o.ward_code
     WHERE p.producer_id = ? ORDER BY p.created_at DESC, p.id DESC LIMIT ?`,
  ).all(producerId, limit) as (Omit<InboxPart, "items" | "canMarkPaid"> & { shared: 0 | 1 })[];
  const itemsOf = prepared(
    `SELECT product_name AS productName, unit, quantity, line_total_vnd AS lineTotalVnd FROM order_items WHERE part_id = ? ORDER BY id`,
  );
  return parts.map(({ shared, ...part }) => ({
    ...part,
    canMarkPaid: part.status === "awaiting_payment" && mayMarkPaid(part.paymentMethod, shared === 1),
    items: itemsOf.all(part.id) as InboxItem[],
  }));
}

export type ProducerMove =
  | { action: "confirm" }
  | { action: "ship"; carrier: string; trackingNumber: string }
  | { action: "deliver" }
  | { action: "cancel"; reason: string }
  | { action: "markPaid" };

export type InboxOutcome = "ok" | "not_found" | "illegal" | "not_allowed";

/**
 * A seller may say a transfer arrived only in the demo (`settings.demoPayments`), for a VietQR order
 * that is its alone: paying a shared order would move other producers' parts and credit their ledgers.
 */
function mayMarkPaid(paymentMethod: InboxPart["paymentMethod"], shared: boolean): boolean {
  return settings.demoPayments && paymentMethod === "vietqr" && !shared;
}

/**
 * A producer (or a helper for it) moves its own part of an order. Someone else's part is
 * "not found"; a move the state machine forbids, or one overtaken by another tab, is "illegal";
 * `markPaid` outside `mayMarkPaid` is "not_allowed".
 */
export function moveOwnPart(actor: PortalActor, partId: number, move: ProducerMove, now = Date.now()): InboxOutcome {
  const part = partRow(partId);
  if (!part || part.producerId !== actor.producer.id) return "not_found";
  // Before payment the order is one amount for all producers; one part cannot drop out of it.
  if (move.action === "cancel" && part.status === "awaiting_payment") return "illegal";
  const who = { source: "producer" as const, userId: actor.user.id };
  const subject = (prepared("SELECT code FROM orders WHERE id = ?").get(part.orderId) as { code: string }).code;
  try {
    return getDb().$client.transaction((): InboxOutcome => {
      if (move.action === "markPaid") {
        const order = payableOrderById(part.orderId)!;
        const shared =
          getDb()
            .select({ id: orderParts.id })
            .from(orderParts)
            .where(and(eq(orderParts.orderId, order.id), ne(orderParts.producerId, part.producerId)))
            .limit(1)
            .get() !== undefined;
        if (!mayMarkPaid(order.paymentMethod, shared)) return "not_allowed";
        if (applyPayment(order.id, order.totalVnd, who, { now }) !== "paid") return "illegal";
      } else {
        const details =
          move.action === "ship"
            ? { carrier: move.carrier, trackingNumber: move.trackingNumber }
            : move.action === "cancel"
              ? { reason: move.reason }
              : {};
        movePart(part, move.action, who, details, now);
      }
      recordActivity(getDb(), { producerId: actor.producer.id, actorUserId: actor.user.id, action: `order.${move.action}`, subject });
      return "ok";
    })();
  } catch (error) {
    if (error instanceof IllegalMoveError || error instanceof StalePartError) return "illegal";
    throw error;
  }
}

/** How many paid parts wait for the producer to confirm them (the inbox badge). */
export function partsAwaitingConfirmation(producerId: number): number {
  return (prepared("SELECT count(*) AS n FROM order_parts WHERE producer_id = ? AND status = 'paid'").get(producerId) as { n: number }).n;
}
