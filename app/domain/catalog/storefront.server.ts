import { todayInVietnam } from "../shared/dates";
import { cachedFor } from "../shared/ttl-cache";
import { isCertificateValid } from "../certification/certificate";
import { badgeValidSql } from "../certification/badge-cache.server";
import { prepared } from "~/db/prepared.server";
import { CARD_COLUMNS, COVER_PHOTO_JOIN, PUBLIC_PRODUCT, type ProductCard } from "./catalog.server";
import type { ProductGroup } from "./groups";

export interface FeaturedCollection {
  id: number;
  slug: string;
  title: string;
  description: string;
  products: ProductCard[];
}

/** Collections running today, each with its certified, public products in the order staff chose. */
export function featuredCollections(today = todayInVietnam()): FeaturedCollection[] {
  const collections = prepared(
    `SELECT id, slug, title, description FROM collections
     WHERE starts_on <= :today AND (ends_on IS NULL OR ends_on >= :today)
     ORDER BY position, id LIMIT 6`,
  ).all({ today }) as Omit<FeaturedCollection, "products">[];
  const productsOf = prepared(
    `SELECT ${CARD_COLUMNS} FROM collection_products cp
     JOIN products p ON p.id = cp.product_id ${COVER_PHOTO_JOIN}
     WHERE cp.collection_id = :collectionId AND ${PUBLIC_PRODUCT} AND ${badgeValidSql("p", ":today")}
     ORDER BY cp.position LIMIT 8`,
  );
  return collections
    .map((c) => ({ ...c, products: productsOf.all({ collectionId: c.id, today }) as ProductCard[] }))
    .filter((c) => c.products.length > 0);
}

/** Public products whose certificate was decided most recently. */
export function newestCertified(limit = 8, today = todayInVietnam()): ProductCard[] {
  return prepared(
    // CROSS JOIN keeps SQLite walking certificates newest first instead of sorting every product.
    // The badge cache only ever points at active certificates, so c.status needs no test here.
    `SELECT ${CARD_COLUMNS} FROM certificates c
     CROSS JOIN products p ON p.badge_certificate_id = c.id ${COVER_PHOTO_JOIN}
     WHERE ${PUBLIC_PRODUCT} AND ${badgeValidSql("p", ":today")}
     ORDER BY c.decision_date DESC, p.id DESC LIMIT :limit`,
  ).all({ today, limit }) as ProductCard[];
}

// Two grouped counts, each answered from its own covering index (a combined GROUP BY is 15× slower).
const publicCounts = cachedFor(60_000, () => {
  const count = (column: "province_code" | "group_code") =>
    new Map(
      (
        prepared(`SELECT p.${column} AS k, count(*) AS n FROM products p WHERE ${PUBLIC_PRODUCT} GROUP BY 1`).all() as {
          k: string;
          n: number;
        }[]
      ).map((r) => [r.k, r.n]),
    );
  return { byProvince: count("province_code"), byGroup: count("group_code") as Map<ProductGroup, number> };
});

/** Public product counts per province and per group, up to a minute old. */
export function publicProductCounts() {
  return publicCounts.get();
}

export interface CertificateDetails {
  id: number;
  number: string;
  stars: number;
  issuerName: string;
  issuerLevel: "province" | "central";
  decisionDate: string;
  expiresOn: string;
  status: "active" | "expired" | "revoked";
  isDemo: boolean;
}

export interface ProductDetails {
  id: number;
  slug: string;
  name: string;
  description: string;
  unit: string;
  priceVnd: number;
  stock: number;
  weightGrams: number;
  groupCode: ProductGroup;
  provinceCode: string;
  ratingCount: number;
  ratingSum: number;
  publishedAt: number | null;
  producer: {
    slug: string;
    name: string;
    entityType: "cooperative" | "cooperative_group" | "household" | "enterprise";
    provinceCode: string;
    wardName: string;
    story: string;
  };
  photos: { file: string; width: number; height: number }[];
  /** The certificate behind the badge, only while it is valid. */
  certificate: CertificateDetails | null;
}

