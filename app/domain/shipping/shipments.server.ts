/**
 * Booking a carrier's pick-up for an order part, its label and its cancellation (issue 18). The
 * producer or a helper acting for it does these from the orders inbox. Calls to the carrier run
 * outside any transaction; the shipment row is written first (`booking`: the intent, with our
 * idempotency key) so a retry, a second tab or a crash in between books once.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { orderItems, orderParts, orders, productVariants, shipments } from "~/db/schema";
import { recordActivity } from "../producers/activity.server";
import type { PortalActor } from "../producers/portal-actor.server";
import { variantName } from "../catalog/variants";
import { CarrierError, type BookRequest, type CarrierLabel, type Parcel } from "./carrier";
import { CARRIER_NAMES, FINAL_TRACKING_STATES, type CarrierCode, type TrackingState } from "./carrier-codes";
import { adapterOf } from "./carriers/registry.server";
import { prefilledParcel, shipmentKey, type ParcelSize } from "./parcel";
import { carriersOfProducer, pickupOf } from "./producer-carriers.server";

export type Shipment = typeof shipments.$inferSelect;

/** The part's live shipment (booking or booked), if any. */
export function liveShipment(partId: number): Shipment | undefined {
  return getDb()
    .select()
    .from(shipments)
    .where(and(eq(shipments.partId, partId), inArray(shipments.status, ["booking", "booked"])))
    .get();
}

interface PartFacts {
  id: number;
  producerId: number;
  status: (typeof orderParts.$inferSelect)["status"];
  orderCode: string;
  weightGrams: number;
  goodsTotalVnd: number;
  quotedCarrier: CarrierCode | null;
  buyer: { name: string; phone: string; provinceCode: string; wardCode: string; addressLine: string };
}

function partFacts(partId: number): PartFacts | undefined {
  const row = getDb()
    .select({
      id: orderParts.id,
      producerId: orderParts.producerId,
      status: orderParts.status,
      orderCode: orders.code,
      weightGrams: orderParts.weightGrams,
      goodsTotalVnd: orderParts.goodsTotalVnd,
      quotedCarrier: orderParts.quotedCarrier,
      name: orders.fullName,
      phone: orders.phone,
      provinceCode: orders.provinceCode,
      wardCode: orders.wardCode,
      addressLine: orders.addressLine,
    })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(eq(orderParts.id, partId))
    .get();
  if (!row) return undefined;
  const { name, phone, provinceCode, wardCode, addressLine, ...part } = row;
  return { ...part, buyer: { name, phone, provinceCode, wardCode, addressLine } };
}

function parcelItems(partId: number): Parcel["items"] {
  return getDb()
    .select({ name: orderItems.productName, variantLabel: orderItems.variantLabel, quantity: orderItems.quantity, weightGrams: productVariants.weightGrams })
    .from(orderItems)
    .leftJoin(productVariants, eq(productVariants.id, orderItems.variantId))
    .where(eq(orderItems.partId, partId))
    .all()
    .map((i) => ({ name: variantName(i.name, i.variantLabel), quantity: i.quantity, weightGrams: i.weightGrams ?? 0 }));
}

export interface CarrierOption {
  carrier: CarrierCode;
  name: string;
  /** The mapping data has both communes: the carrier can be booked for this part. */
  served: boolean;
}

export interface BookingView {
  options: CarrierOption[];
  preselected: CarrierCode | null;
  parcel: ParcelSize;
  shipment: Pick<Shipment, "id" | "carrier" | "status" | "waybill" | "feeVnd" | "expectedDeliveryAt" | "trackingState" | "error"> | null;
  /** The carrier still allows a cancel (nothing picked up yet, as far as we know). */
  cancellable: boolean;
}

const BEFORE_PICKUP: readonly TrackingState[] = ["booked", "picking_up"];

/**
 * What the inbox shows for a part's delivery: the producer's carriers (those that cannot serve one of
 * the communes marked so), the one preselected (the carrier of the checkout's quote, else the
 * producer's default), the parcel prefilled from the goods, and the live shipment.
 */
