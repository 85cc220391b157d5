import type { ProductDetails } from "./storefront.server";
import { hasSizeChoice, priceRange, type VariantChoice } from "./variants";

const availability = (stock: number) => (stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");

/**
 * One Offer per size, or, for a product in several sizes, an AggregateOffer over them with each size
 * an Offer named by its label (and its GTIN, so a search engine can match the barcode).
 */
function offersOf(product: ProductDetails, url: string) {
  const seller = { "@type": "Organization", name: product.producer.name };
  const offerOf = (size: VariantChoice) => ({
    "@type": "Offer",
    url,
    priceCurrency: "VND",
    price: size.priceVnd,
    availability: availability(size.stock),
    ...(size.label ? { name: size.label } : {}),
    ...(size.gtin ? { gtin: size.gtin } : {}),
    seller,
  });
  const range = priceRange(product.sizes);
  if (!range || !hasSizeChoice(product.sizes)) {
    const only = product.sizes[0];
    return only ? offerOf(only) : { "@type": "Offer", url, priceCurrency: "VND", price: product.priceVnd, availability: availability(product.stock), seller };
  }
  return {
    "@type": "AggregateOffer",
    priceCurrency: "VND",
    lowPrice: range.lowVnd,
    highPrice: range.highVnd,
    offerCount: product.sizes.length,
    availability: availability(product.stock),
    offers: product.sizes.map(offerOf),
  };
}

/** schema.org Product / Offer / AggregateRating for a product page, with prices in integer VND. */
export function productJsonLd(product: ProductDetails, url: string, origin: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description,
    url,
    image: product.photos.map((p) => `${origin}/media/${p.file}`),
    brand: { "@type": "Organization", name: product.producer.name },
    ...(product.certificate
      ? { award: `OCOP ${product.certificate.stars}★ (${product.certificate.number})` }
      : {}),
    offers: offersOf(product, url),
    ...(product.ratingCount > 0
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: Math.round((product.ratingSum / product.ratingCount) * 10) / 10,
            reviewCount: product.ratingCount,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
}
