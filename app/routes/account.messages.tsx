import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/ui/form-alert";
import { requireUser } from "~/domain/accounts/permissions.server";
import { preferencesSchema } from "~/domain/messages/preferences-form";
import { preferencesFor, savePreferences } from "~/domain/messages/preferences.server";
import { redirectWithFlash } from "~/flash.server";
import { withMoreMessages } from "~/i18n/more-messages";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export const handle = withMoreMessages;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { preferences: preferencesFor(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: preferencesSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ formErrors: ["messagePrefs.error.choice"] }) }, { status: 400 });
  const refused = savePreferences(user, submission.value);
  if (refused.length > 0) return data({ result: submission.reply({ formErrors: ["messagePrefs.intro"] }) }, { status: 400 });
  return redirectWithFlash("/account/messages", "flash.messagePrefs.saved");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("messagePrefs.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function AccountMessages() {
  const { preferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("messagePrefs.title")}</h1>
      <p className="text-sm text-stone-700">{t("messagePrefs.intro")}</p>
      <FormAlert message={actionData?.result.error?.[""]?.[0]} />
      <Form method="post" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        {preferences.map((p) => (
          <label key={p.kind} className="block">
            <span className="font-semibold">{t(`messageKind.${p.kind}`)}</span>
            {p.mustSend ? <span className="ml-2 text-sm text-stone-600">({t("messagePrefs.required")})</span> : null}
            <select name={p.kind} defaultValue={p.choice} className="mt-1 block w-full rounded border border-stone-300 px-2 py-2">
              <option value="">{t("messagePrefs.choice.default")}</option>
              <option value="zalo">{t("messagePrefs.choice.zalo")}</option>
              <option value="sms">{t("messagePrefs.choice.sms")}</option>
              <option value="email">{t("messagePrefs.choice.email")}</option>
              {p.mustSend ? null : <option value="off">{t("messagePrefs.choice.off")}</option>}
            </select>
          </label>
        ))}
        <button type="submit" className="rounded bg-brand-700 px-3 py-2 font-semibold text-white">
          {t("messagePrefs.save")}
        </button>
      </Form>
    </div>
  );
}
