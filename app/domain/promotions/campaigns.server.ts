import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { campaignProducers, campaignProducts, campaigns, producers, products } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { staffProvince } from "../accounts/staff.server";
import { coverPhoto, coverPhotoOfProduct, productCardColumns, publicProduct, type ProductCard } from "../catalog/catalog.server";
import type { MessageKey } from "~/i18n/vi";
import { todayInVietnam, type IsoDate } from "../shared/dates";
import type { CampaignInput } from "./promotion-forms";
import { inRunningCampaignOf } from "./badge-sql.server";

/** Staff campaigns (ADR 0019): the console's list and editor, scoped like every staff record, and the storefront's page. */

type Campaign = typeof campaigns.$inferSelect;

/** The campaigns a staff member may see: their province's, or every one for central staff; newest first. */
export function campaignsForStaff(staff: SessionUser) {
  const province = staffProvince(staff);
  return getDb()
    .select()
    .from(campaigns)
    .where(province === null ? undefined : eq(campaigns.provinceCode, province))
    .orderBy(desc(campaigns.endsOn), desc(campaigns.id))
    .limit(200)
    .all();
}

/**
 * A campaign to edit with the producers and products it names (as slugs): a 404 when there is none,
 * a 403 for provincial staff when it is another province's or a national one.
 */
export function campaignForStaff(staff: SessionUser, id: number) {
  const campaign = getDb().select().from(campaigns).where(eq(campaigns.id, id)).get();
  if (!campaign) throw new Response("Not found", { status: 404 });
  const province = staffProvince(staff);
  if (province !== null && campaign.provinceCode !== province) throw new Response("Forbidden", { status: 403 });
  const named = namedOf(id);
  return { campaign, producers: named.producers.map((p) => p.slug), products: named.products.map((p) => p.slug) };
}

function namedOf(campaignId: number) {
  const db = getDb();
  return {
    producers: db
      .select({ id: producers.id, slug: producers.slug })
      .from(campaignProducers)
      .innerJoin(producers, eq(producers.id, campaignProducers.producerId))
      .where(eq(campaignProducers.campaignId, campaignId))
      .orderBy(asc(producers.slug))
      .all(),
    products: db
      .select({ id: products.id, slug: products.slug })
      .from(campaignProducts)
      .innerJoin(products, eq(products.id, campaignProducts.productId))
      .where(eq(campaignProducts.campaignId, campaignId))
      .orderBy(asc(products.slug))
      .all(),
  };
}

export type SaveCampaignResult =
  | { ok: true; id: number }
  | { ok: false; field: "scope" | "slug" | "producers" | "products"; message: MessageKey; slugs?: string };

/**
 * Creates (id null) or updates a campaign with the producers and products it names, audited in the
 * same transaction. Provincial staff may only save their own province's campaigns (the editor's page
 * already answered 403 for another's); named producers and products must be in the campaign's scope.
 */
