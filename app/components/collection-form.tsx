import { Form, useFormAction, useLocation } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { FieldError } from "~/components/ui/field-error";
import type { ChosenProduct } from "~/domain/catalog/collection-editor.server";
import { MAX_COLLECTION_PRODUCTS, type CollectionDraft } from "~/domain/catalog/collection-draft";
import type { CollectionPick } from "~/domain/catalog/collections.server";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";

const BUTTON = "rounded border border-stone-400 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 disabled:border-stone-200 disabled:text-stone-400";

function ProductFacts({ product, provinceNames }: { product: CollectionPick; provinceNames: Record<string, string> }) {
  return (
    <span className="block text-sm text-stone-600">
      {product.producerName} · {provinceNames[product.provinceCode] ?? product.provinceCode}
      {product.stars ? ` · OCOP ${product.stars}★` : ""}
    </span>
  );
}

/**
 * The staff form of a featured collection (create and edit). Products are found with the search
 * box and added with a button, then ordered and removed in the chosen list; every button is a
 * submit of this one form, so it all works without JavaScript and nothing typed is lost. The search
 * button comes first in the form: it is the one Enter presses, and it only reloads the draft.
 */
export function CollectionForm({
  draft,
  chosen,
  q,
  results,
  errors,
  productsError,
  full,
  provinceNames,
  headingLevel,
}: {
  draft: CollectionDraft;
  chosen: ChosenProduct[];
  q: string;
  results: CollectionPick[] | null;
  errors: Record<string, string[] | null | undefined>;
  productsError?: string | null;
  full: boolean;
  provinceNames: Record<string, string>;
  /** The level of the products heading: 3 under the list page's "new collection" heading, 2 on the edit page. */
  headingLevel: 2 | 3;
}) {
  const t = useT();
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as "h3" | "h4";
  const productsMessage = productsError ?? (errors.products?.[0] ? t(errors.products[0] as MessageKey) : null);
  const picked = new Set(draft.picks);
  // Without JavaScript each button loads a new page: it opens at the products, not at the top.
  const action = `${useFormAction()}#collection-products`;
  const searchAction = `${useLocation().pathname}#collection-products`;
  return (
    <Form method="post" action={action} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" noValidate>
      {/* Keyed by the draft's values: a new draft from the server (a saved collection, a fresh form)
          replaces what a page kept in place with JavaScript still shows. */}
      <div key={JSON.stringify([draft.title, draft.description, draft.startsOn, draft.endsOn, draft.position])} className="space-y-4">
        <Field name="title" label={t("collection.title")} defaultValue={draft.title} errors={errors.title} maxLength={120} />
        <Field name="description" label={t("collection.description")} defaultValue={draft.description} errors={errors.description} maxLength={500} />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="startsOn" type="date" label={t("collection.startsOn")} defaultValue={draft.startsOn} errors={errors.startsOn} />
          <Field name="endsOn" type="date" label={t("collection.endsOn")} defaultValue={draft.endsOn} errors={errors.endsOn} />
          <Field name="position" inputMode="numeric" label={t("collection.position")} defaultValue={draft.position} errors={errors.position} maxLength={2} />
        </div>
      </div>

      <section aria-labelledby="collection-products" className="space-y-3 border-t border-stone-200 pt-4">
        <H id="collection-products" className="text-lg font-semibold">
          {t("collection.productsHeading")}
        </H>
        <p className="text-sm text-stone-600">{t("collection.productsHint")}</p>
        <FieldError id="f-products-error" message={productsMessage ?? undefined} />

        <div className="space-y-1">
          <label htmlFor="f-find" className="block font-medium">
            {t("collection.search")}
          </label>
          <p id="f-find-hint" className="text-sm text-stone-600">
            {t("collection.searchHint")}
          </p>
          <div className="flex gap-2">
            <input
              key={q}
              id="f-find"
              name="find"
              type="search"
              defaultValue={q}
              maxLength={100}
              aria-describedby="f-find-hint"
              className="min-w-0 flex-1 rounded border border-stone-300 px-3 py-2"
            />
            <button type="submit" formMethod="get" formAction={searchAction} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
              {t("collection.searchButton")}
            </button>
          </div>
        </div>

        {results ? (
          <div aria-live="polite">
            <Sub className="font-medium">{t("collection.results", { q })}</Sub>
            {results.length === 0 ? (
              <p className="text-stone-700">{t("collection.noResults", { q })}</p>
            ) : (
              <ul className="mt-1 divide-y divide-stone-200 rounded border border-stone-200">
                {results.map((r) => (
                  <li key={r.slug} className="flex items-center justify-between gap-3 p-2">
                    <span className="min-w-0">
                      <span className="block font-medium">{r.name}</span>
                      <ProductFacts product={r} provinceNames={provinceNames} />
                    </span>
                    {picked.has(r.slug) ? (
                      <span className="shrink-0 text-sm text-stone-600">{t("collection.added")}</span>
                    ) : (
                      <button type="submit" name="intent" value={`add:${r.slug}`} className={`${BUTTON} shrink-0`}>
                        {t("collection.add")}
                        <span className="sr-only"> {r.name}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}

        <div>
          <Sub className="font-medium">{t("collection.chosen", { count: chosen.length, max: MAX_COLLECTION_PRODUCTS })}</Sub>
          {full ? (
            <p role="alert" className="text-sm text-red-700">
              {t("collection.full", { max: MAX_COLLECTION_PRODUCTS })}
            </p>
          ) : null}
          {chosen.length === 0 ? (
            <p className="text-stone-700">{t("collection.noneChosen")}</p>
          ) : (
            <ol className="mt-1 divide-y divide-stone-200 rounded border border-stone-200">
              {chosen.map(({ slug, product }, i) => {
                const name = product?.name ?? slug;
                return (
                  <li key={slug} className="flex flex-wrap items-center justify-between gap-2 p-2">
                    <input type="hidden" name="pick" value={slug} />
                    <span className="min-w-0 flex-1 basis-48">
                      <span className="block font-medium">
                        {i + 1}. {name}
                      </span>
                      {product ? <ProductFacts product={product} provinceNames={provinceNames} /> : null}
                      {!product || !product.featurable ? (
                        <span className="block text-sm text-red-700">{t(product ? "collection.notFeaturable" : "collection.notFound")}</span>
                      ) : null}
                    </span>
                    <span className="flex shrink-0 gap-1">
                      <button type="submit" name="intent" value={`up:${slug}`} disabled={i === 0} className={BUTTON}>
                        {t("collection.up")}
                        <span className="sr-only"> {name}</span>
                      </button>
                      <button type="submit" name="intent" value={`down:${slug}`} disabled={i === chosen.length - 1} className={BUTTON}>
                        {t("collection.down")}
                        <span className="sr-only"> {name}</span>
                      </button>
                      <button type="submit" name="intent" value={`remove:${slug}`} className={BUTTON}>
                        {t("collection.remove")}
                        <span className="sr-only"> {name}</span>
                      </button>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </div>

        <details open={Boolean(draft.pasted) || undefined} className="rounded border border-stone-200 p-2">
          <summary className="cursor-pointer font-medium">{t("collection.paste")}</summary>
          <label htmlFor="f-products" className="mt-2 block text-sm">
            {t("collection.products")}
          </label>
          <textarea
            key={`${draft.picks.join(",")}|${draft.pasted}`}
            id="f-products"
            name="products"
            rows={4}
            defaultValue={draft.pasted}
            aria-invalid={productsMessage ? true : undefined}
            aria-describedby={productsMessage ? "f-products-error" : undefined}
            className="mt-1 w-full rounded border border-stone-300 px-3 py-2 font-mono text-sm"
          />
        </details>
      </section>

      <p className="text-sm text-stone-600">{t("collection.unsaved")}</p>
      <button type="submit" name="intent" value="save" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
        {t("collection.save")}
      </button>
    </Form>
  );
}
