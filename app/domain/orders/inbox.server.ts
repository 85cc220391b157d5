import { and, asc, count, desc, eq, exists, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { orderItems, orderParts, orders, wards } from "~/db/schema";
import { recordActivity } from "../producers/activity.server";
import type { PortalActor } from "../producers/portal-actor.server";
import { movePart, partRow, StalePartError } from "./order-moves.server";
import { IllegalMoveError, type PartStatus } from "./order-states";
import { variantName } from "../catalog/variants";

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
  paymentMethod: (typeof orders.$inferSelect)["paymentMethod"];
  paymentStatus: (typeof orders.$inferSelect)["paymentStatus"];
  /** Other producers have parts in the same order (the demo's "transfer received" needs an order of one producer). */
  sharedOrder: boolean;
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
      paymentStatus: orders.paymentStatus,
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
      sharedOrder: sql<boolean>`${exists(
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
    .select({ productName: orderItems.productName, variantLabel: orderItems.variantLabel, unit: orderItems.unit, quantity: orderItems.quantity, lineTotalVnd: orderItems.lineTotalVnd })
    .from(orderItems)
    .where(eq(orderItems.partId, sql.placeholder("partId")))
    .orderBy(asc(orderItems.id))
    .prepare(),
);

/** What a producer ships: its parts of orders, newest first, with the buyer's delivery details. */
export function producerInbox(producerId: number, limit = 100): InboxPart[] {
  return inboxParts()
    .all({ producerId, limit })
    .map((part) => ({
      ...part,
      items: itemsOfPart()
        .all({ partId: part.id })
        .map(({ variantLabel, ...item }) => ({ ...item, productName: variantName(item.productName, variantLabel) })),
    }));
}

export type ProducerMove =
  | { action: "confirm" }
  | { action: "ship"; carrier: string; trackingNumber: string }
  | { action: "deliver" }
  | { action: "cancel"; reason: string };

export type InboxOutcome = "ok" | "not_found" | "illegal";

/**
 * A producer (or a helper for it) moves its own part of an order. Someone else's part is
 * "not found"; a move the state machine forbids, or one overtaken by another tab, is "illegal".
 * The demo's "transfer received" is a payment, not a part move: payments/seller-transfer.server.ts.
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
      const details =
        move.action === "ship"
          ? { carrier: move.carrier, trackingNumber: move.trackingNumber }
          : move.action === "cancel"
            ? { reason: move.reason }
            : {};
      movePart(part, move.action, who, details, now);
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
