import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/domain/accounts/sessions.server";
import { complaintPhotoFor } from "~/domain/complaints/complaints.server";
import { orderViewer } from "~/domain/orders/order-access.server";
import { idParam } from "~/request.server";

/** A buyer's complaint photo: private to the buyer (`?order=CODE`, guests with its `token`), the producer and the province's staff. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("order");
  const viewer = code ? await orderViewer(request, code) : null;
  const file = await complaintPhotoFor(await currentUser(request), viewer?.orderId ?? null, idParam(params.id));
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.body), { headers: { "Content-Type": file.contentType, "Cache-Control": "private, max-age=3600" } });
}
