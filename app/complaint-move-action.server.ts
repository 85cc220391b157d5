import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { moveRefusal } from "./domain/complaints/complaint-refusals";
import type { MoveOutcome } from "./domain/complaints/complaints.server";
import { redirectWithFlash, type FlashMessage } from "./flash.server";

/**
 * The HTTP answer to a move of one complaint posted from a queue (the producer's answer, staff's
 * decision): 400 with the messages by the fields, 404 for a complaint the actor may not see, the
 * refusal by the complaint's card when someone moved it meanwhile, else back to the card, saying so.
 * `complaintId` rides along so the page shows the answer on the right card.
 */
export async function complaintMoveAction<Schema extends z.ZodTypeAny>(
  formData: FormData,
  schema: Schema,
  move: (value: z.output<Schema>) => Promise<MoveOutcome>,
  { back, flash }: { back: string; flash: FlashMessage },
) {
  const submission = parseWithZod(formData, { schema });
  const complaintId = Number(submission.payload.complaintId);
  if (submission.status !== "success") return data({ complaintId, result: submission.reply() }, { status: 400 });
  const outcome = await move(submission.value);
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  if (outcome !== "ok") {
    const refusal = moveRefusal(outcome);
    return data({ complaintId, result: submission.reply({ formErrors: [refusal.key] }) }, { status: refusal.status });
  }
  return redirectWithFlash(`${back}#complaint-${complaintId}`, flash);
}
