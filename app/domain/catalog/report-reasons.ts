/** Why a shopper reports a listing; kept apart from the form schema so the product page ships no Zod. */
export const REPORT_REASONS = ["fake_certificate", "wrong_information", "prohibited", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
