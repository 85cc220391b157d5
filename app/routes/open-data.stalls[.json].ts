import { activeStallsOpenData } from "~/domain/market/open-data.server";

/** Chợ 4.0 open data: market stalls active in the last 30 days, per province (counts only, nothing personal). */
export function loader() {
  return Response.json(activeStallsOpenData(), { headers: { "Cache-Control": "public, max-age=300" } });
}
