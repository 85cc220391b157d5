import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { orderViewer } from "~/domain/orders/order-access.server";
import { orderPath } from "~/domain/orders/order-path";
import { confirmStripeReturn } from "~/domain/payments/stripe.server";

/**
 * Where Stripe sends the buyer back. The redirect alone proves nothing: the session is fetched from
 * Stripe, and only a paid one pays the order. The buyer then lands on the order page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const code = params.code ?? "";
  const sessionId = url.searchParams.get("session_id") ?? "";
  if (/^cs_[\w]{1,200}$/.test(sessionId)) {
    try {
      await confirmStripeReturn(code, sessionId);
    } catch (error) {
      // Stripe unreachable: the webhook will still confirm the payment; the order page says it is pending.
      console.error("Could not confirm the Stripe session", error);
    }
  }
  const viewer = await orderViewer(request, code);
  throw redirect(viewer ? orderPath(code, viewer.token) : "/orders", 303);
}
