import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ProductGrid } from "~/components/product-card";
import { Field, SelectField } from "~/components/ui/field";
import { FieldError } from "~/components/ui/field-error";
import { catalogSearch, parseCatalogParams, SORTS } from "~/domain/catalog/catalog-params";
import { searchCatalog } from "~/domain/catalog/catalog.server";
import { PRODUCT_GROUPS } from "~/domain/catalog/groups";
import { provinceByCode, provinceNames, provinceOptions } from "~/domain/catalog/places.server";
import { getLanguage } from "~/i18n/language.server";
import { useLanguage, useT } from "~/i18n/use-t";
import { formatCount } from "~/i18n/translate";
import { requestOrigin } from "~/request.server";
import { metaTranslator, pageMeta, type RootMatch } from "~/seo";

export { publicPage as headers } from "~/page-cache/cache-policy";
export { staticPage as handle } from "~/hydration";

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const url = new URL(request.url);
  const { filters, errors } = parseCatalogParams(url.searchParams, (code) => provinceByCode(code) !== undefined);
  const result = searchCatalog(filters);
  if (filters.page > result.pages) throw new Response("Not found", { status: 404 });
  const names = provinceNames(lang);
  const provinces = provinceOptions(lang).map(({ code, name }) => ({ code, name }));
  return data(
    {
      origin: requestOrigin(request),
      filters,
      errors,
      result,
      provinces,
      provinceNames: names,
    },
    // A bad parameter is the visitor's to fix: say so with 400, and still show what can be shown.
    { status: Object.keys(errors).length > 0 ? 400 : 200 },
  );
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: t("catalog.title") }];
  const { filters, result, origin } = data;
  const title = filters.q ? t("catalog.searchTitle", { q: filters.q }) : t("catalog.title");
  return pageMeta({
    title: `${title} | ${t("site.name")}`,
    description: `${t("catalog.count", { count: result.total })} — ${t("site.tagline")}`,
    url: `${origin}/products${catalogSearch(filters)}`,
    // Search results and deep filter combinations are not pages search engines should keep.
    noindex: Boolean(filters.q) || result.total === 0,
    lang: t.lang,
  });
};

const field = "w-full rounded border border-stone-300 bg-white px-2 py-2 text-sm";

