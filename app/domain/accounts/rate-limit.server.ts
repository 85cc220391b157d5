import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { rateLimits } from "~/db/schema";

// One statement counts an attempt: a new key, or a key whose window has passed, starts a window at 1;
// otherwise the count goes up. Atomic in SQLite, so workers counting the same key at once add up.
const countAttempt = once(() =>
  getDb()
    .insert(rateLimits)
    .values({ name: sql.placeholder("name"), key: sql.placeholder("key"), windowStart: sql.placeholder("now"), count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.name, rateLimits.key],
      set: {
        count: sql`CASE WHEN ${sql.placeholder("now")} - ${rateLimits.windowStart} >= ${sql.placeholder("windowMs")} THEN 1 ELSE ${rateLimits.count} + 1 END`,
        windowStart: sql`CASE WHEN ${sql.placeholder("now")} - ${rateLimits.windowStart} >= ${sql.placeholder("windowMs")} THEN ${sql.placeholder("now")} ELSE ${rateLimits.windowStart} END`,
      },
    })
    .returning({ count: rateLimits.count })
    .prepare(),
);

const readWindow = once(() =>
  getDb()
    .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.name, sql.placeholder("name")), eq(rateLimits.key, sql.placeholder("key"))))
    .prepare(),
);

/**
 * Counts attempts per key in fixed windows, in the database: every server process on the file shares
 * the counts (a second worker is not a second allowance), and a restart forgets nothing. `name`
 * keeps each limit's keys apart.
 */
export function rateLimiter({ name, limit, windowMs }: { name: string; limit: number; windowMs: number }) {
  return {
    /** Records an attempt; false when the key has used up its window. */
    attempt(key: string, now = Date.now()): boolean {
      const counted = countAttempt().get({ name, key, now, windowMs });
      return (counted?.count ?? 1) <= limit;
    },
    /**
     * True when the key has used up its window, without counting anything: for limits that count
     * failures only (check this first, then `attempt` after each failure).
     */
    exhausted(key: string, now = Date.now()): boolean {
      const current = readWindow().get({ name, key });
      return current !== undefined && now - current.windowStart < windowMs && current.count >= limit;
    },
  };
}

/** Forgets windows long over (every limit's window is at most a day). Part of the hourly upkeep. */
export function forgetOldRateLimits(now = Date.now()) {
  getDb().delete(rateLimits).where(lt(rateLimits.windowStart, now - 24 * 60 * 60_000)).run();
}

/**
 * The part of a client's address that one subscriber controls, as a rate-limit key: the whole IPv4
 * address, but an IPv6 address's /64, since one home or phone is given a /64 and can use any address
 * in it (counting each would give it 2⁶⁴ separate limits).
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
