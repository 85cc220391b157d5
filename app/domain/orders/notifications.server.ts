import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { notifications } from "~/db/schema";

/**
 * In-app notices: a producer is told of each new paid order (its inbox counts the parts waiting for
 * confirmation), a signed-in buyer of every change to their order (shown on /orders until opened).
 */
export function notifyProducer(producerId: number, orderId: number, kind: string, now: number) {
  getDb().insert(notifications).values({ producerId, orderId, kind, createdAt: now }).run();
}

export function notifyBuyer(userId: number, orderId: number, kind: string, now: number) {
  getDb().insert(notifications).values({ userId, orderId, kind, createdAt: now }).run();
}

// Prepared once: it runs on every view of an order by its signed-in buyer.
const markRead = once(() =>
  getDb()
    .update(notifications)
    .set({ readAt: sql`${sql.placeholder("now")}` })
    .where(and(eq(notifications.userId, sql.placeholder("userId")), eq(notifications.orderId, sql.placeholder("orderId")), isNull(notifications.readAt)))
    .prepare(),
);

/**
 * The buyer opened the order: its notices are read. The one write on a GET, on purpose: a read
 * receipt, idempotent and invisible to everyone else, like an inbox marking mail as read.
 */
export function markNoticesRead(recipient: { userId: number }, orderId: number) {
  markRead().run({ now: Date.now(), userId: recipient.userId, orderId });
}
