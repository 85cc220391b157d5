import { eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { certificateProducts, certificates, products } from "~/db/schema";
import { badgeCertificate } from "./certificate";

type Tx = Pick<Db, "select" | "update">;

/**
 * Recomputes the badge cache on `products` for the given products from their certificates.
 * Call it in the same transaction as any change to certificates or their products.
 */
export function refreshProductBadges(db: Tx, productIds: readonly number[]) {
  if (productIds.length === 0) return;
  const rows = db
    .select({
      productId: certificateProducts.productId,
      id: certificates.id,
      stars: certificates.stars,
      status: certificates.status,
      decisionDate: certificates.decisionDate,
      expiresOn: certificates.expiresOn,
    })
    .from(certificateProducts)
    .innerJoin(certificates, eq(certificates.id, certificateProducts.certificateId))
    .where(inArray(certificateProducts.productId, [...productIds]))
    .all();

  const certsOf = new Map<number, typeof rows>();
  for (const row of rows) certsOf.set(row.productId, [...(certsOf.get(row.productId) ?? []), row]);
  for (const productId of new Set(productIds)) {
    const badge = badgeCertificate(certsOf.get(productId) ?? []);
    db.update(products)
      .set({
        badgeCertificateId: badge?.id ?? null,
        badgeStars: badge?.stars ?? null,
        badgeExpiresOn: badge?.expiresOn ?? null,
      })
      .where(eq(products.id, productId))
      .run();
  }
}

/**
 * The badge rule of `isCertificateValid` in SQL, over the cache columns of `products`: the cached
 * certificate is the longest-running active one, so it alone decides whether a badge shows.
 */
export function badgeValidSql(alias: string, todayParam: string): string {
  return `(${alias}.badge_stars IS NOT NULL AND ${alias}.badge_expires_on > ${todayParam})`;
}
