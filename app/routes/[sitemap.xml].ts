import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapXml } from "~/domain/catalog/sitemap";
import { sitemapEntries } from "~/domain/catalog/storefront.server";
import { runningCampaignSlugs } from "~/domain/promotions/campaigns.server";
import { requestOrigin } from "~/request.server";

export function loader({ request }: LoaderFunctionArgs) {
  return new Response(sitemapXml(requestOrigin(request), { ...sitemapEntries(), campaigns: runningCampaignSlugs() }), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
