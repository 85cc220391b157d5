import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveStallSepay } from "~/domain/market/stall-webhooks.server";
import { readRawBody } from "~/request.server";

const MAX_BODY_BYTES = 16 * 1024;

/** A producer's own Sepay account reports a transaction on its bank account (PRODUCT.md §5, market stalls). */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ success: false, error: "method not allowed" }, { status: 405 });
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (!rawBody) return Response.json({ success: false, error: "body too large" }, { status: 413 });
  const reply = receiveStallSepay(params.token ?? "", rawBody, request.headers);
  return Response.json(reply.body, { status: reply.status });
}

export function loader() {
  return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
