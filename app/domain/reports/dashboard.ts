/**
 * Pure rules of the staff dashboard (PRODUCT.md §3, "Staff console" → Dashboard): which dates a
 * request asks for, the months they cover in Vietnam's calendar, how a chart's axis is scaled, and
 * the rows that both the page's tables and the CSV downloads show.
 */
import type { MessageKey } from "~/i18n/vi";
import { PRODUCT_GROUPS, type ProductGroup } from "../catalog/groups";
import type { MarketFigures } from "../market/market-figures";
import { addDays, addMonths, isIsoDate, type IsoDate } from "../shared/dates";
import type { CsvValue } from "./csv";

/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET = "+07:00";
/** The longest range one request may ask for; the month chart has one bar per month. */
export const MAX_RANGE_MONTHS = 120;

export interface DateRange {
  /** First day, inclusive, in Vietnam's calendar. */
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
}

export type RangeField = "from" | "to" | "province";
export type RangeErrors = Partial<Record<RangeField, MessageKey>>;

/** The default range: the last 12 months, the current one included (so 12 bars, the last one partial). */
export function defaultRange(today: IsoDate): DateRange {
  return { from: addMonths(firstOfMonth(today), -11), to: today };
}

function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/**
 * Reads `from` and `to` (YYYY-MM-DD). A missing end defaults to today, a missing start to twelve
 * months before the end. Errors are reported by field; `range` is null whenever there is one.
 * `values` are what the form should show again.
 */
