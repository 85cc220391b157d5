import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Field, SelectField } from "~/components/ui/field";
import { FieldError } from "~/components/ui/field-error";
import { requireRole } from "~/domain/accounts/permissions.server";
import { listWards, provinceByCode, provinceOptions } from "~/domain/catalog/places.server";
import { ENTITY_TYPES } from "~/domain/producers/entity-types";
import { profileSchema } from "~/domain/producers/profile-form";
import { ownProducer, saveProducerProfile } from "~/domain/producers/profile.server";
import { getLanguage } from "~/i18n/language.server";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import "~/i18n/more-messages";
import { redirectWithFlash } from "~/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  const producer = ownProducer(user);
  const lang = await getLanguage(request);
  // The province comes from ?province= (chosen in step one, works without JS) or the saved profile.
  const asked = new URL(request.url).searchParams.get("province");
  const provinceCode = asked && provinceByCode(asked) ? asked : (producer?.provinceCode ?? null);
  return {
    producer,
    provinceCode,
    provinces: provinceOptions(lang).map(({ code, name }) => ({ code, name })),
    wards: provinceCode ? listWards(provinceCode) : [],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await saveProducerProfile(user, submission.value);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) }, { status: 400 });
  return redirectWithFlash("/seller", "profile.saved");
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("profile.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

const select = "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2";

export default function ProducerProfile() {
  const { producer, provinceCode, provinces, wards } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const errors = result?.error ?? {};
  const sent = result?.initialValue ?? {};
  const value = (name: string, saved?: string | null) =>
    typeof sent[name] === "string" ? (sent[name] as string) : (saved ?? undefined);
  const err = (name: string) => errors[name]?.[0] as MessageKey | undefined;

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("profile.title")}</h1>
      {producer?.verificationStatus === "rejected" ? (
        <div role="status" className="rounded border border-red-200 bg-red-50 p-3 text-red-900">
          <p>{t("profile.rejected")}</p>
          {producer.verificationNote ? (
            <p className="mt-1">
              {t("seller.staffNote")}: <span className="whitespace-pre-line">{producer.verificationNote}</span>
            </p>
          ) : null}
        </div>
      ) : null}
      {producer?.verificationStatus === "approved" ? <p className="text-sm text-stone-700">{t("profile.reverifyHint")}</p> : null}

      {/* Step one: the province, so the commune list below is short (works without JS). */}
      <Form method="get" className="flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-4">
        <SelectField
          name="province"
          label={t("profile.province")}
          wrapperClassName="min-w-48 flex-1"
          defaultValue={provinceCode ?? ""}
          onChange={(e) => submit(e.currentTarget.form, { replace: true, preventScrollReset: true })}
          placeholder={{ label: t("profile.chooseProvince"), disabled: true }}
          options={provinces.map((p) => ({ value: p.code, label: p.name }))}
        />
        <button type="submit" className="rounded border border-brand-700 px-3 py-2 font-medium text-brand-700">
          {t("profile.showWards")}
        </button>
      </Form>

      {provinceCode ? (
        <Form method="post" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" noValidate>
          <input type="hidden" name="provinceCode" value={provinceCode} />
          <FieldError id="f-provinceCode-error" message={err("provinceCode") && t(err("provinceCode")!)} />
          <SelectField
            name="wardCode"
            label={t("profile.ward")}
            defaultValue={value("wardCode", producer?.provinceCode === provinceCode ? producer.wardCode : null) ?? ""}
            errors={errors.wardCode}
            placeholder={{ label: t("profile.chooseWard") }}
            options={wards.map((w) => ({ value: w.code, label: w.fullName }))}
          />
          <Field name="addressLine" label={t("profile.address")} defaultValue={value("addressLine", producer?.addressLine)} errors={errors.addressLine} maxLength={200} />
          <Field name="name" label={t("profile.name")} defaultValue={value("name", producer?.name)} errors={errors.name} maxLength={150} />
          <fieldset aria-describedby={err("entityType") ? "f-entityType-error" : undefined}>
            <legend className="font-medium">{t("profile.entityType")}</legend>
            {ENTITY_TYPES.map((type) => (
              <label key={type} className="mt-2 flex items-center gap-2">
                <input type="radio" name="entityType" value={type} defaultChecked={value("entityType", producer?.entityType) === type} className="h-5 w-5" />
                {t(`entity.${type}`)}
              </label>
            ))}
            <FieldError id="f-entityType-error" message={err("entityType") && t(err("entityType")!)} />
          </fieldset>
          <Field name="phone" type="tel" label={t("profile.phone")} autoComplete="tel" defaultValue={value("phone", producer?.phone)} errors={errors.phone} maxLength={20} />
          <div>
            <label htmlFor="f-story" className="block font-medium">
              {t("profile.story")}
            </label>
            <p id="f-story-hint" className="text-sm text-stone-600">
              {t("profile.storyHint")}
            </p>
            <textarea
              id="f-story"
              name="story"
              rows={5}
              maxLength={4000}
              defaultValue={value("story", producer?.story)}
              aria-invalid={err("story") ? true : undefined}
              aria-describedby={err("story") ? "f-story-hint f-story-error" : "f-story-hint"}
              className={select}
            />
            <FieldError id="f-story-error" message={err("story") && t(err("story")!)} />
          </div>
          <button type="submit" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
            {t("profile.save")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
