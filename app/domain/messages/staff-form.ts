import { z } from "zod";

/** The one thing staff do on /staff/messages: send a failed message again. */
export const resendSchema = z.object({
  intent: z.literal("resend"),
  id: z.coerce.number({ message: "staffMsg.error.notFound" }).int().positive().max(Number.MAX_SAFE_INTEGER),
});
