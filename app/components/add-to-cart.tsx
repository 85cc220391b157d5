import { useFetcher } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/vi";
import { useHydrated } from "./use-hydrated";

/**
 * "Add to cart": a plain form to `POST /cart` that lands on the cart without JS; with JS it stays
 * on the page and says so.
 */
export function AddToCart({ productId, stock }: { productId: number; stock: number }) {
  const t = useT();
  const fetcher = useFetcher<{ ok?: boolean; count?: number; error?: { message: MessageKey; params: Record<string, string | number> } }>();
  const hydrated = useHydrated();
  const busy = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  if (stock <= 0) return null;
  return (
    <fetcher.Form method="post" action="/cart" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={productId} />
      {hydrated ? <input type="hidden" name="stay" value="1" /> : null}
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
          max={Math.min(stock, 999)}
          defaultValue={1}
          className="mt-1 w-20 rounded border border-stone-300 px-2 py-2"
        />
      </div>
      <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("cart.add")}
      </button>
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
