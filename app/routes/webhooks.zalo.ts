import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveZaloCallback } from "~/domain/messages/callbacks.server";
import { readRawBody } from "~/request.server";

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Zalo OA's webhook: ZNS delivery reports (INTEGRATIONS.md §4.1), signed with the OA secret key
 * (ZALO_OA_SECRET_KEY; off without it). Answered at once, as Zalo retries what takes over 2 s.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "method not allowed" }, { status: 405 });
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (!rawBody) return Response.json({ error: "body too large" }, { status: 413 });
  const outcome = receiveZaloCallback(rawBody, request.headers.get("X-ZEvent-Signature"));
  const status = outcome === "ok" ? 200 : outcome === "forbidden" ? 401 : 404;
  return Response.json({ status: outcome }, { status });
}

export function loader() {
  return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
