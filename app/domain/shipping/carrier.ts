/**
 * The carrier seam (issue 18, ADR 0028): what the shipping domain asks of every carrier, in our
 * words. Each adapter in `carriers/` alone knows its carrier's URLs, field names, units, auth, reply
 * contract and status table; nothing outside it names a carrier field.
 */
import type { CarrierCode, TrackingState } from "./carrier-codes";

export interface Place {
  provinceCode: string;
  wardCode: string;
  addressLine: string;
}

export interface Contact extends Place {
  name: string;
  phone: string;
}

export interface ParcelItem {
  name: string;
  quantity: number;
  /** Weight of one unit. */
  weightGrams: number;
}

export interface Parcel {
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  /** Declared value of the goods (for insurance), integer VND. */
  valueVnd: number;
  items: ParcelItem[];
}

export interface QuoteRequest {
  from: Place;
  to: Place;
  parcel: Parcel;
}

export interface CarrierQuote {
  carrier: CarrierCode;
  feeVnd: number;
  /** When the carrier expects to deliver (ms), when it says. */
  expectedAt: number | null;
}

export interface BookRequest {
  /** Our idempotency key, sent as the carrier's partner order id. */
  key: string;
  from: Contact;
  to: Contact;
  parcel: Parcel;
  note: string;
}

export interface CarrierBooking {
  waybill: string;
  feeVnd: number | null;
  expectedAt: number | null;
  carrierStatus: string | null;
}

/** What the carrier's own status API says of a parcel now. */
export interface StatusReport {
  carrierStatus: string;
  state: TrackingState;
}

/** One tracking event read from a callback, in our words. */
export interface TrackingUpdate {
  /** The carrier's identity of this event (INTEGRATIONS.md §0), unique per carrier. */
  dedupeKey: string;
  waybill: string | null;
  /** Our idempotency key when the carrier echoes it. */
  reference: string | null;
  carrierStatus: string;
  state: TrackingState;
  occurredAt: number;
  description: string | null;
  location: string | null;
}

export interface CallbackInput {
  rawBody: string;
  contentType: string;
  headers: Headers;
  query: URLSearchParams;
}

/** The answer the carrier expects, whatever we did with its callback. */
export interface CarrierReply {
  status: number;
  body: string;
  contentType: string;
}

export type CallbackReading =
  | { kind: "refused"; reply: CarrierReply }
  | { kind: "malformed"; reply: CarrierReply }
  | { kind: "accepted"; updates: TrackingUpdate[]; reply: CarrierReply };

export type CarrierLabel = { kind: "pdf"; bytes: Uint8Array } | { kind: "url"; url: string };

export type CarrierErrorCode = "unreachable" | "refused" | "not_cancellable" | "duplicate" | "unsupported";

export class CarrierError extends Error {
  constructor(
    readonly code: CarrierErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CarrierError";
  }
}

export interface CarrierAdapter {
  code: CarrierCode;
  /** On when its settings are present. */
  configured(): boolean;
  /** The carrier's address codes for our commune are in the mapping data (areas.server.ts). */
  serves(place: Pick<Place, "provinceCode" | "wardCode">): boolean;
  /**
   * Callbacks authenticated by a secret only the carrier and we know (Viettel Post's Authorization).
   * Unsigned ones (a secret in the URL) are confirmed through `status` before they move anything.
   */
  signedCallbacks: boolean;
  quote(request: QuoteRequest, signal: AbortSignal): Promise<CarrierQuote>;
  book(request: BookRequest): Promise<CarrierBooking>;
  status(waybill: string): Promise<StatusReport>;
  cancel(waybill: string): Promise<void>;
  label(waybill: string): Promise<CarrierLabel>;
  readCallback(input: CallbackInput): CallbackReading;
}
