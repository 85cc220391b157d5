import { describe, expect, it } from "vitest";
import { addressKey, rateLimiter } from "./rate-limit.server";

describe("rateLimiter", () => {
  it("allows `limit` attempts per window and key, then refuses until the window passes", () => {
    const limiter = rateLimiter({ limit: 3, windowMs: 1000 });
    expect([1, 2, 3, 4].map(() => limiter.attempt("ip-a", 0))).toEqual([true, true, true, false]);
    expect(limiter.attempt("ip-b", 10)).toBe(true);
    expect(limiter.attempt("ip-a", 999)).toBe(false);
    expect(limiter.attempt("ip-a", 1000)).toBe(true);
  });

  it("tells when a key has used its window up without counting the question", () => {
    const limiter = rateLimiter({ limit: 2, windowMs: 1000 });
    expect(limiter.exhausted("acct-1", 0)).toBe(false);
    limiter.attempt("acct-1", 0);
    expect(limiter.exhausted("acct-1", 1)).toBe(false);
    expect(limiter.exhausted("acct-1", 1)).toBe(false);
    limiter.attempt("acct-1", 2);
    expect(limiter.exhausted("acct-1", 3)).toBe(true);
    expect(limiter.exhausted("acct-2", 3)).toBe(false);
    expect(limiter.exhausted("acct-1", 1000)).toBe(false);
  });
});

describe("addressKey", () => {
  it("keeps IPv4 addresses whole and counts an IPv6 subscriber's /64 as one", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("2001:db8:85a3:12::8a2e:370:7334")).toBe("2001:db8:85a3:12::/64");
    expect(addressKey("2001:0db8:85a3:0012:ffff:ffff:ffff:1")).toBe("2001:db8:85a3:12::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});
