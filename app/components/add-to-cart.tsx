import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { hasSizeChoice, type VariantChoice } from "~/domain/catalog/variants";
import { unitLabel } from "~/domain/catalog/units";
import { useLanguage, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/vi";
import { Price } from "./ui/price";
import { useHydrated } from "./use-hydrated";

/**
 * "Add to cart": a plain form to `POST /cart` that lands on the cart without JS; with JS it stays
 * on the page and says so (on the storefront, which ships no framework, app/enhance/storefront.js
 * does that with this markup). A product in several sizes shows them as radio buttons, each with its own
 * price and stock, so the choice needs no script.
 */
export function AddToCart({ sizes, unit }: { sizes: VariantChoice[]; unit: string }) {
  const t = useT();
  const lang = useLanguage();
  const fetcher = useFetcher<{ ok?: boolean; count?: number; error?: { message: MessageKey; params: Record<string, string | number> } }>();
  const hydrated = useHydrated();
  const inStock = sizes.filter((size) => size.stock > 0);
  const [chosenId, setChosenId] = useState(inStock[0]?.id);
  const chosen = sizes.find((size) => size.id === chosenId) ?? inStock[0];
  const busy = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  if (!chosen) return null;
  const choice = hasSizeChoice(sizes);
  // Without JS the quantity cannot follow the chosen size: the largest stock bounds it, the server checks.
  const maxQuantity = Math.min(hydrated ? chosen.stock : Math.max(...inStock.map((size) => size.stock)), 999);
  return (
    <fetcher.Form method="post" action="/cart" data-add-to-cart className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="add" />
      {hydrated ? <input type="hidden" name="stay" value="1" /> : null}
      {choice ? (
        <fieldset className="w-full">
          <legend className="text-sm font-medium">{t("product.chooseSize")}</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {sizes.map((size) => (
              <label
                key={size.id}
                className={`flex min-h-12 items-center gap-2 rounded border px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 ${size.stock > 0 ? "border-stone-300" : "border-stone-200 text-stone-500"}`}
              >
                <input
                  type="radio"
                  name="variantId"
                  value={size.id}
                  disabled={size.stock <= 0}
                  defaultChecked={size.id === chosen.id}
                  onChange={() => setChosenId(size.id)}
                  className="h-5 w-5 shrink-0"
                />
                <span className="min-w-0 flex-1">
                  <span className="block font-medium">{size.label}</span>
                  <span className="block text-sm">
                    <Price vnd={size.priceVnd} />
                    {" · "}
                    {size.stock > 0 ? t("product.inStock", { stock: size.stock, unit: unitLabel(unit, lang, size.stock) }) : t("product.outOfStock")}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="variantId" value={chosen.id} />
      )}
      <div>
        <label htmlFor="add-quantity" className="block text-sm font-medium">
          {t("cart.quantity")}
        </label>
        <input
          id="add-quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxQuantity}
          defaultValue={1}
          className="mt-1 w-20 rounded border border-stone-300 px-2 py-2"
        />
      </div>
      <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("cart.add")}
      </button>
      {/* What app/enhance/storefront.js shows when it has added without leaving the page (ADR 0022). */}
      <template data-added>
        {t("cart.added")} <a href="/cart">{t("cart.view")}</a>
      </template>
      <p role="status" className="w-full text-sm">
        {result?.ok ? (
          <>
            {t("cart.added")} <a href="/cart">{t("cart.view")}</a>
          </>
        ) : result?.error ? (
          <span className="text-red-700">{t(result.error.message, result.error.params)}</span>
        ) : null}
      </p>
    </fetcher.Form>
  );
}
