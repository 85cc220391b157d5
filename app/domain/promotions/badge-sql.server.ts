import { sql, type AnyColumn, type Placeholder, type SQL } from "drizzle-orm";
import { campaignProducers, campaignProducts, campaigns, products } from "~/db/schema";

/**
 * Whether the product of the outer query (`products`) is in a campaign running on `today` (ADR 0019),
 * for the badge on product cards. Filtered by date, so an ended campaign's badge goes with no job.
 * Per card it walks the few campaigns not yet ended (campaigns_window_idx) and, for each, one primary-key
 * lookup in campaign_products / campaign_producers: cheap beside the card's own row and photo.
 * Imports only the schema, so the catalog can use it without importing the promotions' use cases.
 */
export function inRunningCampaign(today: SQL | Placeholder | string): SQL<number> {
  return sql<number>`EXISTS (SELECT 1 FROM ${campaigns} c
    WHERE c.ends_on >= ${today} AND c.starts_on <= ${today}
      AND (c.province_code IS NULL OR c.province_code = ${products.provinceCode})
      AND (EXISTS (SELECT 1 FROM ${campaignProducts} cp WHERE cp.campaign_id = c.id AND cp.product_id = ${products.id})
        OR EXISTS (SELECT 1 FROM ${campaignProducers} cq WHERE cq.campaign_id = c.id AND cq.producer_id = ${products.producerId})
        OR (NOT EXISTS (SELECT 1 FROM ${campaignProducts} cp2 WHERE cp2.campaign_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM ${campaignProducers} cq2 WHERE cq2.campaign_id = c.id))))`;
}

/** Whether the product of the outer query (`products`) is covered by the campaign `campaignId` (its scope and the goods it names). */
export function inRunningCampaignOf(campaignId: SQL | AnyColumn): SQL<number> {
  return sql<number>`((SELECT c.province_code FROM ${campaigns} c WHERE c.id = ${campaignId}) IS NULL
      OR (SELECT c.province_code FROM ${campaigns} c WHERE c.id = ${campaignId}) = ${products.provinceCode})
    AND (EXISTS (SELECT 1 FROM ${campaignProducts} cp WHERE cp.campaign_id = ${campaignId} AND cp.product_id = ${products.id})
      OR EXISTS (SELECT 1 FROM ${campaignProducers} cq WHERE cq.campaign_id = ${campaignId} AND cq.producer_id = ${products.producerId})
      OR (NOT EXISTS (SELECT 1 FROM ${campaignProducts} cp2 WHERE cp2.campaign_id = ${campaignId})
        AND NOT EXISTS (SELECT 1 FROM ${campaignProducers} cq2 WHERE cq2.campaign_id = ${campaignId})))`;
}
