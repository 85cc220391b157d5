/**
 * Carriers' fees at checkout (issue 18): for each producer's part, the producer's carriers that serve
 * both communes are asked in parallel, all within one time budget (CARRIER_QUOTE_BUDGET_MS, 1.5 s);
 * the cheapest answer (the sooner delivery on a tie) becomes the part's fee. A part no carrier
 * answered keeps the table fee. Answers are kept a few minutes, so the fee the shopper saw on the
 * form is the one the order is placed with (and the place step asks nobody again).
 * With no carrier configured this returns at once, without reading anything.
 */
import { groupByProducer, type CartLine } from "../orders/cart";
import type { CarrierFee } from "../orders/quote";
import { settings } from "~/settings.server";
import type { CarrierQuote, Place, QuoteRequest } from "./carrier";
import { adapterOf, configuredCarriers } from "./carriers/registry.server";
import { prefilledParcel } from "./parcel";
import { carriersOfProducer, pickupOf } from "./producer-carriers.server";
import type { CarrierCode } from "./carrier-codes";

/** How long a carrier's answer is reused for the same route, weight and value. */
export const QUOTE_TTL_MS = 10 * 60 * 1000;
const MAX_CACHED = 5_000;
const cache = new Map<string, { quote: CarrierQuote; expiresAt: number }>();

function cacheKey(carrier: CarrierCode, request: QuoteRequest): string {
  return [carrier, request.from.wardCode, request.to.wardCode, request.parcel.weightGrams, request.parcel.valueVnd].join("|");
}

async function quoteOf(carrier: CarrierCode, request: QuoteRequest, signal: AbortSignal, now: number): Promise<CarrierQuote | null> {
  const key = cacheKey(carrier, request);
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.quote;
  try {
    const quote = await adapterOf(carrier).quote(request, signal);
    if (!Number.isSafeInteger(quote.feeVnd) || quote.feeVnd < 0) return null;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, { quote, expiresAt: now + QUOTE_TTL_MS });
    return quote;
  } catch {
    // Refused, unreachable or too slow: this carrier offers nothing for this part.
    return null;
  }
}

/** Fees by producer id for the cart delivered to `to`; producers without an answer are absent. */
export async function carrierFeesFor(lines: CartLine[], to: Pick<Place, "provinceCode" | "wardCode"> | null, now = Date.now()): Promise<Map<number, CarrierFee>> {
  const fees = new Map<number, CarrierFee>();
  if (!to || configuredCarriers().length === 0 || lines.length === 0) return fees;
  const signal = AbortSignal.timeout(settings.carrierQuoteBudgetMs);
  const destination: Place = { ...to, addressLine: "" };
  const asks = groupByProducer(lines).map(async (group) => {
    const first = group.lines[0]!;
    // The producer's free delivery stays free: nothing to ask.
    if (first.freeShippingThresholdVnd !== null && group.goodsTotalVnd >= first.freeShippingThresholdVnd) return;
    const carriers = carriersOfProducer(group.producerId).carriers;
    if (carriers.length === 0) return;
    const pickup = pickupOf(group.producerId);
    const weight = group.lines.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0);
    const request: QuoteRequest = { from: pickup, to: destination, parcel: { ...prefilledParcel(weight), valueVnd: group.goodsTotalVnd, items: [] } };
    const served = carriers.filter((c) => adapterOf(c).serves(pickup) && adapterOf(c).serves(destination));
    const answers = (await Promise.all(served.map((c) => quoteOf(c, request, signal, now)))).filter((q): q is CarrierQuote => q !== null);
    const best = answers.sort((a, b) => a.feeVnd - b.feeVnd || (a.expectedAt ?? Infinity) - (b.expectedAt ?? Infinity))[0];
    if (best) fees.set(group.producerId, { carrier: best.carrier, feeVnd: best.feeVnd, expectedAt: best.expectedAt });
  });
  await Promise.all(asks);
  return fees;
}
