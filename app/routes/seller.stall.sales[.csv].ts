import type { LoaderFunctionArgs } from "@remix-run/node";
import { salesCsv } from "~/domain/market/sales-csv.server";
import { bookQuerySchema } from "~/domain/market/stall-form";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { getLanguage } from "~/i18n/language.server";
import { todayInVietnam } from "~/domain/shared/dates";

/** `/seller/stall/sales.csv?month=YYYY-MM`: every sale of the month, for the producer's own books. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const { month = todayInVietnam().slice(0, 7) } = bookQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = salesCsv(actor, month, await getLanguage(request));
  // UTF-8 with a byte order mark, without which Excel reads the Vietnamese as Windows-1252.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cho-ocop-ban-tai-cho-${month}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
