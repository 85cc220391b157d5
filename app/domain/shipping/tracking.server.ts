/**
 * Carriers' tracking callbacks (issue 18, `POST /webhooks/carriers/:carrier`): authenticated by the
 * adapter as its carrier allows, stored once per carrier event id, confirmed with the carrier's status
 * API when unsigned, then applied in event-time order. The part moves through the same transitions as
 * the inbox's buttons (movePart: `ship` once the carrier has the goods, `deliver` on delivery, which
 * makes the producer's share payable in the ledger).
 */
import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { carrierEvents, orderParts, shipments } from "~/db/schema";
import { movePart, partRow, StalePartError } from "../orders/order-moves.server";
import { IllegalMoveError } from "../orders/order-states";
import { refuseCallback } from "../shared/refused-callbacks.server";
import { CarrierError, type CallbackInput, type CarrierAdapter, type CarrierReply, type TrackingUpdate } from "./carrier";
import { CARRIER_NAMES, IN_CARRIER_HANDS, isCarrier, type CarrierCode } from "./carrier-codes";
import { jsonReply } from "./carrier-http.server";
import { adapterOf } from "./carriers/registry.server";
import { confirmedBy, currentTracking } from "./tracking";

const CARRIER_ACTOR = { source: "carrier" as const, userId: null };

/** What the route answers: the adapter's reply for the carrier, or 404 for a carrier that is off. */
export async function receiveCarrierCallback(carrierParam: string, input: CallbackInput, now = Date.now()): Promise<CarrierReply> {
  if (!isCarrier(carrierParam)) return jsonReply(404, { error: "unknown carrier" });
  const adapter = adapterOf(carrierParam);
  if (!adapter.configured()) return jsonReply(404, { error: "carrier not configured" });
  const reading = adapter.readCallback(input);
  // Refused or unreadable: kept apart for staff to see (a wrong secret shows), never as an event.
  if (reading.kind !== "accepted") return refuseCallback(carrierParam, reading.kind === "refused" ? "authentication" : "body", input.rawBody, reading.reply, now);
  for (const update of reading.updates) {
    const settled = await receiveUpdate(adapter, update, input.rawBody, now);
    // Not confirmed yet (the status API unreachable or behind): the carrier's retry brings it back.
    if (!settled) return { ...reading.reply, status: 503 };
  }
  return reading.reply;
}

function findShipment(carrier: CarrierCode, update: TrackingUpdate) {
  const byWaybill = update.waybill ? eq(shipments.waybill, update.waybill) : undefined;
  const byKey = update.reference ? eq(shipments.idempotencyKey, update.reference) : undefined;
  const match = byWaybill && byKey ? or(byWaybill, byKey) : (byWaybill ?? byKey);
  if (!match) return undefined;
  return getDb()
    .select()
    .from(shipments)
    .where(and(eq(shipments.carrier, carrier), match, ne(shipments.status, "failed")))
    .get();
}

/** True when the event is settled (applied, a replay, unknown, or no progress); false to ask for a retry. */
async function receiveUpdate(adapter: CarrierAdapter, update: TrackingUpdate, payload: string, now: number): Promise<boolean> {
  const carrier = adapter.code;
  const prior = getDb()
    .select({ id: carrierEvents.id, outcome: carrierEvents.outcome })
    .from(carrierEvents)
    .where(and(eq(carrierEvents.carrier, carrier), eq(carrierEvents.dedupeKey, update.dedupeKey)))
    .get();
  // A replay of an event already settled changes nothing.
  if (prior && prior.outcome !== "unconfirmed") return true;
  const shipment = findShipment(carrier, update);

  let confirmed = true;
  if (shipment && !adapter.signedCallbacks && update.state !== "other" && shipment.waybill) {
    // Unsigned: ask the carrier before the callback moves anything (INTEGRATIONS.md §0).
    try {
      const report = await adapter.status(shipment.waybill);
      confirmed = confirmedBy(update.state, report.state);
    } catch (error) {
      if (!(error instanceof CarrierError)) throw error;
      confirmed = false;
    }
  }
  const outcome = !shipment ? ("unknown_shipment" as const) : confirmed ? ("applied" as const) : ("unconfirmed" as const);

  getDb().transaction(
    (tx) => {
      const row = {
        carrier,
        dedupeKey: update.dedupeKey,
        shipmentId: shipment?.id ?? null,
        waybill: update.waybill,
        carrierStatus: update.carrierStatus,
        state: update.state,
        description: update.description,
        location: update.location,
        occurredAt: update.occurredAt,
        receivedAt: now,
        outcome,
        payload: payload.slice(0, 16_000),
      };
      // Another process may have stored it meanwhile: the unique (carrier, dedupe_key) decides.
      const stored = tx
        .insert(carrierEvents)
        .values(row)
        .onConflictDoUpdate({ target: [carrierEvents.carrier, carrierEvents.dedupeKey], set: { outcome, shipmentId: row.shipmentId, receivedAt: now }, where: eq(carrierEvents.outcome, "unconfirmed") })
        .returning({ id: carrierEvents.id })
        .get();
      if (!stored || !shipment || outcome !== "applied") return;
      applyTracking(shipment.id, now);
    },
    { behavior: "immediate" },
  );
  return outcome !== "unconfirmed";
}

