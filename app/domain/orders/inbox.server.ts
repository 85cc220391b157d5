import { and, asc, count, desc, eq, exists, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { orderItems, orderParts, orders, wards } from "~/db/schema";
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

const inboxParts = once(() => {
  const db = getDb();
  const otherParts = alias(orderParts, "other_parts");
  return db
    .select({
      id: orderParts.id,
      orderCode: orders.code,
      status: orderParts.status,
      paymentMethod: orders.paymentMethod,
      createdAt: orderParts.createdAt,
      buyerName: orders.fullName,
      buyerPhone: orders.phone,
      addressLine: orders.addressLine,
      wardName: wards.fullName,
      provinceCode: orders.provinceCode,
      goodsTotalVnd: orderParts.goodsTotalVnd,
      shippingFeeVnd: orderParts.shippingFeeVnd,
      totalVnd: orderParts.totalVnd,
      commissionVnd: orderParts.commissionVnd,
      carrier: orderParts.carrier,
      trackingNumber: orderParts.trackingNumber,
      cancelReason: orderParts.cancelReason,
      // Whether other producers have parts in the same order (see mayMarkPaid).
      shared: sql<boolean>`${exists(
        db
          .select({ id: otherParts.id })
          .from(otherParts)
          .where(and(eq(otherParts.orderId, orderParts.orderId), ne(otherParts.producerId, orderParts.producerId))),
      )}`.mapWith(Boolean),
    })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .innerJoin(wards, eq(wards.code, orders.wardCode))
    .where(eq(orderParts.producerId, sql.placeholder("producerId")))
    .orderBy(desc(orderParts.createdAt), desc(orderParts.id))
    .limit(sql.placeholder("limit"))
    .prepare();
});
const itemsOfPart = once(() =>
  getDb()
    .select({ productName: orderItems.productName, unit: orderItems.unit, quantity: orderItems.quantity, lineTotalVnd: orderItems.lineTotalVnd })
    .from(orderItems)
    .where(eq(orderItems.partId, sql.placeholder("partId")))
    .orderBy(asc(orderItems.id))
    .prepare(),
);

/** What a producer ships: its parts of orders, newest first, with the buyer's delivery details. */
export function producerInbox(producerId: number, limit = 100): InboxPart[] {
  return inboxParts()
    .all({ producerId, limit })
    .map(({ shared, ...part }) => ({
      ...part,
      canMarkPaid: part.status === "awaiting_payment" && mayMarkPaid(part.paymentMethod, shared),
      items: itemsOfPart().all({ partId: part.id }),
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
  // The part's order exists: order_parts.order_id is a foreign key.
  const subject = getDb().select({ code: orders.code }).from(orders).where(eq(orders.id, part.orderId)).get()!.code;
  try {
    return getDb().transaction((tx): InboxOutcome => {
      if (move.action === "markPaid") {
        const order = payableOrderById(part.orderId)!;
        const shared =
          tx
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
      recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: `order.${move.action}`, subject });
      return "ok";
    });
  } catch (error) {
    if (error instanceof IllegalMoveError || error instanceof StalePartError) return "illegal";
    throw error;
  }
}

const paidPartsOfProducer = once(() =>
  getDb()
    .select({ n: count() })
    .from(orderParts)
    .where(and(eq(orderParts.producerId, sql.placeholder("producerId")), eq(orderParts.status, "paid")))
    .prepare(),
);

/** How many paid parts wait for the producer to confirm them (the inbox badge). */
export function partsAwaitingConfirmation(producerId: number): number {
  // count(*) always gives a row.
  return paidPartsOfProducer().get({ producerId })!.n;
}
