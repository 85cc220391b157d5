import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveCassoWebhook } from "~/domain/payments/providers/casso.server";
import { readRawBody } from "~/request.server";

const MAX_BODY_BYTES = 16 * 1024;

/** Casso's notification of a transaction on the platform's account (PRODUCT.md §5, Additions). Every transfer is kept. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ success: false, error: "method not allowed" }, { status: 405 });
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (!rawBody) return Response.json({ success: false, error: "body too large" }, { status: 413 });
  const reply = receiveCassoWebhook(rawBody, request.headers);
  return Response.json(reply.body, { status: reply.status });
}

export function loader() {
  return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
