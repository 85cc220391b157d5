import type { CarrierAdapter } from "../carrier";
import { CARRIERS, type CarrierCode } from "../carrier-codes";
import { ems } from "./ems.server";
import { ghn } from "./ghn.server";
import { ghtk } from "./ghtk.server";
import { viettelPost } from "./viettelpost.server";

const ADAPTERS: Record<CarrierCode, CarrierAdapter> = { ghtk, ghn, viettelpost: viettelPost, ems };

export function adapterOf(carrier: CarrierCode): CarrierAdapter {
  return ADAPTERS[carrier];
}

/** Carriers whose settings are present, in the fixed order of CARRIERS. */
export function configuredCarriers(): CarrierCode[] {
  return CARRIERS.filter((c) => ADAPTERS[c].configured());
}
