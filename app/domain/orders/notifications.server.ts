import { prepared } from "~/db/prepared.server";

/**
 * In-app notices: a producer is told of each new paid order (its inbox counts the parts waiting for
 * confirmation), a signed-in buyer of every change to their order (shown on /orders until opened).
 */
export function notifyProducer(producerId: number, orderId: number, kind: string, now: number) {
  prepared("INSERT INTO notifications (producer_id, order_id, kind, created_at) VALUES (?, ?, ?, ?)").run(producerId, orderId, kind, now);
}

export function notifyBuyer(userId: number, orderId: number, kind: string, now: number) {
  prepared("INSERT INTO notifications (user_id, order_id, kind, created_at) VALUES (?, ?, ?, ?)").run(userId, orderId, kind, now);
}

/**
 * The buyer opened the order: its notices are read. The one write on a GET, on purpose: a read
 * receipt, idempotent and invisible to everyone else, like an inbox marking mail as read.
 */
export function markNoticesRead(recipient: { userId: number }, orderId: number) {
  prepared("UPDATE notifications SET read_at = ? WHERE user_id = ? AND order_id = ? AND read_at IS NULL").run(Date.now(), recipient.userId, orderId);
}
