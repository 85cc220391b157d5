import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { OcopBadge } from "~/components/ui/ocop-badge";
import { requireStaff } from "~/domain/accounts/staff.server";
import { certificateActionSchema } from "~/domain/certification/certificate-form";
import { certificateForStaff, renewCertificate, revokeCertificate } from "~/domain/certification/certificates.server";
import { todayInVietnam } from "~/domain/shared/dates";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";
import { idParam, readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { redirectWithFlash } from "~/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const certificate = certificateForStaff(staff, idParam(params.id));
  if (!certificate) throw new Response("Not found", { status: 404 });
  return { certificate, today: todayInVietnam() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const id = idParam(params.id);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: certificateActionSchema });
  // Which of the two forms answered, so its fields alone show the errors.
  const intent = submission.payload.intent === "renew" ? "renew" : "revoke";
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  if (submission.value.intent === "revoke") {
    const outcome = revokeCertificate(staff, id, submission.value.reason);
    if (outcome === "not_found") throw new Response("Not found", { status: 404 });
    if (outcome === "not_active") return data({ intent, result: submission.reply({ formErrors: ["cert.error.notActive"] }) }, { status: 409 });
    return redirectWithFlash(`/staff/certificates/${id}`, "flash.certificate.revoke");
  }
  const renewed = renewCertificate(staff, id, submission.value);
  if (!renewed.ok) {
    if ("notFound" in renewed) throw new Response("Not found", { status: 404 });
    return data({ intent, result: submission.reply({ fieldErrors: { [renewed.field]: [renewed.message] } }) }, { status: 400 });
  }
  return redirectWithFlash(`/staff/certificates/${renewed.id}`, "flash.certificate.renew");
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data?.certificate.number ?? t("staff.certificates")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function CertificatePage() {
  const { certificate: c, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const format = useFormat();
  const errorsOf = (intent: string) => (actionData?.intent === intent ? ((actionData.result.error ?? {}) as Record<string, string[] | null | undefined>) : {});
  const revokeErrors = errorsOf("revoke");
  const renewErrors = errorsOf("renew");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold">
        <span className="font-mono">{c.number}</span> <OcopBadge stars={c.stars} />
      </h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <dt className="text-stone-600">{t("cert.statusLabel")}</dt>
        <dd>
          {t(`cert.status.${c.status}`)}
          {c.revokedReason ? ` — ${c.revokedReason}` : ""}
        </dd>
        <dt className="text-stone-600">{t("cert.chooseProducer")}</dt>
        <dd>{c.producerName}</dd>
        <dt className="text-stone-600">{t("cert.products")}</dt>
        <dd>{c.products}</dd>
        <dt className="text-stone-600">{t("cert.issuer")}</dt>
        <dd>{c.issuerName}</dd>
        <dt className="text-stone-600">{t("cert.decisionDate")}</dt>
        <dd>{format.date(c.decisionDate)}</dd>
        <dt className="text-stone-600">{t("cert.expiresOn")}</dt>
        <dd>{format.date(c.expiresOn)}</dd>
      </dl>
      {c.status === "active" ? (
        <Form method="post" className="space-y-2 rounded-lg border border-red-200 bg-white p-4" noValidate>
          <h2 className="font-semibold">{t("cert.revoke")}</h2>
          <FormAlert message={revokeErrors[""]?.[0]} />
          <input type="hidden" name="intent" value="revoke" />
          <Field name="reason" label={t("cert.revokeReason")} errors={revokeErrors.reason} maxLength={500} />
          <button type="submit" className="rounded border border-red-700 px-3 py-2 text-red-800">
            {t("cert.revoke")}
          </button>
        </Form>
      ) : null}
      <Form method="post" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4" noValidate>
        <h2 className="font-semibold">{t("cert.renew")}</h2>
        <FormAlert message={(renewErrors[""]?.[0] ?? renewErrors.stars?.[0] ?? renewErrors.productIds?.[0]) as MessageKey | undefined} />
        <input type="hidden" name="intent" value="renew" />
        <Field name="number" label={t("cert.number")} errors={renewErrors.number} maxLength={60} />
        <Field name="decisionDate" type="date" label={t("cert.decisionDate")} max={today} errors={renewErrors.decisionDate} />
        <button type="submit" className="rounded bg-brand-700 px-3 py-2 font-semibold text-white">
          {t("cert.renewSubmit")}
        </button>
      </Form>
    </div>
  );
}
