/**
 * Which carriers a producer books with and where they pick up (issue 18). Carriers are the
 * marketplace's accounts (one per carrier, in the settings); a producer chooses among the configured
 * ones. No choice → no carrier quotes and manual shipping, as before carriers existed.
 */
import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producerCarriers, producerPickupAddresses, producers, users } from "~/db/schema";
import { recordActivity } from "../producers/activity.server";
import type { PortalActor } from "../producers/portal-actor.server";
import { wardIsInProvince } from "../catalog/places.server";
import type { Contact } from "./carrier";
import { CARRIERS, type CarrierCode } from "./carrier-codes";
import { configuredCarriers } from "./carriers/registry.server";

export interface ProducerCarrierChoice {
  carriers: CarrierCode[];
  defaultCarrier: CarrierCode | null;
}

/** The producer's chosen carriers that are configured now, default first. */
export function carriersOfProducer(producerId: number): ProducerCarrierChoice {
  const configured = configuredCarriers();
  if (configured.length === 0) return { carriers: [], defaultCarrier: null };
  const rows = getDb().select().from(producerCarriers).where(eq(producerCarriers.producerId, producerId)).all();
  const carriers = CARRIERS.filter((c) => configured.includes(c) && rows.some((r) => r.carrier === c));
  const defaultCarrier = rows.find((r) => r.isDefault && carriers.includes(r.carrier))?.carrier ?? carriers[0] ?? null;
  return { carriers: defaultCarrier ? [defaultCarrier, ...carriers.filter((c) => c !== defaultCarrier)] : carriers, defaultCarrier };
}

/** Where carriers pick up: the address the producer set, or its profile's. */
export function pickupOf(producerId: number): Contact & { fromProfile: boolean } {
  const set = getDb().select().from(producerPickupAddresses).where(eq(producerPickupAddresses.producerId, producerId)).get();
  if (set) return { name: set.contactName, phone: set.phone, provinceCode: set.provinceCode, wardCode: set.wardCode, addressLine: set.addressLine, fromProfile: false };
  // A producer always exists for its own parts and portal (foreign keys, requirePortalActor).
  const profile = getDb()
    .select({ name: producers.name, phone: producers.phone, ownerPhone: users.phone, provinceCode: producers.provinceCode, wardCode: producers.wardCode, addressLine: producers.addressLine })
    .from(producers)
    .leftJoin(users, eq(users.id, producers.ownerUserId))
    .where(eq(producers.id, producerId))
    .get()!;
  return { name: profile.name, phone: profile.phone ?? profile.ownerPhone ?? "", provinceCode: profile.provinceCode, wardCode: profile.wardCode, addressLine: profile.addressLine, fromProfile: true };
}

export interface ShippingSettingsInput {
  carriers: CarrierCode[];
  defaultCarrier?: CarrierCode;
  contactName: string;
  phone: string;
  wardCode: string;
  addressLine: string;
}

export type SaveShippingOutcome = { ok: true } | { ok: false; field: "carriers" | "defaultCarrier" | "wardCode" };

/** Saves the producer's carriers and pick-up address (in its own province), recording who did it. */
export function saveShippingSettings(actor: PortalActor, input: ShippingSettingsInput, now = Date.now()): SaveShippingOutcome {
  const configured = configuredCarriers();
  if (input.carriers.some((c) => !configured.includes(c))) return { ok: false, field: "carriers" };
  if (input.defaultCarrier && !input.carriers.includes(input.defaultCarrier)) return { ok: false, field: "defaultCarrier" };
  const provinceCode = actor.producer.provinceCode;
  if (!wardIsInProvince(input.wardCode, provinceCode)) return { ok: false, field: "wardCode" };
  const producerId = actor.producer.id;
  const defaultCarrier = input.defaultCarrier ?? input.carriers[0];
  getDb().transaction((tx) => {
    tx.delete(producerCarriers).where(eq(producerCarriers.producerId, producerId)).run();
    for (const carrier of input.carriers) tx.insert(producerCarriers).values({ producerId, carrier, isDefault: carrier === defaultCarrier }).run();
    const pickup = { contactName: input.contactName, phone: input.phone, provinceCode, wardCode: input.wardCode, addressLine: input.addressLine, updatedAt: now };
    tx.insert(producerPickupAddresses)
      .values({ producerId, ...pickup })
      .onConflictDoUpdate({ target: producerPickupAddresses.producerId, set: pickup })
      .run();
    recordActivity(tx, { producerId, actorUserId: actor.user.id, action: "shipping.settings", subject: input.carriers.join(",") });
  });
  return { ok: true };
}
