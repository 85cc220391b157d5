import { Link } from "@remix-run/react";
import type { ProductCard as Card } from "~/domain/catalog/catalog.server";
import { unitLabel } from "~/domain/catalog/units";
import { responsivePhoto } from "~/domain/shared/photo-urls";
import { useLanguage, useT } from "~/i18n/use-t";
import { OcopBadge } from "./ui/ocop-badge";
import { Price } from "./ui/price";

/** How wide a card's photo is shown, for `sizes`: a two-column grid on phones, three, then four. */
const GRID_PHOTO_SIZES = "(min-width: 1024px) 17rem, (min-width: 640px) 33vw, 50vw";
/** A row's cards are 10rem on phones, 12rem from `sm`, a quarter of the page from `lg`. */
const ROW_PHOTO_SIZES = "(min-width: 1024px) 17rem, (min-width: 640px) 12rem, 10rem";

/**
 * `eager` for cards in the first screen (never lazy-load what is visible at once); `priority` for
 * the one whose photo is likely the page's largest paint.
 */
export function ProductCard({
  product,
  provinceName,
  eager = false,
  priority = false,
  sizes = GRID_PHOTO_SIZES,
}: {
  product: Card;
  provinceName?: string;
  eager?: boolean;
  priority?: boolean;
  sizes?: string;
}) {
  const t = useT();
  const lang = useLanguage();
  const photo = product.photo ? responsivePhoto(product.photo, product.photoWidth) : null;
  return (
    <article className="flex flex-col overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm">
      <Link to={`/products/${product.slug}`} className="flex flex-1 flex-col text-stone-900 no-underline">
        <div className="aspect-square bg-stone-100">
          {photo ? (
            <img
              src={photo.src}
              srcSet={photo.srcSet}
              sizes={photo.srcSet ? sizes : undefined}
              alt=""
              width={product.photoWidth ?? undefined}
              height={product.photoHeight ?? undefined}
              loading={eager || priority ? "eager" : "lazy"}
              fetchPriority={priority ? "high" : undefined}
              // Decoding off the main thread may paint a frame later: not for the page's largest image.
              decoding={priority ? undefined : "async"}
              className="h-full w-full object-cover"
            />
          ) : null}
        </div>
        <div className="flex flex-1 flex-col gap-1 p-2 sm:p-3">
          {product.stars ? <OcopBadge stars={product.stars} /> : null}
          {product.onSale ? (
            <span data-badge="campaign" className="self-start rounded bg-rose-100 px-1.5 text-xs font-semibold text-rose-900">
              {t("campaign.badge")}
            </span>
          ) : null}
          <h3 className="line-clamp-2 text-sm font-medium leading-snug sm:text-base">{product.name}</h3>
          {provinceName ? <p className="text-xs text-stone-600">{provinceName}</p> : null}
          <p className="mt-auto">
            {product.maxPriceVnd > product.priceVnd ? <span className="text-xs text-stone-600">{t("product.priceFrom")} </span> : null}
            <Price vnd={product.priceVnd} className="font-bold text-brand-800" />
            <span className="text-xs text-stone-600"> {t("product.perUnit", { unit: unitLabel(product.unit, lang) })}</span>
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
            <ProductCard product={p} provinceName={provinceNames?.[p.provinceCode]} eager={i < eagerCount} priority={i === 0 && eagerCount > 0} />
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
export function ProductRow({
  products,
  provinceNames,
  eagerCount = 0,
}: {
  products: Card[];
  provinceNames?: Record<string, string>;
  eagerCount?: number;
}) {
  return (
    <ul className="relative -mx-4 flex snap-x scroll-px-4 gap-3 overflow-x-auto px-4 pb-2 lg:mx-0 lg:grid lg:grid-cols-4 lg:overflow-visible lg:px-0">
      {products.map((p, i) => (
        <li key={p.id} className="flex w-40 shrink-0 snap-start sm:w-48 lg:w-auto">
          <ProductCard
            product={p}
            provinceName={provinceNames?.[p.provinceCode]}
            eager={i < eagerCount}
            priority={i === 0 && eagerCount > 0}
            sizes={ROW_PHOTO_SIZES}
          />
        </li>
      ))}
    </ul>
  );
}
