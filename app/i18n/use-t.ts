import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { loader as rootLoader } from "~/root";
import type { IsoDate } from "~/domain/shared/dates";
import { formatDate, formatDateTime } from "./format";
import { formatCount, translator, type Language } from "./translate";
import { vi } from "./vi";

export function useLanguage(): Language {
  return useRouteLoaderData<typeof rootLoader>("root")?.lang ?? "vi";
}

/** The translate function for the visitor's language, for any component under the root. */
export function useT() {
  const messages = useRouteLoaderData<typeof rootLoader>("root")?.messages ?? vi;
  return useMemo(() => translator(messages), [messages]);
}

/** Dates, moments and counts written the way the visitor's language writes them (see format.ts). */
export function useFormat() {
  const lang = useLanguage();
  return useMemo(
    () => ({
      date: (date: IsoDate) => formatDate(date, lang),
      dateTime: (ms: number, options?: { day?: boolean }) => formatDateTime(ms, lang, options),
      count: (n: number) => formatCount(n, lang),
    }),
    [lang],
  );
}
