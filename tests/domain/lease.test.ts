import { describe, expect, it } from "vitest";
import { holdLease, releaseLease } from "~/db/lease.server";

describe("holdLease", () => {
  it("gives a free lease to the first process that asks and renews it for that process only", () => {
    expect(holdLease("sweeps", "worker-a", 1000, 0)).toBe(true);
    expect(holdLease("sweeps", "worker-b", 1000, 10)).toBe(false);
    expect(holdLease("sweeps", "worker-a", 1000, 900)).toBe(true);
    // Renewed at 900: still worker-a's at 1,500.
    expect(holdLease("sweeps", "worker-b", 1000, 1500)).toBe(false);
  });

  it("passes to another process once its holder stops renewing and it runs out", () => {
    expect(holdLease("digest", "worker-a", 1000, 0)).toBe(true);
    expect(holdLease("digest", "worker-b", 1000, 1001)).toBe(true);
    expect(holdLease("digest", "worker-a", 1000, 1002)).toBe(false);
  });

  it("keeps leases of different names apart", () => {
    expect(holdLease("one", "worker-a", 1000, 0)).toBe(true);
    expect(holdLease("two", "worker-b", 1000, 0)).toBe(true);
  });
});

describe("releaseLease", () => {
  it("frees the lease for another process at once, and only when the caller holds it", () => {
    expect(holdLease("handover", "worker-a", 60_000, 0)).toBe(true);
    releaseLease("handover", "worker-b");
    expect(holdLease("handover", "worker-b", 60_000, 1)).toBe(false);
    releaseLease("handover", "worker-a");
    expect(holdLease("handover", "worker-b", 60_000, 2)).toBe(true);
  });
});

describe("a holder known to be gone", () => {
  it("hands its lease over at once, and a holder still alive keeps it", () => {
    expect(holdLease("crash", "worker-a", 60_000, 0)).toBe(true);
    expect(holdLease("crash", "worker-b", 60_000, 1, (other) => other === "worker-x")).toBe(false);
    expect(holdLease("crash", "worker-b", 60_000, 2, (other) => other === "worker-a")).toBe(true);
    expect(holdLease("crash", "worker-a", 60_000, 3)).toBe(false);
  });
});
