import { Link } from "@remix-run/react";
import type { ProductCard as Card } from "~/domain/catalog/catalog.server";
import { useT } from "~/i18n/use-t";
import { OcopBadge } from "./ui/ocop-badge";
import { Price } from "./ui/price";

export function ProductCard({ product, provinceName, eager = false }: { product: Card; provinceName?: string; eager?: boolean }) {
  const t = useT();
  return (
    <article className="flex flex-col overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm">
      <Link to={`/products/${product.slug}`} className="flex flex-1 flex-col text-stone-900 no-underline">
        <div className="aspect-square bg-stone-100">
          {product.photo ? (
            <img
              src={`/media/${product.photo}`}
              alt=""
              width={product.photoWidth ?? undefined}
              height={product.photoHeight ?? undefined}
              loading={eager ? "eager" : "lazy"}
              decoding="async"
              className="h-full w-full object-cover"
            />
          ) : null}
        </div>
        <div className="flex flex-1 flex-col gap-1 p-2 sm:p-3">
          {product.stars ? <OcopBadge stars={product.stars} /> : null}
          <h3 className="line-clamp-2 text-sm font-medium leading-snug sm:text-base">{product.name}</h3>
          {provinceName ? <p className="text-xs text-stone-600">{provinceName}</p> : null}
          <p className="mt-auto">
            <Price vnd={product.priceVnd} className="font-bold text-brand-800" />
            <span className="text-xs text-stone-600"> {t("product.perUnit", { unit: product.unit })}</span>
          </p>
          {product.stock === 0 ? <p className="text-xs font-medium text-red-700">{t("product.outOfStock")}</p> : null}
        </div>
      </Link>
    </article>
  );
}

export function ProductGrid({
  products,
  provinceNames,
  eagerCount = 0,
}: {
  products: Card[];
  provinceNames?: Record<string, string>;
  eagerCount?: number;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.id} className="flex">
          <div className="flex w-full">
            <ProductCard product={p} provinceName={provinceNames?.[p.provinceCode]} eager={i < eagerCount} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * One row of cards that scrolls sideways on a phone instead of making the page ten screens long.
 * `relative` keeps the cards' absolutely positioned screen-reader text inside the scroller; without
 * it that text widens the document and phones zoom the whole page out.
 */
export function ProductRow({ products, provinceNames }: { products: Card[]; provinceNames?: Record<string, string> }) {
  return (
    <ul className="relative -mx-4 flex snap-x scroll-px-4 gap-3 overflow-x-auto px-4 pb-2 lg:mx-0 lg:grid lg:grid-cols-4 lg:overflow-visible lg:px-0">
      {products.map((p) => (
        <li key={p.id} className="flex w-40 shrink-0 snap-start sm:w-48 lg:w-auto">
          <ProductCard product={p} provinceName={provinceNames?.[p.provinceCode]} />
        </li>
      ))}
    </ul>
  );
}
