import { addMonths, type IsoDate } from "../shared/dates";

export type Stars = 3 | 4 | 5;
export type CertificateStatus = "active" | "expired" | "revoked";

/** A certificate is valid for 36 months from its decision date (PRODUCT.md §2). */
export const VALIDITY_MONTHS = 36;

/** Score bands of the OCOP evaluation: 50–69 → 3★, 70–89 → 4★, 90–100 → 5★; below 50 is not certified. */
export function starsForScore(score: number): Stars | null {
  if (!Number.isInteger(score) || score < 50 || score > 100) return null;
  if (score >= 90) return 5;
  if (score >= 70) return 4;
  return 3;
}

/** Since Decision 1489/QĐ-TTg (July 2025) provinces certify 3★ and 4★, the central level 5★. */
export function issuerLevelForStars(stars: Stars): "province" | "central" {
  return stars === 5 ? "central" : "province";
}

export function expiryFor(decisionDate: IsoDate): IsoDate {
  return addMonths(decisionDate, VALIDITY_MONTHS);
}

export interface CertificateValidity {
  status: CertificateStatus;
  expiresOn: IsoDate;
}

/** Valid while active and before its expiry date: on the expiry date itself the badge is gone. */
export function isCertificateValid(cert: CertificateValidity, today: IsoDate): boolean {
  return cert.status === "active" && today < cert.expiresOn;
}

/**
 * Whether a product shows its OCOP badge today, from the badge cache on its row: the same rule as
 * `badgeValidSql` (the cached certificate runs longest, so its expiry alone decides).
 */
export function hasValidBadge(product: { badgeStars: number | null; badgeExpiresOn: string | null }, today: IsoDate): boolean {
  return product.badgeStars !== null && product.badgeExpiresOn !== null && product.badgeExpiresOn > today;
}

/**
 * The certificate a product's badge shows: among its active certificates, the one that runs
 * longest (newest decision on a tie). If that one has expired, every active one has, which is
 * why a single cached expiry date is enough to decide the badge in SQL.
 */
export function badgeCertificate<C extends CertificateValidity & { decisionDate: IsoDate }>(
  certs: readonly C[],
): C | null {
  let best: C | null = null;
  for (const cert of certs) {
    if (cert.status !== "active") continue;
    if (
      !best ||
      cert.expiresOn > best.expiresOn ||
      (cert.expiresOn === best.expiresOn && cert.decisionDate > best.decisionDate)
    ) {
      best = cert;
    }
  }
  return best;
}

/** Who signs a certificate: the ministry for 5★, the province's People's Committee for 3★ and 4★. */
export function issuerNameFor(stars: Stars, provinceFullName: string): string {
  if (issuerLevelForStars(stars) === "central") return "Bộ Nông nghiệp và Môi trường";
  // "Tỉnh Đắk Lắk" → "UBND tỉnh Đắk Lắk", as decisions are signed.
  return `UBND ${provinceFullName.charAt(0).toLowerCase()}${provinceFullName.slice(1)}`;
}
