import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { producers, users } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { staffMayActIn } from "../accounts/staff.server";
import type { EntityType } from "./entity-types";
import { identifiedByPersonalId, normalisedTaxCode, shownTaxCode } from "./identity";
import type { PortalActor } from "./portal-actor.server";

export interface ProducerIdentity {
  producerId: number;
  name: string;
  entityType: EntityType;
  provinceCode: string;
  legalName: string | null;
  taxCode: string | null;
  taxResidency: "resident" | "non_resident";
  method: "vneid" | "papers" | null;
  checkedByName: string | null;
  checkedAt: number | null;
  note: string | null;
}

const checker = alias(users, "checker");

export function producerIdentity(producerId: number): ProducerIdentity | null {
  return (
    getDb()
      .select({
        producerId: producers.id,
        name: producers.name,
        entityType: producers.entityType,
        provinceCode: producers.provinceCode,
        legalName: producers.legalName,
        taxCode: producers.taxCode,
        taxResidency: producers.taxResidency,
        method: producers.identityMethod,
        checkedByName: checker.fullName,
        checkedAt: producers.identityCheckedAt,
        note: producers.identityNote,
      })
      .from(producers)
      .leftJoin(checker, eq(checker.id, producers.identityCheckedBy))
      .where(eq(producers.id, producerId))
      .get() ?? null
  );
}

/** A producer's identity for staff who may see it (their province's, or any for central staff); null otherwise. */
export function identityForStaff(staff: SessionUser, producerId: number): ProducerIdentity | null {
  const identity = producerIdentity(producerId);
  return identity && staffMayActIn(staff, identity.provinceCode) ? identity : null;
}

export type SaveIdentityOutcome = { ok: true } | { ok: false; field: "taxCode"; key: MessageKey };

/**
 * The producer gives (or corrects) its identity. A change makes staff check it again: the record of
 * the last check is cleared.
 */
export function saveIdentity(actor: PortalActor, input: { legalName: string; taxCode: string; taxResidency: "resident" | "non_resident" }): SaveIdentityOutcome {
  const taxCode = normalisedTaxCode(actor.producer.entityType, input.taxCode);
  if (taxCode === null) return { ok: false, field: "taxCode", key: "identity.error.taxCode" };
  const current = producerIdentity(actor.producer.id)!;
  const changed = current.legalName !== input.legalName || current.taxCode !== taxCode || current.taxResidency !== input.taxResidency;
  getDb()
    .update(producers)
    .set({
      legalName: input.legalName,
      taxCode,
      taxResidency: input.taxResidency,
      ...(changed ? { identityMethod: null, identityCheckedBy: null, identityCheckedAt: null, identityNote: null } : {}),
    })
    .where(eq(producers.id, actor.producer.id))
    .run();
  return { ok: true };
}

export type IdentityCheckOutcome = "ok" | "not_found" | "missing";

/** Staff of the producer's province record how they verified its identity (VNeID or papers), by whom and when. */
export function recordIdentityCheck(staff: SessionUser, input: { producerId: number; method: "vneid" | "papers"; note: string }, now = Date.now()): IdentityCheckOutcome {
  const identity = producerIdentity(input.producerId);
  if (!identity || !staffMayActIn(staff, identity.provinceCode)) return "not_found";
  if (!identity.taxCode || !identity.legalName) return "missing";
  getDb().transaction((tx) => {
    tx.update(producers)
      .set({ identityMethod: input.method, identityCheckedBy: staff.id, identityCheckedAt: now, identityNote: input.note })
      .where(eq(producers.id, input.producerId))
      .run();
    recordAudit(
      staff,
      {
        action: "producer.identity",
        subjectType: "producer",
        subjectId: input.producerId,
        provinceCode: identity.provinceCode,
        before: { method: identity.method, checkedAt: identity.checkedAt },
        after: { method: input.method, note: input.note },
      },
      now,
    );
  });
  return "ok";
}

const disclosureBySlug = once(() =>
  getDb()
    .select({
      legalName: producers.legalName,
      entityType: producers.entityType,
      taxCode: producers.taxCode,
      verified: sql<number>`${producers.identityCheckedAt} IS NOT NULL`,
    })
    .from(producers)
    .where(eq(producers.slug, sql.placeholder("slug")))
    .prepare(),
);

export interface SellerDisclosure {
  legalName: string | null;
  /** The code as shoppers may see it (shownTaxCode): a person's ID masked. */
  taxCode: string | null;
  personal: boolean;
  verified: boolean;
}

/** What the producer and product pages tell shoppers about the seller (E-commerce Law 122/2025). */
export function sellerDisclosure(slug: string): SellerDisclosure | null {
  const row = disclosureBySlug().get({ slug });
  if (!row) return null;
  return { legalName: row.legalName, taxCode: shownTaxCode(row.entityType, row.taxCode), personal: identifiedByPersonalId(row.entityType), verified: Boolean(row.verified) };
}
