import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataJson } from "~/domain/reports/open-data.server";
import { requestOrigin } from "~/request.server";

export function loader({ request }: LoaderFunctionArgs) {
  return new Response(openDataJson(requestOrigin(request), request.signal), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
