/**
 * Our two-level addresses (province + commune codes, since July 2025) in each carrier's terms, read
 * from replaceable data: `data/carrier-areas.json` beside this file, or the file CARRIER_AREAS_FILE
 * names. A commune missing for a carrier is one that carrier cannot be booked to or from (the pages
 * say so). The file's `source` and `licence` travel with it; see data/README.md.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import bundled from "./data/carrier-areas.json";
import type { CarrierCode } from "./carrier-codes";

const names = z.object({ province: z.string(), district: z.string(), ward: z.string() });
const areasSchema = z.object({
  format: z.literal(1),
  snapshot: z.string(),
  sample: z.boolean().optional(),
  source: z.string(),
  licence: z.string(),
  carriers: z.object({
    /** GHTK takes names (pick_province/district/ward, province/district/ward). */
    ghtk: z.record(names),
    /** GHN takes its own DistrictID (number) and WardCode (string). */
    ghn: z.record(z.object({ districtId: z.number().int(), wardCode: z.string() })),
    /** Viettel Post: its new ward id; the province's id and "NEW" pseudo-district are in `provinces`. */
    viettelpost: z.record(z.object({ wardId: z.number().int() })),
    /** EMS: its codes per level. */
    ems: z.record(names),
  }),
  provinces: z.record(z.object({ viettelpost: z.object({ provinceId: z.number().int(), districtId: z.number().int() }).optional() }).passthrough()),
});
export type CarrierAreas = z.infer<typeof areasSchema>;

let loaded: CarrierAreas | undefined;

export function carrierAreas(): CarrierAreas {
  if (!loaded) {
    const file = process.env.CARRIER_AREAS_FILE;
    loaded = areasSchema.parse(file ? JSON.parse(readFileSync(file, "utf8")) : bundled);
  }
  return loaded;
}

export function ghtkArea(wardCode: string) {
  return carrierAreas().carriers.ghtk[wardCode];
}

export function ghnArea(wardCode: string) {
  return carrierAreas().carriers.ghn[wardCode];
}

export function emsArea(wardCode: string) {
  return carrierAreas().carriers.ems[wardCode];
}

/** Viettel Post's ids of a commune: province, the province's "NEW" pseudo-district, ward (INTEGRATIONS.md §3.3). */
export function viettelPostArea(provinceCode: string, wardCode: string) {
  const province = carrierAreas().provinces[provinceCode]?.viettelpost;
  const ward = carrierAreas().carriers.viettelpost[wardCode];
  return province && ward ? { provinceId: province.provinceId, districtId: province.districtId, wardId: ward.wardId } : undefined;
}

export function servesArea(carrier: CarrierCode, place: { provinceCode: string; wardCode: string }): boolean {
  switch (carrier) {
    case "ghtk":
      return ghtkArea(place.wardCode) !== undefined;
    case "ghn":
      return ghnArea(place.wardCode) !== undefined;
    case "viettelpost":
      return viettelPostArea(place.provinceCode, place.wardCode) !== undefined;
    case "ems":
      return emsArea(place.wardCode) !== undefined;
  }
}
