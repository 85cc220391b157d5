import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ComplaintCard } from "~/components/complaint-card";
import { SelectField } from "~/components/ui/field";
import { FieldError } from "~/components/ui/field-error";
import { FormAlert } from "~/components/ui/form-alert";
import { COMPLAINT_REASONS, MAX_COMPLAINT_PHOTOS } from "~/domain/complaints/complaint-states";
import { openComplaintSchema } from "~/domain/complaints/complaint-forms";
import { complainableParts, complaintsOfOrder, openComplaint } from "~/domain/complaints/complaints.server";
import { orderViewer } from "~/domain/orders/order-access.server";
import { MAX_PHOTO_BYTES } from "~/domain/shared/photos.server";
import { redirectWithFlash } from "~/flash.server";
import { withMoreMessages } from "~/i18n/more-messages";
import { useFormat, useMessage, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";
import { uploadReader } from "~/upload.server";

export const handle = withMoreMessages;

async function viewerOf(request: Request, code: string) {
  const viewer = await orderViewer(request, code);
  if (!viewer) throw new Response("Not found", { status: 404 });
  return viewer;
}

/** `/orders/:code/complaint`: the buyer complains about a delivered part, and follows its complaints. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const viewer = await viewerOf(request, code);
  return {
    code,
    token: viewer.token,
    parts: complainableParts(viewer.orderId),
    complaints: complaintsOfOrder(viewer.orderId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const code = params.code ?? "";
  const viewer = await viewerOf(request, code);
  // One more than allowed is read, so a sixth photo is told so rather than silently dropped.
  const upload = await uploadReader(request, "photos", MAX_PHOTO_BYTES, MAX_COMPLAINT_PHOTOS + 1)();
  if ("tooLarge" in upload) return data({ result: { status: "error" as const, error: { photos: ["photo.error.tooLarge"] } } }, { status: 400 });
  const submission = parseWithZod(upload.form, { schema: openComplaintSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await openComplaint(viewer.orderId, viewer.user, submission.value, upload.files);
  if (!outcome.ok) {
    if (outcome.status === 404) throw new Response("Not found", { status: 404 });
    return data({ result: submission.reply(outcome.field ? { fieldErrors: { [outcome.field]: [outcome.key] } } : { formErrors: [outcome.key] }) }, { status: outcome.status });
  }
  const back = `/orders/${code}/complaint${viewer.token ? `?token=${encodeURIComponent(viewer.token)}` : ""}#complaint-${outcome.complaintId}`;
  return redirectWithFlash(back, "flash.complaint.opened");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("complaint.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function OrderComplaint() {
  const { code, token, parts, complaints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const format = useFormat();
  const message = useMessage();
  const busy = useNavigation().state === "submitting";
  const errors = (actionData?.result?.error ?? {}) as Record<string, string[] | null | undefined>;
  const tokenQuery = token ? `?token=${encodeURIComponent(token)}` : "";
  const photoQuery = `?order=${code}${token ? `&token=${encodeURIComponent(token)}` : ""}`;
  return (
    <div className="mx-auto max-w-2xl space-y-4 p-4">
      <h1 className="text-2xl font-bold">{t("complaint.title")}</h1>
      <p>
        <a className="underline" href={`/orders/${code}${tokenQuery}`}>
          {t("complaint.order", { code })}
        </a>
      </p>
      {complaints.map((complaint) => (
        <ComplaintCard key={complaint.id} complaint={complaint} photoQuery={photoQuery} />
      ))}
      {parts.length === 0 ? (
        <>
          {/* A refusal (too late, already complained) when the form is no longer offered. */}
          <FormAlert message={errors.partId ?? errors[""]} />
          {complaints.length === 0 ? <p>{t("complaint.none")}</p> : null}
        </>
      ) : (
        <Form method="post" action={`/orders/${code}/complaint${tokenQuery}`} encType="multipart/form-data" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="text-lg font-semibold">{t("complaint.open")}</h2>
          <p className="text-sm text-stone-700">{t("complaint.openHint")}</p>
          <FormAlert message={errors[""]} />
          <SelectField
            name="partId"
            label={t("complaint.part")}
            errors={errors.partId}
            options={parts.map((p) => ({ value: String(p.partId), label: `${p.producerName} · ${format.dateTime(p.deliveredAt, { day: true })}` }))}
            required
          />
          <SelectField
            name="reason"
            label={t("complaint.reason")}
            errors={errors.reason}
            placeholder={{ label: "—", disabled: true }}
            defaultValue=""
            options={COMPLAINT_REASONS.map((r) => ({ value: r, label: t(`complaint.reason.${r}`) }))}
            required
          />
          <div>
            <label htmlFor="complaint-description" className="block font-medium">
              {t("complaint.description")}
            </label>
            <textarea
              id="complaint-description"
              name="description"
              rows={4}
              required
              minLength={10}
              maxLength={1000}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={errors.description ? "complaint-description-error" : undefined}
              className="mt-1 block w-full rounded border border-stone-300 p-2"
            />
            <FieldError id="complaint-description-error" message={message(errors.description?.[0])} />
          </div>
          <div>
            <label htmlFor="complaint-photos" className="block font-medium">
              {t("complaint.photos")}
            </label>
            <input id="complaint-photos" name="photos" type="file" accept="image/*" multiple className="mt-1 block w-full" aria-describedby={errors.photos ? "complaint-photos-error" : undefined} />
            <FieldError id="complaint-photos-error" message={message(errors.photos?.[0])} />
          </div>
          <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("complaint.send")}
          </button>
        </Form>
      )}
    </div>
  );
}
