import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { Field, RadioGroupField, TextareaField } from "~/components/ui/field";
import { useConformForm } from "~/components/ui/use-conform-form";
import { requireRole } from "~/domain/accounts/permissions.server";
import { CommuneField } from "~/components/commune-field";
import { communeLabel } from "~/domain/catalog/places.server";
import { ENTITY_TYPES } from "~/domain/producers/entity-types";
import { profileSchema } from "~/domain/producers/profile-form";
import { newProfileDefaults, ownProducer, saveProducerProfile } from "~/domain/producers/profile.server";
import { getLanguage } from "~/i18n/language.server";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { redirectWithFlash } from "~/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  const producer = ownProducer(user);
  const lang = await getLanguage(request);
  return {
    producer,
    // A new profile starts from the account: a household's name is its owner's, the phone its login.
    defaults: producer ? null : newProfileDefaults(user),
    communeText: producer ? communeLabel(producer.wardCode, lang) : undefined,
    constraint: getZodConstraint(profileSchema),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), choices: undefined }, { status: 400 });
  const outcome = await saveProducerProfile(user, submission.value, await getLanguage(request));
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), choices: outcome.choices }, { status: 400 });
  // A new producer goes straight on to its first product; staff verify the profile meanwhile.
  return outcome.created ? redirectWithFlash("/seller/products/new", "flash.profile.created") : redirectWithFlash("/seller", "profile.saved");
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("profile.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function ProducerProfile() {
  const { producer, defaults, communeText, constraint } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const result = answer?.result;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useConformForm<typeof profileSchema>({
    constraint,
    lastResult: result,
    // Saved values, or for a new profile the account's; most who list alone are households.
    defaultValue: {
      name: producer?.name ?? defaults?.name,
      entityType: producer?.entityType ?? "household",
      commune: communeText,
      addressLine: producer?.addressLine ?? undefined,
      phone: producer?.phone ?? defaults?.phone,
      story: producer?.story ?? undefined,
    },
  });
  const communeInitial = fields.commune.initialValue;

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

      {producer ? null : <p className="text-stone-700">{t("profile.firstStep")}</p>}
      <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <Field meta={fields.name} label={t("profile.name")} hint={producer ? undefined : t("profile.nameHint")} />
        <RadioGroupField meta={fields.entityType} legend={t("profile.entityType")} options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`entity.${type}`) }))} />
        <CommuneField
          defaultText={typeof communeInitial === "string" ? communeInitial : undefined}
          errors={fields.commune.errors ?? fields.wardCode.errors}
          choices={answer?.choices}
        />
        <Field meta={fields.addressLine} label={t("profile.address")} hint={t("profile.addressHint")} />
        <Field meta={fields.phone} type="tel" inputMode="numeric" label={t("profile.phone")} autoComplete="tel" maxLength={20} />
        {/* The story is not needed to list: a first profile leaves it for later. */}
        {producer ? <TextareaField meta={fields.story} label={t("profile.story")} hint={t("profile.storyHint")} rows={5} /> : null}
        <button type="submit" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
          {t(producer ? "profile.save" : "profile.saveAndContinue")}
        </button>
      </Form>
    </div>
  );
}
