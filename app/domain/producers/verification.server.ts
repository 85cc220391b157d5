import { and, asc, countDistinct, desc, eq, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { certificateEvidence, helperGrants, producers, products, users, wards } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { assertStaffMayActIn, staffProvince } from "../accounts/staff.server";
import { parseChanges, type ProfileChanges } from "./profile-changes";
import { STATUS_AFTER } from "./verification";
import type { VerificationDecision } from "./verification-decisions";
import { enqueueVerificationDecided } from "../messages/events.server";

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

/** Staff of a province see its producers; central staff (no province) see all. */
function inScope(staff: SessionUser) {
  const province = staffProvince(staff);
  return province === null ? undefined : eq(producers.provinceCode, province);
}

/** Producers waiting for a decision (new or resubmitted), oldest first, in the staff member's scope. */
export function verificationQueue(staff: SessionUser): QueuedProducer[] {
  const db = getDb();
  const rows = db
    .select({
      id: producers.id,
      name: producers.name,
      entityType: producers.entityType,
      provinceCode: producers.provinceCode,
      status: producers.verificationStatus,
      createdAt: producers.createdAt,
      changes: producers.verificationChanges,
      waitingProducts: db.$count(products, and(eq(products.producerId, producers.id), eq(products.status, "submitted"))),
      evidence: db.$count(certificateEvidence, eq(certificateEvidence.producerId, producers.id)),
    })
    .from(producers)
    .where(and(eq(producers.verificationStatus, "pending"), inScope(staff)))
    .orderBy(asc(producers.createdAt), asc(producers.id))
    .limit(200)
    .all();
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
  const db = getDb();
  const producer = db
    .select({
      id: producers.id,
      slug: producers.slug,
      name: producers.name,
      entityType: producers.entityType,
      provinceCode: producers.provinceCode,
      wardName: wards.fullName,
      addressLine: producers.addressLine,
      phone: producers.phone,
      story: producers.story,
      status: producers.verificationStatus,
      note: producers.verificationNote,
      bankBin: producers.bankBin,
      bankAccountNo: producers.bankAccountNo,
      bankAccountName: producers.bankAccountName,
      ownerName: users.fullName,
      changes: producers.verificationChanges,
    })
    .from(producers)
    .innerJoin(wards, eq(wards.code, producers.wardCode))
    .leftJoin(users, eq(users.id, producers.ownerUserId))
    .where(eq(producers.id, producerId))
    .get();
  if (!producer) return null;
  assertStaffMayActIn(staff, producer.provinceCode);
  const evidence = db
    .select({
      id: certificateEvidence.id,
      file: certificateEvidence.file,
      width: certificateEvidence.width,
      height: certificateEvidence.height,
      note: certificateEvidence.note,
    })
    .from(certificateEvidence)
    .where(eq(certificateEvidence.producerId, producerId))
    .orderBy(desc(certificateEvidence.id))
    .all();
  const producerProducts = db
    .select({ id: products.id, name: products.name, status: products.status })
    .from(products)
    .where(eq(products.producerId, producerId))
    .orderBy(asc(products.id))
    .all();
  return { ...producer, changes: parseChanges(producer.changes), evidence, products: producerProducts };
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
  return getDb().transaction((tx): "ok" | "not_found" => {
    const before = tx
      .select({
        status: producers.verificationStatus,
        note: producers.verificationNote,
        provinceCode: producers.provinceCode,
        changes: producers.verificationChanges,
      })
      .from(producers)
      .where(eq(producers.id, producerId))
      .get();
    if (!before) return "not_found";
    assertStaffMayActIn(staff, before.provinceCode);
    const status = STATUS_AFTER[decision];
    // The decision covers what changed so far: the list starts again empty ('{}' = decided at least once).
    tx.update(producers)
      .set({
        verificationStatus: status,
        verificationNote: decision === "approve" ? null : note,
        verificationChanges: "{}",
        ...(status === "approved" ? { verifiedAt: now } : {}),
      })
      .where(eq(producers.id, producerId))
      .run();
    const published =
      decision === "approve"
        ? tx
            .update(products)
            // A product put on sale before keeps its first publication date.
            .set({ status: "live", publishedAt: sql`coalesce(${products.publishedAt}, ${now})`, updatedAt: now })
            .where(and(eq(products.producerId, producerId), eq(products.status, "submitted")))
            .run().changes
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
    enqueueVerificationDecided(tx, producerId, decision, decision === "approve" ? null : note, now);
    return "ok";
  });
}

/** How many verified producers each community helper brought online (PRODUCT.md §3), in scope. */
export function helpersByProducersOnline(staff: SessionUser): { helperName: string; producers: number }[] {
  const producersOnline = countDistinct(helperGrants.producerId);
  return getDb()
    .select({ helperName: users.fullName, producers: producersOnline })
    .from(helperGrants)
    .innerJoin(users, eq(users.id, helperGrants.helperUserId))
    .innerJoin(producers, eq(producers.id, helperGrants.producerId))
    .where(and(eq(producers.verificationStatus, "approved"), inScope(staff)))
    .groupBy(helperGrants.helperUserId)
    .orderBy(desc(producersOnline), asc(users.fullName))
    .limit(100)
    .all();
}
