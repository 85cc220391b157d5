import { eq, inArray } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producers, provinces, wards } from "~/db/schema";
import type { SessionUser } from "../accounts/sessions.server";
import { staffMayActIn, staffProvince } from "../accounts/staff.server";
import { producerTaxAndHolds, withheldLines, withholdingSums, type WithholdingSums } from "../ledger/ledger.server";
import type { EntityType } from "../producers/entity-types";
import { todayInVietnam, type IsoDate } from "../shared/dates";
import { declarationDueDate, isWithheldFrom, monthTotals, periodBounds, type MonthTotals } from "./withholding";

/**
 * The monthly declaration of tax withheld (Decree 117/2025; appendix 01-1/BK-CNKD-TMĐT) and the
 * yearly statement a seller keeps (01/CTKT-TMĐT), both sums over the ledger's withholding rows
 * (ADR 0029). Central staff see every seller; provincial staff their province's.
 */
export interface DeclarationRow extends MonthTotals {
  producerId: number;
  name: string;
  taxCode: string | null;
  address: string;
  provinceCode: string;
  /** Revenue of the sales withheld on in the month, and of the ones cancelled or refunded in it. */
  revenueVnd: number;
  revenueOffsetVnd: number;
}

export interface Declaration {
  period: string;
  dueDate: IsoDate;
  provinceCode: string | null;
  rows: DeclarationRow[];
  totals: Omit<DeclarationRow, "producerId" | "name" | "taxCode" | "address" | "provinceCode">;
}

const EMPTY_TOTALS = {
  revenueVnd: 0,
  revenueOffsetVnd: 0,
  vatWithheldVnd: 0,
  pitWithheldVnd: 0,
  vatOffsetVnd: 0,
  pitOffsetVnd: 0,
  vatNetVnd: 0,
  pitNetVnd: 0,
};

function sellerFacts(ids: number[]) {
  if (ids.length === 0) return new Map<number, { name: string; taxCode: string | null; address: string; provinceCode: string }>();
  const rows = getDb()
    .select({
      id: producers.id,
      name: producers.name,
      legalName: producers.legalName,
      taxCode: producers.taxCode,
      addressLine: producers.addressLine,
      ward: wards.fullName,
      province: provinces.fullName,
      provinceCode: producers.provinceCode,
    })
    .from(producers)
    .innerJoin(wards, eq(wards.code, producers.wardCode))
    .innerJoin(provinces, eq(provinces.code, producers.provinceCode))
    .where(inArray(producers.id, ids))
    .all();
  return new Map(
    rows.map((r) => [
      r.id,
      { name: r.legalName ?? r.name, taxCode: r.taxCode, address: [r.addressLine, r.ward, r.province].filter(Boolean).join(", "), provinceCode: r.provinceCode },
    ]),
  );
}

function rowsOf(sums: WithholdingSums[], provinceCode: string | null): DeclarationRow[] {
  const byProducer = new Map<number, WithholdingSums[]>();
  for (const s of sums) byProducer.set(s.producerId, [...(byProducer.get(s.producerId) ?? []), s]);
  const facts = sellerFacts([...byProducer.keys()]);
  const rows: DeclarationRow[] = [];
  for (const [producerId, list] of byProducer) {
    const seller = facts.get(producerId);
    if (!seller || (provinceCode !== null && seller.provinceCode !== provinceCode)) continue;
    // The revenue is on both tax rows of a sale; VAT's carries it (its rate is never below PIT's).
    const vat = list.filter((s) => s.account === "tax_vat_withheld");
    rows.push({
      producerId,
      ...seller,
      revenueVnd: vat.filter((s) => s.positive).reduce((sum, s) => sum + s.baseVnd, 0),
      revenueOffsetVnd: -vat.filter((s) => !s.positive).reduce((sum, s) => sum + s.baseVnd, 0),
      ...monthTotals(list),
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name, "vi") || a.producerId - b.producerId);
}

function totalOf(rows: DeclarationRow[]): Declaration["totals"] {
  const totals = { ...EMPTY_TOTALS };
  for (const row of rows) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  return totals;
}

/** The month's declaration as `staff` may see it: their province's sellers, or all for central staff. */
export function monthlyDeclaration(staff: SessionUser, period: string): Declaration {
  const provinceCode = staffProvince(staff);
  const { start, end } = periodBounds(period);
  const rows = rowsOf(withholdingSums(start, end, provinceCode), provinceCode);
  return { period, dueDate: declarationDueDate(period), provinceCode, rows, totals: totalOf(rows) };
}

export interface YearlyStatement {
  year: number;
  seller: { name: string; taxCode: string | null; address: string; entityType: string };
  months: (DeclarationRow & { period: string })[];
  totals: Declaration["totals"];
}

/**
 * One seller's year, month by month. The producer's own (its portal checks the actor) or, for staff,
 * a seller of their province; null when the producer does not exist or staff may not see it.
 */
export function yearlyStatement(producerId: number, year: number, viewer: { staff: SessionUser } | { ownProducerId: number }): YearlyStatement | null {
  const producer = getDb()
    .select({ provinceCode: producers.provinceCode, entityType: producers.entityType })
    .from(producers)
    .where(eq(producers.id, producerId))
    .get();
  if (!producer) return null;
  if ("staff" in viewer ? !staffMayActIn(viewer.staff, producer.provinceCode) : viewer.ownProducerId !== producerId) return null;
  const seller = sellerFacts([producerId]).get(producerId)!;
  const months: YearlyStatement["months"] = [];
  for (let month = 1; month <= 12; month++) {
    const period = `${year}-${String(month).padStart(2, "0")}`;
    const { start, end } = periodBounds(period);
    const row = rowsOf(withholdingSums(start, end, null, producerId), null)[0];
    if (row) months.push({ ...row, period });
  }
  return {
    year,
    seller: { name: seller.name, taxCode: seller.taxCode, address: seller.address, entityType: producer.entityType },
    months,
    totals: totalOf(months),
  };
}

/**
 * What a producer sees of tax on their orders page: what was withheld from their sales and each
 * line of it, what complaints hold back, whether their entity type is withheld from at all, and
 * the year their yearly statement covers.
 */
export function producerTaxView(producer: { id: number; entityType: EntityType }) {
  return {
    ...producerTaxAndHolds(producer.id),
    withheldFrom: isWithheldFrom(producer.entityType),
    year: todayInVietnam().slice(0, 4),
    lines: withheldLines(producer.id),
  };
}
