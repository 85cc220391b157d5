import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { campaignEditor } from "~/campaign-editor.server";
import { campaignFormAction } from "~/campaign-form-action.server";
import { CampaignForm } from "~/components/campaign-form";
import { requireStaff } from "~/domain/accounts/staff.server";
import { getLanguage } from "~/i18n/language.server";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const lang = await getLanguage(request);
  return campaignEditor(staff, lang, null);
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  return campaignFormAction(staff, null, formData);
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("campaign.new")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function NewCampaign() {
  const { scopes, defaults, constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("campaign.new")}</h1>
      <CampaignForm defaults={defaults} lastResult={actionData?.result} constraint={constraint} scopes={scopes} slugsError={actionData?.slugs} />
    </div>
  );
}
