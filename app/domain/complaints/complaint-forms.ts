import { z } from "zod";
import { message, required } from "../shared/form-messages";
import { COMPLAINT_REASONS } from "./complaint-states";

const id = z.coerce.number().int().positive();
const note = z.string(required).trim().min(5, message("complaint.error.note")).max(500, message("complaint.error.note"));

/** A buyer's complaint about one delivered part (photos come as files beside these fields). */
export const openComplaintSchema = z.object({
  partId: id,
  reason: z.enum(COMPLAINT_REASONS, { ...required, invalid_type_error: message("form.invalid") }),
  description: z.string(required).trim().min(10, message("complaint.error.description")).max(1000, message("complaint.error.description")),
});

/** The producer's answer: refund, take back then refund, or reject with a reason; or "the goods are back". */
export const answerComplaintSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("refund"), complaintId: id, note: z.string().trim().max(500, message("complaint.error.note")).optional() }),
  z.object({ intent: z.literal("return"), complaintId: id, note: z.string().trim().max(500, message("complaint.error.note")).optional() }),
  z.object({ intent: z.literal("reject"), complaintId: id, note }),
  z.object({ intent: z.literal("returnReceived"), complaintId: id }),
]);

/** Staff's decision on a complaint the producer rejected or left unanswered. */
export const decideComplaintSchema = z.object({
  complaintId: id,
  decision: z.enum(["refund", "reject"], { ...required, invalid_type_error: message("form.invalid") }),
  note,
});
