import { z } from "zod";
import { message } from "../shared/form-messages";
import { MAX_EVIDENCE_NOTE } from "./evidence-note";

/** The text beside a photo on the media page: which form it came from, and the scan's note. */
export const mediaFormSchema = z.object({
  intent: z.enum(["photo", "evidence"]).catch("photo"),
  note: z.string().trim().max(MAX_EVIDENCE_NOTE, message("evidence.error.note")).optional(),
});
