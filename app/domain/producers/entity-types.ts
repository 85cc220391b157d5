/** The kinds of producing entity (PRODUCT.md §2), stored by these codes. */
export const ENTITY_TYPES = ["cooperative", "cooperative_group", "household", "enterprise"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
