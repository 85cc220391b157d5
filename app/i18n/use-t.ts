import { useMatches, useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { loader as rootLoader } from "~/root";
import type { IsoDate } from "~/domain/shared/dates";
import { formatDate, formatDateTime } from "./format";
import { formatCount, isMessageKey, pageCatalog, translator, type Language } from "./translate";

export function useLanguage(): Language {
  return useRouteLoaderData<typeof rootLoader>("root")?.lang ?? "vi";
}

/** The page's catalog: the visitor's language, with the messages the matched routes name (translate.ts). */
function usePageCatalog() {
  const english = useRouteLoaderData<typeof rootLoader>("root")?.messages;
  const matches = useMatches();
  return useMemo(() => pageCatalog(matches, english), [matches, english]);
}

/** The translate function for the visitor's language, for any component under the root. */
export function useT() {
  const messages = usePageCatalog();
  return useMemo(() => translator(messages), [messages]);
}

/**
 * Translates a message that arrived as a plain string (a form error from the server or from Zod in the
 * browser): a key of the catalog shows in the visitor's language, anything else as it is.
 */
export function useMessage() {
  const messages = usePageCatalog();
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
