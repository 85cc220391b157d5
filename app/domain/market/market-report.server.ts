import { and, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { stallSales } from "~/db/schema";
import { listProvinces } from "../catalog/places.server";
import { monthWindows, rangeInstants, type DateRange } from "../reports/dashboard";
import type { MarketFigures } from "./market-figures";

/** The most markets the dashboard lists; the CSV carries the same rows. */
const MAX_LOCATIONS = 100;

const cashless = (start: number, end: number, province: string | null) =>
  and(
    eq(stallSales.status, "paid"),
    eq(stallSales.method, "qr"),
    gte(stallSales.paidAt, start),
    lt(stallSales.paidAt, end),
    province === null ? undefined : eq(stallSales.provinceCode, province),
  );

const figures = {
  transactions: sql<number>`count(*)`.mapWith(Number),
  valueVnd: sql<number>`coalesce(sum(${stallSales.amountVnd}), 0)`.mapWith(Number),
  activeStalls: sql<number>`count(DISTINCT ${stallSales.stallId})`.mapWith(Number),
};

/** The chợ 4.0 figures of a period, in one province or the whole country (see MarketFigures). */
export function marketFigures(province: string | null, range: DateRange): MarketFigures {
  const db = getDb();
  const { start, end } = rangeInstants(range);
  const total = db.select(figures).from(stallSales).where(cashless(start, end, province)).get() ?? { transactions: 0, valueVnd: 0, activeStalls: 0 };
  const byMonth = monthWindows(range).map(({ month, start: from, end: to }) => ({
    month,
    ...(db.select(figures).from(stallSales).where(cashless(from, to, province)).get() ?? { transactions: 0, valueVnd: 0, activeStalls: 0 }),
  }));
  const provinces = new Map(
    db
      .select({ province: stallSales.provinceCode, ...figures })
      .from(stallSales)
      .where(cashless(start, end, province))
      .groupBy(stallSales.provinceCode)
      .all()
      .map((r) => [r.province, r]),
  );
  const scope = province === null ? listProvinces().map((p) => p.code) : [province];
  const byProvince = scope
    .map((code) => ({ province: code, transactions: provinces.get(code)?.transactions ?? 0, valueVnd: provinces.get(code)?.valueVnd ?? 0, activeStalls: provinces.get(code)?.activeStalls ?? 0 }))
    .sort((a, b) => b.valueVnd - a.valueVnd || b.transactions - a.transactions || a.province.localeCompare(b.province));
  const market = sql<string>`coalesce(${stallSales.marketName}, '')`;
  const byLocation = db
    .select({ province: stallSales.provinceCode, market, ...figures })
    .from(stallSales)
    .where(cashless(start, end, province))
    .groupBy(stallSales.provinceCode, market)
    .all()
    .sort((a, b) => b.valueVnd - a.valueVnd || b.transactions - a.transactions || a.province.localeCompare(b.province) || a.market.localeCompare(b.market))
    .slice(0, MAX_LOCATIONS);
  return { activeStalls: total.activeStalls, transactions: total.transactions, valueVnd: total.valueVnd, byMonth, byProvince, byLocation };
}

/**
 * Open data: stalls active in the last 30 days per province (a count, nothing about who), every
 * province listed.
 */
export const OPEN_DATA_ACTIVE_DAYS = 30;
export function activeStallsByProvince(now = Date.now()): { province: string; activeStalls: number }[] {
  const rows = getDb()
    .select({ province: stallSales.provinceCode, activeStalls: figures.activeStalls })
    .from(stallSales)
    .where(cashless(now - OPEN_DATA_ACTIVE_DAYS * 24 * 60 * 60 * 1000, now + 1, null))
    .groupBy(stallSales.provinceCode)
    .all();
  const counts = new Map(rows.map((r) => [r.province, r.activeStalls]));
  return listProvinces().map((p) => ({ province: p.code, activeStalls: counts.get(p.code) ?? 0 }));
}
