import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { loader as rootLoader } from "~/root";
import type { IsoDate } from "~/domain/shared/dates";
import { formatDate, formatDateTime } from "./format";
import { formatCount, isMessageKey, translator, type Language } from "./translate";
import { vi } from "./vi";

export function useLanguage(): Language {
  return useRouteLoaderData<typeof rootLoader>("root")?.lang ?? "vi";
}

/** The translate function for the visitor's language, for any component under the root. */
export function useT() {
  const messages = useRouteLoaderData<typeof rootLoader>("root")?.messages ?? vi;
  return useMemo(() => translator(messages), [messages]);
}

/**
 * Translates a message that arrived as a plain string (a form error from the server or from Zod in the
 * browser): a key of the catalog shows in the visitor's language, anything else as it is.
 */
export function useMessage() {
  const messages = useRouteLoaderData<typeof rootLoader>("root")?.messages ?? vi;
  return useMemo(() => {
    const t = translator(messages);
    return (text: string | null | undefined, params?: Record<string, string | number>): string | undefined => {
      if (!text) return undefined;
      return isMessageKey(text, messages) ? t(text, params) : text;
    };
  }, [messages]);
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