/** A public product by its slug, or null when it does not exist or is not public. */
export function productBySlug(slug: string, today = todayInVietnam()): ProductDetails | null {
  const row = prepared(
    `SELECT p.id, p.slug, p.name, p.description, p.unit, p.price_vnd AS priceVnd, p.stock,
       p.weight_grams AS weightGrams, p.group_code AS groupCode, p.province_code AS provinceCode,
       p.rating_count AS ratingCount, p.rating_sum AS ratingSum, p.published_at AS publishedAt,
       p.badge_certificate_id AS certificateId,
       pr.slug AS producerSlug, pr.name AS producerName, pr.entity_type AS entityType,
       pr.province_code AS producerProvince, w.name AS wardName, pr.story
     FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN wards w ON w.code = pr.ward_code
     WHERE p.slug = :slug AND ${PUBLIC_PRODUCT}`,
  ).get({ slug }) as
    | (Omit<ProductDetails, "producer" | "photos" | "certificate"> & {
        certificateId: number | null;
        producerSlug: string;
        producerName: string;
        entityType: ProductDetails["producer"]["entityType"];
        producerProvince: string;
        wardName: string;
        story: string;
      })
    | undefined;
  if (!row) return null;

  const photos = prepared(
    "SELECT file, width, height FROM product_photos WHERE product_id = :id ORDER BY position, id",
  ).all({ id: row.id }) as ProductDetails["photos"];

  let certificate: CertificateDetails | null = null;
  if (row.certificateId !== null) {
    const cert = prepared(
      `SELECT id, number, stars, issuer_name AS issuerName, issuer_level AS issuerLevel,
         decision_date AS decisionDate, expires_on AS expiresOn, status, is_demo AS isDemo
       FROM certificates WHERE id = :id`,
    ).get({ id: row.certificateId }) as (Omit<CertificateDetails, "isDemo"> & { isDemo: number }) | undefined;
    if (cert && isCertificateValid(cert, today)) certificate = { ...cert, isDemo: cert.isDemo === 1 };
  }

  const { certificateId: _, producerSlug, producerName, entityType, producerProvince, wardName, story, ...product } = row;
  return {
    ...product,
    producer: { slug: producerSlug, name: producerName, entityType, provinceCode: producerProvince, wardName, story },
    photos,
    certificate,
  };
}

/** Other public goods of the same group, from the same province first. */
export function relatedProducts(product: ProductDetails, limit = 4, today = todayInVietnam()): ProductCard[] {
  const sameProvince = prepared(
    `SELECT ${CARD_COLUMNS} FROM products p ${COVER_PHOTO_JOIN}
     WHERE ${PUBLIC_PRODUCT} AND p.province_code = :province AND p.group_code = :group AND p.id != :id
     ORDER BY p.published_at DESC LIMIT :limit`,
  ).all({ today, province: product.provinceCode, group: product.groupCode, id: product.id, limit }) as ProductCard[];
  if (sameProvince.length >= limit) return sameProvince;
  const seen = new Set([product.id, ...sameProvince.map((p) => p.id)]);
  const sameGroup = prepared(
    `SELECT ${CARD_COLUMNS} FROM products p ${COVER_PHOTO_JOIN}
     WHERE ${PUBLIC_PRODUCT} AND p.group_code = :group
     ORDER BY p.published_at DESC LIMIT :limit`,
  ).all({ today, group: product.groupCode, limit: limit * 2 }) as ProductCard[];
  return [...sameProvince, ...sameGroup.filter((p) => !seen.has(p.id))].slice(0, limit);
}

export interface ProducerDetails {
  id: number;
  slug: string;
  name: string;
  entityType: ProductDetails["producer"]["entityType"];
  provinceCode: string;
  wardName: string;
  addressLine: string;
  story: string;
  photos: { file: string; width: number; height: number }[];
  products: ProductCard[];
}

/** A verified producer's public page, or null. */
export function producerBySlug(slug: string, today = todayInVietnam()): ProducerDetails | null {
  const producer = prepared(
    `SELECT pr.id, pr.slug, pr.name, pr.entity_type AS entityType, pr.province_code AS provinceCode,
       w.name AS wardName, pr.address_line AS addressLine, pr.story
     FROM producers pr JOIN wards w ON w.code = pr.ward_code
     WHERE pr.slug = :slug AND pr.verification_status = 'approved'`,
  ).get({ slug }) as Omit<ProducerDetails, "photos" | "products"> | undefined;
  if (!producer) return null;
  const photos = prepared(
    "SELECT file, width, height FROM producer_photos WHERE producer_id = :id ORDER BY position, id",
  ).all({ id: producer.id }) as ProducerDetails["photos"];
  const products = prepared(
    `SELECT ${CARD_COLUMNS} FROM products p ${COVER_PHOTO_JOIN}
     WHERE p.producer_id = :id AND ${PUBLIC_PRODUCT}
     ORDER BY (CASE WHEN ${badgeValidSql("p", ":today")} THEN p.badge_stars ELSE 0 END) DESC, p.published_at DESC
     LIMIT 60`,
  ).all({ id: producer.id, today }) as ProductCard[];
  return { ...producer, photos, products };
}

/** Every public product and producer slug, for sitemap.xml. */
export function sitemapEntries(): { products: { slug: string; updated: number }[]; producers: string[] } {
  const products = prepared(
    `SELECT p.slug, coalesce(p.updated_at, p.published_at, p.created_at) AS updated FROM products p
     WHERE ${PUBLIC_PRODUCT} ORDER BY p.id LIMIT 50000`,
  ).all() as { slug: string; updated: number }[];
  const producers = (
    prepared("SELECT slug FROM producers WHERE verification_status = 'approved' ORDER BY id LIMIT 50000").all() as {
      slug: string;
    }[]
  ).map((r) => r.slug);
  return { products, producers };
}
