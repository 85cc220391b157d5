import { describe, expect, it } from "vitest";
import { identifiedByPersonalId, normalisedTaxCode, shownTaxCode } from "./identity";

describe("seller identity", () => {
  it("asks households and cooperative groups for a 12-digit personal ID", () => {
    expect(identifiedByPersonalId("household")).toBe(true);
    expect(identifiedByPersonalId("cooperative_group")).toBe(true);
    expect(normalisedTaxCode("household", "092 080 001 234")).toBe("092080001234");
    expect(normalisedTaxCode("household", "0123456789")).toBeNull();
  });

  it("asks enterprises and cooperatives for a 10- or 13-digit tax code", () => {
    expect(normalisedTaxCode("enterprise", "1801234567")).toBe("1801234567");
    expect(normalisedTaxCode("cooperative", "1801234567-001")).toBe("1801234567-001");
    expect(normalisedTaxCode("cooperative", "092080001234")).toBeNull();
  });

  it("shows shoppers a company's code in full and a person's ID by its last four digits", () => {
    expect(shownTaxCode("enterprise", "1801234567")).toBe("1801234567");
    expect(shownTaxCode("household", "092080001234")).toBe("••••••••1234");
    expect(shownTaxCode("household", null)).toBeNull();
  });
});