export function bookingView(producerId: number, partId: number): BookingView | null {
  const part = partFacts(partId);
  if (!part || part.producerId !== producerId) return null;
  const { carriers, defaultCarrier } = carriersOfProducer(producerId);
  const pickup = pickupOf(producerId);
  const options = carriers.map((carrier) => {
    const adapter = adapterOf(carrier);
    return { carrier, name: CARRIER_NAMES[carrier], served: adapter.serves(pickup) && adapter.serves(part.buyer) };
  });
  const preselect = [part.quotedCarrier, defaultCarrier].find((c) => c && options.some((o) => o.carrier === c && o.served)) ?? options.find((o) => o.served)?.carrier ?? null;
  const shipment = liveShipment(partId) ?? null;
  return {
    options,
    preselected: preselect,
    parcel: prefilledParcel(part.weightGrams),
    shipment: shipment && {
      id: shipment.id,
      carrier: shipment.carrier,
      status: shipment.status,
      waybill: shipment.waybill,
      feeVnd: shipment.feeVnd,
      expectedDeliveryAt: shipment.expectedDeliveryAt,
      trackingState: shipment.trackingState,
      error: shipment.error,
    },
    cancellable: shipment?.status === "booked" && BEFORE_PICKUP.includes(shipment.trackingState),
  };
}

export interface BookingInput extends ParcelSize {
  carrier: CarrierCode;
}

export type BookingOutcome =
  | { ok: true; shipment: Shipment }
  | { ok: false; problem: "not_found" | "not_bookable" | "carrier_not_chosen" | "not_served" | "carrier_refused" | "carrier_unreachable" | "duplicate"; detail?: string };

/**
 * Books the carrier's pick-up for a confirmed part (issue 18: "Đặt giao hàng"). Booking twice books
 * once: a part with a booked shipment gets it back; one left `booking` (a lost answer, a crash) is
 * asked again with the same key, which the carrier recognises.
 */
export async function bookShipment(actor: PortalActor, partId: number, input: BookingInput, now = Date.now()): Promise<BookingOutcome> {
  const part = partFacts(partId);
  if (!part || part.producerId !== actor.producer.id) return { ok: false, problem: "not_found" };
  const existing = liveShipment(partId);
  if (existing?.status === "booked") return { ok: true, shipment: existing };
  if (part.status !== "confirmed") return { ok: false, problem: "not_bookable" };
  const carrier = existing?.carrier ?? input.carrier;
  if (!carriersOfProducer(actor.producer.id).carriers.includes(carrier)) return { ok: false, problem: "carrier_not_chosen" };
  const adapter = adapterOf(carrier);
  const from = pickupOf(actor.producer.id);
  if (!adapter.serves(from) || !adapter.serves(part.buyer)) return { ok: false, problem: "not_served" };

  const intent = existing ?? recordIntent(actor, part, carrier, input, now);
  const request: BookRequest = {
    key: intent.idempotencyKey,
    from,
    to: part.buyer,
    parcel: { weightGrams: intent.weightGrams, lengthCm: intent.lengthCm, widthCm: intent.widthCm, heightCm: intent.heightCm, valueVnd: part.goodsTotalVnd, items: parcelItems(partId) },
    note: `Chợ OCOP ${part.orderCode}`,
  };
  try {
    const booking = await adapter.book(request);
    const booked = getDb().transaction((tx) => {
      const row = tx
        .update(shipments)
        .set({ status: "booked", waybill: booking.waybill, feeVnd: booking.feeVnd, expectedDeliveryAt: booking.expectedAt, carrierStatus: booking.carrierStatus, error: null, lastMovedAt: now, updatedAt: now })
        .where(and(eq(shipments.id, intent.id), eq(shipments.status, "booking")))
        .returning()
        .get();
      if (row) recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "shipping.book", subject: `${part.orderCode} ${CARRIER_NAMES[carrier]} ${booking.waybill}` });
      return row ?? liveShipment(partId);
    });
    return booked ? { ok: true, shipment: booked } : { ok: false, problem: "carrier_refused" };
  } catch (error) {
    if (!(error instanceof CarrierError)) throw error;
    if (error.code === "unreachable") {
      // The carrier may have booked it: keep the intent, so the next try sends the same key.
      getDb().update(shipments).set({ error: error.message, updatedAt: now }).where(eq(shipments.id, intent.id)).run();
      return { ok: false, problem: "carrier_unreachable" };
    }
    // Refused: nothing booked at the carrier; the intent ends so the producer can correct and retry.
    getDb().update(shipments).set({ status: "failed", error: error.message, updatedAt: now }).where(eq(shipments.id, intent.id)).run();
    return { ok: false, problem: error.code === "duplicate" ? "duplicate" : "carrier_refused", detail: error.message };
  }
}

