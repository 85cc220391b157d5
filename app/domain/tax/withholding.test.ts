import { describe, expect, it } from "vitest";
import { ENTITY_TYPES } from "../producers/entity-types";
import {
  declarationDueDate,
  isWithheldFrom,
  monthTotals,
  percentOfVnd,
  periodBounds,
  periodOf,
  rateOn,
  splitBase,
  taxCategoryOfGroup,
  withholdingFor,
} from "./withholding";
import { WITHHOLDING_RATES, type WithholdingRate } from "./withholding-rates";

const JULY_2025 = "2025-07-01";

describe("who is withheld from", () => {
  it.each([
    ["household", true],
    ["cooperative_group", true],
    ["cooperative", false],
    ["enterprise", false],
  ] as const)("%s → %s", (entityType, withheld) => {
    expect(isWithheldFrom(entityType)).toBe(withheld);
    const tax = withholdingFor({ entityType, residency: "resident", date: "2026-12-03", bases: { goods: 1_000_000 } });
    expect(tax).toEqual(withheld ? { vatVnd: 10_000, pitVnd: 5_000, baseVnd: 1_000_000 } : { vatVnd: 0, pitVnd: 0, baseVnd: 0 });
  });

  it("covers every entity type", () => {
    expect(ENTITY_TYPES.map(isWithheldFrom)).toHaveLength(4);
  });
});

describe("Decree 117/2025 rates, from 1 July 2025", () => {
  const household = (category: "goods" | "services" | "transport", residency: "resident" | "non_resident") =>
    withholdingFor({ entityType: "household", residency, date: JULY_2025, bases: { [category]: 10_000_000 } });

  it.each([
    ["goods", "resident", 100_000, 50_000],
    ["goods", "non_resident", 100_000, 100_000],
    ["services", "resident", 500_000, 200_000],
    ["services", "non_resident", 500_000, 500_000],
    ["transport", "resident", 300_000, 150_000],
    ["transport", "non_resident", 300_000, 200_000],
  ] as const)("%s, %s: VAT %i, PIT %i on 10 million", (category, residency, vat, pit) => {
    expect(household(category, residency)).toEqual({ vatVnd: vat, pitVnd: pit, baseVnd: 10_000_000 });
  });

  it("withholds nothing on a payment before the decree took effect", () => {
    expect(withholdingFor({ entityType: "household", residency: "resident", date: "2025-06-30", bases: { goods: 10_000_000 } })).toEqual({ vatVnd: 0, pitVnd: 0, baseVnd: 0 });
  });

  it("takes the rate in force on the payment's date when a later decree adds a period", () => {
    const later: WithholdingRate[] = [
      ...WITHHOLDING_RATES,
      { from: "2026-07-01", category: "goods", vatBasisPoints: 100, pitResidentBasisPoints: 100, pitNonResidentBasisPoints: 200, source: "test" },
    ];
    const on = (date: string) => withholdingFor({ entityType: "household", residency: "resident", date, bases: { goods: 1_000_000 } }, later);
    expect(on("2026-06-30")).toMatchObject({ vatVnd: 10_000, pitVnd: 5_000 });
    expect(on("2026-07-01")).toMatchObject({ vatVnd: 10_000, pitVnd: 10_000 });
    expect(rateOn("2026-07-01", "services", later)?.from).toBe("2025-07-01");
  });
});

describe("rounding to whole đồng, halves up, per tax and category", () => {
  it.each([
    [1, 50, 0], // 0.005 đồng
    [100, 50, 1], // 0.5 → 1
    [99, 50, 0], // 0.495 → 0
    [150, 100, 2], // 1.5 → 2
    [149, 100, 1], // 1.49 → 1
    [123_457, 50, 617], // 617.285
    [123_457, 100, 1_235], // 1234.57
    [99_999_999, 50, 500_000], // 499 999.995 → 500 000
  ])("%i × %i bp → %i", (base, bp, expected) => {
    expect(percentOfVnd(base, bp)).toBe(expected);
  });

  it("rounds each category on its own before adding", () => {
    // goods 150 → VAT 1.5 → 2, PIT 0.75 → 1; services 150 → VAT 7.5 → 8, PIT 3
    expect(withholdingFor({ entityType: "household", residency: "resident", date: "2026-01-01", bases: { goods: 150, services: 150 } })).toEqual({
      vatVnd: 10,
      pitVnd: 4,
      baseVnd: 300,
    });
  });

  it("refuses a base that is not whole đồng", () => {
    expect(() => percentOfVnd(1.5, 100)).toThrow(RangeError);
    expect(() => percentOfVnd(-1, 100)).toThrow(RangeError);
  });
});

describe("the part's base split over categories", () => {
  it("adds up exactly and gives the leftover đồng to the largest remainders", () => {
    expect(splitBase(100, { goods: 1, services: 1, transport: 1 })).toEqual({ goods: 34, services: 33, transport: 33 });
    expect(splitBase(1_000, { goods: 300, services: 700 })).toEqual({ goods: 300, services: 700 });
    expect(splitBase(999, { goods: 2, services: 1 })).toEqual({ goods: 666, services: 333 });
    expect(splitBase(0, { goods: 5 })).toEqual({});
  });

  it("treats community tourism as a service and every other group as goods", () => {
    expect(taxCategoryOfGroup("tourism")).toBe("services");
    for (const group of ["food", "beverage", "herbal", "handicraft", "ornamental"]) expect(taxCategoryOfGroup(group)).toBe("goods");
  });
});

describe("a month's totals: refunds and cancellations offset within the month", () => {
  it("nets a refund in the same month against the month's withholding", () => {
    const totals = monthTotals([
      { account: "tax_vat_withheld", amountVnd: 10_000 },
      { account: "tax_pit_withheld", amountVnd: 5_000 },
      { account: "tax_vat_withheld", amountVnd: 2_000 },
      { account: "tax_pit_withheld", amountVnd: 1_000 },
      // the first sale refunded in the same month
      { account: "tax_vat_withheld", amountVnd: -10_000 },
      { account: "tax_pit_withheld", amountVnd: -5_000 },
    ]);
    expect(totals).toEqual({
      vatWithheldVnd: 12_000,
      pitWithheldVnd: 6_000,
      vatOffsetVnd: 10_000,
      pitOffsetVnd: 5_000,
      vatNetVnd: 2_000,
      pitNetVnd: 1_000,
    });
  });

  it("lets a later month's refund offset that month, which may go below zero", () => {
    expect(monthTotals([{ account: "tax_vat_withheld", amountVnd: -3_000 }]).vatNetVnd).toBe(-3_000);
  });
});

describe("periods in Vietnam's calendar", () => {
  it("puts 23:30 UTC on 31 December into January, Vietnam time", () => {
    expect(periodOf(Date.parse("2025-12-31T23:30:00Z"))).toBe("2026-01");
    expect(periodOf(Date.parse("2025-12-31T16:59:59Z"))).toBe("2025-12");
  });

  it("bounds a month at midnight in Vietnam", () => {
    expect(periodBounds("2026-02")).toEqual({ start: Date.parse("2026-01-31T17:00:00Z"), end: Date.parse("2026-02-28T17:00:00Z") });
  });

  it("is due by the 20th of the next month", () => {
    expect(declarationDueDate("2026-11")).toBe("2026-12-20");
    expect(declarationDueDate("2026-12")).toBe("2027-01-20");
  });
});
