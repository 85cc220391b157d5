import { and, count, desc, eq, gte, lt, max } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { refusedCallbacks } from "~/db/schema";
import type { SessionUser } from "../accounts/sessions.server";

/** Enough of a body to see what came; never the whole of a large one. */
const EXCERPT_CHARS = 500;
/** The latest refusals kept per provider: a flood of junk posts stays bounded. */
const KEEP_PER_PROVIDER = 200;

export type RefusalReason = "authentication" | "body";

/**
 * Records a callback an outside service's URL refused (a payment provider's, a carrier's) and answers
 * the refusal, unchanged. Nothing else is written for it (ADR 0023: only the provider's
 * authenticated word is a transfer or a tracking event).
 */
export function refuseCallback<Reply>(provider: string, reason: RefusalReason, body: Buffer | string, reply: Reply, now = Date.now()): Reply {
  const excerpt = (typeof body === "string" ? body : body.toString("utf8", 0, Math.min(body.length, EXCERPT_CHARS * 4))).slice(0, EXCERPT_CHARS);
  getDb().transaction((tx) => {
    const inserted = tx.insert(refusedCallbacks).values({ provider, reason, excerpt, receivedAt: now }).returning({ id: refusedCallbacks.id }).get();
    tx.delete(refusedCallbacks)
      .where(and(eq(refusedCallbacks.provider, provider), lt(refusedCallbacks.id, inserted.id - KEEP_PER_PROVIDER + 1)))
      .run();
  });
  return reply;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Per provider, the refusals of the last day and the latest one's time: for staff (a wrong secret shows here). */
export function recentRefusals(staff: SessionUser, now = Date.now()): { provider: string; count: number; lastAt: number }[] {
  if (staff.role !== "staff" && staff.role !== "central_staff") return [];
  return getDb()
    .select({ provider: refusedCallbacks.provider, count: count(), lastAt: max(refusedCallbacks.receivedAt) })
    .from(refusedCallbacks)
    .where(gte(refusedCallbacks.receivedAt, now - DAY_MS))
    .groupBy(refusedCallbacks.provider)
    .orderBy(desc(max(refusedCallbacks.receivedAt)))
    .all()
    .map((r) => ({ provider: r.provider, count: r.count, lastAt: r.lastAt ?? now }));
}
