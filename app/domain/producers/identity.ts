import type { EntityType } from "./entity-types";

/**
 * The identity the law asks of a seller (issue 19; E-commerce Law 122/2025, Circular 86/2024; ADR
 * 0025). Households and cooperative groups (people, not companies) give the owner's 12-digit personal
 * ID number, which has been their tax code since 1 July 2025. Enterprises and cooperatives give their
 * tax code (= business registration number): 10 digits, or 13 as `0123456789-001` for a branch.
 */
export function identifiedByPersonalId(entityType: EntityType): boolean {
  return entityType === "household" || entityType === "cooperative_group";
}

const PERSONAL_ID = /^\d{12}$/;
const TAX_CODE = /^\d{10}(-\d{3})?$/;

/** The code written the one way it is stored (spaces and dots people type dropped), or null when it cannot be one. */
export function normalisedTaxCode(entityType: EntityType, raw: string): string | null {
  const code = raw.replace(/[\s.]/g, "");
  return (identifiedByPersonalId(entityType) ? PERSONAL_ID : TAX_CODE).test(code) ? code : null;
}

/**
 * What shoppers are shown: an enterprise's or cooperative's tax code in full (it is public in the
 * business register); a person's ID number only by its last four digits (it is personal data).
 */
export function shownTaxCode(entityType: EntityType, code: string | null): string | null {
  if (code === null) return null;
  return identifiedByPersonalId(entityType) ? `••••••••${code.slice(-4)}` : code;
}

