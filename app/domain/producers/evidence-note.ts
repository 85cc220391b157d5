/** Longest note a producer may attach to a certificate scan (a decision number and a product name fit). */
export const MAX_EVIDENCE_NOTE = 300;
