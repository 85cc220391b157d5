import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { certificates } from "~/db/schema";
import { prepared } from "~/db/prepared.server";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { assertStaffMayActIn, staffProvince } from "../accounts/staff.server";
import { provinceByCode } from "../catalog/places.server";
import { addDays, todayInVietnam, type IsoDate } from "../shared/dates";
import { refreshProductBadges } from "./badge-cache.server";
import { expiryFor, issuerLevelForStars, issuerNameFor, type Stars } from "./certificate";
import type { RecordCertificateInput } from "./certificate-form";

export interface CertificateRow {
  id: number;
  number: string;
  stars: number;
  status: "active" | "expired" | "revoked";
  issuerName: string;
  issuerLevel: "province" | "central";
  decisionDate: IsoDate;
  expiresOn: IsoDate;
  revokedReason: string | null;
  isDemo: number;
  producerId: number;
  producerName: string;
  provinceCode: string;
  products: string;
}

const CERTIFICATE_COLUMNS = `c.id, c.number, c.stars, c.status, c.issuer_name AS issuerName, c.issuer_level AS issuerLevel,
  c.decision_date AS decisionDate, c.expires_on AS expiresOn, c.revoked_reason AS revokedReason, c.is_demo AS isDemo,
  p.id AS producerId, p.name AS producerName, p.province_code AS provinceCode,
  (SELECT group_concat(pd.name, '; ') FROM certificate_products cp JOIN products pd ON pd.id = cp.product_id WHERE cp.certificate_id = c.id) AS products`;

/**
 * Certificates of producers in the staff member's scope, newest decision first; with `expiringWithinDays`
 * only active ones whose expiry falls from today to that many days ahead, soonest first.
 */
export function certificatesForStaff(staff: SessionUser, { expiringWithinDays }: { expiringWithinDays?: number } = {}): CertificateRow[] {
  const today = todayInVietnam();
  if (expiringWithinDays !== undefined) {
    return prepared(
      `SELECT ${CERTIFICATE_COLUMNS} FROM certificates c JOIN producers p ON p.id = c.producer_id
       WHERE c.status = 'active' AND c.expires_on > :today AND c.expires_on <= :until
         AND (:province IS NULL OR p.province_code = :province)
       ORDER BY c.expires_on, c.id LIMIT 500`,
    ).all({ today, until: addDays(today, expiringWithinDays), province: staffProvince(staff) }) as CertificateRow[];
  }
  return prepared(
    `SELECT ${CERTIFICATE_COLUMNS} FROM certificates c JOIN producers p ON p.id = c.producer_id
     WHERE (:province IS NULL OR p.province_code = :province)
     ORDER BY c.decision_date DESC, c.id DESC LIMIT 500`,
  ).all({ province: staffProvince(staff) }) as CertificateRow[];
}

