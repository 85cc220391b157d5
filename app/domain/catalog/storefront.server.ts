import { and, asc, count, desc, eq, gte, isNull, lte, ne, or, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { certificates, collectionProducts, collections, producerPhotos, producers, productPhotos, products, wards } from "~/db/schema";
import { todayInVietnam } from "../shared/dates";
import { cachedFor } from "../shared/ttl-cache";
import { isCertificateValid } from "../certification/certificate";
import { badgeValid } from "../certification/badge-cache.server";
import { coverPhoto, coverPhotoOfProduct, productCardColumns, publicProduct, type ProductCard } from "./catalog.server";
import type { ProductGroup } from "./groups";
import type { VariantChoice } from "./variants";
import { variantsOf } from "./variants.server";

// The storefront's statements are prepared once, on first use, and take their values as placeholders:
// these are the pages every visitor opens (ADR 0015).
const todayPlaceholder = sql.placeholder("today");

export interface FeaturedCollection {
  id: number;
  slug: string;
  title: string;
  description: string;
  products: ProductCard[];
}

const runningCollections = once(() =>
  getDb()
    .select({ id: collections.id, slug: collections.slug, title: collections.title, description: collections.description })
    .from(collections)
    .where(and(lte(collections.startsOn, todayPlaceholder), or(isNull(collections.endsOn), gte(collections.endsOn, todayPlaceholder))))
    .orderBy(asc(collections.position), asc(collections.id))
    .limit(6)
    .prepare(),
);

const collectionCards = once(() =>
  getDb()
    .select(productCardColumns)
    .from(collectionProducts)
    .innerJoin(products, eq(products.id, collectionProducts.productId))
    .leftJoin(coverPhoto, coverPhotoOfProduct)
    .where(and(eq(collectionProducts.collectionId, sql.placeholder("collectionId")), publicProduct, badgeValid(products, todayPlaceholder)))
    .orderBy(asc(collectionProducts.position))
    .limit(8)
    .prepare(),
);

/** Collections running today, each with its certified, public products in the order staff chose. */
export function featuredCollections(today = todayInVietnam()): FeaturedCollection[] {
  return runningCollections()
    .all({ today })
    .map((c) => ({ ...c, products: collectionCards().all({ collectionId: c.id, today }) }))
    .filter((c) => c.products.length > 0);
}

const newestCertifiedCards = once(() =>
  getDb()
    .select(productCardColumns)
    // CROSS JOIN keeps SQLite walking certificates newest first instead of sorting every product.
    .from(certificates)
    .crossJoin(products)
    .leftJoin(coverPhoto, coverPhotoOfProduct)
    // The badge cache only ever points at active certificates, so the certificate's status needs no test here.
    .where(and(eq(products.badgeCertificateId, certificates.id), publicProduct, badgeValid(products, todayPlaceholder)))
    .orderBy(desc(certificates.decisionDate), desc(products.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

/** Public products whose certificate was decided most recently. */
export function newestCertified(limit = 8, today = todayInVietnam()): ProductCard[] {
  return newestCertifiedCards().all({ today, limit });
}

// Two grouped counts, each answered from its own covering index (a combined GROUP BY is 15× slower).
const publicCounts = cachedFor(60_000, () => {
  const db = getDb();
  const byProvince = db
    .select({ province: products.provinceCode, n: count() })
    .from(products)
    .where(publicProduct)
    .groupBy(products.provinceCode)
    .all();
  const byGroup = db.select({ group: products.groupCode, n: count() }).from(products).where(publicProduct).groupBy(products.groupCode).all();
  return {
    byProvince: new Map(byProvince.map((r) => [r.province, r.n])),
    byGroup: new Map<ProductGroup, number>(byGroup.map((r) => [r.group, r.n])),
  };
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
  /** The lowest and highest price over its sizes on sale, their stock added up, the first size's weight. */
  priceVnd: number;
  maxPriceVnd: number;
  stock: number;
  weightGrams: number;
  /** The sizes on sale; one, unnamed, for a product sold in one size. */
  sizes: VariantChoice[];
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

const publicProductBySlug = once(() =>
  getDb()
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      description: products.description,
      unit: products.unit,
      priceVnd: products.priceVnd,
      maxPriceVnd: products.maxPriceVnd,
      stock: products.stock,
      weightGrams: products.weightGrams,
      groupCode: products.groupCode,
      provinceCode: products.provinceCode,
      ratingCount: products.ratingCount,
      ratingSum: products.ratingSum,
      publishedAt: products.publishedAt,
      certificateId: products.badgeCertificateId,
      producer: {
        slug: producers.slug,
        name: producers.name,
        entityType: producers.entityType,
        provinceCode: producers.provinceCode,
        wardName: wards.name,
        story: producers.story,
      },
    })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .innerJoin(wards, eq(wards.code, producers.wardCode))
    .where(and(eq(products.slug, sql.placeholder("slug")), publicProduct))
    .prepare(),
);

const productPhotosOf = once(() =>
  getDb()
    .select({ file: productPhotos.file, width: productPhotos.width, height: productPhotos.height })
    .from(productPhotos)
    .where(eq(productPhotos.productId, sql.placeholder("id")))
    .orderBy(asc(productPhotos.position), asc(productPhotos.id))
    .prepare(),
);

const certificateById = once(() =>
  getDb()
    .select({
      id: certificates.id,
      number: certificates.number,
      stars: certificates.stars,
      issuerName: certificates.issuerName,
      issuerLevel: certificates.issuerLevel,
      decisionDate: certificates.decisionDate,
      expiresOn: certificates.expiresOn,
      status: certificates.status,
      isDemo: certificates.isDemo,
    })
    .from(certificates)
    .where(eq(certificates.id, sql.placeholder("id")))
    .prepare(),
);

/** A public product by its slug, or null when it does not exist or is not public. */
export function productBySlug(slug: string, today = todayInVietnam()): ProductDetails | null {
  const row = publicProductBySlug().get({ slug });
  if (!row) return null;
  const { certificateId, ...product } = row;

  const photos = productPhotosOf().all({ id: product.id });

  let certificate: CertificateDetails | null = null;
  if (certificateId !== null) {
    const cert = certificateById().get({ id: certificateId });
    if (cert && isCertificateValid(cert, today)) certificate = cert;
  }

  return { ...product, sizes: variantsOf(product.id), photos, certificate };
}

const sameGroupInProvince = once(() =>
  getDb()
    .select(productCardColumns)
    .from(products)
    .leftJoin(coverPhoto, coverPhotoOfProduct)
    .where(
      and(
        publicProduct,
        eq(products.provinceCode, sql.placeholder("province")),
        eq(products.groupCode, sql.placeholder("group")),
        ne(products.id, sql.placeholder("id")),
      ),
    )
    .orderBy(desc(products.publishedAt))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

const sameGroup = once(() =>
  getDb()
    .select(productCardColumns)
    .from(products)
    .leftJoin(coverPhoto, coverPhotoOfProduct)
    .where(and(publicProduct, eq(products.groupCode, sql.placeholder("group"))))
    .orderBy(desc(products.publishedAt))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

/** Other public goods of the same group, from the same province first. */
export function relatedProducts(product: ProductDetails, limit = 4, today = todayInVietnam()): ProductCard[] {
  const sameProvince = sameGroupInProvince().all({ today, province: product.provinceCode, group: product.groupCode, id: product.id, limit });
  if (sameProvince.length >= limit) return sameProvince;
  const seen = new Set([product.id, ...sameProvince.map((p) => p.id)]);
  const others = sameGroup().all({ today, group: product.groupCode, limit: limit * 2 });
  return [...sameProvince, ...others.filter((p) => !seen.has(p.id))].slice(0, limit);
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

const approvedProducerBySlug = once(() =>
  getDb()
    .select({
      id: producers.id,
      slug: producers.slug,
      name: producers.name,
      entityType: producers.entityType,
      provinceCode: producers.provinceCode,
      wardName: wards.name,
      addressLine: producers.addressLine,
      story: producers.story,
    })
    .from(producers)
    .innerJoin(wards, eq(wards.code, producers.wardCode))
    .where(and(eq(producers.slug, sql.placeholder("slug")), eq(producers.verificationStatus, "approved")))
    .prepare(),
);

const producerPhotosOf = once(() =>
  getDb()
    .select({ file: producerPhotos.file, width: producerPhotos.width, height: producerPhotos.height })
    .from(producerPhotos)
    .where(eq(producerPhotos.producerId, sql.placeholder("id")))
    .orderBy(asc(producerPhotos.position), asc(producerPhotos.id))
    .prepare(),
);

const producerCards = once(() =>
  getDb()
    .select(productCardColumns)
    .from(products)
    .leftJoin(coverPhoto, coverPhotoOfProduct)
    .where(and(eq(products.producerId, sql.placeholder("id")), publicProduct))
    // Certified goods first, most stars first; a lapsed badge counts as none.
    .orderBy(sql`(CASE WHEN ${badgeValid(products, todayPlaceholder)} THEN ${products.badgeStars} ELSE 0 END) DESC`, desc(products.publishedAt))
    .limit(60)
    .prepare(),
);

/** A verified producer's public page, or null. */
export function producerBySlug(slug: string, today = todayInVietnam()): ProducerDetails | null {
  const producer = approvedProducerBySlug().get({ slug });
  if (!producer) return null;
  const photos = producerPhotosOf().all({ id: producer.id });
  const products = producerCards().all({ id: producer.id, today });
  return { ...producer, photos, products };
}

/** Every public product and producer slug, for sitemap.xml. */
export function sitemapEntries(): { products: { slug: string; updated: number }[]; producers: string[] } {
  const db = getDb();
  const publicProducts = db
    .select({ slug: products.slug, updated: sql<number>`coalesce(${products.updatedAt}, ${products.publishedAt}, ${products.createdAt})` })
    .from(products)
    .where(publicProduct)
    .orderBy(asc(products.id))
    .limit(50000)
    .all();
  const approvedProducers = db
    .select({ slug: producers.slug })
    .from(producers)
    .where(eq(producers.verificationStatus, "approved"))
    .orderBy(asc(producers.id))
    .limit(50000)
    .all()
    .map((r) => r.slug);
  return { products: publicProducts, producers: approvedProducers };
}
