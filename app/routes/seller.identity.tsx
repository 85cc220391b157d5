import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IdentityStatus } from "~/components/identity-status";
import { Field, SelectField } from "~/components/ui/field";
import { identifiedByPersonalId } from "~/domain/producers/identity";
import { identitySchema } from "~/domain/producers/identity-form";
import { producerIdentity, saveIdentity } from "~/domain/producers/identity.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

/** `/seller/identity`: the legal name and personal ID / tax code the law asks of a seller. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return { identity: producerIdentity(actor.producer.id)! };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: identitySchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = saveIdentity(actor, submission.value);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.key] } }) }, { status: 400 });
  return redirectWithFlash("/seller/identity", "flash.identity.saved");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("identity.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SellerIdentity() {
  const { identity } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
  const values = (result?.initialValue ?? {}) as Record<string, string | undefined>;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("identity.title")}</h1>
      <p className="text-stone-700">{t("identity.intro")}</p>
      <IdentityStatus identity={identity} />
      <Form method="post" action={portalFormAction(identity.producerId)} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <Field name="legalName" label={t("identity.legalName")} defaultValue={values.legalName ?? identity.legalName ?? ""} errors={errors.legalName} required maxLength={150} />
        <Field
          name="taxCode"
          label={t(identifiedByPersonalId(identity.entityType) ? "identity.taxCode.person" : "identity.taxCode.business")}
          defaultValue={values.taxCode ?? identity.taxCode ?? ""}
          errors={errors.taxCode}
          inputMode="numeric"
          required
          maxLength={30}
        />
        <SelectField
          name="taxResidency"
          label={t("identity.residency")}
          defaultValue={values.taxResidency ?? identity.taxResidency}
          errors={errors.taxResidency}
          options={(["resident", "non_resident"] as const).map((r) => ({ value: r, label: t(`identity.residency.${r}`) }))}
        />
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("identity.save")}
        </button>
      </Form>
    </div>
  );
}
