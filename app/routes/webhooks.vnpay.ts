import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiveVnpayIpn } from "~/domain/payments/providers/vnpay.server";

/**
 * VNPay's IPN (PRODUCT.md §5, Additions): a GET with the signed query, answered `{"RspCode","Message"}`
 * with HTTP 200 as VNPay expects, whatever the outcome. Every payment VNPay took is kept.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const reply = receiveVnpayIpn(new URL(request.url).searchParams);
  return Response.json(reply.body, { status: reply.status, headers: { "Cache-Control": "no-store" } });
}
