import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/domain/accounts/sessions.server";
import { orderIdForViewer } from "~/domain/orders/order-access.server";
import { orderStatusJson, orderView } from "~/domain/orders/order-view.server";
import { expireIfLapsed, payableOrderById } from "~/domain/payments/payments.server";

/** `GET /orders/:code/status` (PRODUCT.md §5): the order's progress as JSON, same access rule as its page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = orderIdForViewer(params.code ?? "", await currentUser(request), new URL(request.url).searchParams.get("token"));
  if (id === null) return Response.json({ error: "not found" }, { status: 404 });
  expireIfLapsed(payableOrderById(id)!);
  return Response.json(orderStatusJson(orderView(id)!), { headers: { "Cache-Control": "private, no-store" } });
}
