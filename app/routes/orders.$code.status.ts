import type { LoaderFunctionArgs } from "@remix-run/node";
import { orderViewer } from "~/domain/orders/order-access.server";
import { orderStatusJson, orderView } from "~/domain/orders/order-view.server";
import { safeJsonResponse } from "~/safe-json";
import { expireIfLapsed, payableOrderById } from "~/domain/payments/payments.server";

/** `GET /orders/:code/status` (PRODUCT.md §5): the order's progress as JSON, same access rule as its page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await orderViewer(request, params.code ?? "");
  if (!viewer) return Response.json({ error: "not found" }, { status: 404 });
  const id = viewer.orderId;
  expireIfLapsed(payableOrderById(id)!);
  return safeJsonResponse(orderStatusJson(orderView(id)!), { headers: { "Cache-Control": "private, no-store" } });
}
