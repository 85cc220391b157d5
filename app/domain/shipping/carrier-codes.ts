/**
 * The carriers the marketplace can book (issue 18, INTEGRATIONS.md §3) and the tracking states their
 * many status codes come down to. Pure data: the schema, the adapters and the pages all read it.
 */
export const CARRIERS = ["ghtk", "ghn", "viettelpost", "ems"] as const;
export type CarrierCode = (typeof CARRIERS)[number];

export function isCarrier(value: string): value is CarrierCode {
  return (CARRIERS as readonly string[]).includes(value);
}

/** Display names (brand names: the same in every language). */
export const CARRIER_NAMES: Record<CarrierCode, string> = {
  ghtk: "Giao Hàng Tiết Kiệm",
  ghn: "Giao Hàng Nhanh",
  viettelpost: "Viettel Post",
  ems: "EMS (Vietnam Post)",
};

/**
 * Where a parcel is, in our words. Every carrier status maps onto one of these in its adapter's table;
 * `other` is a status that says nothing about progress (an edited weight, a fee update).
 */
export const TRACKING_STATES = [
  "booked",
  "picking_up",
  "picked_up",
  "in_transit",
  "delivering",
  "delivered",
  "delivery_failed",
  "returning",
  "returned",
  "cancelled",
  "lost",
  "other",
] as const;
export type TrackingState = (typeof TRACKING_STATES)[number];

/** States after which nothing more happens to the parcel: a later-arriving earlier status never undoes them. */
export const FINAL_TRACKING_STATES: readonly TrackingState[] = ["delivered", "returned", "cancelled", "lost"];

/** The carrier has the goods (or had them): the order part is `shipped`. */
export const IN_CARRIER_HANDS: readonly TrackingState[] = ["picked_up", "in_transit", "delivering", "delivered", "delivery_failed", "returning", "returned", "lost"];

/** States staff and the producer must act on (refund, re-ship, claim with the carrier). */
export const TROUBLE_STATES: readonly TrackingState[] = ["delivery_failed", "returning", "returned", "lost"];

export const SHIPMENT_STATUSES = ["booking", "booked", "failed", "cancelled"] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const CARRIER_EVENT_OUTCOMES = ["applied", "duplicate", "unknown_shipment", "unconfirmed", "no_change"] as const;
export type CarrierEventOutcome = (typeof CARRIER_EVENT_OUTCOMES)[number];