function recordIntent(actor: PortalActor, part: PartFacts, carrier: CarrierCode, size: ParcelSize, now: number): Shipment {
  return getDb().transaction(
    (tx) => {
      // Two tabs at once: the partial unique index lets one live shipment per part; the other reads it.
      const live = tx.select().from(shipments).where(and(eq(shipments.partId, part.id), inArray(shipments.status, ["booking", "booked"]))).get();
      if (live) return live;
      const attempts = tx.select({ n: sql<number>`count(*)` }).from(shipments).where(eq(shipments.partId, part.id)).get()!.n;
      return tx
        .insert(shipments)
        .values({
          partId: part.id,
          producerId: part.producerId,
          carrier,
          idempotencyKey: shipmentKey(part.orderCode, part.id, attempts + 1),
          status: "booking",
          weightGrams: size.weightGrams,
          lengthCm: size.lengthCm,
          widthCm: size.widthCm,
          heightCm: size.heightCm,
          lastMovedAt: now,
          bookedByUserId: actor.user.id,
          updatedAt: now,
        })
        .returning()
        .get();
    },
    { behavior: "immediate" },
  );
}

export type CancelOutcome = { ok: true } | { ok: false; problem: "not_found" | "not_cancellable" | "carrier_unreachable"; detail?: string };

/** Cancels the part's booking at the carrier, while the carrier allows it (before pick-up). */
export async function cancelShipment(actor: PortalActor, partId: number, now = Date.now()): Promise<CancelOutcome> {
  const part = partFacts(partId);
  if (!part || part.producerId !== actor.producer.id) return { ok: false, problem: "not_found" };
  const shipment = liveShipment(partId);
  if (!shipment) return { ok: false, problem: "not_found" };
  if (shipment.status === "booking" || !shipment.waybill || !BEFORE_PICKUP.includes(shipment.trackingState)) return { ok: false, problem: "not_cancellable" };
  try {
    await adapterOf(shipment.carrier).cancel(shipment.waybill);
  } catch (error) {
    if (!(error instanceof CarrierError)) throw error;
    return { ok: false, problem: error.code === "unreachable" ? "carrier_unreachable" : "not_cancellable", detail: error.message };
  }
  getDb().transaction((tx) => {
    tx.update(shipments).set({ status: "cancelled", trackingState: "cancelled", updatedAt: now }).where(eq(shipments.id, shipment.id)).run();
    recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "shipping.cancel", subject: `${part.orderCode} ${CARRIER_NAMES[shipment.carrier]} ${shipment.waybill}` });
  });
  return { ok: true };
}

/** The carrier's label of the part's booked shipment: a PDF to pass on, or the carrier's print page. */
export async function shipmentLabel(actor: PortalActor, partId: number): Promise<CarrierLabel | null> {
  const part = partFacts(partId);
  if (!part || part.producerId !== actor.producer.id) return null;
  const shipment = getDb()
    .select()
    .from(shipments)
    .where(and(eq(shipments.partId, partId), eq(shipments.status, "booked")))
    .orderBy(desc(shipments.id))
    .get();
  if (!shipment?.waybill) return null;
  return adapterOf(shipment.carrier).label(shipment.waybill);
}

export function isFinalTracking(state: TrackingState): boolean {
  return FINAL_TRACKING_STATES.includes(state);
}
