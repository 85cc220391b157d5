import { describe, expect, it } from "vitest";
import {
  averageOrderVnd,
  chartCsv,
  chartTable,
  compactVnd,
  csvFileName,
  defaultRange,
  formatMonth,
  groupRows,
  isChart,
  MAX_RANGE_MONTHS,
  monthKeys,
  monthWindows,
  niceScale,
  parseDateRange,
  rangeInstants,
  vietnamMidnight,
  type DashboardFigures,
} from "./dashboard";

const params = (query: string) => new URLSearchParams(query);

describe("defaultRange", () => {
  it("is the last 12 months, this one included, from the first of the month", () => {
    expect(defaultRange("2026-11-23")).toEqual({ from: "2025-12-01", to: "2026-11-23" });
    expect(defaultRange("2026-01-01")).toEqual({ from: "2025-02-01", to: "2026-01-01" });
    expect(monthKeys(defaultRange("2026-11-23"))).toHaveLength(12);
  });
});

describe("parseDateRange", () => {
  const today = "2026-11-23";

  it("defaults to the last 12 months", () => {
    expect(parseDateRange(params(""), today)).toEqual({
      range: { from: "2025-12-01", to: today },
      errors: {},
      values: { from: "2025-12-01", to: today },
    });
  });

  it("takes both dates as given, one day is a range", () => {
    expect(parseDateRange(params("from=2026-01-01&to=2026-06-30"), today).range).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(parseDateRange(params("from=2026-03-05&to=2026-03-05"), today).range).toEqual({ from: "2026-03-05", to: "2026-03-05" });
    expect(parseDateRange(params("from=+2026-01-01+&to=2026-02-01"), today).range).toEqual({ from: "2026-01-01", to: "2026-02-01" });
  });

  it("fills a missing end with today and a missing start with twelve months before the end", () => {
    expect(parseDateRange(params("from=2026-05-10"), today).range).toEqual({ from: "2026-05-10", to: today });
    expect(parseDateRange(params("to=2026-03-15"), today).range).toEqual({ from: "2025-04-01", to: "2026-03-15" });
    // A start after today still makes a range (of the future, with no sales), not an error.
    expect(parseDateRange(params("from=2027-01-01"), today).range).toEqual({ from: "2027-01-01", to: "2027-01-01" });
  });

  it("reports a malformed or impossible date by its field, keeping what was typed", () => {
    for (const bad of ["2026-13-01", "2026-02-30", "23/11/2026", "2026-1-5", "yesterday", "2026-11-23T00:00"]) {
      const parsed = parseDateRange(params(`from=${encodeURIComponent(bad)}&to=2026-11-01`), today);
      expect(parsed.range).toBeNull();
      expect(parsed.errors).toEqual({ from: "dashboard.error.date" });
      expect(parsed.values.from).toBe(bad);
    }
    expect(parseDateRange(params("to=2026-02-29"), today).errors).toEqual({ to: "dashboard.error.date" });
    expect(parseDateRange(params("from=x&to=y"), today).errors).toEqual({ from: "dashboard.error.date", to: "dashboard.error.date" });
  });

  it("refuses an end before the start, and more than ten years", () => {
    expect(parseDateRange(params("from=2026-06-01&to=2026-05-31"), today)).toMatchObject({ range: null, errors: { to: "dashboard.error.order" } });
    expect(parseDateRange(params("from=2016-11-01&to=2026-10-31"), today).range).not.toBeNull();
    expect(parseDateRange(params("from=2016-10-31&to=2026-10-31"), today)).toMatchObject({ range: null, errors: { to: "dashboard.error.span" } });
    expect(MAX_RANGE_MONTHS).toBe(120);
  });
});

