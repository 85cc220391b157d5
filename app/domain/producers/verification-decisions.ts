/** Staff's possible decisions on a producer profile. Zod-free, so the review page's buttons do not ship it. */
export const VERIFICATION_DECISIONS = ["approve", "changes", "reject"] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];
