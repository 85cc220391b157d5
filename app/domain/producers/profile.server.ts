import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producers } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import type { SessionUser } from "../accounts/sessions.server";
import { slugify } from "../catalog/fold";
import { provinceByCode, wardIsInProvince } from "../catalog/places.server";
import { recordActivity } from "./activity.server";
import type { ProfileInput } from "./profile-form";

export type Producer = typeof producers.$inferSelect;

/** The producer profile a producer account owns, or null before they create one. */
export function ownProducer(user: SessionUser): Producer | null {
  if (user.role !== "producer") return null;
  return getDb().select().from(producers).where(eq(producers.ownerUserId, user.id)).get() ?? null;
}

function uniqueSlug(name: string): string {
  const base = slugify(name) || "nha-san-xuat";
  const taken = (slug: string) => getDb().select({ id: producers.id }).from(producers).where(eq(producers.slug, slug)).get();
  let slug = base;
  for (let i = 2; taken(slug); i++) slug = `${base}-${i}`;
  return slug;
}

/**
 * Creates or updates the producer profile of a producer account. A new profile, one staff asked to
 * change, or one moved to another province goes (back) to staff for verification; its products stay
 * hidden until it is approved.
 */
export function saveProducerProfile(
  user: SessionUser,
  input: ProfileInput,
): { ok: true; producerId: number } | { ok: false; field: keyof ProfileInput; message: MessageKey } {
  if (user.role !== "producer") throw new Response("Forbidden", { status: 403 });
  if (!provinceByCode(input.provinceCode)) return { ok: false, field: "provinceCode", message: "profile.error.province" };
  if (!wardIsInProvince(input.wardCode, input.provinceCode)) return { ok: false, field: "wardCode", message: "profile.error.ward" };

  const fields = {
    name: input.name,
    entityType: input.entityType,
    provinceCode: input.provinceCode,
    wardCode: input.wardCode,
    addressLine: input.addressLine,
    phone: input.phone,
    story: input.story ?? "",
    bankBin: input.bankBin ?? null,
    bankAccountNo: input.bankAccountNo ?? null,
    bankAccountName: input.bankAccountName ? input.bankAccountName.toUpperCase() : null,
  };
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx.select().from(producers).where(eq(producers.ownerUserId, user.id)).get();
    if (existing) {
      const resubmitted = existing.verificationStatus === "changes_requested";
      // Another province's staff never verified this producer: moving goes back to verification there.
      const moved = existing.provinceCode !== fields.provinceCode && existing.verificationStatus !== "pending";
      tx.update(producers)
        .set({ ...fields, ...(resubmitted || moved ? { verificationStatus: "pending" as const } : {}) })
        .where(eq(producers.id, existing.id))
        .run();
      recordActivity(tx, { producerId: existing.id, actorUserId: user.id, action: "profile.update", subject: input.name });
      return { ok: true as const, producerId: existing.id };
    }
    const { id } = tx
      .insert(producers)
      .values({ ...fields, slug: uniqueSlug(input.name), ownerUserId: user.id, verificationStatus: "pending" })
      .returning({ id: producers.id })
      .get();
    recordActivity(tx, { producerId: id, actorUserId: user.id, action: "profile.create", subject: input.name });
    return { ok: true as const, producerId: id };
  });
}
