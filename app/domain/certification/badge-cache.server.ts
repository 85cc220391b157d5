import { eq, inArray, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
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
 * The badge rule of `isCertificateValid` in SQL, over the cache columns of `products` (or the copy
 * of them on `sale_lines`): the cached certificate is the longest-running active one, so it alone
 * decides whether a badge shows. `today` is an ISO date or the placeholder of one.
 */
export function badgeValid(row: { badgeStars: AnySQLiteColumn; badgeExpiresOn: AnySQLiteColumn }, today: string | Placeholder): SQL {
  return sql`(${row.badgeStars} IS NOT NULL AND ${row.badgeExpiresOn} > ${today})`;
}

/** `badgeValid` as SQL text, for the statements not yet moved to Drizzle; it goes with its last caller (ADR 0015). */
export function badgeValidSql(alias: string, todayParam: string): string {
  return `(${alias}.badge_stars IS NOT NULL AND ${alias}.badge_expires_on > ${todayParam})`;
}
