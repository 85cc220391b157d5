import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { assertStaffMayActIn, staffProvince } from "../accounts/staff.server";
import { parseChanges, type ProfileChanges } from "./profile-changes";
import { STATUS_AFTER } from "./verification";
import type { VerificationDecision } from "./verification-decisions";

export interface QueuedProducer {
  id: number;
  name: string;
  entityType: string;
  provinceCode: string;
  status: string;
  createdAt: number;
  waitingProducts: number;
  evidence: number;
  /** What the producer changed since staff last decided (empty for a first request). */
  changes: ProfileChanges;
}

/** Producers waiting for a decision (new or resubmitted), oldest first, in the staff member's scope. */
export function verificationQueue(staff: SessionUser): QueuedProducer[] {
  const rows = prepared(
    `SELECT p.id, p.name, p.entity_type AS entityType, p.province_code AS provinceCode, p.verification_status AS status,
       p.created_at AS createdAt, p.verification_changes AS changes,
       (SELECT count(*) FROM products WHERE producer_id = p.id AND status = 'submitted') AS waitingProducts,
       (SELECT count(*) FROM certificate_evidence WHERE producer_id = p.id) AS evidence
     FROM producers p
     WHERE p.verification_status = 'pending' AND (:province IS NULL OR p.province_code = :province)
     ORDER BY p.created_at, p.id LIMIT 200`,
  ).all({ province: staffProvince(staff) }) as (Omit<QueuedProducer, "changes"> & { changes: string | null })[];
  return rows.map((row) => ({ ...row, changes: parseChanges(row.changes) }));
}

export interface ProducerForReview {
  id: number;
  slug: string;
  name: string;
  entityType: string;
  provinceCode: string;
  wardName: string;
  addressLine: string;
  phone: string | null;
  story: string;
  status: string;
  note: string | null;
  bankBin: string | null;
  bankAccountNo: string | null;
  bankAccountName: string | null;
  ownerName: string | null;
  changes: ProfileChanges;
  evidence: { id: number; file: string; width: number; height: number; note: string }[];
  products: { id: number; name: string; status: string }[];
}

/** Everything staff check before deciding; a 403 page for another province's producer, null if none. */
export function producerForReview(staff: SessionUser, producerId: number): ProducerForReview | null {
  const producer = prepared(
    `SELECT p.id, p.slug, p.name, p.entity_type AS entityType, p.province_code AS provinceCode, w.full_name AS wardName,
       p.address_line AS addressLine, p.phone, p.story, p.verification_status AS status, p.verification_note AS note,
       p.bank_bin AS bankBin, p.bank_account_no AS bankAccountNo, p.bank_account_name AS bankAccountName, u.full_name AS ownerName,
       p.verification_changes AS changes
     FROM producers p JOIN wards w ON w.code = p.ward_code LEFT JOIN users u ON u.id = p.owner_user_id WHERE p.id = ?`,
  ).get(producerId) as (Omit<ProducerForReview, "evidence" | "products" | "changes"> & { changes: string | null }) | undefined;
  if (!producer) return null;
  assertStaffMayActIn(staff, producer.provinceCode);
  const evidence = prepared(
    "SELECT id, file, width, height, note FROM certificate_evidence WHERE producer_id = ? ORDER BY id DESC",
  ).all(producerId) as ProducerForReview["evidence"];
  const products = prepared("SELECT id, name, status FROM products WHERE producer_id = ? ORDER BY id").all(producerId) as ProducerForReview["products"];
  return { ...producer, changes: parseChanges(producer.changes), evidence, products };
}

/**
 * Approves, asks for changes or rejects a producer, with the producer told why. Approval puts the
 * products it had sent for sale (`submitted`) on sale in the same transaction; the audit row keeps
 * the status before and after.
 */
export function decideVerification(
  staff: SessionUser,
  producerId: number,
  decision: VerificationDecision,
  note: string | null,
  now = Date.now(),
): "ok" | "not_found" {
  return getDb().$client.transaction((): "ok" | "not_found" => {
    const before = prepared(
      "SELECT verification_status AS status, verification_note AS note, province_code AS provinceCode, verification_changes AS changes FROM producers WHERE id = ?",
    ).get(producerId) as { status: string; note: string | null; provinceCode: string; changes: string | null } | undefined;
    if (!before) return "not_found";
    assertStaffMayActIn(staff, before.provinceCode);
    const status = STATUS_AFTER[decision];
    // The decision covers what changed so far: the list starts again empty ('{}' = decided at least once).
    prepared(
      "UPDATE producers SET verification_status = ?, verification_note = ?, verification_changes = '{}', verified_at = CASE WHEN ? = 'approved' THEN ? ELSE verified_at END WHERE id = ?",
    ).run(status, decision === "approve" ? null : note, status, now, producerId);
    const published =
      decision === "approve"
        ? prepared(
            "UPDATE products SET status = 'live', published_at = coalesce(published_at, ?), updated_at = ? WHERE producer_id = ? AND status = 'submitted'",
          ).run(now, now, producerId).changes
        : 0;
    recordAudit(
      staff,
      {
        action: `producer.${decision}`,
        subjectType: "producer",
        subjectId: producerId,
        provinceCode: before.provinceCode,
        before: { status: before.status, note: before.note, changes: parseChanges(before.changes) },
        after: { status, note: decision === "approve" ? null : note, productsPublished: published },
      },
      now,
    );
    return "ok";
  })();
}

/** How many verified producers each community helper brought online (PRODUCT.md §3), in scope. */
export function helpersByProducersOnline(staff: SessionUser): { helperName: string; producers: number }[] {
  return prepared(
    `SELECT u.full_name AS helperName, count(DISTINCT g.producer_id) AS producers
     FROM helper_grants g JOIN users u ON u.id = g.helper_user_id JOIN producers p ON p.id = g.producer_id
     WHERE p.verification_status = 'approved' AND (:province IS NULL OR p.province_code = :province)
     GROUP BY g.helper_user_id ORDER BY producers DESC, u.full_name LIMIT 100`,
  ).all({ province: staffProvince(staff) }) as { helperName: string; producers: number }[];
}
