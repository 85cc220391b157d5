import type { ActionFunctionArgs } from "@remix-run/node";
import { receivePayosWebhook } from "~/domain/payments/providers/payos.server";
import { readRawBody } from "~/request.server";

const MAX_BODY_BYTES = 16 * 1024;

/** payOS's notification that a payment link was paid (PRODUCT.md §5, Additions). Every payment is kept. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ success: false, error: "method not allowed" }, { status: 405 });
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (!rawBody) return Response.json({ success: false, error: "body too large" }, { status: 413 });
  const reply = receivePayosWebhook(rawBody);
  return Response.json(reply.body, { status: reply.status });
}

export function loader() {
  return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
