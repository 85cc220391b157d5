import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producers, users } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import type { SessionUser } from "../accounts/sessions.server";
import { slugify } from "../catalog/fold";
import { resolveCommune } from "../catalog/commune-finder";
import { communeEntries } from "../catalog/places.server";
import type { Language } from "~/i18n/translate";
import { confirmCurrentPassword } from "../accounts/accounts.server";
import { recordActivity } from "./activity.server";
import { bankAccountText, changedFields, mergeChanges, parseChanges, statusAfterSave, type ProfileFacts } from "./profile-changes";
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

function factsOf(p: {
  name: string;
  entityType: string;
  provinceCode: string;
  wardCode: string;
  addressLine: string;
  phone: string | null;
  story: string;
  bankBin: string | null;
  bankAccountNo: string | null;
  bankAccountName: string | null;
}): ProfileFacts {
  return {
    name: p.name,
    entityType: p.entityType,
    provinceCode: p.provinceCode,
    wardCode: p.wardCode,
    addressLine: p.addressLine,
    phone: p.phone,
    story: p.story,
    bankAccount: bankAccountText(p.bankBin, p.bankAccountNo, p.bankAccountName),
  };
}

/** "970436 ···6789": enough for the owner and staff to recognise an account in the history, not to copy it. */
function maskedAccount(fields: { bankBin: string | null; bankAccountNo: string | null }): string {
  if (!fields.bankAccountNo) return "—";
  return `${fields.bankBin ?? ""} ···${fields.bankAccountNo.slice(-4)}`.trim();
}

export type SaveProfileOutcome =
  | { ok: true; producerId: number; created: boolean }
  | {
      ok: false;
      field: keyof ProfileInput | "currentPassword";
      message: MessageKey;
      status?: 400 | 429;
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
    return { ok: false, field: "commune", message: "profile.error.communeChoose", choices };
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
 * Changing the payout account of a saved profile needs the account's current password in the same
 * form (a stolen session must not redirect the producer's money); every payout account given is
 * written to the producer's history.
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
    bankBin: input.bankBin ?? null,
    bankAccountNo: input.bankAccountNo ?? null,
    bankAccountName: input.bankAccountName ? input.bankAccountName.toUpperCase() : null,
  };
  /** A payout account other than the saved profile's (the first one, given with a new profile, is no change). */
  const bankChangeFrom = (saved: Producer | null | undefined) =>
    saved != null &&
    bankAccountText(saved.bankBin, saved.bankAccountNo, saved.bankAccountName) !==
      bankAccountText(fields.bankBin, fields.bankAccountNo, fields.bankAccountName);

  // The password check is slow (scrypt) and asynchronous, so it runs before the transaction.
  const confirmed = bankChangeFrom(ownProducer(user)) ? await confirmCurrentPassword(user.id, input.currentPassword ?? "") : "not_needed";
  if (confirmed === "too_many") return { ok: false, field: "currentPassword", message: "account.error.tooMany", status: 429 };
  if (confirmed === "wrong") {
    return { ok: false, field: "currentPassword", message: input.currentPassword ? "profile.error.currentPassword" : "profile.error.currentPasswordNeeded" };
  }

  const db = getDb();
  return db.transaction((tx): SaveProfileOutcome => {
    const existing = tx.select().from(producers).where(eq(producers.ownerUserId, user.id)).get();
    const bankChanged = bankChangeFrom(existing);
    // Another save changed the account between the check and here: ask again rather than trust it.
    if (bankChanged && confirmed !== "ok") return { ok: false, field: "currentPassword", message: "profile.error.currentPasswordNeeded" };
    const bankEntry = { producerId: 0, actorUserId: user.id, action: "profile.bankAccount" as const, subject: maskedAccount(fields) };
    if (existing) {
      const before = factsOf(existing);
      const after = factsOf(fields);
      const verificationStatus = statusAfterSave(existing.verificationStatus, changedFields(before, after));
      // A profile staff never decided on has nothing "since the decision" to show.
      const decidedBefore = existing.verificationStatus !== "pending" || existing.verificationChanges !== null;
      const verificationChanges = decidedBefore
        ? JSON.stringify(mergeChanges(parseChanges(existing.verificationChanges), before, after))
        : existing.verificationChanges;
      tx.update(producers).set({ ...fields, verificationStatus, verificationChanges }).where(eq(producers.id, existing.id)).run();
      recordActivity(tx, { producerId: existing.id, actorUserId: user.id, action: "profile.update", subject: input.name });
      if (bankChanged) recordActivity(tx, { ...bankEntry, producerId: existing.id });
      return { ok: true, producerId: existing.id, created: false };
    }
    const { id } = tx
      .insert(producers)
      .values({ ...fields, slug: uniqueSlug(input.name), ownerUserId: user.id, verificationStatus: "pending" })
      .returning({ id: producers.id })
      .get();
    recordActivity(tx, { producerId: id, actorUserId: user.id, action: "profile.create", subject: input.name });
    if (fields.bankAccountNo) recordActivity(tx, { ...bankEntry, producerId: id });
    return { ok: true, producerId: id, created: true };
  });
}
