import { hasValidBadge } from "../certification/certificate";
import type { IsoDate } from "../shared/dates";

/**
 * What an OCOP certificate certifies about a listing: these goods, of this group, sold by this
 * unit. While the badge shows they are locked, or a certified rice could be renamed into a
 * "medicine" of another group and keep its stars on the page, in its title and in the open data.
 * Changing them takes staff (a new or renewed certificate).
 */
export const CERTIFIED_FIELDS = ["name", "groupCode", "unit"] as const;
export type CertifiedField = (typeof CERTIFIED_FIELDS)[number];

interface SavedListing {
  name: string;
  groupCode: string;
  unit: string;
  badgeStars: number | null;
  badgeExpiresOn: string | null;
}

/** Whether the listing's certified fields are locked today. */
export function certifiedFieldsLocked(saved: SavedListing, today: IsoDate): boolean {
  return hasValidBadge(saved, today);
}

/** The certified fields an edit would change while they are locked; none when they are not. */
export function lockedFieldChanges(saved: SavedListing, input: Record<CertifiedField, string>, today: IsoDate): CertifiedField[] {
  if (!certifiedFieldsLocked(saved, today)) return [];
  return CERTIFIED_FIELDS.filter((field) => input[field].trim() !== saved[field]);
}
