import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ComplaintCard } from "~/components/complaint-card";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { answerComplaintSchema } from "~/domain/complaints/complaint-forms";
import { complaintActions } from "~/domain/complaints/complaint-states";
import { answerComplaint, producerComplaints } from "~/domain/complaints/complaints.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { complaintMoveAction } from "~/complaint-move-action.server";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return { producerId: actor.producer.id, complaints: producerComplaints(actor.producer.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  return complaintMoveAction(formData, answerComplaintSchema, (value) => answerComplaint(actor, value), { back: "/seller/complaints", flash: "flash.complaint.answered" });
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("complaint.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SellerComplaints() {
  const { complaints, producerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("complaint.title")}</h1>
      {complaints.length === 0 ? <p>{t("complaint.sellerEmpty")}</p> : null}
      {complaints.map((complaint) => {
        const can = new Set(complaintActions(complaint.status));
        const result = actionData?.complaintId === complaint.id ? actionData.result : undefined;
        const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
        return (
          <ComplaintCard key={complaint.id} complaint={complaint}>
            <FormAlert message={errors[""]} />
            {can.has("producer_refund") ? (
              <Form method="post" action={portalFormAction(producerId)} className="space-y-2 border-t border-stone-100 pt-2">
                <input type="hidden" name="complaintId" value={complaint.id} />
                <Field name="note" label={t("complaint.note")} errors={errors.note} maxLength={500} id={`note-${complaint.id}`} />
                <div className="flex flex-wrap gap-2">
                  <button type="submit" name="intent" value="refund" disabled={busy} className="rounded bg-brand-700 px-3 py-2 font-semibold text-white">
                    {t("complaint.answer.refund")}
                  </button>
                  <button type="submit" name="intent" value="return" disabled={busy} className="rounded border border-stone-300 px-3 py-2 font-semibold">
                    {t("complaint.answer.return")}
                  </button>
                  <button type="submit" name="intent" value="reject" disabled={busy} className="rounded border border-red-300 px-3 py-2 font-semibold text-red-800">
                    {t("complaint.answer.reject")}
                  </button>
                </div>
              </Form>
            ) : null}
            {can.has("return_received") ? (
              <Form method="post" action={portalFormAction(producerId)} className="border-t border-stone-100 pt-2">
                <input type="hidden" name="complaintId" value={complaint.id} />
                <button type="submit" name="intent" value="returnReceived" disabled={busy} className="rounded bg-brand-700 px-3 py-2 font-semibold text-white">
                  {t("complaint.returnReceived")}
                </button>
              </Form>
            ) : null}
          </ComplaintCard>
        );
      })}
    </div>
  );
}
