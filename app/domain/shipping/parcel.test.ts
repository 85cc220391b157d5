import { describe, expect, it } from "vitest";
import { PACKAGING_GRAMS, prefilledParcel, shipmentKey } from "./parcel";

describe("prefilled parcel", () => {
  it("adds the packaging and picks the box by weight", () => {
    expect(prefilledParcel(800)).toEqual({ weightGrams: 800 + PACKAGING_GRAMS, lengthCm: 20, widthCm: 15, heightCm: 10 });
    expect(prefilledParcel(2_500)).toEqual({ weightGrams: 2_600, lengthCm: 30, widthCm: 20, heightCm: 15 });
    expect(prefilledParcel(25_000).lengthCm).toBe(60);
    expect(prefilledParcel(0).weightGrams).toBe(1 + PACKAGING_GRAMS);
  });
  it("keys a part's first booking by order and part, later ones by attempt", () => {
    expect(shipmentKey("OCABC123XYZ", 7, 1)).toBe("OCABC123XYZ-7");
    expect(shipmentKey("OCABC123XYZ", 7, 2)).toBe("OCABC123XYZ-7-2");
  });
});