export function parseDateRange(
  params: URLSearchParams,
  today: IsoDate,
): { range: DateRange | null; errors: RangeErrors; values: { from: string; to: string } } {
  const rawFrom = (params.get("from") ?? "").trim();
  const rawTo = (params.get("to") ?? "").trim();
  const errors: RangeErrors = {};
  // Years outside 2000–2099 are typing slips, and date arithmetic past 9999 throws.
  const plausible = (date: string) => isIsoDate(date) && date >= "2000-01-01" && date <= "2099-12-31";
  if (rawFrom !== "" && !plausible(rawFrom)) errors.from = "dashboard.error.date";
  if (rawTo !== "" && !plausible(rawTo)) errors.to = "dashboard.error.date";
  if (errors.from || errors.to) return { range: null, errors, values: { from: rawFrom, to: rawTo } };

  const to = rawTo || (rawFrom ? maxDate(rawFrom, today) : today);
  const from = rawFrom || defaultRange(to).from;
  if (from > to) errors.to = "dashboard.error.order";
  else if (monthKeys({ from, to }).length > MAX_RANGE_MONTHS) errors.to = "dashboard.error.span";
  const range = errors.to ? null : { from, to };
  return { range, errors, values: { from, to } };
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** Milliseconds since the epoch at 00:00 in Vietnam on `date`. */
export function vietnamMidnight(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00${VIETNAM_OFFSET}`);
}

/** The range as instants: [start, end), end being midnight after the last day, to compare with `paid_at`. */
export function rangeInstants(range: DateRange): { start: number; end: number } {
  return { start: vietnamMidnight(range.from), end: vietnamMidnight(addDays(range.to, 1)) };
}

/** "2025-11" for every month the range touches, in order. */
export function monthKeys(range: DateRange): string[] {
  const keys: string[] = [];
  const last = range.to.slice(0, 7);
  for (let day = firstOfMonth(range.from); day.slice(0, 7) <= last; day = addMonths(day, 1)) {
    keys.push(day.slice(0, 7));
    if (keys.length > MAX_RANGE_MONTHS) break;
  }
  return keys;
}

/** Each month of the range as [start, end) instants, clipped to the range at both ends. */
export function monthWindows(range: DateRange): { month: string; start: number; end: number }[] {
  const { start, end } = rangeInstants(range);
  return monthKeys(range).map((month) => {
    const first = `${month}-01`;
    return {
      month,
      start: Math.max(start, vietnamMidnight(first)),
      end: Math.min(end, vietnamMidnight(addMonths(first, 1))),
    };
  });
}

/** "2025-11" → "11/2025", the way months are written in Vietnam. */
export function formatMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** Average value of one transaction in whole đồng, rounded half up; 0 when there were none. */
export function averageOrderVnd(revenueVnd: number, transactions: number): number {
  if (transactions <= 0) return 0;
  return Math.floor((2 * revenueVnd + transactions) / (2 * transactions));
}

/**
 * An axis from 0 to a "nice" maximum at least `max`, with ticks every 1, 2 or 5 × 10ⁿ, about
 * `count` of them: 0, 250 000, 500 000… rather than 0, 237 413…
 */
export function niceScale(max: number, count = 4): { max: number; ticks: number[] } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, ticks: [0, 1] };
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step / 1e6; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return { max: top, ticks };
}

/**
 * A short amount for chart labels: "1,2 tỷ", "345 triệu", "12 nghìn" (English: "1.2 bn", "345 m",
 * "12 k"), one decimal at most, so a label fits beside its bar on a phone.
 */
export function compactVnd(vnd: number, lang: "vi" | "en"): string {
  const units: [number, string, string][] = [
    [1e9, "tỷ", "bn"],
    [1e6, "triệu", "m"],
    [1e3, "nghìn", "k"],
  ];
  const number = (n: number) =>
    n.toLocaleString(lang === "en" ? "en-US" : "vi-VN", { maximumFractionDigits: n < 10 ? 1 : 0 });
  for (const [size, vi, en] of units) {
    if (Math.abs(vnd) >= size) return `${number(vnd / size)} ${lang === "en" ? en : vi}`;
  }
  return number(vnd);
}

// ---------------------------------------------------------------------------------------------
// Figures and their tables

export const STAR_BUCKETS = ["5", "4", "3", "none"] as const;
export type StarBucket = (typeof STAR_BUCKETS)[number];

export const CHARTS = ["month", "province", "group", "stars", "marketMonth", "marketProvince", "marketLocation"] as const;
export type Chart = (typeof CHARTS)[number];

export function isChart(value: unknown): value is Chart {
  return typeof value === "string" && (CHARTS as readonly string[]).includes(value);
}

export interface SalesFigure {
  transactions: number;
  revenueVnd: number;
}

export interface DashboardFigures {
  range: DateRange;
  /** The province the figures are limited to; null for the whole country. */
  province: string | null;
  transactions: number;
  revenueVnd: number;
  averageOrderVnd: number;
  activeProducers: number;
  certifiedProducts: number;
  byMonth: ({ month: string } & SalesFigure)[];
  /** Every province in scope, most revenue first. */
  byProvince: ({ province: string } & SalesFigure)[];
  byGroup: { group: ProductGroup; revenueVnd: number }[];
  /** Revenue by the products' current stars, and how many public products have them now. */
  byStars: { stars: StarBucket; revenueVnd: number; products: number }[];
  /** Chợ 4.0: cashless sales at producers' market stalls (issue 16). */
  market: MarketFigures;
}

/** One row of a chart's table: its label, its key (kept in the CSV) and its numbers. */
export interface ChartRow {
  key: string;
  label: string;
  values: number[];
}

export interface ChartTable {
  chart: Chart;
  /** Header of the CSV's first column, the row's key (a month as YYYY-MM, a province or group code, stars). */
  keyHeader: string;
  /** Column headers: the label's, then one per value. */
  header: string[];
  /** Whether each value column is money (shown as đồng) or a count. */
  money: boolean[];
  rows: ChartRow[];
  /** The number each bar shows: its index in `values`. */
  barValue: number;
  /** A second number shown in brackets after the bar's label, if any. */
  noteValue?: number;
}

export interface TableLabels {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  provinceName: (code: string) => string;
}

/** The rows behind one chart, shared by the page's table, its SVG and the CSV download. */
export function chartTable(chart: Chart, figures: DashboardFigures, { t, provinceName }: TableLabels): ChartTable {
  const transactions = t("dashboard.col.transactions");
  const revenue = t("dashboard.col.revenue");
  switch (chart) {
    case "month":
      return {
        chart,
        keyHeader: t("dashboard.col.monthKey"),
        header: [t("dashboard.col.month"), transactions, revenue],
        money: [false, true],
        rows: figures.byMonth.map((m) => ({ key: m.month, label: formatMonth(m.month), values: [m.transactions, m.revenueVnd] })),
        barValue: 1,
        noteValue: 0,
      };
    case "province":
      return {
        chart,
        keyHeader: t("dashboard.col.provinceCode"),
        header: [t("dashboard.col.province"), transactions, revenue],
        money: [false, true],
        rows: figures.byProvince.map((p) => ({ key: p.province, label: provinceName(p.province), values: [p.transactions, p.revenueVnd] })),
        barValue: 1,
        noteValue: 0,
      };
    case "group":
      return {
        chart,
        keyHeader: t("dashboard.col.groupCode"),
        header: [t("dashboard.col.group"), revenue],
        money: [true],
        rows: figures.byGroup.map((g) => ({ key: g.group, label: t(`group.${g.group}`), values: [g.revenueVnd] })),
        barValue: 0,
      };
    case "stars":
      return {
        chart,
        keyHeader: t("dashboard.col.starsKey"),
        header: [t("dashboard.col.stars"), revenue, t("dashboard.col.products")],
        money: [true, false],
        rows: figures.byStars.map((s) => ({
          key: s.stars,
          label: s.stars === "none" ? t("dashboard.stars.none") : t("dashboard.stars.n", { stars: s.stars }),
          values: [s.revenueVnd, s.products],
        })),
        barValue: 0,
      };
    case "marketMonth":
      return {
        chart,
        keyHeader: t("dashboard.col.monthKey"),
        header: [t("dashboard.col.month"), t("market.col.transactions"), t("market.col.value"), t("market.col.activeStalls")],
        money: [false, true, false],
        rows: figures.market.byMonth.map((m) => ({ key: m.month, label: formatMonth(m.month), values: [m.transactions, m.valueVnd, m.activeStalls] })),
        barValue: 1,
        noteValue: 0,
      };
    case "marketProvince":
      return {
        chart,
        keyHeader: t("dashboard.col.provinceCode"),
        header: [t("dashboard.col.province"), t("market.col.transactions"), t("market.col.value"), t("market.col.activeStalls")],
        money: [false, true, false],
        rows: figures.market.byProvince.map((p) => ({ key: p.province, label: provinceName(p.province), values: [p.transactions, p.valueVnd, p.activeStalls] })),
        barValue: 1,
        noteValue: 0,
      };
    case "marketLocation":
      return {
        chart,
        keyHeader: t("market.col.locationKey"),
        header: [t("market.col.location"), t("market.col.transactions"), t("market.col.value"), t("market.col.activeStalls")],
        money: [false, true, false],
        rows: figures.market.byLocation.map((l) => ({
          // The key keeps the province and the market apart in the CSV: "92|Chợ nổi Cái Răng".
          key: `${l.province}|${l.market}`,
          label: `${l.market || t("market.noLocation")} (${provinceName(l.province)})`,
          values: [l.transactions, l.valueVnd, l.activeStalls],
        })),
        barValue: 1,
        noteValue: 0,
      };
  }
}

/** A chart's CSV columns: the key (month, province code, group code, stars), the label, then the numbers. */
export function chartCsv(table: ChartTable): { header: string[]; rows: CsvValue[][] } {
  return {
    header: [table.keyHeader, ...table.header],
    rows: table.rows.map((row) => [row.key, row.label, ...row.values]),
  };
}

/** The file name of a chart's CSV: `ocop-dashboard-month-2025-01-01-2025-12-31.csv` (plus the province). */
export function csvFileName(chart: Chart, range: DateRange, province: string | null): string {
  return `ocop-dashboard-${chart}${province ? `-${province}` : ""}-${range.from}-${range.to}.csv`;
}

/** Groups in their official order, each with its revenue (0 when none sold). */
export function groupRows(revenue: ReadonlyMap<string, number>): DashboardFigures["byGroup"] {
  return PRODUCT_GROUPS.map((group) => ({ group, revenueVnd: revenue.get(group) ?? 0 }));
}
