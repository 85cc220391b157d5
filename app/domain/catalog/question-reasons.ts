/** Why someone reports a question or its answer; apart from the form schema so the product page ships no Zod. */
export const QUESTION_REPORT_REASONS = ["spam", "offensive", "wrong", "other"] as const;
export type QuestionReportReason = (typeof QUESTION_REPORT_REASONS)[number];

/** The longest question and answer, in characters (the table's CHECKs say the same). */
export const QUESTION_MAX_LENGTH = 500;
export const ANSWER_MAX_LENGTH = 2000;
