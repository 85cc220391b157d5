import type { EntityType } from "../producers/entity-types";
import type { IsoDate } from "../shared/dates";
import { TAX_CATEGORIES, WITHHOLDING_RATES, type TaxCategory, type WithholdingRate } from "./withholding-rates";

/**
 * Tax the platform withholds from a seller's revenue (Decree 117/2025/NĐ-CP; ADR 0029). Pure rules;
 * the ledger writes what they compute (orders/order-moves.server.ts → ledger/ledger.server.ts).
 *
 * Who: business households and individuals. A `cooperative_group` (tổ hợp tác) is a contract among
 * individuals with no legal personality of its own and no tax registration as an entity, so its
 * revenue is individuals' revenue and is withheld from too. Enterprises and cooperatives declare
 * their own taxes: nothing is withheld.
 *
 * Rounding (the rule, stated once): for each tax (VAT, PIT) and each category of the part, the amount
 * is base × rate rounded to the nearest whole đồng, halves up; the part's tax is the sum over its
 * categories. Done in integers (basis points), so no float ever touches money.
 */
export type TaxResidency = "resident" | "non_resident";

export function isWithheldFrom(entityType: EntityType): boolean {
  return entityType === "household" || entityType === "cooperative_group";
}

/** The category of a product for the rates: community tourism is a service; every other OCOP group is goods. */
export function taxCategoryOfGroup(group: string): TaxCategory {
  return group === "tourism" ? "services" : "goods";
}

/** The row in force on `date` for `category`, or null before the first one. */
export function rateOn(date: IsoDate, category: TaxCategory, rates: readonly WithholdingRate[] = WITHHOLDING_RATES): WithholdingRate | null {
  let found: WithholdingRate | null = null;
  for (const rate of rates) {
    if (rate.category === category && rate.from <= date && (found === null || rate.from > found.from)) found = rate;
  }
  return found;
}

/** base × basisPoints / 10 000, to the nearest đồng, halves up (bases are never negative). */
export function percentOfVnd(baseVnd: number, basisPoints: number): number {
  if (!Number.isSafeInteger(baseVnd) || baseVnd < 0) throw new RangeError(`Not a base in đồng: ${baseVnd}`);
  return Math.floor((baseVnd * basisPoints + 5_000) / 10_000);
}

/**
 * Splits `totalVnd` over categories in proportion to `weights` (the line totals of each category),
 * in whole đồng that add up exactly: each gets its floor, the đồng left over go to the largest
 * remainders (ties to the earlier category in TAX_CATEGORIES).
 */
export function splitBase(totalVnd: number, weights: Partial<Record<TaxCategory, number>>): Partial<Record<TaxCategory, number>> {
  const entries = TAX_CATEGORIES.flatMap((category) => {
    const weight = weights[category] ?? 0;
    return weight > 0 ? [{ category, weight }] : [];
  });
  const weightSum = entries.reduce((sum, e) => sum + e.weight, 0);
  if (weightSum === 0 || totalVnd <= 0) return {};
  const shares = entries.map((e) => {
    const exact = totalVnd * e.weight;
    return { category: e.category, vnd: Math.floor(exact / weightSum), remainder: exact % weightSum };
  });
  let left = totalVnd - shares.reduce((sum, s) => sum + s.vnd, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder)) {
    if (left === 0) break;
    share.vnd += 1;
    left -= 1;
  }
  return Object.fromEntries(shares.map((s) => [s.category, s.vnd]));
}

export interface WithholdingInput {
  entityType: EntityType;
  residency: TaxResidency;
  /** Vietnam's calendar date of the accepted payment: which rates apply. */
  date: IsoDate;
  /** The seller's revenue from the sale by category, in đồng. */
  bases: Partial<Record<TaxCategory, number>>;
}

export interface Withholding {
  vatVnd: number;
  pitVnd: number;
  /** The revenue the tax was computed on (0 when nothing is withheld). */
  baseVnd: number;
}

export function withholdingFor(input: WithholdingInput, rates: readonly WithholdingRate[] = WITHHOLDING_RATES): Withholding {
  if (!isWithheldFrom(input.entityType)) return NOTHING_WITHHELD;
  let vatVnd = 0;
  let pitVnd = 0;
  let baseVnd = 0;
  for (const category of TAX_CATEGORIES) {
    const base = input.bases[category] ?? 0;
    if (base <= 0) continue;
    const rate = rateOn(input.date, category, rates);
    if (rate === null) continue;
    baseVnd += base;
    vatVnd += percentOfVnd(base, rate.vatBasisPoints);
    pitVnd += percentOfVnd(base, input.residency === "resident" ? rate.pitResidentBasisPoints : rate.pitNonResidentBasisPoints);
  }
  return { vatVnd, pitVnd, baseVnd };
}

export const NOTHING_WITHHELD: Withholding = { vatVnd: 0, pitVnd: 0, baseVnd: 0 };

/** One ledger row of a withholding account, as the declaration reads it. */
export interface WithholdingRow {
  account: "tax_vat_withheld" | "tax_pit_withheld";
  amountVnd: number;
  createdAt: number;
}

export interface MonthTotals {
  vatWithheldVnd: number;
  pitWithheldVnd: number;
  /** Withheld tax given back in the month by cancellations and refunds (as positive đồng). */
  vatOffsetVnd: number;
  pitOffsetVnd: number;
  vatNetVnd: number;
  pitNetVnd: number;
}

/**
 * A seller's month: tax withheld on payments accepted in it, less tax on sales cancelled or refunded
 * in it (whatever month they were paid in: Decree 117 offsets a return against the period it happens
 * in). Rows are the ledger's, so the totals are the ledger's sums.
 */
export function monthTotals(rows: readonly { account: WithholdingRow["account"]; amountVnd: number }[]): MonthTotals {
  const t = { vatWithheldVnd: 0, pitWithheldVnd: 0, vatOffsetVnd: 0, pitOffsetVnd: 0 };
  for (const row of rows) {
    const vat = row.account === "tax_vat_withheld";
    if (row.amountVnd >= 0) {
      if (vat) t.vatWithheldVnd += row.amountVnd;
      else t.pitWithheldVnd += row.amountVnd;
    } else if (vat) t.vatOffsetVnd -= row.amountVnd;
    else t.pitOffsetVnd -= row.amountVnd;
  }
  return { ...t, vatNetVnd: t.vatWithheldVnd - t.vatOffsetVnd, pitNetVnd: t.pitWithheldVnd - t.pitOffsetVnd };
}

/** `YYYY-MM` of an instant in Vietnam's calendar: the declaration period a ledger row falls in. */
export function periodOf(instant: number): string {
  return new Date(instant + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** The first and last instants (ms, inclusive start, exclusive end) of a `YYYY-MM` period in Vietnam. */
export function periodBounds(period: string): { start: number; end: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`Not a period: ${period}`);
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  return { start: Date.UTC(year, month, 1) - 7 * 3_600_000, end: Date.UTC(year, month + 1, 1) - 7 * 3_600_000 };
}

/** The declaration of `period` is due by the 20th of the next month (Decree 117/2025). */
export function declarationDueDate(period: string): IsoDate {
  const { end } = periodBounds(period);
  return `${periodOf(end)}-20`;
}

export function isPeriod(value: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 2000 && Number(m[1]) < 2100;
}
