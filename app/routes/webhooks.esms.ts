import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiveEsmsCallback } from "~/domain/messages/callbacks.server";

/**
 * eSMS's delivery report: an unsigned GET (INTEGRATIONS.md §4.2), so the secret of ESMS_CALLBACK_SECRET
 * rides in its URL. Repeats (eSMS retries up to five times) change nothing.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const outcome = receiveEsmsCallback(new URL(request.url).searchParams);
  const status = outcome === "ok" ? 200 : outcome === "forbidden" ? 403 : outcome === "off" ? 404 : 400;
  return Response.json({ status: outcome }, { status, headers: { "Cache-Control": "no-store" } });
}
