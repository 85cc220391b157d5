import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { recordPartDelivered, recordPartPaid, reversePartShares } from "../payments/ledger.server";
import { notifyBuyer, notifyProducer } from "./notifications.server";
import { nextPartStatus, type PartAction, type PartStatus } from "./order-states";
import { withdrawPartReviews } from "./reviews.server";

/** Who moved an order: shown on the buyer's timeline and kept for audit. */
export interface Actor {
  source: "buyer" | "producer" | "staff" | "bank" | "stripe" | "system";
  userId: number | null;
}

export interface PartRow {
  id: number;
  orderId: number;
  producerId: number;
  status: PartStatus;
  totalVnd: number;
  commissionVnd: number;
}

export interface MoveDetails {
  carrier?: string;
  trackingNumber?: string;
  reason?: string;
}

export function partRow(partId: number): PartRow | undefined {
  return prepared(
    `SELECT id, order_id AS orderId, producer_id AS producerId, status, total_vnd AS totalVnd, commission_vnd AS commissionVnd
     FROM order_parts WHERE id = ?`,
  ).get(partId) as PartRow | undefined;
}

export function partsOfOrder(orderId: number): PartRow[] {
  return prepared(
    `SELECT id, order_id AS orderId, producer_id AS producerId, status, total_vnd AS totalVnd, commission_vnd AS commissionVnd
     FROM order_parts WHERE order_id = ? ORDER BY id`,
  ).all(orderId) as PartRow[];
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
  getDb().$client.transaction(() => {
    const changed = prepared(
      `UPDATE order_parts SET status = :to, updated_at = :now,
         carrier = coalesce(:carrier, carrier), tracking_number = coalesce(:trackingNumber, tracking_number),
         cancel_reason = coalesce(:reason, cancel_reason)
       WHERE id = :id AND status = :from`,
    ).run({
      id: part.id,
      from: part.status,
      to,
      now,
      carrier: details.carrier ?? null,
      trackingNumber: details.trackingNumber ?? null,
      reason: to === "cancelled" ? (details.reason ?? null) : null,
    });
    // Someone else moved it first (another tab, a webhook): refuse rather than apply twice.
    if (changed.changes !== 1) throw new StalePartError(part.id);

    const wasPaid = WAS_PAID.includes(part.status);
    if (action === "pay") {
      recordPartPaid(part, now);
      adjustSoldCount(part.id, +1);
    } else if (to === "cancelled") {
      restock(part.id);
      if (wasPaid) {
        reversePartShares(part, "cancelled", now);
        adjustSoldCount(part.id, -1);
      }
    } else if (action === "deliver") {
      recordPartDelivered(part, now);
    } else if (action === "refund") {
      withdrawPartReviews(part.id, now);
      if (part.status !== "cancelled") {
        reversePartShares(part, "refund", now);
        adjustSoldCount(part.id, -1);
        if (part.status === "paid" || part.status === "confirmed") restock(part.id);
      }
    }
    prepared(
      `INSERT INTO order_events (order_id, part_id, action, from_status, to_status, actor_user_id, source, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      part.orderId,
      part.id,
      action,
      part.status,
      to,
      actor.userId,
      actor.source,
      details.reason ?? (details.trackingNumber ? `${details.carrier ?? ""} ${details.trackingNumber}`.trim() : null),
      now,
    );
    if (action === "pay") notifyProducer(part.producerId, part.orderId, "paid", now);
    const buyer = prepared("SELECT user_id AS userId FROM orders WHERE id = ?").get(part.orderId) as { userId: number | null };
    if (buyer.userId !== null && actor.source !== "buyer") notifyBuyer(buyer.userId, part.orderId, to, now);
  })();
  return to;
}

export class StalePartError extends Error {
  constructor(readonly partId: number) {
    super(`order part ${partId} changed meanwhile`);
  }
}

function restock(partId: number) {
  prepared(
    `UPDATE products SET stock = stock + (SELECT sum(quantity) FROM order_items WHERE part_id = :partId AND product_id = products.id)
     WHERE id IN (SELECT product_id FROM order_items WHERE part_id = :partId)`,
  ).run({ partId });
}

function adjustSoldCount(partId: number, sign: 1 | -1) {
  prepared(
    `UPDATE products SET sold_count = max(0, sold_count + :sign * (SELECT sum(quantity) FROM order_items WHERE part_id = :partId AND product_id = products.id))
     WHERE id IN (SELECT product_id FROM order_items WHERE part_id = :partId)`,
  ).run({ partId, sign });
}
