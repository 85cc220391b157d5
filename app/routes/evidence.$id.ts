import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/domain/accounts/sessions.server";
import { evidenceFileFor } from "~/domain/producers/evidence.server";
import { idParam } from "~/request.server";

/** A certificate scan: private to its producer (and helpers) and the staff of its province. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = await evidenceFileFor(await currentUser(request), idParam(params.id));
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Cache-Control": "private, max-age=3600",
    },
  });
}
