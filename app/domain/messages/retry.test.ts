import { describe, expect, it } from "vitest";
import { LEASE_MS, MAX_ATTEMPTS, nextAttemptAfter } from "./retry";

describe("retries of a message", () => {
  it("waits longer after each failed attempt", () => {
    const delays = [1, 2, 3, 4, 5].map((attempts) => nextAttemptAfter(attempts, 0)!);
    expect(delays).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
  });

  it("gives up after the last attempt", () => {
    expect(nextAttemptAfter(MAX_ATTEMPTS - 1, 0)).not.toBeNull();
    expect(nextAttemptAfter(MAX_ATTEMPTS, 0)).toBeNull();
  });

  it("leases a claimed message for longer than a send may take (fetch times out after 15 s)", () => {
    expect(LEASE_MS).toBeGreaterThan(15_000);
  });
});
