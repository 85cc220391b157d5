import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { campaignSchema } from "~/domain/promotions/promotion-forms";
import { useT } from "~/i18n/use-t";
import { Field, RadioGroupField, SelectField, TextareaField } from "./ui/field";
import { FormAlert } from "./ui/form-alert";
import { useConformForm, type FormConstraint } from "./ui/use-conform-form";

export interface CampaignDefaults {
  title: string;
  slug: string;
  description: string;
  startsOn: string;
  endsOn: string;
  scope: string;
  kind: "percent" | "fixed" | "free_shipping";
  percent: string;
  capVnd: string;
  amountVnd: string;
  minOrderVnd: string;
  budgetVnd: string;
  producers: string;
  products: string;
}

/** The staff campaign editor (new and edit): one plain form that works without JavaScript (ADR 0019). */
export function CampaignForm({
  defaults,
  lastResult,
  constraint,
  scopes,
  slugsError,
}: {
  defaults: CampaignDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  constraint: FormConstraint;
  /** The scopes this staff member may choose: their province, or national ("national", labelled here) and every province. */
  scopes: { value: string; label: string }[];
  /** The producers' or products' slugs that were not found, for the message by that field. */
  slugsError?: string;
}) {
  const t = useT();
  const [form, fields] = useConformForm<typeof campaignSchema>({ lastResult, constraint, defaultValue: defaults });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <FormAlert message={form.errors} />
      <Field meta={fields.title} label={t("campaign.title")} maxLength={120} />
      <Field meta={fields.slug} label={t("campaign.slug")} hint={t("campaign.slugHint")} maxLength={80} autoCapitalize="none" />
      <TextareaField meta={fields.description} label={t("campaign.description")} rows={3} maxLength={2000} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field meta={fields.startsOn} type="date" label={t("campaign.startsOn")} />
        <Field meta={fields.endsOn} type="date" label={t("campaign.endsOn")} />
      </div>
      <SelectField meta={fields.scope} label={t("campaign.province")} options={scopes.map((s) => (s.value === "national" ? { ...s, label: t("campaign.national") } : s))} />
      <TextareaField meta={fields.producers} label={t("campaign.producers")} hint={t("campaign.coverHint")} rows={2} errorParams={{ slugs: slugsError ?? "" }} />
      <TextareaField meta={fields.products} label={t("campaign.products")} rows={2} errorParams={{ slugs: slugsError ?? "" }} />
      <RadioGroupField
        meta={fields.kind}
        legend={t("campaign.kind")}
        options={(["percent", "fixed", "free_shipping"] as const).map((kind) => ({ value: kind, label: t(`campaign.kind.${kind}`) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field meta={fields.percent} label={t("campaign.percent")} inputMode="numeric" maxLength={2} />
        <Field meta={fields.capVnd} label={t("campaign.cap")} inputMode="numeric" maxLength={14} />
        <Field meta={fields.amountVnd} label={t("campaign.amount")} inputMode="numeric" maxLength={14} />
        <Field meta={fields.minOrderVnd} label={t("campaign.minOrder")} inputMode="numeric" maxLength={14} />
      </div>
      <Field meta={fields.budgetVnd} label={t("campaign.budget")} inputMode="numeric" maxLength={14} />
      <button type="submit" className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white sm:w-auto">
        {t("campaign.save")}
      </button>
    </Form>
  );
}
