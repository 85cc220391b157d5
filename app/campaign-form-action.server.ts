import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { campaignSchema } from "~/domain/promotions/promotion-forms";
import { saveCampaign } from "~/domain/promotions/campaigns.server";
import { redirectWithFlash } from "./flash.server";

/** The staff campaign form's answer (new and edit): 400 by the field, or back to the list with a confirmation. */
export async function campaignFormAction(staff: SessionUser, id: number | null, formData: FormData) {
  const submission = parseWithZod(formData, { schema: campaignSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), slugs: "" }, { status: 400 });
  const saved = saveCampaign(staff, id, submission.value);
  if (!saved.ok) {
    return data({ result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }), slugs: saved.slugs ?? "" }, { status: 400 });
  }
  return redirectWithFlash("/staff/campaigns", "campaign.saved");
}
