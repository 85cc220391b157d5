import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { CarrierError } from "~/domain/shipping/carrier";
import { shipmentLabel } from "~/domain/shipping/shipments.server";
import { idParam } from "~/request.server";

/** "In nhãn": the carrier's label of a booked part — its PDF, or its own print page (issue 18). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const partId = idParam(params.partId);
  let label;
  try {
    label = await shipmentLabel(actor, partId);
  } catch (error) {
    if (error instanceof CarrierError) throw new Response("Hãng vận chuyển chưa trả nhãn, hãy thử lại sau.", { status: 502, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
  if (!label) throw new Response("Not found", { status: 404 });
  if (label.kind === "url") return redirect(label.url, 303);
  return new Response(Buffer.from(label.bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="nhan-${partId}.pdf"`, "Cache-Control": "private, no-store" },
  });
}
