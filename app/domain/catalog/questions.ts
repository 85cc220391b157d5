import { z } from "zod";
import { message } from "../shared/form-messages";
import { ANSWER_MAX_LENGTH, QUESTION_MAX_LENGTH, QUESTION_REPORT_REASONS } from "./question-reasons";

/** Text a person typed: trimmed, not empty, at most `max` characters (Vietnamese letters count as one). */
const typed = (max: number, empty: "question.error.empty" | "answer.error.empty", long: "question.error.long" | "answer.error.long") =>
  z.string({ required_error: message(empty) }).trim().min(1, message(empty)).max(max, message(long));

const honeypot = z.string().max(0, message("account.error.bot")).optional();

/**
 * The product page's forms. The listing report (`reportSchema`) sends no intent, as it always has;
 * a question sends `ask`, a report of a question `reportQuestion`.
 */
export const productPageIntentSchema = z.object({ intent: z.enum(["report", "ask", "reportQuestion"]).catch("report") });

/** A shopper's question on the product page. */
export const askQuestionSchema = z.object({
  intent: z.literal("ask"),
  question: typed(QUESTION_MAX_LENGTH, "question.error.empty", "question.error.long"),
  website: honeypot,
});

/** A report of a question (or its answer) shown on the product page. */
export const reportQuestionSchema = z.object({
  intent: z.literal("reportQuestion"),
  questionId: z.coerce.number().int().positive(),
  reason: z.enum(QUESTION_REPORT_REASONS, { errorMap: () => ({ message: message("questionReport.error.reason") }) }),
  website: honeypot,
});

/** The producer's (or its helper's) answer, new or edited, in the portal. */
export const answerSchema = z.object({
  questionId: z.coerce.number().int().positive(),
  answer: typed(ANSWER_MAX_LENGTH, "answer.error.empty", "answer.error.long"),
});

const note = z.string({ required_error: message("moderation.error.note") }).trim().min(5, message("moderation.error.note")).max(500, message("moderation.error.note"));

/** Staff's moderation of a question: hide it, show it again, or keep it and clear its reports. */
export const questionModerationSchema = z.object({
  intent: z.enum(["hide", "unhide", "keep"]),
  questionId: z.coerce.number().int().positive(),
  note,
});

/** What a visitor may see of a question: answered and not hidden, or its own while it waits. */
export function questionVisibleTo(
  question: { askerUserId: number; answeredAt: number | null; hiddenAt: number | null },
  viewerUserId: number | null,
): boolean {
  if (question.hiddenAt !== null) return false;
  return question.answeredAt !== null || (viewerUserId !== null && viewerUserId === question.askerUserId);
}
