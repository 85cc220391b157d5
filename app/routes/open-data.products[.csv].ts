import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataCsv } from "~/domain/reports/open-data.server";
import { requestOrigin } from "~/request.server";

export function loader({ request }: LoaderFunctionArgs) {
  return new Response(openDataCsv(requestOrigin(request), request.signal), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="ocop-products.csv"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
