import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producers, users } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import type { SessionUser } from "../accounts/sessions.server";
import { slugify } from "../catalog/fold";
import { resolveCommune } from "../catalog/commune-finder";
import { communeEntries } from "../catalog/places.server";
import type { Language } from "~/i18n/translate";
import { recordActivity } from "./activity.server";
import { profileFacts, verificationAfterSave } from "./profile-changes";
import type { ProfileInput } from "./profile-form";

export type Producer = typeof producers.$inferSelect;

/** The producer profile a producer account owns, or null before they create one. */
export function ownProducer(user: SessionUser): Producer | null {
  if (user.role !== "producer") return null;
  return getDb().select().from(producers).where(eq(producers.ownerUserId, user.id)).get() ?? null;
}

/** What a new profile starts from: the account's name (a household's name is its owner's) and phone. */
export function newProfileDefaults(user: SessionUser): { name: string; phone: string | null } {
  const account = getDb().select({ phone: users.phone }).from(users).where(eq(users.id, user.id)).get();
  return { name: user.fullName, phone: account?.phone ?? null };
}

function uniqueSlug(name: string): string {
  const base = slugify(name) || "nha-san-xuat";
  const taken = (slug: string) => getDb().select({ id: producers.id }).from(producers).where(eq(producers.slug, slug)).get();
  let slug = base;
  for (let i = 2; taken(slug); i++) slug = `${base}-${i}`;
  return slug;
}

export type SaveProfileOutcome =
  | { ok: true; producerId: number; created: boolean }
  | {
      ok: false;
      field: keyof ProfileInput;
      message: MessageKey;
      /** Communes sharing the name typed, to choose one from. */
      choices?: { code: string; label: string }[];
    };

type Place = { provinceCode: string; wardCode: string };

/**
 * The commune and province a profile form names: the commune's code when one was picked (its
 * province must match any province sent with it), else the commune typed, when it names exactly one.
 */
function placeFrom(input: ProfileInput, lang: Language): Place | Extract<SaveProfileOutcome, { ok: false }> {
  const entries = communeEntries(lang);
  if (input.wardCode) {
    const picked = entries.find((e) => e.code === input.wardCode);
    if (!picked || (input.provinceCode && picked.provinceCode !== input.provinceCode)) return { ok: false, field: "wardCode", message: "profile.error.ward" };
    return { provinceCode: picked.provinceCode, wardCode: picked.code };
  }
  if (!input.commune) return { ok: false, field: "commune", message: "profile.error.communeMissing" };
  const resolved = resolveCommune(entries, input.commune);
  if ("none" in resolved) return { ok: false, field: "commune", message: "profile.error.communeNone" };
  if ("choices" in resolved) {
    const choices = resolved.choices.map(({ code, label }) => ({ code, label }));
    return { ok: false, field: "commune", message: resolved.sameName ? "profile.error.communeChoose" : "profile.error.communePick", choices };
  }
  return { provinceCode: resolved.found.provinceCode, wardCode: resolved.found.code };
}

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
export async function saveProducerProfile(user: SessionUser, input: ProfileInput, lang: Language): Promise<SaveProfileOutcome> {
  if (user.role !== "producer") throw new Response("Forbidden", { status: 403 });
  const place = placeFrom(input, lang);
  if ("ok" in place) return place;

  const fields = {
    name: input.name,
    entityType: input.entityType,
    provinceCode: place.provinceCode,
    wardCode: place.wardCode,
    addressLine: input.addressLine ?? "",
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
      return { ok: true, producerId: existing.id, created: false };
    }
    const { id } = tx
      .insert(producers)
      .values({ ...fields, slug: uniqueSlug(input.name), ownerUserId: user.id, verificationStatus: "pending" })
      .returning({ id: producers.id })
      .get();
    recordActivity(tx, { producerId: id, actorUserId: user.id, action: "profile.create", subject: input.name });
    return { ok: true, producerId: id, created: true };
  });
}
