import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { loader as rootLoader } from "~/root";
import { translator, type Language } from "./translate";
import { vi } from "./vi";

export function useLanguage(): Language {
  return useRouteLoaderData<typeof rootLoader>("root")?.lang ?? "vi";
}

/** The translate function for the visitor's language, for any component under the root. */
export function useT() {
  const messages = useRouteLoaderData<typeof rootLoader>("root")?.messages ?? vi;
  return useMemo(() => translator(messages), [messages]);
}
