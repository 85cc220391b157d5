import { and, asc, eq, inArray, lt, or } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { orderParts, orders, producers, shipments } from "~/db/schema";
import type { SessionUser } from "../accounts/sessions.server";
import { staffProvince } from "../accounts/staff.server";
import { settings } from "~/settings.server";
import { CARRIER_NAMES, FINAL_TRACKING_STATES, TROUBLE_STATES } from "./carrier-codes";

/**
 * Parcels staff should look at (issue 18), in their province (the producer's): booked with a carrier
 * and not moved for SHIPMENT_STUCK_DAYS, or in trouble (failed delivery, returning, returned, lost)
 * while the part is not settled. Oldest movement first.
 */
export function stuckShipments(staff: SessionUser, now = Date.now(), limit = 200) {
  const province = staffProvince(staff);
  const days = settings.shipmentStuckDays;
  const before = now - days * 86_400_000;
  const open = FINAL_TRACKING_STATES.filter((s) => s !== "delivered");
  const rows = getDb()
    .select({
      partId: shipments.partId,
      orderCode: orders.code,
      producerName: producers.name,
      carrier: shipments.carrier,
      waybill: shipments.waybill,
      trackingState: shipments.trackingState,
      lastMovedAt: shipments.lastMovedAt,
      partStatus: orderParts.status,
    })
    .from(shipments)
    .innerJoin(orderParts, eq(orderParts.id, shipments.partId))
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .innerJoin(producers, eq(producers.id, shipments.producerId))
    .where(
      and(
        eq(shipments.status, "booked"),
        inArray(orderParts.status, ["confirmed", "shipped"]),
        province === null ? undefined : eq(producers.provinceCode, province),
        or(
          and(lt(shipments.lastMovedAt, before), inArray(shipments.trackingState, ["booked", "picking_up", "picked_up", "in_transit", "delivering", ...open])),
          inArray(shipments.trackingState, [...TROUBLE_STATES]),
        ),
      ),
    )
    .orderBy(asc(shipments.lastMovedAt))
    .limit(limit)
    .all();
  return { days, parcels: rows.map((r) => ({ ...r, carrierName: CARRIER_NAMES[r.carrier], trouble: TROUBLE_STATES.includes(r.trackingState) })) };
}
