import { and, count, eq, exists, gte, lt, sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { producers, products } from "~/db/schema";
import type { SessionUser } from "../accounts/sessions.server";
import { staffProvince } from "../accounts/staff.server";
import { badgeValid } from "../certification/badge-cache.server";
import { publicProduct } from "../catalog/catalog.server";
import { listProvinces, provinceByCode } from "../catalog/places.server";
import { todayInVietnam } from "../shared/dates";
import { marketFigures } from "../market/market-report.server";
import {
  averageOrderVnd,
  groupRows,
  monthWindows,
  parseDateRange,
  rangeInstants,
  STAR_BUCKETS,
  type DashboardFigures,
  type DateRange,
  type RangeErrors,
  type StarBucket,
} from "./dashboard";

// Sales are read from sale_parts and sale_lines, the facts that migration 0009's triggers keep for
// every paid part (paid, confirmed, shipped or delivered) and its lines, dated by the order's
// paid_at and placed in the producer's province. Each query below is one index scan with no sort;
// see that migration for why and for the timings. Only those triggers write the two tables, so they
// are not in schema.ts (drizzle-kit does not own them): they are described here, as far as the
// dashboard reads them, so their columns are named through Drizzle.
const saleParts = sqliteTable("sale_parts", {
  partId: integer("part_id").primaryKey(),
  provinceCode: text("province_code").notNull(),
  paidAt: integer("paid_at").notNull(),
  goodsTotalVnd: integer("goods_total_vnd").notNull(),
});
const saleLines = sqliteTable("sale_lines", {
  itemId: integer("item_id").primaryKey(),
  provinceCode: text("province_code").notNull(),
  paidAt: integer("paid_at").notNull(),
  groupCode: text("group_code").notNull(),
  badgeStars: integer("badge_stars"),
  badgeExpiresOn: text("badge_expires_on"),
  lineTotalVnd: integer("line_total_vnd").notNull(),
});

/** Paid parts and their goods' value in [start, end), in one province or all; read once per month shown. */
function monthTotals(inProvince: boolean) {
  return getDb()
    .select({ n: count(), v: sql<number | null>`sum(${saleParts.goodsTotalVnd})` })
    .from(saleParts)
    .where(
      and(
        gte(saleParts.paidAt, sql.placeholder("start")),
        lt(saleParts.paidAt, sql.placeholder("end")),
        inProvince ? eq(saleParts.provinceCode, sql.placeholder("province")) : undefined,
      ),
    )
    .prepare();
}
const monthTotalsInCountry = once(() => monthTotals(false));
const monthTotalsInProvince = once(() => monthTotals(true));

// In province order, so grouping needs no sort; INDEXED BY because without statistics the planner
// would take the paid_at index and sort 170,000 rows for a year (200 ms instead of 15). Drizzle's
// builder has no INDEXED BY, hence SQL.
interface ProvinceTotals {
  province: string;
  n: number;
  v: number | null;
}
function totalsByProvince(start: number, end: number): ProvinceTotals[] {
  return getDb().all<ProvinceTotals>(sql`SELECT ${saleParts.provinceCode} AS province, count(*) AS n, sum(${saleParts.goodsTotalVnd}) AS v
    FROM ${saleParts} INDEXED BY sale_parts_province_idx
    WHERE ${saleParts.paidAt} >= ${start} AND ${saleParts.paidAt} < ${end}
    GROUP BY ${saleParts.provinceCode}`);
}

// Grouped by the index's leading columns (group, stored stars), so no sort; whether a stored badge
// is still valid today is decided per line, so each pair also sums its certified revenue apart.
interface GroupAndStarsRevenue {
  group: string;
  stars: number | null;
  revenue: number;
  certified: number;
}
function revenueByGroupAndStars(start: number, end: number, province: string | null, today: string): GroupAndStarsRevenue[] {
  const inProvince = province === null ? sql.empty() : sql` AND ${saleLines.provinceCode} = ${province}`;
  return getDb().all<GroupAndStarsRevenue>(sql`SELECT ${saleLines.groupCode} AS "group", ${saleLines.badgeStars} AS stars,
      sum(${saleLines.lineTotalVnd}) AS revenue,
      sum(CASE WHEN ${badgeValid(saleLines, today)} THEN ${saleLines.lineTotalVnd} ELSE 0 END) AS certified
    FROM ${saleLines} INDEXED BY sale_lines_group_idx
    WHERE ${saleLines.paidAt} >= ${start} AND ${saleLines.paidAt} < ${end}${inProvince}
    GROUP BY ${saleLines.groupCode}, ${saleLines.badgeStars}`);
}

/** Verified producers with at least one product on sale. */
function activeProducers(province: string | null): number {
  const db = getDb();
  const selling = db
    .select({ one: sql`1` })
    .from(products)
    .where(and(eq(products.producerId, producers.id), publicProduct));
  return (
    db
      .select({ n: count() })
      .from(producers)
      .where(
        and(
          eq(producers.verificationStatus, "approved"),
          province === null ? undefined : eq(producers.provinceCode, province),
          exists(selling),
        ),
      )
      .get()?.n ?? 0
  );
}

// Public products by their stars now. The whole country reads the table in rowid order (NOT
// INDEXED): a third of products qualify, and looking each one up from an index took 150 ms
// against 30 ms for one pass (as open-data.server.ts found). A province is a few thousand rows
// through its index. Drizzle's builder has no NOT INDEXED, hence SQL; sums are NULL when no
// product is public.
type ProductsByStars = Record<StarBucket, number | null>;
function productsByStars(province: string | null, today: string): ProductsByStars {
  const valid = badgeValid(products, today);
  const scope = province === null ? sql`NOT INDEXED WHERE` : sql`WHERE ${products.provinceCode} = ${province} AND`;
  return getDb().get<ProductsByStars>(sql`SELECT
      sum(CASE WHEN ${valid} AND ${products.badgeStars} = 5 THEN 1 ELSE 0 END) AS "5",
      sum(CASE WHEN ${valid} AND ${products.badgeStars} = 4 THEN 1 ELSE 0 END) AS "4",
      sum(CASE WHEN ${valid} AND ${products.badgeStars} = 3 THEN 1 ELSE 0 END) AS "3",
      sum(CASE WHEN ${valid} THEN 0 ELSE 1 END) AS "none"
    FROM ${products} ${scope} ${publicProduct}`);
}

interface CatalogFigures {
  products: Record<StarBucket, number>;
  activeProducers: number;
}

// The catalog's figures ("now": producers selling, products by stars) change only when staff
// certify or producers list goods, so one read a minute per province is enough, as with the home
// page's counts (storefront.server.ts). It spares the full pass over products, about 40 of the
// central dashboard's 130 ms; the sales figures are always read afresh.
const CATALOG_TTL_MS = 60_000;
const catalogCache = new Map<string, { expiresAt: number; value: CatalogFigures }>();

function catalogFigures(province: string | null, today: string, now = Date.now()): CatalogFigures {
  const key = `${province ?? "*"} ${today}`;
  const cached = catalogCache.get(key);
  if (cached && cached.expiresAt > now) return cached.value;
  const counts = productsByStars(province, today);
  const value: CatalogFigures = {
    products: { "5": counts["5"] ?? 0, "4": counts["4"] ?? 0, "3": counts["3"] ?? 0, none: counts.none ?? 0 },
    activeProducers: activeProducers(province),
  };
  for (const [k, entry] of catalogCache) if (entry.expiresAt <= now) catalogCache.delete(k);
  catalogCache.set(key, { expiresAt: now + CATALOG_TTL_MS, value });
  return value;
}

export interface DashboardQuery {
  range: DateRange;
  /** A province central staff chose; ignored for provincial staff, who only ever see their own. */
  province?: string | null;
}

/**
 * Reads the dashboard's parameters (`from`, `to`, and `province` for central staff) for `staff`.
 * Provincial staff always see their own province, whatever the URL says. `query` is null when a
 * field is wrong; `errors` then says which, and `values` is what the form shows again.
 */
export function dashboardRequest(
  staff: SessionUser,
  params: URLSearchParams,
  today = todayInVietnam(),
): { query: DashboardQuery | null; errors: RangeErrors; values: { from: string; to: string; province: string } } {
  const own = staffProvince(staff);
  const { range, errors, values } = parseDateRange(params, today);
  let province = own;
  if (own === null) {
    const asked = (params.get("province") ?? "").trim();
    if (asked !== "" && !provinceByCode(asked)) errors.province = "dashboard.error.province";
    else province = asked || null;
  }
  const query = range && !errors.province ? { range, province } : null;
  return { query, errors, values: { ...values, province: province ?? "" } };
}

/**
 * The dashboard's figures for `staff`: provincial staff get their province's, central staff the
 * whole country's or one province's if they ask. A sale counts in the province of the producer of
 * its order part. `today` (Vietnam) decides which certificates are still valid. Sales are read on
 * every call; producers selling and products by stars may be up to a minute old.
 */
export function dashboardFigures(staff: SessionUser, query: DashboardQuery, today = todayInVietnam()): DashboardFigures {
  const province = staffProvince(staff) ?? query.province ?? null;
  const inProvince = province !== null;
  const { start, end } = rangeInstants(query.range);

  const monthStatement = inProvince ? monthTotalsInProvince() : monthTotalsInCountry();
  const byMonth = monthWindows(query.range).map(({ month, start, end }) => {
    // An aggregate without GROUP BY always returns its one row.
    const row = monthStatement.get({ start, end, province });
    return { month, transactions: row?.n ?? 0, revenueVnd: row?.v ?? 0 };
  });
  const transactions = byMonth.reduce((sum, m) => sum + m.transactions, 0);
  const revenueVnd = byMonth.reduce((sum, m) => sum + m.revenueVnd, 0);

  let byProvince: DashboardFigures["byProvince"];
  if (inProvince) {
    byProvince = [{ province, transactions, revenueVnd }];
  } else {
    const sold = new Map(totalsByProvince(start, end).map((r) => [r.province, r]));
    byProvince = listProvinces()
      .map((p) => ({ province: p.code, transactions: sold.get(p.code)?.n ?? 0, revenueVnd: sold.get(p.code)?.v ?? 0 }))
      .sort((a, b) => b.revenueVnd - a.revenueVnd || b.transactions - a.transactions || a.province.localeCompare(b.province));
  }

  const groupRevenue = new Map<string, number>();
  const starsRevenue = new Map<StarBucket, number>();
  const lines = revenueByGroupAndStars(start, end, province, today);
  const add = <K>(map: Map<K, number>, key: K, vnd: number) => map.set(key, (map.get(key) ?? 0) + vnd);
  for (const line of lines) {
    add(groupRevenue, line.group, line.revenue);
    // Certified revenue has valid stars (3 to 5); the figures show only the known buckets anyway.
    const bucket = STAR_BUCKETS.find((b) => b === String(line.stars));
    if (line.certified > 0 && bucket) add(starsRevenue, bucket, line.certified);
    add(starsRevenue, "none", line.revenue - line.certified);
  }

  const { products, activeProducers } = catalogFigures(province, today);

  return {
    range: query.range,
    province,
    transactions,
    revenueVnd,
    averageOrderVnd: averageOrderVnd(revenueVnd, transactions),
    activeProducers,
    certifiedProducts: products["5"] + products["4"] + products["3"],
    byMonth,
    byProvince,
    byGroup: groupRows(groupRevenue),
    byStars: STAR_BUCKETS.map((stars) => ({ stars, revenueVnd: starsRevenue.get(stars) ?? 0, products: products[stars] })),
    market: marketFigures(province, query.range),
  };
}
