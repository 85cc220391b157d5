import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveCarrierCallback } from "~/domain/shipping/tracking.server";
import { readRawBody } from "~/request.server";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * A carrier's tracking callback (PRODUCT.md §5, Additions: ghtk | ghn | viettelpost | ems). The
 * adapter authenticates it and chooses the answer its carrier expects (ADR 0028).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "method not allowed" }, { status: 405 });
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (!rawBody) return Response.json({ error: "body too large" }, { status: 413 });
  const reply = await receiveCarrierCallback(params.carrier ?? "", {
    rawBody: rawBody.toString("utf8"),
    contentType: request.headers.get("content-type") ?? "",
    headers: request.headers,
    query: new URL(request.url).searchParams,
  });
  return new Response(reply.body, { status: reply.status, headers: { "Content-Type": reply.contentType } });
}

export function loader() {
  return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
