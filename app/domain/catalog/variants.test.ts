import { describe, expect, it } from "vitest";
import { hasSizeChoice, isValidGtin, priceRange, variantName } from "./variants";

describe("GTIN check digit", () => {
  it("accepts published GS1 examples of every length", () => {
    expect(isValidGtin("4006381333931")).toBe(true); // EAN-13 from GS1's check digit calculator page
    expect(isValidGtin("8934588012112")).toBe(true); // a Vietnamese (893) EAN-13
    expect(isValidGtin("96385074")).toBe(true); // EAN-8
    expect(isValidGtin("036000291452")).toBe(true); // UPC-A
    expect(isValidGtin("10012345678902")).toBe(true); // GTIN-14
  });

  it("refuses a wrong check digit, a wrong length and anything not digits", () => {
    expect(isValidGtin("4006381333932")).toBe(false);
    expect(isValidGtin("8934588012113")).toBe(false);
    expect(isValidGtin("96385075")).toBe(false);
    expect(isValidGtin("400638133393")).toBe(false); // 12 digits whose last is not its check digit
    expect(isValidGtin("40063813339310")).toBe(false);
    expect(isValidGtin("123456789")).toBe(false);
    expect(isValidGtin("40063813339a1")).toBe(false);
    expect(isValidGtin("")).toBe(false);
  });
});

describe("price range over sizes", () => {
  it("is one price for one size, lowest and highest for several, nothing for none", () => {
    expect(priceRange([{ priceVnd: 120_000 }])).toEqual({ lowVnd: 120_000, highVnd: 120_000 });
    expect(priceRange([{ priceVnd: 350_000 }, { priceVnd: 120_000 }, { priceVnd: 210_000 }])).toEqual({ lowVnd: 120_000, highVnd: 350_000 });
    expect(priceRange([])).toBeNull();
  });
});

describe("size choice and names", () => {
  it("shows a choice only for several sizes or one the producer named", () => {
    expect(hasSizeChoice([{ label: "" }])).toBe(false);
    expect(hasSizeChoice([{ label: "Túi 2 kg" }])).toBe(true);
    expect(hasSizeChoice([{ label: "Túi 2 kg" }, { label: "Túi 5 kg" }])).toBe(true);
  });

  it("names a size after its product", () => {
    expect(variantName("Gạo ST25", "Túi 5 kg")).toBe("Gạo ST25 — Túi 5 kg");
    expect(variantName("Gạo ST25", "")).toBe("Gạo ST25");
  });
});