describe("Vietnam's calendar", () => {
  it("starts a Vietnamese day at 17:00 UTC the day before", () => {
    expect(new Date(vietnamMidnight("2026-01-01")).toISOString()).toBe("2025-12-31T17:00:00.000Z");
  });

  it("turns an inclusive range of days into [start, end) instants", () => {
    const { start, end } = rangeInstants({ from: "2026-03-01", to: "2026-03-31" });
    expect(new Date(start).toISOString()).toBe("2026-02-28T17:00:00.000Z");
    expect(new Date(end).toISOString()).toBe("2026-03-31T17:00:00.000Z");
  });

  it("lists every month a range touches, across years", () => {
    expect(monthKeys({ from: "2025-11-15", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthKeys({ from: "2026-05-31", to: "2026-05-31" })).toEqual(["2026-05"]);
  });

  it("clips the first and last month to the range; the windows tile it without gap or overlap", () => {
    const range = { from: "2025-11-15", to: "2026-02-01" };
    const windows = monthWindows(range);
    const { start, end } = rangeInstants(range);
    expect(windows.map((w) => w.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(windows[0]!.start).toBe(start);
    expect(windows.at(-1)!.end).toBe(end);
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.start).toBe(windows[i - 1]!.end);
    expect(new Date(windows[1]!.start).toISOString()).toBe("2025-11-30T17:00:00.000Z");
    // 23:30 on 31 December in Hà Nội (16:30 UTC) is December's; 00:30 on 1 January, still 31 December in UTC, is January's.
    const lateDecember = Date.parse("2025-12-31T23:30:00+07:00");
    expect(windows.find((w) => w.start <= lateDecember && lateDecember < w.end)!.month).toBe("2025-12");
    const earlyJanuary = Date.parse("2026-01-01T00:30:00+07:00");
    expect(windows.find((w) => w.start <= earlyJanuary && earlyJanuary < w.end)!.month).toBe("2026-01");
  });

  it("writes a month the Vietnamese way", () => {
    expect(formatMonth("2026-03")).toBe("03/2026");
  });
});

describe("averageOrderVnd", () => {
  it("is revenue over transactions in whole đồng, half up", () => {
    expect(averageOrderVnd(300_000, 3)).toBe(100_000);
    expect(averageOrderVnd(100_001, 2)).toBe(50_001); // 50 000.5 → up
    expect(averageOrderVnd(100_000, 3)).toBe(33_333);
    expect(averageOrderVnd(200_000, 3)).toBe(66_667);
    expect(averageOrderVnd(341_712_572_000, 169_021)).toBe(Math.round(341_712_572_000 / 169_021));
  });

  it("is 0 without transactions", () => {
    expect(averageOrderVnd(0, 0)).toBe(0);
  });
});

describe("niceScale", () => {
  it("rounds the top up to a multiple of a 1-2-2.5-5 step", () => {
    expect(niceScale(29_960_693_000)).toEqual({ max: 30_000_000_000, ticks: [0, 1e10, 2e10, 3e10] });
    expect(niceScale(164)).toEqual({ max: 200, ticks: [0, 50, 100, 150, 200] });
    expect(niceScale(100)).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(1)).toEqual({ max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it("always covers the maximum with between 2 and 6 ticks", () => {
    for (const max of [1, 3, 9, 11, 99, 101, 12_345, 987_654_321, 5e11]) {
      const scale = niceScale(max);
      expect(scale.max).toBeGreaterThanOrEqual(max);
      expect(scale.ticks[0]).toBe(0);
      expect(scale.ticks.at(-1)).toBe(scale.max);
      expect(scale.ticks.length).toBeGreaterThanOrEqual(2);
      expect(scale.ticks.length).toBeLessThanOrEqual(6);
    }
  });

  it("gives an empty chart a unit axis", () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
  });
});

describe("compactVnd", () => {
  it("shortens to tỷ, triệu and nghìn with one decimal under ten", () => {
    expect(compactVnd(1_234_567_890, "vi")).toBe("1,2 tỷ");
    expect(compactVnd(30_000_000_000, "vi")).toBe("30 tỷ");
    expect(compactVnd(345_600_000, "vi")).toBe("346 triệu");
    expect(compactVnd(12_000, "vi")).toBe("12 nghìn");
    expect(compactVnd(500, "vi")).toBe("500");
    expect(compactVnd(0, "vi")).toBe("0");
    expect(compactVnd(1_234_567_890, "en")).toBe("1.2 bn");
    expect(compactVnd(2_500_000, "en")).toBe("2.5 m");
  });
});

describe("charts", () => {
  const figures: DashboardFigures = {
    range: { from: "2026-01-01", to: "2026-02-28" },
    province: null,
    transactions: 3,
    revenueVnd: 450_000,
    averageOrderVnd: 150_000,
    activeProducers: 2,
    certifiedProducts: 5,
    byMonth: [
      { month: "2026-01", transactions: 1, revenueVnd: 150_000 },
      { month: "2026-02", transactions: 2, revenueVnd: 300_000 },
    ],
    byProvince: [
      { province: "92", transactions: 2, revenueVnd: 300_000 },
      { province: "01", transactions: 1, revenueVnd: 150_000 },
    ],
    byGroup: groupRows(new Map([["food", 400_000], ["beverage", 50_000]])),
    byStars: [
      { stars: "5", revenueVnd: 0, products: 1 },
      { stars: "4", revenueVnd: 400_000, products: 4 },
      { stars: "3", revenueVnd: 0, products: 0 },
      { stars: "none", revenueVnd: 50_000, products: 7 },
    ],
    market: {
      activeStalls: 2,
      transactions: 3,
      valueVnd: 90_000,
      byMonth: [
        { month: "2026-01", transactions: 1, valueVnd: 30_000, activeStalls: 1 },
        { month: "2026-02", transactions: 2, valueVnd: 60_000, activeStalls: 2 },
      ],
      byProvince: [{ province: "92", transactions: 3, valueVnd: 90_000, activeStalls: 2 }],
      byLocation: [
        { province: "92", market: "Chợ nổi Cái Răng", transactions: 2, valueVnd: 60_000, activeStalls: 1 },
        { province: "92", market: "", transactions: 1, valueVnd: 30_000, activeStalls: 1 },
      ],
    },
  };
  const labels = { t: (key: string, p?: Record<string, string | number>) => (p ? `${key}:${JSON.stringify(p)}` : key), provinceName: (c: string) => `P${c}` };

  it("lists the groups in their official order with zeros", () => {
    expect(figures.byGroup.map((g) => [g.group, g.revenueVnd])).toEqual([
      ["food", 400_000],
      ["beverage", 50_000],
      ["herbal", 0],
      ["handicraft", 0],
      ["ornamental", 0],
      ["tourism", 0],
    ]);
  });

  it("knows its four charts", () => {
    expect(["month", "province", "group", "stars"].every(isChart)).toBe(true);
    expect(isChart("year")).toBe(false);
    expect(isChart(null)).toBe(false);
  });

  it("gives each chart's rows with keys, labels and numbers", () => {
    const month = chartTable("month", figures, labels);
    expect(month.rows).toEqual([
      { key: "2026-01", label: "01/2026", values: [1, 150_000] },
      { key: "2026-02", label: "02/2026", values: [2, 300_000] },
    ]);
    expect(month.money).toEqual([false, true]);
    expect(chartTable("province", figures, labels).rows[0]).toEqual({ key: "92", label: "P92", values: [2, 300_000] });
    expect(chartTable("group", figures, labels).rows[0]).toEqual({ key: "food", label: "group.food", values: [400_000] });
    const stars = chartTable("stars", figures, labels);
    expect(stars.rows.map((r) => r.key)).toEqual(["5", "4", "3", "none"]);
    expect(stars.rows[1]).toEqual({ key: "4", label: 'dashboard.stars.n:{"stars":"4"}', values: [400_000, 4] });
    expect(stars.rows[3]!.label).toBe("dashboard.stars.none");
  });

  it("gives the chợ 4.0 charts: cashless market sales by month, province and market", () => {
    expect(["marketMonth", "marketProvince", "marketLocation"].every(isChart)).toBe(true);
    expect(chartTable("marketMonth", figures, labels).rows[1]).toEqual({ key: "2026-02", label: "02/2026", values: [2, 60_000, 2] });
    expect(chartTable("marketProvince", figures, labels).rows).toEqual([{ key: "92", label: "P92", values: [3, 90_000, 2] }]);
    expect(chartTable("marketLocation", figures, labels).rows).toEqual([
      { key: "92|Chợ nổi Cái Răng", label: "Chợ nổi Cái Răng (P92)", values: [2, 60_000, 1] },
      { key: "92|", label: "market.noLocation (P92)", values: [1, 30_000, 1] },
    ]);
    expect(chartCsv(chartTable("marketLocation", figures, labels)).header).toEqual([
      "market.col.locationKey",
      "market.col.location",
      "market.col.transactions",
      "market.col.value",
      "market.col.activeStalls",
    ]);
  });

  it("writes the same rows as CSV: key, label, then plain integers", () => {
    const csv = chartCsv(chartTable("month", figures, labels));
    expect(csv.header).toEqual(["dashboard.col.monthKey", "dashboard.col.month", "dashboard.col.transactions", "dashboard.col.revenue"]);
    expect(csv.rows).toEqual([
      ["2026-01", "01/2026", 1, 150_000],
      ["2026-02", "02/2026", 2, 300_000],
    ]);
  });

  it("names the file after the chart, the province and the dates", () => {
    expect(csvFileName("month", figures.range, null)).toBe("ocop-dashboard-month-2026-01-01-2026-02-28.csv");
    expect(csvFileName("stars", figures.range, "92")).toBe("ocop-dashboard-stars-92-2026-01-01-2026-02-28.csv");
  });
});
