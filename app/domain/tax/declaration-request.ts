import { todayInVietnam } from "../shared/dates";
import { isPeriod } from "./withholding";

/**
 * The month a declaration page or download asks for (`?month=YYYY-MM`): the current month in Vietnam
 * when absent; an error key when it is not a month.
 */
export function requestedPeriod(params: URLSearchParams, now = new Date()): { period: string; error: null } | { period: null; error: "declaration.error.month" } {
  const month = params.get("month");
  if (month === null || month === "") return { period: todayInVietnam(now).slice(0, 7), error: null };
  return isPeriod(month) ? { period: month, error: null } : { period: null, error: "declaration.error.month" };
}

export function requestedYear(params: URLSearchParams, now = new Date()): number | null {
  const year = params.get("year");
  if (year === null || year === "") return Number(todayInVietnam(now).slice(0, 4));
  return /^20\d\d$/.test(year) ? Number(year) : null;
}
