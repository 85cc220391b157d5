import type { LoaderFunctionArgs } from "@remix-run/node";
import { productBySlug } from "~/domain/catalog/storefront.server";
import { productQrSvg } from "~/domain/catalog/trace-qr.server";
import { requestOrigin } from "~/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const product = productBySlug(params.slug ?? "");
  if (!product) throw new Response("Not found", { status: 404 });
  const svg = await productQrSvg(`${requestOrigin(request)}/products/${product.slug}`);
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