export function saveCampaign(staff: SessionUser, id: number | null, input: CampaignInput, now = Date.now()): SaveCampaignResult {
  const province = staffProvince(staff);
  const before = id === null ? null : campaignForStaff(staff, id);
  if (province !== null && input.provinceCode !== province) return { ok: false, field: "scope", message: "campaign.error.province" };
  const db = getDb();
  const inScope = <T extends { provinceCode: string }>(rows: T[]) => rows.filter((r) => input.provinceCode === null || r.provinceCode === input.provinceCode);
  const foundProducers = inScope(
    input.producers.length === 0
      ? []
      : db.select({ id: producers.id, slug: producers.slug, provinceCode: producers.provinceCode }).from(producers).where(inArray(producers.slug, input.producers)).all(),
  );
  const missingProducers = input.producers.filter((s) => !foundProducers.some((p) => p.slug === s));
  if (missingProducers.length > 0) return { ok: false, field: "producers", message: "campaign.error.producers", slugs: missingProducers.join(", ") };
  const foundProducts = inScope(
    input.products.length === 0
      ? []
      : db.select({ id: products.id, slug: products.slug, provinceCode: products.provinceCode }).from(products).where(inArray(products.slug, input.products)).all(),
  );
  const missingProducts = input.products.filter((s) => !foundProducts.some((p) => p.slug === s));
  if (missingProducts.length > 0) return { ok: false, field: "products", message: "campaign.error.products", slugs: missingProducts.join(", ") };
  const taken = db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, input.slug)).get();
  if (taken && taken.id !== id) return { ok: false, field: "slug", message: "campaign.error.slugTaken" };

  const row = {
    slug: input.slug,
    title: input.title,
    description: input.description,
    provinceCode: input.provinceCode,
    kind: input.kind,
    percent: input.percent,
    capVnd: input.capVnd,
    amountVnd: input.amountVnd,
    minOrderVnd: input.minOrderVnd,
    budgetVnd: input.budgetVnd,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
  };
  const savedId = db.transaction(
    (tx) => {
      let campaignId: number;
      if (id === null) {
        campaignId = tx.insert(campaigns).values({ ...row, createdByUserId: staff.id, createdAt: now }).returning({ id: campaigns.id }).get().id;
      } else {
        // A budget below what orders already hold would break campaigns_budget: keep it at least that.
        const spent = before!.campaign.spentVnd;
        tx.update(campaigns)
          .set({ ...row, budgetVnd: row.budgetVnd === null ? null : Math.max(row.budgetVnd, spent), updatedAt: now })
          .where(eq(campaigns.id, id))
          .run();
        tx.delete(campaignProducers).where(eq(campaignProducers.campaignId, id)).run();
        tx.delete(campaignProducts).where(eq(campaignProducts.campaignId, id)).run();
        campaignId = id;
      }
      for (const p of foundProducers) tx.insert(campaignProducers).values({ campaignId, producerId: p.id }).run();
      for (const p of foundProducts) tx.insert(campaignProducts).values({ campaignId, productId: p.id }).run();
      recordAudit(
        staff,
        {
          action: id === null ? "campaign.create" : "campaign.update",
          subjectType: "campaign",
          subjectId: campaignId,
          provinceCode: input.provinceCode,
          before: before ? { ...before.campaign, producers: before.producers, products: before.products } : undefined,
          after: { ...row, producers: foundProducers.map((p) => p.slug), products: foundProducts.map((p) => p.slug) },
        },
        now,
      );
      return campaignId;
    },
    { behavior: "immediate" },
  );
  return { ok: true, id: savedId };
}

/** Whether a campaign runs on `today` (both ends included). */
const running = (today: IsoDate) => and(lte(campaigns.startsOn, today), gte(campaigns.endsOn, today));

/**
 * A campaign's public page: the campaign while it runs (undefined once it has ended or before it
 * starts, so the page is a 404 with no job to take it down) and the goods on sale it covers.
 */
export function campaignPage(slug: string, today = todayInVietnam()): { campaign: Campaign; goods: ProductCard[] } | undefined {
  const db = getDb();
  const campaign = db.select().from(campaigns).where(and(eq(campaigns.slug, slug), running(today))).get();
  if (!campaign) return undefined;
  const named = namedOf(campaign.id);
  const coverage =
    named.producers.length === 0 && named.products.length === 0
      ? undefined
      : or(
          named.producers.length > 0 ? inArray(products.producerId, named.producers.map((p) => p.id)) : undefined,
          named.products.length > 0 ? inArray(products.id, named.products.map((p) => p.id)) : undefined,
        );
  const goods = db
    .select(productCardColumns)
    .from(products)
    .leftJoin(coverPhoto, coverPhotoOfProduct)
    .where(and(publicProduct, campaign.provinceCode === null ? undefined : eq(products.provinceCode, campaign.provinceCode), coverage))
    .orderBy(desc(products.soldCount), desc(products.id))
    .limit(48)
    .all({ today });
  return { campaign, goods };
}

// Prepared once: every product page asks (building the statement per request cost 12 % of the page).
const campaignsOfProductStatement = once(() => {
  const today = sql.placeholder("today");
  return getDb()
    .select({ slug: campaigns.slug, title: campaigns.title })
    .from(campaigns)
    .where(
      and(
        lte(campaigns.startsOn, today),
        gte(campaigns.endsOn, today),
        sql`EXISTS (SELECT 1 FROM ${products} WHERE ${products.id} = ${sql.placeholder("productId")} AND ${inRunningCampaignOf(campaigns.id)})`,
      ),
    )
    .orderBy(asc(campaigns.endsOn))
    .limit(3)
    .prepare();
});

/** The running campaigns that cover a product, for its page's badge and link (the same rule as the cards' badge). */
export function campaignsOfProduct(productId: number, today = todayInVietnam()): { slug: string; title: string }[] {
  return campaignsOfProductStatement().all({ productId, today });
}

/** Running campaigns' slugs, for the sitemap. */
export function runningCampaignSlugs(today = todayInVietnam()): { slug: string; updatedAt: number }[] {
  return getDb()
    .select({ slug: campaigns.slug, updatedAt: sql<number>`coalesce(${campaigns.updatedAt}, ${campaigns.createdAt})` })
    .from(campaigns)
    .where(running(today))
    .all();
}
