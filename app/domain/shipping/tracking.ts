/**
 * Which tracking event stands for a parcel, from events applied in any arrival order (issue 18):
 * events count in the order they happened at the carrier, and once a final state (delivered,
 * returned, cancelled, lost) is reached, no later-arriving non-final event undoes it.
 */
import { FINAL_TRACKING_STATES, type TrackingState } from "./carrier-codes";

export interface TimedState {
  state: TrackingState;
  occurredAt: number;
  carrierStatus: string;
}

export function currentTracking<T extends TimedState>(events: readonly T[]): T | undefined {
  const progress = events.filter((e) => e.state !== "other").sort((a, b) => a.occurredAt - b.occurredAt);
  let current: T | undefined;
  for (const event of progress) {
    if (current && FINAL_TRACKING_STATES.includes(current.state) && !FINAL_TRACKING_STATES.includes(event.state)) continue;
    current = event;
  }
  return current;
}

/** How far along a parcel is, to judge whether the carrier's status API backs a callback's claim. */
const RANK: Record<TrackingState, number> = {
  other: -1,
  booked: 0,
  picking_up: 1,
  picked_up: 2,
  in_transit: 3,
  delivering: 4,
  delivery_failed: 4,
  returning: 5,
  delivered: 6,
  returned: 6,
  cancelled: 6,
  lost: 6,
};

/**
 * An unsigned callback's state is confirmed when the carrier's own status says the same, or that the
 * parcel is already past it (a callback for "picked up" arriving after delivery). A final state is
 * only confirmed by the same final state: "delivered" is never taken on the word of "returned".
 */
export function confirmedBy(claimed: TrackingState, reported: TrackingState): boolean {
  if (claimed === reported) return true;
  if (claimed === "other") return true;
  if (FINAL_TRACKING_STATES.includes(claimed)) return false;
  return RANK[reported] > RANK[claimed];
}
