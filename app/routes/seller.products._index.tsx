import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Price } from "~/components/ui/price";
import { photoUrl, thumbName } from "~/domain/shared/photo-urls";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { ownListings } from "~/domain/catalog/listings.server";
import { useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return { listings: ownListings(actor) };
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("listing.products")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Listings() {
  const { listings } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("listing.products")}</h1>
        <Link to="/seller/products/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">
          {t("listing.new")}
        </Link>
      </div>
      {listings.length === 0 ? <p>{t("listing.none")}</p> : null}
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {listings.map((l) => (
          <li key={l.id} id={`product-${l.id}`} className="target:bg-brand-50">
            <Link to={`/seller/products/${l.id}`} className="flex items-center gap-3 p-3 text-stone-900 no-underline hover:bg-brand-50">
              {l.photo ? (
                <img src={photoUrl(thumbName(l.photo) ?? l.photo)} alt="" width={64} height={64} loading="lazy" className="h-16 w-16 shrink-0 rounded object-cover" />
              ) : (
                <span className="flex h-16 w-16 shrink-0 items-center justify-center rounded bg-stone-100 text-center text-xs text-stone-600">{t("listing.noPhoto")}</span>
              )}
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{l.name}</span>
                <span className={l.heldAt !== null ? "text-sm font-medium text-amber-900" : "text-sm text-stone-600"}>
                  {l.heldAt !== null ? t("listing.status.held") : t(`listing.status.${l.status}`)}
                </span>
              </span>
              <span className="shrink-0 text-right text-sm">
                {l.maxPriceVnd > l.priceVnd ? `${t("product.priceFrom")} ` : null}
                <Price vnd={l.priceVnd} className="font-semibold" />
                <span className="block text-stone-600">
                  {l.stock} {l.unit}
                  {l.sizes > 1 ? ` · ${t("sizes.count", { count: l.sizes })}` : null}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
