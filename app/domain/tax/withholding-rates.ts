import type { IsoDate } from "../shared/dates";

/**
 * Rates the platform withholds from households and individuals, as dated data (issue 19, ADR 0029):
 * a later decree is one more row here, never an edit to the rules. Basis points: 100 = 1 %.
 *
 * A row applies from `from` (Vietnam's calendar date of the payment) until the next row of the same
 * category starts. Before the first row nothing is withheld (there was no such duty).
 * Source: Decree 117/2025/NĐ-CP, in force 1 July 2025 (../shared/INTEGRATIONS.md §5 [C]).
 */
export const TAX_CATEGORIES = ["goods", "services", "transport"] as const;
export type TaxCategory = (typeof TAX_CATEGORIES)[number];

export interface WithholdingRate {
  from: IsoDate;
  category: TaxCategory;
  vatBasisPoints: number;
  pitResidentBasisPoints: number;
  pitNonResidentBasisPoints: number;
  source: string;
}

export const WITHHOLDING_RATES: readonly WithholdingRate[] = [
  { from: "2025-07-01", category: "goods", vatBasisPoints: 100, pitResidentBasisPoints: 50, pitNonResidentBasisPoints: 100, source: "Nghị định 117/2025/NĐ-CP" },
  { from: "2025-07-01", category: "services", vatBasisPoints: 500, pitResidentBasisPoints: 200, pitNonResidentBasisPoints: 500, source: "Nghị định 117/2025/NĐ-CP" },
  // Transport and services tied to goods.
  { from: "2025-07-01", category: "transport", vatBasisPoints: 300, pitResidentBasisPoints: 150, pitNonResidentBasisPoints: 200, source: "Nghị định 117/2025/NĐ-CP" },
];
