import { describe, expect, it } from "vitest";
import { addressKey } from "./rate-limit.server";

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
