import { z } from "zod";
import { message, required } from "../shared/form-messages";
import { VERIFICATION_DECISIONS, type VerificationDecision } from "./verification-decisions";

/** Staff's decision on a producer profile: a message is required to ask for changes or to reject. */
export const verificationSchema = z
  .object({
    decision: z.enum(VERIFICATION_DECISIONS, { errorMap: () => ({ message: message("verify.error.decision") }) }),
    note: z.string(required).trim().max(1000, message("verify.error.note")).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== "approve" && (value.note ?? "").length < 5) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["note"], message: message("verify.error.note") });
    }
  });

/** The status a decision leads to. */
export const STATUS_AFTER: Record<VerificationDecision, "approved" | "changes_requested" | "rejected"> = {
  approve: "approved",
  changes: "changes_requested",
  reject: "rejected",
};
