import { and, eq, lt, or, sql } from "drizzle-orm";
import { getDb } from "./client.server";
import { once } from "./prepared.server";
import { leases } from "./schema";

const takeOrRenew = once(() =>
  getDb()
    .insert(leases)
    .values({ name: sql.placeholder("name"), holder: sql.placeholder("holder"), expiresAt: sql.placeholder("expiresAt") })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder: sql`excluded.holder`, expiresAt: sql`excluded.expires_at` },
      setWhere: or(eq(leases.holder, sql.placeholder("holder")), lt(leases.expiresAt, sql.placeholder("now"))),
    })
    .returning({ holder: leases.holder })
    .prepare(),
);

/**
 * Takes the named lease, or renews it when `holder` has it already; true while `holder` holds it.
 * One statement, so of several processes asking at once exactly one gets a free or lapsed lease; a
 * holder that stops renewing (it died) loses it when `ttlMs` has passed, or at once when
 * `holderIsGone` says so (a process of this machine that no longer exists: a server restarted after
 * a crash runs its jobs at start, not minutes later).
 */
export function holdLease(name: string, holder: string, ttlMs: number, now = Date.now(), holderIsGone: (other: string) => boolean = () => false): boolean {
  if (takeOrRenew().get({ name, holder, expiresAt: now + ttlMs, now })?.holder === holder) return true;
  const current = getDb().select({ holder: leases.holder }).from(leases).where(eq(leases.name, name)).get();
  if (!current || !holderIsGone(current.holder)) return false;
  // Only if the gone holder still has it: two processes seeing it gone at once, one takes it.
  const taken = getDb()
    .update(leases)
    .set({ holder, expiresAt: now + ttlMs })
    .where(and(eq(leases.name, name), eq(leases.holder, current.holder)))
    .run();
  return taken.changes === 1;
}

/** Gives the lease up (a process stopping cleanly), so another can take it at once. */
export function releaseLease(name: string, holder: string) {
  getDb().delete(leases).where(and(eq(leases.name, name), eq(leases.holder, holder))).run();
}
