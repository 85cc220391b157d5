import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProductRow } from "~/components/product-card";
import { PRODUCT_GROUPS } from "~/domain/catalog/groups";
import { provinceNames, provinceOptions } from "~/domain/catalog/places.server";
import { featuredCollections, newestCertified, publicProductCounts } from "~/domain/catalog/storefront.server";
import { getLanguage } from "~/i18n/language.server";
import { useLanguage, useT } from "~/i18n/use-t";
import { requestOrigin } from "~/request.server";
import { settings } from "~/settings.server";
import { metaTranslator, pageMeta, type RootMatch } from "~/seo";

export { publicPage as headers } from "~/page-cache/cache-policy";
export { staticPage as handle } from "~/hydration";

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const counts = publicProductCounts();
  return {
    origin: requestOrigin(request),
    collections: featuredCollections(),
    newest: newestCertified(),
    groups: PRODUCT_GROUPS.map((code) => ({ code, count: counts.byGroup.get(code) ?? 0 })),
    provinces: provinceOptions(lang).map((p) => ({ ...p, count: counts.byProvince.get(p.code) ?? 0 })),
    provinceNames: provinceNames(lang),
    commissionPercent: settings.commissionPercent,
  };
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return pageMeta({
    title: `${t("site.name")} — ${t("site.tagline")}`,
    description: t("site.description"),
    url: `${data?.origin ?? ""}/`,
    lang: t.lang,
  });
};

const GROUP_ICONS: Record<string, string> = {
  food: "🍚",
  beverage: "☕",
  herbal: "🌿",
  handicraft: "🏺",
  ornamental: "🪴",
  tourism: "🏡",
};

export default function Home() {
  const { collections, newest, groups, provinces, provinceNames, commissionPercent } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const regions = (["north", "central", "south"] as const).map((region) => ({
    region,
    provinces: provinces.filter((p) => p.region === region),
  }));
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-gradient-to-br from-brand-700 to-brand-800 px-5 py-8 text-white sm:px-8">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("home.heroTitle")}</h1>
        <p className="mt-2 max-w-2xl text-brand-50">{t("home.heroText")}</p>
        <Link to="/products" className="mt-4 inline-block rounded bg-amber-400 px-4 py-2 font-semibold text-stone-900 no-underline">
          {t("home.browseAll")}
        </Link>
      </section>

      <section aria-labelledby="sell" className="rounded-xl border border-brand-100 bg-brand-50 px-5 py-5 sm:flex sm:items-center sm:justify-between sm:gap-6">
        <div>
          <h2 id="sell" className="text-xl font-bold">
            {t("sell.title")}
          </h2>
          <p className="mt-1">{t("sell.cost", { percent: commissionPercent.toLocaleString(lang === "en" ? "en-US" : "vi-VN") })}</p>
          <p className="mt-1 text-stone-700">{t("sell.verify")}</p>
        </div>
        <Link to="/signup?role=producer" className="mt-3 inline-block rounded bg-brand-700 px-4 py-3 font-semibold whitespace-nowrap text-white no-underline sm:mt-0">
          {t("sell.start")}
        </Link>
      </section>

      {collections.map((c, i) => (
        <section key={c.id} aria-labelledby={`collection-${c.id}`}>
          <h2 id={`collection-${c.id}`} className="text-xl font-bold">
            {c.title}
          </h2>
          {c.description ? <p className="mb-3 text-stone-700">{c.description}</p> : null}
          {/* The first row's first photos show on a phone's first screen: the page's largest paint. */}
          <ProductRow products={c.products} provinceNames={provinceNames} eagerCount={i === 0 ? 2 : 0} />
        </section>
      ))}

      <section aria-labelledby="newest">
        <h2 id="newest" className="mb-3 text-xl font-bold">
          {t("home.newest")}
        </h2>
        <ProductRow products={newest} provinceNames={provinceNames} eagerCount={collections.length === 0 ? 2 : 0} />
      </section>

      <section aria-labelledby="by-group">
        <h2 id="by-group" className="mb-3 text-xl font-bold">
          {t("home.byGroup")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {groups.map((g) => (
            <li key={g.code}>
              <Link
                to={`/products?group=${g.code}`}
                className="flex h-full flex-col items-center rounded-lg border border-stone-200 bg-white p-3 text-center text-stone-900 no-underline hover:border-brand-600"
              >
                <span aria-hidden="true" className="text-3xl">
                  {GROUP_ICONS[g.code]}
                </span>
                <span className="mt-1 font-medium">{t(`group.${g.code}`)}</span>
                <span className="text-xs text-stone-600">{t("home.productsCount", { count: g.count })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="by-province">
        <h2 id="by-province" className="mb-3 text-xl font-bold">
          {t("home.byProvince")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          {regions.map(({ region, provinces }) => (
            <div key={region}>
              <h3 className="mb-2 font-semibold text-stone-700">{t(`region.${region}`)}</h3>
              <ul className="grid grid-cols-2 gap-x-3 gap-y-1 sm:grid-cols-1">
                {provinces.map((p) => (
                  <li key={p.code}>
                    <Link to={`/products?province=${p.code}`} className="flex justify-between rounded px-2 py-1 no-underline hover:bg-brand-50">
                      <span>{p.name}</span>
                      <span className="text-sm text-stone-600">{p.count}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
