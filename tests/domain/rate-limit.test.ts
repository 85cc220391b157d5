import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { rateLimits } from "~/db/schema";
import { forgetOldRateLimits, rateLimiter } from "~/domain/accounts/rate-limit.server";

describe("rateLimiter", () => {
  it("allows `limit` attempts per window and key, then refuses until the window passes", () => {
    const limiter = rateLimiter({ name: "test.three", limit: 3, windowMs: 1000 });
    expect([1, 2, 3, 4].map(() => limiter.attempt("ip-a", 0))).toEqual([true, true, true, false]);
    expect(limiter.attempt("ip-b", 10)).toBe(true);
    expect(limiter.attempt("ip-a", 999)).toBe(false);
    expect(limiter.attempt("ip-a", 1000)).toBe(true);
  });

  it("tells when a key has used its window up without counting the question", () => {
    const limiter = rateLimiter({ name: "test.two", limit: 2, windowMs: 1000 });
    expect(limiter.exhausted("acct-1", 0)).toBe(false);
    limiter.attempt("acct-1", 0);
    expect(limiter.exhausted("acct-1", 1)).toBe(false);
    expect(limiter.exhausted("acct-1", 1)).toBe(false);
    limiter.attempt("acct-1", 2);
    expect(limiter.exhausted("acct-1", 3)).toBe(true);
    expect(limiter.exhausted("acct-2", 3)).toBe(false);
    expect(limiter.exhausted("acct-1", 1000)).toBe(false);
  });

  it("shares one count between limiters of the same name, as two server processes do, and keeps names apart", () => {
    const inOneWorker = rateLimiter({ name: "test.shared", limit: 2, windowMs: 1000 });
    const inAnother = rateLimiter({ name: "test.shared", limit: 2, windowMs: 1000 });
    const otherLimit = rateLimiter({ name: "test.other", limit: 2, windowMs: 1000 });
    expect(inOneWorker.attempt("ip-c", 0)).toBe(true);
    expect(inAnother.attempt("ip-c", 1)).toBe(true);
    expect(inOneWorker.attempt("ip-c", 2)).toBe(false);
    expect(otherLimit.attempt("ip-c", 3)).toBe(true);
    expect(getDb().select().from(rateLimits).where(eq(rateLimits.key, "ip-c")).orderBy(rateLimits.name).all()).toEqual([
      { name: "test.other", key: "ip-c", windowStart: 3, count: 1 },
      { name: "test.shared", key: "ip-c", windowStart: 0, count: 3 },
    ]);
  });

  it("forgets windows over a day old and keeps the rest", () => {
    const limiter = rateLimiter({ name: "test.old", limit: 1, windowMs: 1000 });
    const day = 24 * 60 * 60_000;
    limiter.attempt("old", 0);
    limiter.attempt("recent", day);
    forgetOldRateLimits(day + 1);
    expect(getDb().select({ key: rateLimits.key }).from(rateLimits).where(eq(rateLimits.name, "test.old")).all()).toEqual([{ key: "recent" }]);
  });
});
