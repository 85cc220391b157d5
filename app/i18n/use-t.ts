import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { loader as rootLoader } from "~/root";
import { translator, type Language } from "./translate";

export function useLanguage(): Language {
  return useRouteLoaderData<typeof rootLoader>("root")?.lang ?? "vi";
}

/** The translate function for the visitor's language, for any component under the root. */
export function useT() {
  const lang = useLanguage();
  return useMemo(() => translator(lang), [lang]);
}
