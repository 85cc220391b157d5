import { activeStallsCsv } from "~/domain/market/open-data.server";

/** Chợ 4.0 open data as CSV: one row per province. */
export function loader() {
  return new Response(`\uFEFF${activeStallsCsv()}`, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="cho-ocop-active-stalls.csv"', "Cache-Control": "public, max-age=300" },
  });
}
