import type { LoaderFunctionArgs } from "@remix-run/node";
import { findCommunes } from "~/domain/catalog/commune-finder";
import { communeEntries } from "~/domain/catalog/places.server";
import { getLanguage } from "~/i18n/language.server";
import { safeJsonResponse } from "~/safe-json";

/** As-you-type communes for the address finder: `{ communes: [{ code, provinceCode, label }] }`. */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const found = q.trim().length >= 2 ? findCommunes(communeEntries(await getLanguage(request)), q, 8) : [];
  return safeJsonResponse(
    { communes: found.map(({ code, provinceCode, label }) => ({ code, provinceCode, label })) },
    { headers: { "Cache-Control": "public, max-age=3600", Vary: "Cookie" } },
  );
}
