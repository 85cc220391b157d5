import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producers } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import type { SessionUser } from "../accounts/sessions.server";
import { slugify } from "../catalog/fold";
import { provinceByCode, wardIsInProvince } from "../catalog/places.server";
import { recordActivity } from "./activity.server";
import { profileFacts, verificationAfterSave } from "./profile-changes";
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

export type SaveProfileOutcome =
  | { ok: true; producerId: number }
  | { ok: false; field: keyof ProfileInput; message: MessageKey };

/**
 * Creates or updates the producer profile of a producer account. Only staff decide on verification
 * (`statusAfterSave`): a new profile waits for them; an approved one that changes a fact staff
 * verified (name, kind of entity, province) waits for them again, its goods off the storefront
 * meanwhile (the `producers_copy_to_products` trigger clears `producer_verified`); a rejected one
 * stays rejected. What changed since the last decision is kept for the verification queue.
 *
 * The payout account is not part of this form: it is asked when it is needed, on its own page
 * (`savePayoutAccount`), and a profile save leaves it as it is.
 */
export async function saveProducerProfile(user: SessionUser, input: ProfileInput): Promise<SaveProfileOutcome> {
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
  };

  const db = getDb();
  return db.transaction((tx): SaveProfileOutcome => {
    const existing = tx.select().from(producers).where(eq(producers.ownerUserId, user.id)).get();
    if (existing) {
      const { verificationStatus, verificationChanges } = verificationAfterSave(existing, profileFacts(existing), profileFacts({ ...existing, ...fields }));
      tx.update(producers).set({ ...fields, verificationStatus, verificationChanges }).where(eq(producers.id, existing.id)).run();
      recordActivity(tx, { producerId: existing.id, actorUserId: user.id, action: "profile.update", subject: input.name });
      return { ok: true, producerId: existing.id };
    }
    const { id } = tx
      .insert(producers)
      .values({ ...fields, slug: uniqueSlug(input.name), ownerUserId: user.id, verificationStatus: "pending" })
      .returning({ id: producers.id })
      .get();
    recordActivity(tx, { producerId: id, actorUserId: user.id, action: "profile.create", subject: input.name });
    return { ok: true, producerId: id };
  });
}
