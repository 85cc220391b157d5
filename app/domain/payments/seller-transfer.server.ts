import { and, eq, ne } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { orderParts } from "~/db/schema";
import { settings } from "~/settings.server";
import { partRow, StalePartError } from "../orders/order-moves.server";
import { IllegalMoveError } from "../orders/order-states";
import { recordActivity } from "../producers/activity.server";
import type { PortalActor } from "../producers/portal-actor.server";
import { awaitsPayment, sellerMayMarkTransferReceived, type PaymentMethod, type PaymentStatus } from "./payment-states";
import { applyPayment, payableOrderById } from "./payments.server";

export type SellerTransferOutcome = "ok" | "not_found" | "illegal" | "not_allowed";

/** Whether the seller's inbox offers the demo's "transfer received" button for this part. */
export function offersTransferReceived(part: { paymentStatus: PaymentStatus; paymentMethod: PaymentMethod; sharedOrder: boolean }): boolean {
  return (
    awaitsPayment(part.paymentStatus) &&
    sellerMayMarkTransferReceived({ demoPayments: settings.demoPayments, paymentMethod: part.paymentMethod, sharedWithOtherProducers: part.sharedOrder })
  );
}

/**
 * The demo's "transfer received" button in the seller's inbox: a producer (or a helper for it) says
 * the buyer's transfer for its own part's order arrived, and the whole order is paid as if the bank
 * had reported it. Someone else's part is "not found"; outside sellerMayMarkTransferReceived it is
 * "not_allowed"; an order no longer waiting for money, or a part moved meanwhile, is "illegal".
 */
export function markTransferReceivedBySeller(actor: PortalActor, partId: number, now = Date.now()): SellerTransferOutcome {
  const part = partRow(partId);
  if (!part || part.producerId !== actor.producer.id) return "not_found";
  const who = { source: "producer" as const, userId: actor.user.id };
  try {
    return getDb().transaction((tx): SellerTransferOutcome => {
      // The part's order exists: order_parts.order_id is a foreign key.
      const order = payableOrderById(part.orderId)!;
      const shared =
        tx
          .select({ id: orderParts.id })
          .from(orderParts)
          .where(and(eq(orderParts.orderId, order.id), ne(orderParts.producerId, part.producerId)))
          .limit(1)
          .get() !== undefined;
      if (!sellerMayMarkTransferReceived({ demoPayments: settings.demoPayments, paymentMethod: order.paymentMethod, sharedWithOtherProducers: shared })) {
        return "not_allowed";
      }
      if (applyPayment(order.id, order.totalVnd, who, { now }) !== "paid") return "illegal";
      recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "order.markPaid", subject: order.code });
      return "ok";
    });
  } catch (error) {
    if (error instanceof IllegalMoveError || error instanceof StalePartError) return "illegal";
    throw error;
  }
}
