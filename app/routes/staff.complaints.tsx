import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ComplaintCard } from "~/components/complaint-card";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { requireStaff, staffProvince } from "~/domain/accounts/staff.server";
import { decideComplaintSchema } from "~/domain/complaints/complaint-forms";
import { complaintActions } from "~/domain/complaints/complaint-states";
import { complaintFigures, decideComplaint, escalateOverdueComplaints, staffComplaints } from "~/domain/complaints/complaints.server";
import { complaintMoveAction } from "~/complaint-move-action.server";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

/** `/staff/complaints`: complaints of the staff member's province, those waiting on staff first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  // The sweep runs every minute; running it here too means the queue is never a minute behind.
  escalateOverdueComplaints();
  const now = Date.now();
  return { complaints: staffComplaints(staff), figures: complaintFigures(staffProvince(staff), now - 30 * 86_400_000, now + 1) };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  return complaintMoveAction(formData, decideComplaintSchema, (value) => decideComplaint(staff, value), { back: "/staff/complaints", flash: "flash.complaint.decided" });
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("complaint.queue")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffComplaints() {
  const { complaints, figures } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("complaint.queue")}</h1>
      <dl className="grid grid-cols-3 gap-2 rounded-lg border border-stone-200 bg-white p-3 text-center text-sm">
        <div>
          <dt className="text-stone-600">{t("complaint.figures.opened")}</dt>
          <dd className="font-semibold">{figures.opened}</dd>
        </div>
        <div>
          <dt className="text-stone-600">{t("complaint.figures.resolved")}</dt>
          <dd className="font-semibold">{figures.resolved}</dd>
        </div>
        <div>
          <dt className="text-stone-600">{t("complaint.figures.median")}</dt>
          <dd className="font-semibold">{figures.medianHours === null ? "—" : t("complaint.hours", { hours: figures.medianHours })}</dd>
        </div>
      </dl>
      {complaints.length === 0 ? <p>{t("complaint.queueEmpty")}</p> : null}
      {complaints.map((complaint) => {
        const can = new Set(complaintActions(complaint.status));
        const result = actionData?.complaintId === complaint.id ? actionData.result : undefined;
        const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
        return (
          <ComplaintCard key={complaint.id} complaint={complaint}>
            <FormAlert message={errors[""]} />
            {can.has("staff_refund") ? (
              <Form method="post" className="space-y-2 border-t border-stone-100 pt-2">
                <input type="hidden" name="complaintId" value={complaint.id} />
                <Field name="note" label={t("complaint.note")} errors={errors.note} required minLength={5} maxLength={500} id={`decide-note-${complaint.id}`} />
                <div className="flex flex-wrap gap-2">
                  <button type="submit" name="decision" value="refund" disabled={busy} className="rounded bg-brand-700 px-3 py-2 font-semibold text-white">
                    {t("complaint.decide.refund")}
                  </button>
                  <button type="submit" name="decision" value="reject" disabled={busy} className="rounded border border-red-300 px-3 py-2 font-semibold text-red-800">
                    {t("complaint.decide.reject")}
                  </button>
                </div>
              </Form>
            ) : null}
          </ComplaintCard>
        );
      })}
    </div>
  );
}
