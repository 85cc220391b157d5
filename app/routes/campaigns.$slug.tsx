import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProductGrid } from "~/components/product-card";
import { provinceNames } from "~/domain/catalog/places.server";
import { campaignPage } from "~/domain/promotions/campaigns.server";
import { formatVnd } from "~/domain/shared/money";
import { getLanguage } from "~/i18n/language.server";
import { useFormat, useT } from "~/i18n/use-t";
import { requestOrigin } from "~/request.server";
import { metaTranslator, pageMeta, type RootMatch } from "~/seo";

export { publicPage as headers } from "~/page-cache/cache-policy";
export { staticPage as handle } from "~/hydration";

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Filtered by today's date: an ended (or not yet started) campaign is a 404 without any job taking it down.
  const page = campaignPage(params.slug ?? "");
  if (!page) throw new Response("Not found", { status: 404 });
  const { campaign, goods } = page;
  return {
    campaign: {
      slug: campaign.slug,
      title: campaign.title,
      description: campaign.description,
      provinceCode: campaign.provinceCode,
      kind: campaign.kind,
      percent: campaign.percent,
      capVnd: campaign.capVnd,
      amountVnd: campaign.amountVnd,
      minOrderVnd: campaign.minOrderVnd,
      startsOn: campaign.startsOn,
      endsOn: campaign.endsOn,
    },
    goods,
    provinceNames: provinceNames(await getLanguage(request)),
    origin: requestOrigin(request),
  };
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: t("error.notFoundTitle") }];
  return pageMeta({
    title: `${data.campaign.title} | ${t("site.name")}`,
    description: data.campaign.description.slice(0, 160),
    url: `${data.origin}/campaigns/${data.campaign.slug}`,
    lang: t.lang,
  });
};

export default function CampaignPage() {
  const { campaign, goods, provinceNames } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  const discount =
    campaign.kind === "percent"
      ? `${t("campaign.terms.percent", { percent: campaign.percent ?? 0 })}${campaign.capVnd ? `, ${t("campaign.terms.cap", { amount: formatVnd(campaign.capVnd) })}` : ""}`
      : campaign.kind === "fixed"
        ? t("campaign.terms.fixed", { amount: formatVnd(campaign.amountVnd ?? 0) })
        : t("campaign.terms.free_shipping");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-stone-600">
          <span className="rounded bg-rose-100 px-2 py-0.5 font-semibold text-rose-900">{t("campaign.badge")}</span>{" "}
          {campaign.provinceCode ? provinceNames[campaign.provinceCode] : t("campaign.national")}
        </p>
        <h1 className="text-2xl font-bold">{campaign.title}</h1>
        <p className="text-stone-700">{t("campaign.dates", { from: format.date(campaign.startsOn), to: format.date(campaign.endsOn) })}</p>
        <p id="campaign-terms" className="font-medium">
          {discount}
          {campaign.minOrderVnd > 0 ? ` ${t("campaign.terms.minOrder", { amount: formatVnd(campaign.minOrderVnd) })}` : ""}. {t("campaign.terms.auto")}
        </p>
        {campaign.description ? <p className="whitespace-pre-line text-stone-700">{campaign.description}</p> : null}
      </header>
      <section aria-labelledby="campaign-goods" className="space-y-3">
        <h2 id="campaign-goods" className="text-xl font-semibold">
          {t("campaign.goods")}
        </h2>
        {goods.length === 0 ? <p>{t("campaign.noGoods")}</p> : <ProductGrid products={goods} provinceNames={provinceNames} eagerCount={2} />}
      </section>
    </div>
  );
}