export function certificateForStaff(staff: SessionUser, certificateId: number): CertificateRow | null {
  const cert = prepared(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates c JOIN producers p ON p.id = c.producer_id WHERE c.id = ?`).get(
    certificateId,
  ) as CertificateRow | undefined;
  if (!cert) return null;
  assertStaffMayActIn(staff, cert.provinceCode);
  return cert;
}

/** Verified producers staff may certify, for choosing one. */
export function certifiableProducers(staff: SessionUser): { id: number; name: string }[] {
  return prepared(
    `SELECT id, name FROM producers WHERE verification_status = 'approved' AND (:province IS NULL OR province_code = :province)
     ORDER BY name LIMIT 2000`,
  ).all({ province: staffProvince(staff) }) as { id: number; name: string }[];
}

/** A producer's products and the certificate scans it sent, to record a certificate against. */
export function producerForCertification(staff: SessionUser, producerId: number) {
  const producer = prepared("SELECT id, name, province_code AS provinceCode FROM producers WHERE id = ? AND verification_status = 'approved'").get(
    producerId,
  ) as { id: number; name: string; provinceCode: string } | undefined;
  if (!producer) return null;
  assertStaffMayActIn(staff, producer.provinceCode);
  return {
    ...producer,
    products: prepared("SELECT id, name, status FROM products WHERE producer_id = ? AND status <> 'draft' ORDER BY name").all(producerId) as {
      id: number;
      name: string;
      status: string;
    }[],
    evidence: prepared("SELECT id, file, width, height, note FROM certificate_evidence WHERE producer_id = ? ORDER BY id DESC").all(
      producerId,
    ) as { id: number; file: string; width: number; height: number; note: string }[],
  };
}

export type CertificateRefusal = {
  field: "stars" | "productIds" | "decisionDate" | "number";
  message: "cert.error.fiveStarsCentral" | "cert.error.products" | "cert.error.future" | "cert.error.lapsed" | "cert.error.duplicate" | "cert.error.notRenewable";
};

/**
 * Records a certificate for products of one producer. The expiry (+36 months) and the issuer follow
 * from the stars and the decision date; only central staff record 5★ (Decision 1489/QĐ-TTg).
 */
export function recordCertificate(
  staff: SessionUser,
  input: RecordCertificateInput,
  now = Date.now(),
): { ok: true; id: number } | ({ ok: false } & CertificateRefusal) | { ok: false; notFound: true } {
  const producer = prepared("SELECT id, province_code AS provinceCode FROM producers WHERE id = ? AND verification_status = 'approved'").get(
    input.producerId,
  ) as { id: number; provinceCode: string } | undefined;
  if (!producer) return { ok: false, notFound: true };
  assertStaffMayActIn(staff, producer.provinceCode);
  const stars = input.stars as Stars;
  if (issuerLevelForStars(stars) === "central" && staff.role !== "central_staff") {
    return { ok: false, field: "stars", message: "cert.error.fiveStarsCentral" };
  }
  const today = todayInVietnam(new Date(now));
  if (input.decisionDate > today) return { ok: false, field: "decisionDate", message: "cert.error.future" };
  const expiresOn = expiryFor(input.decisionDate);
  if (expiresOn <= today) return { ok: false, field: "decisionDate", message: "cert.error.lapsed" };
  const productIds = [...new Set(input.productIds)];
  const owned = prepared(
    `SELECT count(*) AS n FROM products WHERE producer_id = ? AND id IN (${productIds.map(() => "?").join(",")})`,
  ).get(producer.id, ...productIds) as { n: number };
  if (owned.n !== productIds.length) return { ok: false, field: "productIds", message: "cert.error.products" };
  const province = provinceByCode(producer.provinceCode)!;
  const level = issuerLevelForStars(stars);
  const issuerProvinceCode = level === "province" ? producer.provinceCode : null;
  // A number is unique per issuing body (the province, or the central level), whoever it certified:
  // the same number on two producers' goods makes one of the two badges unverifiable.
  const duplicate: CertificateRefusal = { field: "number", message: "cert.error.duplicate" };
  if (
    getDb()
      .select({ id: certificates.id })
      .from(certificates)
      .where(
        and(
          eq(certificates.number, input.number),
          eq(certificates.issuerLevel, level),
          issuerProvinceCode === null ? isNull(certificates.issuerProvinceCode) : eq(certificates.issuerProvinceCode, issuerProvinceCode),
        ),
      )
      .get()
  ) {
    return { ok: false, ...duplicate };
  }
  const record = getDb().$client.transaction((): number => {
    const { id } = prepared(
      `INSERT INTO certificates (producer_id, number, stars, score, issuer_name, issuer_level, issuer_province_code,
         decision_date, expires_on, created_by_user_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ).get(
      producer.id,
      input.number,
      stars,
      input.score ?? null,
      issuerNameFor(stars, province.fullName),
      level,
      issuerProvinceCode,
      input.decisionDate,
      expiresOn,
      staff.id,
      now,
    ) as { id: number };
    for (const productId of productIds) {
      prepared("INSERT INTO certificate_products (certificate_id, product_id) VALUES (?, ?)").run(id, productId);
    }
    refreshProductBadges(getDb(), productIds);
    recordAudit(
      staff,
      {
        action: "certificate.record",
        subjectType: "certificate",
        subjectId: id,
        provinceCode: producer.provinceCode,
        before: null,
        after: { number: input.number, stars, decisionDate: input.decisionDate, expiresOn, productIds },
      },
      now,
    );
    return id;
  });
  try {
    return { ok: true, id: record.immediate() };
  } catch (error) {
    // Another worker wrote the same number between the check above and this transaction.
    if (error instanceof Error && error.message.includes("certificates_issuer_number_idx")) return { ok: false, ...duplicate };
    throw error;
  }
}

/** Revokes a certificate with its reason; the products' badges go at once. */
export function revokeCertificate(staff: SessionUser, certificateId: number, reason: string, now = Date.now()): "ok" | "not_found" | "not_active" {
  const cert = certificateForStaff(staff, certificateId);
  if (!cert) return "not_found";
  if (cert.status !== "active") return "not_active";
  if (cert.issuerLevel === "central" && staff.role !== "central_staff") throw new Response("Forbidden", { status: 403 });
  getDb().$client.transaction(() => {
    prepared("UPDATE certificates SET status = 'revoked', revoked_reason = ?, revoked_at = ? WHERE id = ?").run(reason, now, certificateId);
    const productIds = (prepared("SELECT product_id AS id FROM certificate_products WHERE certificate_id = ?").all(certificateId) as { id: number }[]).map(
      (p) => p.id,
    );
    refreshProductBadges(getDb(), productIds);
    recordAudit(
      staff,
      {
        action: "certificate.revoke",
        subjectType: "certificate",
        subjectId: certificateId,
        provinceCode: cert.provinceCode,
        before: { status: cert.status },
        after: { status: "revoked", reason },
      },
      now,
    );
  })();
  return "ok";
}

/** Renews a certificate: a new decision (number and date) for the same products and stars. */
export function renewCertificate(
  staff: SessionUser,
  certificateId: number,
  renewal: { number: string; decisionDate: IsoDate },
  now = Date.now(),
): ReturnType<typeof recordCertificate> {
  const cert = certificateForStaff(staff, certificateId);
  if (!cert) return { ok: false, notFound: true };
  // A revoked certificate is not renewed: that would bring back a badge taken away for cause.
  if (cert.status === "revoked") return { ok: false, field: "number", message: "cert.error.notRenewable" };
  const productIds = (prepared("SELECT product_id AS id FROM certificate_products WHERE certificate_id = ?").all(certificateId) as { id: number }[]).map(
    (p) => p.id,
  );
  return recordCertificate(staff, { producerId: cert.producerId, productIds, stars: cert.stars, number: renewal.number, decisionDate: renewal.decisionDate }, now);
}
