import { describe, expect, it } from "vitest";
import { confirmedBy, currentTracking } from "./tracking";
import { GHTK_STATES } from "./carriers/ghtk.server";
import { GHN_STATES } from "./carriers/ghn.server";
import { VIETTELPOST_STATES } from "./carriers/viettelpost.server";
import { TRACKING_STATES } from "./carrier-codes";

const at = (state: Parameters<typeof confirmedBy>[0], occurredAt: number) => ({ state, occurredAt, carrierStatus: state });

describe("current tracking state", () => {
  it("follows event time, not arrival", () => {
    expect(currentTracking([at("delivering", 3), at("picked_up", 1), at("in_transit", 2)])?.state).toBe("delivering");
  });
  it("never lets a late non-final event undo delivered", () => {
    expect(currentTracking([at("delivered", 5), at("delivering", 9)])?.state).toBe("delivered");
    expect(currentTracking([at("delivering", 9), at("delivered", 5)])?.state).toBe("delivered");
  });
  it("ignores events that say nothing of progress", () => {
    expect(currentTracking([at("picked_up", 1), at("other", 9)])?.state).toBe("picked_up");
    expect(currentTracking([])).toBeUndefined();
  });
});

describe("confirming an unsigned callback by the carrier's status", () => {
  it("accepts the same state or a later one, never a different final one", () => {
    expect(confirmedBy("delivered", "delivered")).toBe(true);
    expect(confirmedBy("picked_up", "delivering")).toBe(true);
    expect(confirmedBy("delivered", "delivering")).toBe(false);
    expect(confirmedBy("delivered", "returned")).toBe(false);
    expect(confirmedBy("delivering", "booked")).toBe(false);
  });
});

describe("status tables", () => {
  it("map onto our states only", () => {
    for (const table of [GHTK_STATES, GHN_STATES, VIETTELPOST_STATES]) {
      for (const state of Object.values(table)) expect(TRACKING_STATES).toContain(state);
    }
    expect(GHTK_STATES["5"]).toBe("delivered");
    expect(GHN_STATES.delivered).toBe("delivered");
    expect(VIETTELPOST_STATES["501"]).toBe("delivered");
    expect(VIETTELPOST_STATES["105"]).toBe("picked_up");
  });
});
