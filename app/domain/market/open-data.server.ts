import { provinceNames } from "../catalog/places.server";
import { toCsv } from "../reports/csv";
import { todayInVietnam } from "../shared/dates";
import { activeStallsByProvince, OPEN_DATA_ACTIVE_DAYS } from "./market-report.server";

/**
 * `/open-data/stalls.json` (issue 16): how many market stalls took a cashless payment in the last
 * 30 days, in each of the 34 provinces. Counts only: no producer, account or amount.
 */
export function activeStallsOpenData(now = Date.now()) {
  const names = provinceNames("vi");
  return {
    asOf: todayInVietnam(new Date(now)),
    windowDays: OPEN_DATA_ACTIVE_DAYS,
    definition: "Sạp của nhà sản xuất có ít nhất một giao dịch QR đã nhận tiền trong khoảng thời gian / stalls with at least one paid QR sale in the window",
    provinces: activeStallsByProvince(now).map((p) => ({ province: p.province, provinceName: names[p.province] ?? p.province, activeStalls: p.activeStalls })),
  };
}

export function activeStallsCsv(now = Date.now()): string {
  const data = activeStallsOpenData(now);
  return toCsv(
    ["province", "provinceName", "activeStalls", "asOf", "windowDays"],
    data.provinces.map((p) => [p.province, p.provinceName, p.activeStalls, data.asOf, data.windowDays]),
  );
}
