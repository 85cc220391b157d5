import { and, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { certificateProducts, certificates } from "~/db/schema";
import { todayInVietnam } from "../shared/dates";
import { refreshProductBadges } from "./badge-cache.server";

/**
 * Marks active certificates past their expiry date as `expired` and recomputes the badges of their
 * products. The badge already disappears on the expiry date without this (every read compares the
 * date); the sweep keeps the stored status honest for staff and the "most stars" sort exact.
 */
export function expireLapsedCertificates(db: Db, today = todayInVietnam()): number {
  return db.transaction((tx) => {
    const lapsed = tx
      .update(certificates)
      .set({ status: "expired" })
      .where(and(eq(certificates.status, "active"), lte(certificates.expiresOn, today)))
      .returning({ id: certificates.id })
      .all()
      .map((c) => c.id);
    if (lapsed.length === 0) return 0;
    const productIds = tx
      .selectDistinct({ id: certificateProducts.productId })
      .from(certificateProducts)
      .where(inArray(certificateProducts.certificateId, lapsed))
      .all()
      .map((p) => p.id);
    refreshProductBadges(tx, productIds);
    return lapsed.length;
  });
}