/** Recomputes the shipment's state from its applied events and moves the order part forward. */
function applyTracking(shipmentId: number, now: number) {
  const db = getDb();
  const shipment = db.select().from(shipments).where(eq(shipments.id, shipmentId)).get()!;
  const events = db
    .select({ state: carrierEvents.state, occurredAt: carrierEvents.occurredAt, carrierStatus: carrierEvents.carrierStatus })
    .from(carrierEvents)
    .where(and(eq(carrierEvents.shipmentId, shipmentId), eq(carrierEvents.outcome, "applied")))
    .all();
  const current = currentTracking(events);
  if (!current) return;
  const lastMovedAt = Math.max(shipment.lastMovedAt, ...events.filter((e) => e.state !== "other").map((e) => e.occurredAt));
  // The carrier cancelled a booking before pick-up (its own cancel, or ours seen again): the part may be booked anew.
  const cancelledBeforePickup = current.state === "cancelled" && !events.some((e) => IN_CARRIER_HANDS.includes(e.state));
  db.update(shipments)
    .set({ trackingState: current.state, carrierStatus: current.carrierStatus, lastMovedAt, updatedAt: now, ...(cancelledBeforePickup ? { status: "cancelled" as const } : {}) })
    .where(eq(shipments.id, shipmentId))
    .run();
  if (cancelledBeforePickup) return;
  // A cancelled booking's later events are kept, but the part is not moved by a booking it no longer has.
  if (shipment.status !== "booked") return;

  const inHands = IN_CARRIER_HANDS.includes(current.state) || events.some((e) => IN_CARRIER_HANDS.includes(e.state));
  let part = partRow(shipment.partId);
  try {
    if (part && part.status === "confirmed" && inHands) {
      movePart(part, "ship", CARRIER_ACTOR, { carrier: CARRIER_NAMES[shipment.carrier], trackingNumber: shipment.waybill ?? undefined }, now);
      part = partRow(shipment.partId);
    }
    if (part && part.status === "shipped" && current.state === "delivered") movePart(part, "deliver", CARRIER_ACTOR, {}, now);
  } catch (error) {
    // Moved by someone else meanwhile (staff, the producer's button): the event stays, the part as it is.
    if (!(error instanceof IllegalMoveError) && !(error instanceof StalePartError)) throw error;
  }
}

export interface TrackingEventView {
  carrier: CarrierCode;
  waybill: string | null;
  state: (typeof carrierEvents.$inferSelect)["state"];
  description: string | null;
  location: string | null;
  occurredAt: number;
}

/** The buyer's tracking timeline of each part of an order: applied events, in the order they happened. */
export function trackingOfParts(partIds: number[]): Map<number, TrackingEventView[]> {
  const byPart = new Map<number, TrackingEventView[]>();
  if (partIds.length === 0) return byPart;
  const rows = getDb()
    .select({
      partId: shipments.partId,
      carrier: carrierEvents.carrier,
      waybill: shipments.waybill,
      state: carrierEvents.state,
      description: carrierEvents.description,
      location: carrierEvents.location,
      occurredAt: carrierEvents.occurredAt,
    })
    .from(carrierEvents)
    .innerJoin(shipments, eq(shipments.id, carrierEvents.shipmentId))
    .where(and(inArray(shipments.partId, partIds), eq(carrierEvents.outcome, "applied"), ne(carrierEvents.state, "other")))
    .orderBy(asc(carrierEvents.occurredAt), asc(carrierEvents.id))
    .all();
  for (const { partId, ...event } of rows) byPart.set(partId, [...(byPart.get(partId) ?? []), event]);
  return byPart;
}

/** Live shipments of the given parts (the order page's carrier and waybill). */
export function shipmentsOfParts(partIds: number[]) {
  if (partIds.length === 0) return [];
  return getDb()
    .select({ partId: shipments.partId, carrier: shipments.carrier, waybill: shipments.waybill, trackingState: shipments.trackingState, expectedDeliveryAt: shipments.expectedDeliveryAt })
    .from(shipments)
    .innerJoin(orderParts, eq(orderParts.id, shipments.partId))
    .where(and(inArray(shipments.partId, partIds), eq(shipments.status, "booked")))
    .all();
}
