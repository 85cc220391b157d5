import type { LoaderFunctionArgs } from "@remix-run/node";
import { saleStatus } from "~/domain/market/stalls.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";

/** `GET /seller/stall/sales/:code/status` (PRODUCT.md §5): `{ code, amount, status }`, polled by the sale screen. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return Response.json(saleStatus(actor, params.code ?? ""), { headers: { "Cache-Control": "private, no-store" } });
}
