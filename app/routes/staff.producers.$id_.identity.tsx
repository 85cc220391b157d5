import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IdentityStatus } from "~/components/identity-status";
import { Field, SelectField } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { requireStaff } from "~/domain/accounts/staff.server";
import { identifiedByPersonalId } from "~/domain/producers/identity";
import { identityCheckSchema } from "~/domain/producers/identity-form";
import { identityForStaff, recordIdentityCheck } from "~/domain/producers/identity.server";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { idParam, readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

/** `/staff/producers/:id/identity`: the seller's identity, and staff's record of how they verified it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const identity = identityForStaff(staff, idParam(params.id));
  if (!identity) throw new Response("Not found", { status: 404 });
  return { identity };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  // Another province's producer is as unknown as a missing one, whatever the form holds.
  if (!identityForStaff(staff, idParam(params.id))) throw new Response("Not found", { status: 404 });
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  formData.set("producerId", String(idParam(params.id)));
  const submission = parseWithZod(formData, { schema: identityCheckSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = recordIdentityCheck(staff, submission.value);
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  if (outcome === "missing") return data({ result: submission.reply({ formErrors: ["identity.error.missing"] }) }, { status: 409 });
  return redirectWithFlash(`/staff/producers/${submission.value.producerId}/identity`, "flash.identity.checked");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("identity.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffProducerIdentity() {
  const { identity } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">
        {t("identity.title")}: {identity.name}
      </h1>
      <dl className="grid grid-cols-1 gap-1 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[auto_1fr] sm:gap-x-3">
        <dt className="font-medium">{t("identity.legalName")}</dt>
        <dd>{identity.legalName ?? "—"}</dd>
        <dt className="font-medium">{t(identifiedByPersonalId(identity.entityType) ? "identity.taxCode.person" : "identity.taxCode.business")}</dt>
        <dd className="font-mono">{identity.taxCode ?? "—"}</dd>
        <dt className="font-medium">{t("identity.residency")}</dt>
        <dd>{t(`identity.residency.${identity.taxResidency}`)}</dd>
        {identity.note ? (
          <>
            <dt className="font-medium">{t("identity.note")}</dt>
            <dd>{identity.note}</dd>
          </>
        ) : null}
      </dl>
      <IdentityStatus identity={identity} />
      <Form method="post" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <FormAlert message={errors[""]} />
        <SelectField
          name="method"
          label={t("identity.method")}
          errors={errors.method}
          placeholder={{ label: "—", disabled: true }}
          defaultValue=""
          options={(["vneid", "papers"] as const).map((m) => ({ value: m, label: t(`identity.method.${m}`) }))}
          required
        />
        <Field name="note" label={t("identity.note")} errors={errors.note} required minLength={5} maxLength={300} />
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("identity.record")}
        </button>
      </Form>
    </div>
  );
}
