import type { LoaderFunctionArgs } from "@remix-run/node";
import { readPublicPhoto } from "~/domain/shared/photos.server";

// Uploaded photos have server-made random names and never change, so browsers may keep them.
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await readPublicPhoto(params["*"] ?? "");
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.body.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
