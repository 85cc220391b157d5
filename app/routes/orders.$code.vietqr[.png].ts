import type { LoaderFunctionArgs } from "@remix-run/node";
import { orderViewer } from "~/domain/orders/order-access.server";
import { expireIfLapsed, payableOrderById } from "~/domain/payments/payments.server";
import { payableQrPayload, vietQrPng } from "~/domain/payments/vietqr-image.server";

/** The order's VietQR code as a PNG to save and open from a banking app (same access as the order page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await orderViewer(request, params.code ?? "");
  if (!viewer) throw new Response("Not found", { status: 404 });
  const id = viewer.orderId;
  const order = payableOrderById(id)!;
  expireIfLapsed(order);
  // Once paid, expired or not a transfer order, there is nothing left to pay with this code.
  const payload = payableQrPayload(payableOrderById(id)!);
  if (payload === null) throw new Response("Gone", { status: 410 });
  const png = await vietQrPng(payload);
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "private, no-store", "Content-Disposition": `inline; filename="vietqr-${order.code}.png"` },
  });
}
