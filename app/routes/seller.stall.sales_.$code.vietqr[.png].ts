import type { LoaderFunctionArgs } from "@remix-run/node";
import { pendingSalePayload } from "~/domain/market/stalls.server";
import { vietQrPng } from "~/domain/payments/vietqr-image.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";

/** The sale's VietQR as a PNG: the producer's own account, the exact amount, the sale code. Gone once paid or cancelled. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const payload = pendingSalePayload(actor, params.code ?? "");
  if (payload === null) throw new Response("Gone", { status: 410 });
  const png = await vietQrPng(payload);
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "private, no-store", "Content-Disposition": `inline; filename="vietqr-${params.code}.png"` },
  });
}
