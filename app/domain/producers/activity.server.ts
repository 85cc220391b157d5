import { desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { getDb } from "~/db/client.server";
import { producerActivity, users } from "~/db/schema";

export type ActivityAction =
  | "profile.create"
  | "profile.update"
  | "profile.bankAccount"
  | "profile.photo"
  | "evidence.upload"
  | "helper.invite"
  | "helper.join"
  | "helper.revoke"
  | "product.create"
  | "product.update"
  | "product.hide"
  | "product.reviewRequest"
  | "order.confirm"
  | "order.ship"
  | "order.deliver"
  | "order.cancel"
  | "order.markPaid";

/** Records who did what for a producer; called inside the transaction of the change itself. */
export function recordActivity(
  tx: Pick<Db, "insert">,
  entry: { producerId: number; actorUserId: number; action: ActivityAction; subject?: string },
) {
  tx.insert(producerActivity).values({ ...entry, subject: entry.subject ?? "" }).run();
}

/** A producer's history, newest first, with the name of whoever acted. */
export function producerHistory(producerId: number, limit = 50) {
  return getDb()
    .select({
      id: producerActivity.id,
      action: producerActivity.action,
      subject: producerActivity.subject,
      createdAt: producerActivity.createdAt,
      actorName: users.fullName,
    })
    .from(producerActivity)
    .innerJoin(users, eq(users.id, producerActivity.actorUserId))
    .where(eq(producerActivity.producerId, producerId))
    .orderBy(desc(producerActivity.id))
    .limit(limit)
    .all() as { id: number; action: ActivityAction; subject: string; createdAt: number; actorName: string }[];
}
