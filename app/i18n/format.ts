import type { IsoDate } from "~/domain/shared/dates";
import type { Language } from "./translate";

/** Moments are shown in Vietnam's time, wherever the reader is: an order paid at 23:30 there is paid that day. */
const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateTimeFormats = {
  vi: new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }),
};
const dayFormats = {
  vi: new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: TIME_ZONE }),
};
// English readers get the month in words: 03/10/2028 is 3 October to a Vietnamese reader and March to an American.
const calendarFormats = {
  vi: (y: string, m: string, d: string) => `${d}/${m}/${y}`,
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
};

/** A calendar date of the domain ("2026-11-23") as the reader writes it: 23/11/2026, or 23 Nov 2026. */
export function formatDate(date: IsoDate, lang: Language): string {
  const [y = "", m = "", d = ""] = date.split("-");
  return lang === "en" ? calendarFormats.en.format(Date.UTC(Number(y), Number(m) - 1, Number(d))) : calendarFormats.vi(y, m, d);
}

/** A moment (epoch milliseconds) in Vietnam's time: "14:05 23/11/2026", or "23 Nov 2026, 14:05"; `day` drops the time. */
export function formatDateTime(ms: number, lang: Language, { day = false }: { day?: boolean } = {}): string {
  return (day ? dayFormats : dateTimeFormats)[lang].format(ms);
}
