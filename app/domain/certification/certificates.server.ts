import { and, asc, count, desc, eq, gt, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { certificateEvidence, certificateProducts, certificates, producers, products } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { assertStaffMayActIn, staffProvince } from "../accounts/staff.server";
import { provinceByCode } from "../catalog/places.server";
import { addDays, todayInVietnam, type IsoDate } from "../shared/dates";
import { refreshProductBadges } from "./badge-cache.server";
import { expiryFor, issuerLevelForStars, issuerNameFor, type Stars } from "./certificate";
import type { RecordCertificateInput } from "./certificate-form";

/** A certificate as staff see it: its facts, its producer, and the names of the products it covers. */
function certificateRows() {
  const productNames = sql<string | null>`(SELECT group_concat(${products.name}, '; ') FROM ${certificateProducts}
    JOIN ${products} ON ${products.id} = ${certificateProducts.productId} WHERE ${certificateProducts.certificateId} = ${certificates.id})`;
  return getDb()
    .select({
      id: certificates.id,
      number: certificates.number,
      stars: certificates.stars,
      status: certificates.status,
      issuerName: certificates.issuerName,
      issuerLevel: certificates.issuerLevel,
      decisionDate: certificates.decisionDate,
      expiresOn: certificates.expiresOn,
      revokedReason: certificates.revokedReason,
      isDemo: certificates.isDemo,
      producerId: producers.id,
      producerName: producers.name,
      provinceCode: producers.provinceCode,
      products: productNames,
    })
    .from(certificates)
    .innerJoin(producers, eq(producers.id, certificates.producerId));
}
export type CertificateRow = Awaited<ReturnType<ReturnType<typeof certificateRows>["all"]>>[number];

/** Staff of a province see its producers; central staff (no province) see all. */
function inScope(staff: SessionUser) {
  const province = staffProvince(staff);
  return province === null ? undefined : eq(producers.provinceCode, province);
}

/**
 * Certificates of producers in the staff member's scope, newest decision first; with `expiringWithinDays`
 * only active ones whose expiry falls from today to that many days ahead, soonest first.
 */
export function certificatesForStaff(staff: SessionUser, { expiringWithinDays }: { expiringWithinDays?: number } = {}): CertificateRow[] {
  const today = todayInVietnam();
  if (expiringWithinDays !== undefined) {
    return certificateRows()
      .where(
        and(
          eq(certificates.status, "active"),
          gt(certificates.expiresOn, today),
          lte(certificates.expiresOn, addDays(today, expiringWithinDays)),
          inScope(staff),
        ),
      )
      .orderBy(asc(certificates.expiresOn), asc(certificates.id))
      .limit(500)
      .all();
  }
  return certificateRows().where(inScope(staff)).orderBy(desc(certificates.decisionDate), desc(certificates.id)).limit(500).all();
}

export function certificateForStaff(staff: SessionUser, certificateId: number): CertificateRow | null {
  const cert = certificateRows().where(eq(certificates.id, certificateId)).get();
  if (!cert) return null;
  assertStaffMayActIn(staff, cert.provinceCode);
  return cert;
}

/** Verified producers staff may certify, for choosing one. */
export function certifiableProducers(staff: SessionUser): { id: number; name: string }[] {
  return getDb()
    .select({ id: producers.id, name: producers.name })
    .from(producers)
    .where(and(eq(producers.verificationStatus, "approved"), inScope(staff)))
    .orderBy(asc(producers.name))
    .limit(2000)
    .all();
}

function approvedProducer(producerId: number) {
  return getDb()
    .select({ id: producers.id, name: producers.name, provinceCode: producers.provinceCode })
    .from(producers)
    .where(and(eq(producers.id, producerId), eq(producers.verificationStatus, "approved")))
    .get();
}

function certifiedProductIds(certificateId: number): number[] {
  return getDb()
    .select({ id: certificateProducts.productId })
    .from(certificateProducts)
    .where(eq(certificateProducts.certificateId, certificateId))
    .all()
    .map((p) => p.id);
}

/** A producer's products and the certificate scans it sent, to record a certificate against. */
export function producerForCertification(staff: SessionUser, producerId: number) {
  const producer = approvedProducer(producerId);
  if (!producer) return null;
  assertStaffMayActIn(staff, producer.provinceCode);
  const db = getDb();
  return {
    ...producer,
    products: db
      .select({ id: products.id, name: products.name, status: products.status })
      .from(products)
      .where(and(eq(products.producerId, producerId), ne(products.status, "draft")))
      .orderBy(asc(products.name))
      .all(),
    evidence: db
      .select({ id: certificateEvidence.id, file: certificateEvidence.file, width: certificateEvidence.width, height: certificateEvidence.height, note: certificateEvidence.note })
      .from(certificateEvidence)
      .where(eq(certificateEvidence.producerId, producerId))
      .orderBy(desc(certificateEvidence.id))
      .all(),
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
  const producer = approvedProducer(input.producerId);
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
  const owned = getDb()
    .select({ n: count() })
    .from(products)
    .where(and(eq(products.producerId, producer.id), inArray(products.id, productIds)))
    .get();
  if (owned?.n !== productIds.length) return { ok: false, field: "productIds", message: "cert.error.products" };
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
  const record = (): number =>
    getDb().transaction(
      (tx) => {
        const { id } = tx
          .insert(certificates)
          .values({
            producerId: producer.id,
            number: input.number,
            stars,
            score: input.score ?? null,
            issuerName: issuerNameFor(stars, province.fullName),
            issuerLevel: level,
            issuerProvinceCode,
            decisionDate: input.decisionDate,
            expiresOn,
            createdByUserId: staff.id,
            createdAt: now,
          })
          .returning({ id: certificates.id })
          .get();
        tx.insert(certificateProducts).values(productIds.map((productId) => ({ certificateId: id, productId }))).run();
        refreshProductBadges(tx, productIds);
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
      },
      { behavior: "immediate" },
    );
  try {
    return { ok: true, id: record() };
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
  getDb().transaction((tx) => {
    tx.update(certificates).set({ status: "revoked", revokedReason: reason, revokedAt: now }).where(eq(certificates.id, certificateId)).run();
    refreshProductBadges(tx, certifiedProductIds(certificateId));
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
  });
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
  const productIds = certifiedProductIds(certificateId);
  return recordCertificate(staff, { producerId: cert.producerId, productIds, stars: cert.stars, number: renewal.number, decisionDate: renewal.decisionDate }, now);
}
