import type { ProductDetails } from "./storefront.server";

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
    offers: {
      "@type": "Offer",
      url,
      priceCurrency: "VND",
      price: product.priceVnd,
      availability: product.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      seller: { "@type": "Organization", name: product.producer.name },
    },
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
