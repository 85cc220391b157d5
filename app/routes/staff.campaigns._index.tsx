import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatVnd } from "~/domain/shared/money";
import { requireStaff } from "~/domain/accounts/staff.server";
import { provinceNames } from "~/domain/catalog/places.server";
import { campaignsForStaff } from "~/domain/promotions/campaigns.server";
import { hasEnded } from "~/domain/promotions/discounts";
import { todayInVietnam } from "~/domain/shared/dates";
import { getLanguage } from "~/i18n/language.server";
import { useFormat, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const today = todayInVietnam();
  return {
    campaigns: campaignsForStaff(staff).map((c) => ({ ...c, ended: hasEnded(c, today) })),
    provinceNames: provinceNames(await getLanguage(request)),
  };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.campaigns")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Campaigns() {
  const { campaigns, provinceNames } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("staff.campaigns")}</h1>
        <Link to="/staff/campaigns/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">
          {t("campaign.new")}
        </Link>
      </div>
      {campaigns.length === 0 ? <p>{t("campaign.none")}</p> : null}
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {campaigns.map((c) => (
          <li key={c.id} className="p-3">
            <Link to={`/staff/campaigns/${c.id}`} className="font-medium">
              {c.title}
            </Link>
            {c.ended ? <span className="ml-2 rounded bg-stone-100 px-2 text-sm text-stone-700">{t("campaign.ended")}</span> : null}
            <p className="text-sm text-stone-600">
              {c.provinceCode ? provinceNames[c.provinceCode] : t("campaign.national")} · {format.date(c.startsOn)} – {format.date(c.endsOn)} ·{" "}
              {t("campaign.spent", { spent: formatVnd(c.spentVnd) })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
