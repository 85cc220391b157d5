import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { orderEvents, orderItems, orderParts, orders, products, productVariants } from "~/db/schema";
import { recordPartDelivered, recordPartPaid, reversePartShares } from "../ledger/ledger.server";
import { enqueuePartMoved } from "../messages/events.server";
import { notifyBuyer, notifyProducer } from "./notifications.server";
import { nextPartStatus, type PartAction, type PartStatus } from "./order-states";
import { withdrawPartReviews } from "./reviews.server";
import { releasePartOffers } from "../promotions/offers.server";
import { withholdingForPart } from "../tax/withholding.server";

/** Who moved an order: shown on the buyer's timeline and kept for audit. */
export interface Actor {
  source: "buyer" | "producer" | "staff" | "bank" | "stripe" | "system" | "carrier";
  userId: number | null;
}

export interface PartRow {
  id: number;
  orderId: number;
  producerId: number;
  status: PartStatus;
  totalVnd: number;
  commissionVnd: number;
  /** The platform's campaign discount on this part (ADR 0019); the ledger pays it to the producer. */
  platformDiscountVnd: number;
}

export interface MoveDetails {
  carrier?: string;
  trackingNumber?: string;
  reason?: string;
}

const partColumns = {
  id: orderParts.id,
  orderId: orderParts.orderId,
  producerId: orderParts.producerId,
  status: orderParts.status,
  totalVnd: orderParts.totalVnd,
  commissionVnd: orderParts.commissionVnd,
  platformDiscountVnd: orderParts.platformDiscountVnd,
};
const partById = once(() => getDb().select(partColumns).from(orderParts).where(eq(orderParts.id, sql.placeholder("partId"))).prepare());
const partsByOrder = once(() =>
  getDb().select(partColumns).from(orderParts).where(eq(orderParts.orderId, sql.placeholder("orderId"))).orderBy(asc(orderParts.id)).prepare(),
);

export function partRow(partId: number): PartRow | undefined {
  return partById().get({ partId });
}

export function partsOfOrder(orderId: number): PartRow[] {
  return partsByOrder().all({ orderId });
}

const WAS_PAID: readonly PartStatus[] = ["paid", "confirmed", "shipped", "delivered"];

/**
 * Moves one producer's part by the state machine (order-states.ts) and does what the move means:
 * stock back on cancellation, the ledger on payment, delivery and cancellation, the timeline and
 * notices. Throws IllegalMoveError for a move the machine does not allow. Runs in one transaction
 * (a savepoint when the caller already holds one).
 */
export function movePart(part: PartRow, action: PartAction, actor: Actor, details: MoveDetails = {}, now = Date.now()): PartStatus {
  const to = nextPartStatus(part.status, action);
  getDb().transaction((tx) => {
    const changed = tx
      .update(orderParts)
      .set({
        status: to,
        updatedAt: now,
        // Only what this move brings: a later move keeps the carrier, tracking number and reason already recorded.
        ...(details.carrier !== undefined ? { carrier: details.carrier } : {}),
        ...(details.trackingNumber !== undefined ? { trackingNumber: details.trackingNumber } : {}),
        ...(to === "cancelled" && details.reason !== undefined ? { cancelReason: details.reason } : {}),
      })
      .where(and(eq(orderParts.id, part.id), eq(orderParts.status, part.status)))
      .run();
    // Someone else moved it first (another tab, a webhook): refuse rather than apply twice.
    if (changed.changes !== 1) throw new StalePartError(part.id);

    const wasPaid = WAS_PAID.includes(part.status);
    if (action === "pay") {
      recordPartPaid(part, now, withholdingForPart(part, now));
      adjustSoldCount(tx, part.id, +1);
    } else if (to === "cancelled") {
      restock(tx, part.id);
      releasePartOffers(part.id, now);
      if (wasPaid) {
        reversePartShares(part, "cancelled", now);
        adjustSoldCount(tx, part.id, -1);
      }
    } else if (action === "deliver") {
      recordPartDelivered(part, now);
    } else if (action === "refund") {
      withdrawPartReviews(part.id, now);
      releasePartOffers(part.id, now);
      if (part.status !== "cancelled") {
        reversePartShares(part, "refund", now);
        adjustSoldCount(tx, part.id, -1);
        if (part.status === "paid" || part.status === "confirmed") restock(tx, part.id);
      }
    }
    tx.insert(orderEvents)
      .values({
        orderId: part.orderId,
        partId: part.id,
        action,
        fromStatus: part.status,
        toStatus: to,
        actorUserId: actor.userId,
        source: actor.source,
        note: details.reason ?? (details.trackingNumber ? `${details.carrier ?? ""} ${details.trackingNumber}`.trim() : null),
        createdAt: now,
      })
      .run();
    if (action === "pay") notifyProducer(part.producerId, part.orderId, "paid", now);
    // The part's order exists: order_parts.order_id is a foreign key.
    const buyer = tx.select({ userId: orders.userId }).from(orders).where(eq(orders.id, part.orderId)).get()!;
    if (buyer.userId !== null && actor.source !== "buyer") notifyBuyer(buyer.userId, part.orderId, to, now);
    enqueuePartMoved(tx, part, action, now);
  });
  return to;
}

export class StalePartError extends Error {
  constructor(readonly partId: number) {
    super(`order part ${partId} changed meanwhile`);
  }
}

type Tx = Pick<Db, "update" | "select">;

/** Units of `products`' current row in order part `partId`, for an UPDATE of products. */
function unitsInPart(partId: number) {
  return sql`(SELECT sum(${orderItems.quantity}) FROM ${orderItems}
    WHERE ${orderItems.partId} = ${partId} AND ${orderItems.productId} = ${products.id})`;
}

function productsOfPart(tx: Tx, partId: number) {
  return inArray(products.id, tx.select({ id: orderItems.productId }).from(orderItems).where(eq(orderItems.partId, partId)));
}

/** Each size of the part gets its units back (the products' totals follow by trigger, migration 0016). */
function restock(tx: Tx, partId: number) {
  const unitsOfSize = sql`(SELECT sum(${orderItems.quantity}) FROM ${orderItems}
    WHERE ${orderItems.partId} = ${partId} AND ${orderItems.variantId} = ${productVariants.id})`;
  tx.update(productVariants)
    .set({ stock: sql`${productVariants.stock} + ${unitsOfSize}` })
    .where(inArray(productVariants.id, tx.select({ id: sql<number>`${orderItems.variantId}` }).from(orderItems).where(eq(orderItems.partId, partId))))
    .run();
}

function adjustSoldCount(tx: Tx, partId: number, sign: 1 | -1) {
  tx.update(products)
    .set({ soldCount: sql`max(0, ${products.soldCount} + ${sign} * ${unitsInPart(partId)})` })
    .where(productsOfPart(tx, partId))
    .run();
}
