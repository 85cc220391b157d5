import type { LoaderFunctionArgs } from "@remix-run/node";
import { stallSignQrSvg } from "~/domain/market/stall-sign.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { requestOrigin } from "~/request.server";

/** The stall sign's QR codes as SVG (sharp at any print size): `?kind=pay` (the VietQR) or `?kind=producer` (its page). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const kind = new URL(request.url).searchParams.get("kind") === "producer" ? "producer" : "pay";
  const svg = await stallSignQrSvg(actor, kind, requestOrigin(request));
  if (svg === null) throw new Response("Not found", { status: 404 });
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "private, no-store" } });
}
