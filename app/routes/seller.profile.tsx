import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { FieldError } from "~/components/ui/field-error";
import { requireRole } from "~/domain/accounts/permissions.server";
import { CommuneField } from "~/components/commune-field";
import { communeLabel } from "~/domain/catalog/places.server";
import { ENTITY_TYPES } from "~/domain/producers/entity-types";
import { profileSchema } from "~/domain/producers/profile-form";
import { newProfileDefaults, ownProducer, saveProducerProfile } from "~/domain/producers/profile.server";
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
  return {
    producer,
    // A new profile starts from the account: a household's name is its owner's, the phone its login.
    defaults: producer ? null : newProfileDefaults(user),
    communeText: producer ? communeLabel(producer.wardCode, lang) : undefined,
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

const select = "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2";

export default function ProducerProfile() {
  const { producer, defaults, communeText } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const result = answer?.result;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors = result?.error ?? {};
  const sent = result?.initialValue ?? {};
  const value = (name: string, saved?: string | null) => (typeof sent[name] === "string" ? (sent[name] as string) : saved ?? undefined);
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

      {producer ? null : <p className="text-stone-700">{t("profile.firstStep")}</p>}
      <Form method="post" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" noValidate>
        <Field
          name="name"
          label={t("profile.name")}
          hint={producer ? undefined : t("profile.nameHint")}
          defaultValue={value("name", producer?.name ?? defaults?.name)}
          errors={errors.name}
          maxLength={150}
        />
        <fieldset aria-describedby={err("entityType") ? "f-entityType-error" : undefined}>
          <legend className="font-medium">{t("profile.entityType")}</legend>
          {ENTITY_TYPES.map((type) => (
            <label key={type} className="mt-2 flex items-center gap-2">
              {/* Most who list alone for the first time are households; the others change it. */}
              <input type="radio" name="entityType" value={type} defaultChecked={value("entityType", producer?.entityType ?? "household") === type} className="h-5 w-5" />
              {t(`entity.${type}`)}
            </label>
          ))}
          <FieldError id="f-entityType-error" message={err("entityType") && t(err("entityType")!)} />
        </fieldset>
        <CommuneField defaultText={value("commune", communeText)} errors={errors.commune ?? errors.wardCode} choices={answer?.choices} />
        <Field
          name="addressLine"
          label={t("profile.address")}
          hint={t("profile.addressHint")}
          defaultValue={value("addressLine", producer?.addressLine)}
          errors={errors.addressLine}
          maxLength={200}
        />
        <Field
          name="phone"
          type="tel"
          inputMode="numeric"
          label={t("profile.phone")}
          autoComplete="tel"
          defaultValue={value("phone", producer?.phone ?? defaults?.phone)}
          errors={errors.phone}
          maxLength={20}
        />
        {/* The story is not needed to list: a first profile leaves it for later. */}
        {producer ? (
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
        ) : null}
        <button type="submit" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
          {t(producer ? "profile.save" : "profile.saveAndContinue")}
        </button>
      </Form>
    </div>
  );
}
