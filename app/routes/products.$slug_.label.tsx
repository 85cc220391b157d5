import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/print-button";
import { productBySlug } from "~/domain/catalog/storefront.server";
import { hasSizeChoice } from "~/domain/catalog/variants";
import { useFormat, useT } from "~/i18n/use-t";
import { requestOrigin } from "~/request.server";
import { metaTranslator, pageMeta, type RootMatch } from "~/seo";

export { publicPage as headers } from "~/page-cache/cache-policy";
export { staticPage as handle } from "~/hydration";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const product = productBySlug(params.slug ?? "");
  if (!product) throw new Response("Not found", { status: 404 });
  return { product, url: `${requestOrigin(request)}/products/${product.slug}` };
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: t("error.notFoundTitle") }];
  return pageMeta({
    title: `${t("label.title")}: ${data.product.name} | ${t("site.name")}`,
    description: data.product.description.slice(0, 160),
    url: `${data.url}/label`,
    noindex: true,
    lang: t.lang,
  });
};

/**
 * A packaging label to print: QR to the product page, stars, certificate number, producer. A sibling
 * of the product page (`$slug_`), not its child, so none of the page's cart, reviews or report form
 * come with it. Printed, only the label is left, in black on white (labels go to mono printers).
 * A product in several sizes gets one label per size, each naming its size and barcode number.
 */
export default function ProductLabel() {
  const { product, url } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  const cert = product.certificate;
  const sizes = hasSizeChoice(product.sizes) ? product.sizes : [null];
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center gap-3">
        <Link to={`/products/${product.slug}`}>{t("label.back")}</Link>
        <PrintButton label={t("label.print")} />
      </div>
      <h1 className="no-print text-xl font-bold">{t("label.title")}</h1>
      {sizes.map((size) => (
        <article key={size?.id ?? 0} className="mx-auto flex w-[90mm] max-w-full gap-3 rounded border-2 border-stone-900 bg-white p-3 text-stone-900 print:mx-0 print:break-inside-avoid print:border-black print:text-black">
          <img src={`/products/${product.slug}/qr.svg`} alt={t("label.scan")} width={120} height={120} className="h-[30mm] w-[30mm] shrink-0" />
          <div className="min-w-0 space-y-1 text-sm">
            <p className="font-bold leading-tight">{product.name}</p>
            {size ? <p className="font-semibold">{size.label}</p> : null}
            {cert ? (
              <>
                <p className="font-semibold">
                  OCOP <span aria-hidden="true">{"★".repeat(cert.stars)}</span>
                  <span className="sr-only">{t("product.ocopStars", { stars: cert.stars })}</span>
                </p>
                <p className="text-xs">
                  {t("product.certNumber")}: <span className="font-mono">{cert.number}</span>
                </p>
                <p className="text-xs">
                  {t("product.certExpiresOn")}: {format.date(cert.expiresOn)}
                </p>
              </>
            ) : (
              <p className="text-xs">{t("product.noCertificate")}</p>
            )}
            <p className="text-xs">{product.producer.name}</p>
            {size?.gtin ? (
              <p className="text-xs">
                {t("label.gtin")}: <span className="font-mono">{size.gtin}</span>
              </p>
            ) : null}
            <p className="break-all text-[10px] text-stone-700 print:text-black">{url}</p>
          </div>
        </article>
      ))}
    </div>
  );
}
