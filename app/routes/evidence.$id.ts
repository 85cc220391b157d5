import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/domain/accounts/sessions.server";
import { evidenceFileFor } from "~/domain/producers/evidence.server";

/** A certificate scan: private to its producer (and helpers) and the staff of its province. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const file = Number.isSafeInteger(id) && id > 0 ? await evidenceFileFor(await currentUser(request), id) : null;
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
