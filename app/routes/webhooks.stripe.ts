import type { ActionFunctionArgs } from "@remix-run/node";
import { applyStripeEvent, stripeClient } from "~/domain/payments/stripe.server";
import { readRawBody } from "~/request.server";
import { settings } from "~/settings.server";

/** Stripe's events, verified on the raw body with STRIPE_WEBHOOK_SECRET and applied exactly once. */
export async function action({ request }: ActionFunctionArgs) {
  const config = settings.stripe;
  if (!config?.webhookSecret) return Response.json({ error: "Stripe webhooks are not configured" }, { status: 503 });
  // Stripe's events are a few KB; anything far larger is not one.
  const rawBody = await readRawBody(request, 512 * 1024);
  if (!rawBody) return Response.json({ error: "body too large" }, { status: 413 });
  const stripe = await stripeClient();
  let event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, request.headers.get("Stripe-Signature") ?? "", config.webhookSecret);
  } catch {
    return Response.json({ error: "invalid signature" }, { status: 400 });
  }
  const result = applyStripeEvent(event);
  return Response.json({ received: true, ...result });
}

export function loader() {
  return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
