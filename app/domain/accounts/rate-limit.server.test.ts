import { describe, expect, it } from "vitest";
import { rateLimiter } from "./rate-limit.server";

describe("rateLimiter", () => {
  it("allows `limit` attempts per window and key, then refuses until the window passes", () => {
    const limiter = rateLimiter({ limit: 3, windowMs: 1000 });
    expect([1, 2, 3, 4].map(() => limiter.attempt("ip-a", 0))).toEqual([true, true, true, false]);
    expect(limiter.attempt("ip-b", 10)).toBe(true);
    expect(limiter.attempt("ip-a", 999)).toBe(false);
    expect(limiter.attempt("ip-a", 1000)).toBe(true);
  });
});
