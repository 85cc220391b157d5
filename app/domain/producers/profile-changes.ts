/**
 * What a producer changed in its profile since staff last decided on it, and which of those changes
 * undo the decision. Staff verified a name, a kind of entity and a province: a different one is a
 * different producer to them, so an approved producer that changes any of these waits for staff
 * again (its goods leave the storefront meanwhile).
 */

/** The profile facts staff see as "what changed" in the verification queue. */
export const TRACKED_FIELDS = ["name", "entityType", "provinceCode", "wardCode", "addressLine", "phone", "story", "bankAccount"] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

/** The fields whose change sends an approved producer back to verification. */
export const REVERIFY_FIELDS: readonly TrackedField[] = ["name", "entityType", "provinceCode"];

export type ProfileFacts = Record<TrackedField, string | null>;

/** Each changed field with the value staff last decided on (`before`) and the current one (`after`). */
export type ProfileChanges = Partial<Record<TrackedField, { before: string | null; after: string | null }>>;

/** The payout account as one comparable text ("BIN account NAME"), or null without one. */
export function bankAccountText(bin: string | null, accountNo: string | null, accountName: string | null): string | null {
  const parts = [bin, accountNo, accountName].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(" ") : null;
}

/** A producer row (or the fields about to be written to it) as the facts staff compare. */
export function profileFacts(p: {
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

/** The fields whose value differs between two versions of a profile. */
export function changedFields(before: ProfileFacts, after: ProfileFacts): TrackedField[] {
  return TRACKED_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}

/**
 * Folds one save into the changes recorded since the last decision: a field keeps the value staff
 * decided on as its `before`, takes the new `after`, and drops out when it is back where staff saw it.
 */
export function mergeChanges(recorded: ProfileChanges, before: ProfileFacts, after: ProfileFacts): ProfileChanges {
  const merged: ProfileChanges = { ...recorded };
  for (const field of changedFields(before, after)) {
    const decided = recorded[field] ? recorded[field].before : before[field];
    if ((decided ?? null) === (after[field] ?? null)) delete merged[field];
    else merged[field] = { before: decided ?? null, after: after[field] ?? null };
  }
  return merged;
}

/** Reads the stored JSON; anything unreadable counts as no recorded change. */
export function parseChanges(stored: string | null): ProfileChanges {
  if (!stored) return {};
  try {
    const value: unknown = JSON.parse(stored);
    if (!value || typeof value !== "object") return {};
    const changes: ProfileChanges = {};
    for (const field of TRACKED_FIELDS) {
      const entry = (value as Record<string, unknown>)[field];
      if (entry && typeof entry === "object") {
        const { before, after } = entry as { before?: unknown; after?: unknown };
        changes[field] = { before: typeof before === "string" ? before : null, after: typeof after === "string" ? after : null };
      }
    }
    return changes;
  } catch {
    return {};
  }
}

export type VerificationStatus = "pending" | "approved" | "changes_requested" | "rejected";

/**
 * The status after a producer saves its profile. Only staff decide: a rejection stays whatever the
 * producer saves; a resubmission after "changes requested" goes back to staff; an approval holds
 * unless a field staff verified changed.
 */
export function statusAfterSave(current: VerificationStatus, changed: readonly TrackedField[]): VerificationStatus {
  if (current === "rejected" || current === "pending") return current;
  if (current === "changes_requested") return "pending";
  return changed.some((field) => REVERIFY_FIELDS.includes(field)) ? "pending" : "approved";
}

/**
 * The verification status and the recorded changes after a producer saves a change to its profile
 * (the profile form or the payout-account page): one rule for both, so staff see every change in
 * the queue whichever page made it. A profile staff never decided on has nothing "since the
 * decision" to show, so its changes are not recorded.
 */
export function verificationAfterSave(
  saved: { verificationStatus: VerificationStatus; verificationChanges: string | null },
  before: ProfileFacts,
  after: ProfileFacts,
): { verificationStatus: VerificationStatus; verificationChanges: string | null } {
  const verificationStatus = statusAfterSave(saved.verificationStatus, changedFields(before, after));
  const decidedBefore = saved.verificationStatus !== "pending" || saved.verificationChanges !== null;
  const verificationChanges = decidedBefore
    ? JSON.stringify(mergeChanges(parseChanges(saved.verificationChanges), before, after))
    : saved.verificationChanges;
  return { verificationStatus, verificationChanges };
}
