import type { LoaderFunctionArgs } from "@remix-run/node";
import { MAX_QUERY_LENGTH } from "~/domain/catalog/catalog-params";
import { suggestProducts } from "~/domain/catalog/catalog.server";
import { safeJsonResponse } from "~/safe-json";

/** As-you-type suggestions for the search box: `{ suggestions: [{ slug, name }] }`. */
export function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  return safeJsonResponse(
    { suggestions: q.trim().length >= 2 ? suggestProducts(q) : [] },
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
}
