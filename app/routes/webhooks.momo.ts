import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveMomoIpn } from "~/domain/payments/providers/momo.server";
import { readRawBody } from "~/request.server";

const MAX_BODY_BYTES = 16 * 1024;

/** MoMo's IPN (PRODUCT.md §5, Additions): 204 with no body once believed. Every payment MoMo took is kept. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "method not allowed" }, { status: 405 });
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (!rawBody) return Response.json({ error: "body too large" }, { status: 413 });
  const reply = receiveMomoIpn(rawBody);
  return reply.body === null ? new Response(null, { status: reply.status }) : Response.json(reply.body, { status: reply.status });
}

export function loader() {
  return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
