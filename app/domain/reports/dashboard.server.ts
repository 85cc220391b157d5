import { prepared } from "~/db/prepared.server";
import type { SessionUser } from "../accounts/sessions.server";
import { staffProvince } from "../accounts/staff.server";
import { badgeValidSql } from "../certification/badge-cache.server";
import { PUBLIC_PRODUCT } from "../catalog/catalog.server";
import { listProvinces, provinceByCode } from "../catalog/places.server";
import { todayInVietnam } from "../shared/dates";
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
// see that migration for why and for the timings.

interface Totals {
  n: number;
  v: number | null;
}

const MONTH_SQL = "SELECT count(*) AS n, sum(goods_total_vnd) AS v FROM sale_parts WHERE paid_at >= :start AND paid_at < :end";
const MONTH_IN_PROVINCE_SQL = `${MONTH_SQL} AND province_code = :province`;

// In province order, so grouping needs no sort; INDEXED BY because without statistics the planner
// would take the paid_at index and sort 170,000 rows for a year (200 ms instead of 15).
const BY_PROVINCE_SQL = `SELECT province_code AS province, count(*) AS n, sum(goods_total_vnd) AS v
  FROM sale_parts INDEXED BY sale_parts_province_idx
  WHERE paid_at >= :start AND paid_at < :end
  GROUP BY province_code`;

// Grouped by the index's leading columns (group, stored stars), so no sort; whether a stored badge
// is still valid today is decided per line, so each pair also sums its certified revenue apart.
const BY_GROUP_AND_STARS_SQL = (inProvince: boolean) => `SELECT group_code AS "group", badge_stars AS stars,
    sum(line_total_vnd) AS revenue, sum(CASE WHEN ${badgeValidSql("l", ":today")} THEN line_total_vnd ELSE 0 END) AS certified
  FROM sale_lines l INDEXED BY sale_lines_group_idx
  WHERE l.paid_at >= :start AND l.paid_at < :end${inProvince ? " AND l.province_code = :province" : ""}
  GROUP BY group_code, badge_stars`;

// Verified producers with at least one product on sale.
const ACTIVE_PRODUCERS_SQL = (inProvince: boolean) => `SELECT count(*) AS n FROM producers pr
  WHERE pr.verification_status = 'approved'${inProvince ? " AND pr.province_code = :province" : ""}
    AND EXISTS (SELECT 1 FROM products p WHERE p.producer_id = pr.id AND ${PUBLIC_PRODUCT})`;

// Public products by their stars now. The whole country reads the table in rowid order (NOT
// INDEXED): a third of products qualify, and looking each one up from an index took 150 ms
// against 30 ms for one pass (as open-data.server.ts found). A province is a few thousand rows
// through its index.
const PRODUCTS_BY_STARS_SQL = (inProvince: boolean) => `SELECT
    sum(CASE WHEN ${badgeValidSql("p", ":today")} AND p.badge_stars = 5 THEN 1 ELSE 0 END) AS "5",
    sum(CASE WHEN ${badgeValidSql("p", ":today")} AND p.badge_stars = 4 THEN 1 ELSE 0 END) AS "4",
    sum(CASE WHEN ${badgeValidSql("p", ":today")} AND p.badge_stars = 3 THEN 1 ELSE 0 END) AS "3",
    sum(CASE WHEN ${badgeValidSql("p", ":today")} THEN 0 ELSE 1 END) AS "none"
  FROM products p${inProvince ? " WHERE p.province_code = :province AND " : " NOT INDEXED WHERE "}${PUBLIC_PRODUCT}`;

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
  const inProvince = province !== null;
  const scope = inProvince ? { province } : {};
  const counts = prepared(PRODUCTS_BY_STARS_SQL(inProvince)).get({ today, ...scope }) as Record<StarBucket, number | null>;
  const value: CatalogFigures = {
    products: { "5": counts["5"] ?? 0, "4": counts["4"] ?? 0, "3": counts["3"] ?? 0, none: counts.none ?? 0 },
    activeProducers: (prepared(ACTIVE_PRODUCERS_SQL(inProvince)).get(scope) as { n: number }).n,
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

  const monthStatement = prepared(inProvince ? MONTH_IN_PROVINCE_SQL : MONTH_SQL);
  const byMonth = monthWindows(query.range).map(({ month, start, end }) => {
    const row = monthStatement.get({ start, end, ...(inProvince ? { province } : {}) }) as Totals;
    return { month, transactions: row.n, revenueVnd: row.v ?? 0 };
  });
  const transactions = byMonth.reduce((sum, m) => sum + m.transactions, 0);
  const revenueVnd = byMonth.reduce((sum, m) => sum + m.revenueVnd, 0);

  let byProvince: DashboardFigures["byProvince"];
  if (inProvince) {
    byProvince = [{ province, transactions, revenueVnd }];
  } else {
    const sold = new Map(
      (prepared(BY_PROVINCE_SQL).all({ start, end }) as (Totals & { province: string })[]).map((r) => [r.province, r]),
    );
    byProvince = listProvinces()
      .map((p) => ({ province: p.code, transactions: sold.get(p.code)?.n ?? 0, revenueVnd: sold.get(p.code)?.v ?? 0 }))
      .sort((a, b) => b.revenueVnd - a.revenueVnd || b.transactions - a.transactions || a.province.localeCompare(b.province));
  }

  const groupRevenue = new Map<string, number>();
  const starsRevenue = new Map<StarBucket, number>();
  const lines = prepared(BY_GROUP_AND_STARS_SQL(inProvince)).all({ start, end, today, ...(inProvince ? { province } : {}) }) as {
    group: string;
    stars: number | null;
    revenue: number;
    certified: number;
  }[];
  const add = <K>(map: Map<K, number>, key: K, vnd: number) => map.set(key, (map.get(key) ?? 0) + vnd);
  for (const line of lines) {
    add(groupRevenue, line.group, line.revenue);
    if (line.certified > 0) add(starsRevenue, String(line.stars) as StarBucket, line.certified);
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
  };
}
