import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { campaignEditor } from "~/campaign-editor.server";
import { campaignFormAction } from "~/campaign-form-action.server";
import { CampaignForm } from "~/components/campaign-form";
import { requireStaff } from "~/domain/accounts/staff.server";
import { campaignForStaff } from "~/domain/promotions/campaigns.server";
import { getLanguage } from "~/i18n/language.server";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

function campaignId(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  // 404 for none, 403 for another province's or a national campaign (provincial staff).
  const existing = campaignForStaff(staff, campaignId(params.id));
  return { ...campaignEditor(staff, await getLanguage(request), existing), slug: existing.campaign.slug };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const id = campaignId(params.id);
  // Access first, before the body is read: another province's campaign is a 403 whatever is posted.
  campaignForStaff(staff, id);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  return campaignFormAction(staff, id, formData);
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("campaign.edit")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function EditCampaign() {
  const { scopes, defaults, constraint, slug } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("campaign.edit")}</h1>
      <p>
        <Link to={`/campaigns/${slug}`}>{t("campaign.view")}</Link>
      </p>
      <CampaignForm key={slug} defaults={defaults} lastResult={actionData?.result} constraint={constraint} scopes={scopes} slugsError={actionData?.slugs} />
    </div>
  );
}
