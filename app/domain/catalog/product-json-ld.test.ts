import { describe, expect, it } from "vitest";
import { productJsonLd } from "./product-json-ld";
import type { ProductDetails } from "./storefront.server";

const ORIGIN = "https://cho-ocop.example";
const URL_ = `${ORIGIN}/products/nuoc-mam-phu-quoc-40-do-dam`;

const product: ProductDetails = {
  id: 12,
  slug: "nuoc-mam-phu-quoc-40-do-dam",
  name: "Nước mắm Phú Quốc 40 độ đạm",
  description: "Ủ chượp 12 tháng trong thùng gỗ.",
  unit: "chai",
  priceVnd: 125_000,
  maxPriceVnd: 125_000,
  stock: 30,
  weightGrams: 700,
  sizes: [{ id: 40, label: "", priceVnd: 125_000, stock: 30, weightGrams: 700, gtin: null }],
  groupCode: "food",
  provinceCode: "91",
  ratingCount: 3,
  ratingSum: 13,
  publishedAt: 1_790_000_000_000,
  producer: {
    slug: "htx-nuoc-mam-phu-quoc",
    name: "HTX Nước mắm Phú Quốc",
    entityType: "cooperative",
    provinceCode: "91",
    wardName: "Phú Quốc",
    story: "",
  },
  photos: [
    { file: "products/0a1b2c3d.webp", width: 1200, height: 900 },
    { file: "products/4e5f6a7b.webp", width: 1200, height: 900 },
  ],
  certificate: {
    id: 4,
    number: "123/QĐ-UBND",
    stars: 4,
    issuerName: "UBND tỉnh An Giang",
    issuerLevel: "province",
    decisionDate: "2025-09-01",
    expiresOn: "2028-09-01",
    status: "active",
    isDemo: false,
  },
};

describe("productJsonLd", () => {
  it("describes a certified, rated product in stock as schema.org Product, Offer and AggregateRating", () => {
    expect(productJsonLd(product, URL_, ORIGIN)).toEqual({
      "@context": "https://schema.org",
      "@type": "Product",
      name: "Nước mắm Phú Quốc 40 độ đạm",
      description: "Ủ chượp 12 tháng trong thùng gỗ.",
      url: URL_,
      image: [`${ORIGIN}/media/products/0a1b2c3d.webp`, `${ORIGIN}/media/products/4e5f6a7b.webp`],
      brand: { "@type": "Organization", name: "HTX Nước mắm Phú Quốc" },
      award: "OCOP 4★ (123/QĐ-UBND)",
      offers: {
        "@type": "Offer",
        url: URL_,
        priceCurrency: "VND",
        price: 125_000,
        availability: "https://schema.org/InStock",
        seller: { "@type": "Organization", name: "HTX Nước mắm Phú Quốc" },
      },
      // 13 stars over 3 reviews: 4.33… shown to one decimal.
      aggregateRating: { "@type": "AggregateRating", ratingValue: 4.3, reviewCount: 3, bestRating: 5, worstRating: 1 },
    });
  });

  it("leaves out the award and the rating a product does not have, and says when it is sold out", () => {
    const soldOut = [{ id: 40, label: "", priceVnd: 125_000, stock: 0, weightGrams: 700, gtin: null }];
    const plain = productJsonLd({ ...product, certificate: null, ratingCount: 0, ratingSum: 0, stock: 0, sizes: soldOut, photos: [] }, URL_, ORIGIN);
    expect(plain).not.toHaveProperty("award");
    expect(plain).not.toHaveProperty("aggregateRating");
    expect(plain.image).toEqual([]);
    expect(plain.offers).toMatchObject({ "@type": "Offer", availability: "https://schema.org/OutOfStock", price: 125_000 });
  });

  it("keeps the price a whole number of đồng", () => {
    const sizes = [{ id: 40, label: "", priceVnd: 1_250_000, stock: 3, weightGrams: 700, gtin: null }];
    const offers = productJsonLd({ ...product, priceVnd: 1_250_000, maxPriceVnd: 1_250_000, sizes }, URL_, ORIGIN).offers;
    const price = "price" in offers ? offers.price : undefined;
    expect(price).toBe(1_250_000);
    expect(Number.isInteger(price)).toBe(true);
  });

  it("offers a product in several sizes as an AggregateOffer of one Offer per size, with its label and barcode", () => {
    const sizes = [
      { id: 41, label: "Chai 250 ml", priceVnd: 65_000, stock: 12, weightGrams: 400, gtin: "8934588012112" },
      { id: 42, label: "Chai 500 ml", priceVnd: 125_000, stock: 0, weightGrams: 700, gtin: null },
    ];
    const offers = productJsonLd({ ...product, priceVnd: 65_000, maxPriceVnd: 125_000, stock: 12, sizes }, URL_, ORIGIN).offers;
    const seller = { "@type": "Organization", name: "HTX Nước mắm Phú Quốc" };
    expect(offers).toEqual({
      "@type": "AggregateOffer",
      priceCurrency: "VND",
      lowPrice: 65_000,
      highPrice: 125_000,
      offerCount: 2,
      availability: "https://schema.org/InStock",
      offers: [
        { "@type": "Offer", url: URL_, priceCurrency: "VND", price: 65_000, availability: "https://schema.org/InStock", name: "Chai 250 ml", gtin: "8934588012112", seller },
        { "@type": "Offer", url: URL_, priceCurrency: "VND", price: 125_000, availability: "https://schema.org/OutOfStock", name: "Chai 500 ml", seller },
      ],
    });
  });
});
