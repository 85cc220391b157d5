import { desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { getDb } from "~/db/client.server";
import { producerActivity, users } from "~/db/schema";

/** What a producer's history records; the list lives with the column in the schema. */
export type ActivityAction = (typeof producerActivity.$inferInsert)["action"];

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
    .all();
}
