/**
 * A parcel's prefilled size from its goods' weight: the booking form starts from it and the producer
 * corrects it. Boxes of common carton sizes; heavier goods get a bigger box.
 */
export interface ParcelSize {
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

/** Packaging added to the goods' own weight (carton, padding). */
export const PACKAGING_GRAMS = 100;

const BOXES: { upToGrams: number; size: [number, number, number] }[] = [
  { upToGrams: 1_000, size: [20, 15, 10] },
  { upToGrams: 3_000, size: [30, 20, 15] },
  { upToGrams: 10_000, size: [40, 30, 25] },
  { upToGrams: Infinity, size: [60, 40, 40] },
];

export function prefilledParcel(goodsWeightGrams: number): ParcelSize {
  const weightGrams = Math.max(1, Math.round(goodsWeightGrams)) + PACKAGING_GRAMS;
  const [lengthCm, widthCm, heightCm] = BOXES.find((b) => weightGrams <= b.upToGrams)!.size;
  return { weightGrams, lengthCm, widthCm, heightCm };
}

/** Our idempotency key for a part's n-th booking (a new one only after the carrier cancelled the last). */
export function shipmentKey(orderCode: string, partId: number, attempt: number): string {
  return attempt <= 1 ? `${orderCode}-${partId}` : `${orderCode}-${partId}-${attempt}`;
}