export default function Catalog() {
  const { filters, errors, result, provinces, provinceNames } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const hasFilters = catalogSearch({ ...filters, sort: "relevance", page: 1 }) !== "";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{filters.q ? t("catalog.searchTitle", { q: filters.q }) : t("catalog.title")}</h1>

      <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] lg:items-start lg:gap-6">
        {/*
          One form for every width, with no script: a <details> folded behind "Bộ lọc" on a phone, an
          always-open sidebar from lg up. From lg the closed details' ::details-content (where the
          browser keeps everything but the summary) is made visible again and the summary is hidden,
          so the fields show without a click and their values still submit. ::details-content is in
          Chromium 131, Safari 18.4 and Firefox 143; the summary is hidden only under
          @supports selector(::details-content), so an older browser keeps a working "Bộ lọc" toggle
          in the sidebar instead of a sidebar with nothing in it. Rendering the details open and
          folding it by CSS on phones was the other way, but then the summary would say "open" when
          the fields were hidden, and a click would have to close it to show them.
        */}
        <details
          className="rounded-lg border border-stone-200 bg-white lg:details-content:block lg:details-content:[content-visibility:visible]"
          open={Object.keys(errors).length > 0 || undefined}
        >
          <summary className="cursor-pointer px-3 py-2 font-semibold lg:supports-[selector(::details-content)]:hidden">
            {t("catalog.filters")}
          </summary>
          <Form id="catalog-filters" method="get" action="/products" className="grid grid-cols-2 gap-3 p-3 sm:grid-cols-4 lg:grid-cols-2">
            <Field name="q" type="search" label={t("search.label")} defaultValue={filters.q} maxLength={100} className={field} errors={errors.q && [errors.q]} wrapperClassName="col-span-2" />
            <SelectField
              name="group"
              label={t("catalog.group")}
              defaultValue={filters.group ?? ""}
              placeholder={{ label: t("catalog.any") }}
              options={PRODUCT_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
              className={field}
              errors={errors.group && [errors.group]}
              wrapperClassName="lg:col-span-2"
            />
            <SelectField
              name="province"
              label={t("catalog.province")}
              defaultValue={filters.province ?? ""}
              placeholder={{ label: t("catalog.any") }}
              options={provinces.map((p) => ({ value: p.code, label: p.name }))}
              className={field}
              errors={errors.province && [errors.province]}
              wrapperClassName="lg:col-span-2"
            />
            <SelectField
              name="stars"
              label={t("catalog.stars")}
              defaultValue={filters.stars ?? ""}
              placeholder={{ label: t("catalog.any") }}
              options={[3, 4, 5].map((s) => ({ value: String(s), label: t("catalog.starsAtLeast", { stars: s }) }))}
              className={field}
              errors={errors.stars && [errors.stars]}
              wrapperClassName="col-span-2 sm:col-span-1 lg:col-span-2"
            />
            <Field id="f-min" name="minPrice" inputMode="numeric" label={t("catalog.minPrice")} defaultValue={filters.minPrice ?? ""} className={field} errors={errors.minPrice && [errors.minPrice]} />
            <Field id="f-max" name="maxPrice" inputMode="numeric" label={t("catalog.maxPrice")} defaultValue={filters.maxPrice ?? ""} className={field} errors={errors.maxPrice && [errors.maxPrice]} />
            <div className="col-span-2 flex items-center gap-2 sm:col-span-1 sm:self-end sm:pb-2 lg:col-span-2 lg:pb-0">
              <input id="f-stock" name="inStock" type="checkbox" value="1" defaultChecked={filters.inStock} className="h-5 w-5 shrink-0" />
              <label htmlFor="f-stock" className="text-sm">
                {t("catalog.inStock")}
              </label>
            </div>
            <div className="col-span-2 flex items-center gap-3 sm:col-span-4 sm:justify-end lg:col-span-2 lg:justify-start">
              <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
                {t("catalog.apply")}
              </button>
              {hasFilters ? <Link to="/products">{t("catalog.clear")}</Link> : null}
            </div>
          </Form>
        </details>

        <div className="min-w-0 space-y-4">
          {/*
            The count and the sort sit above the goods at every width, outside the folded filters, so a
            phone reaches them without opening anything. The sort belongs to the filter form through
            form="catalog-filters": either button submits every field, and the URL stays the one to share.
          */}
          <div className="flex flex-wrap items-end justify-between gap-x-4 gap-y-2">
            <p className="pb-2 text-stone-700" role="status">
              {t(result.more ? "catalog.countMore" : "catalog.count", { count: formatCount(result.total, lang) })}
            </p>
            <div>
              <label htmlFor="f-sort" className="block text-sm font-medium">
                {t("catalog.sort")}
              </label>
              <div className="flex gap-2">
                <select id="f-sort" name="sort" form="catalog-filters" defaultValue={filters.sort}
                  className="rounded border border-stone-300 bg-white px-2 py-2 text-sm"
                  aria-invalid={errors.sort ? true : undefined} aria-describedby={errors.sort ? "f-sort-error" : undefined}>
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`catalog.sort.${s}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" form="catalog-filters" className="shrink-0 rounded border border-stone-300 bg-white px-3 py-2 text-sm font-semibold">
                  {t("catalog.sortApply")}
                </button>
              </div>
              <FieldError id="f-sort-error" message={errors.sort && t(errors.sort)} />
            </div>
          </div>
          {result.approximate ? <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{t("catalog.didYouMean")}</p> : null}

          <h2 className="sr-only">{t("catalog.results")}</h2>
          {result.products.length > 0 ? (
            <ProductGrid products={result.products} provinceNames={provinceNames} eagerCount={2} />
          ) : (
            <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center">
              <p className="font-medium">{t("catalog.empty")}</p>
              <p className="text-sm text-stone-600">{t("catalog.emptyHint")}</p>
            </div>
          )}

          {result.pages > 1 ? (
            <nav aria-label={t("catalog.pagination")} className="flex items-center justify-between gap-2">
              {filters.page > 1 ? (
                <Link rel="prev" to={`/products${catalogSearch({ ...filters, page: filters.page - 1 })}`} className="rounded border border-stone-300 bg-white px-3 py-2 no-underline">
                  {t("catalog.prev")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-sm text-stone-700">{t("catalog.page", { page: filters.page, pages: result.pages })}</span>
              {filters.page < result.pages ? (
                <Link rel="next" to={`/products${catalogSearch({ ...filters, page: filters.page + 1 })}`} className="rounded border border-stone-300 bg-white px-3 py-2 no-underline">
                  {t("catalog.next")}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </div>
      </div>
    </div>
  );
}
