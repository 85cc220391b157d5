import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { listingReports, producers, products } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { addressKey, rateLimiter } from "../accounts/rate-limit.server";
import { assertStaffMayActIn, staffProvince } from "../accounts/staff.server";
import type { ReportReason } from "./report-reasons";

/**
 * Reports from one address: 10 an hour. Enough for a shopper who finds several fakes, too few for
 * a script to bury a province's moderation queue (anyone may report, signed in or not).
 */
const reportsPerAddress = rateLimiter({ name: "listingReports.address", limit: 10, windowMs: 60 * 60_000 });

/** Files a shopper's report of a public listing. */
export function reportListing(
  slug: string,
  report: { reason: ReportReason; details?: string },
  reporter: { userId: number | null; clientIp: string },
  now = Date.now(),
): "reported" | "not_found" | "too_many" {
  const product = getDb().select({ id: products.id }).from(products).where(eq(products.slug, slug)).get();
  if (!product) return "not_found";
  if (!reportsPerAddress.attempt(addressKey(reporter.clientIp), now)) return "too_many";
  getDb()
    .insert(listingReports)
    .values({ productId: product.id, reason: report.reason, details: report.details ?? "", reporterUserId: reporter.userId, createdAt: now })
    .run();
  return "reported";
}

export interface OpenReport {
  id: number;
  reason: string;
  details: string;
  createdAt: number;
  productId: number;
  productName: string;
  productSlug: string;
  /** Staff already hold the listing (from an earlier report). */
  held: boolean;
  producerName: string;
}

/** Open reports of listings in the staff member's province (all for central staff), oldest first. */
export function openReports(staff: SessionUser): OpenReport[] {
  const province = staffProvince(staff);
  return getDb()
    .select({
      id: listingReports.id,
      reason: listingReports.reason,
      details: listingReports.details,
      createdAt: listingReports.createdAt,
      productId: products.id,
      productName: products.name,
      productSlug: products.slug,
      held: isNotNull(products.heldAt).mapWith(Boolean),
      producerName: producers.name,
    })
    .from(listingReports)
    .innerJoin(products, eq(products.id, listingReports.productId))
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(and(eq(listingReports.status, "open"), province === null ? undefined : eq(products.provinceCode, province)))
    .orderBy(asc(listingReports.createdAt), asc(listingReports.id))
    .limit(200)
    .all();
}

export interface HeldListing {
  id: number;
  name: string;
  slug: string;
  producerName: string;
  heldReason: string;
  heldAt: number;
  reviewRequestedAt: number | null;
}

/** Listings staff hold, in the staff member's province: those whose producer asked for a review first. */
export function heldListings(staff: SessionUser): HeldListing[] {
  const province = staffProvince(staff);
  return getDb()
    .select({
      id: products.id,
      name: products.name,
      slug: products.slug,
      producerName: producers.name,
      heldReason: sql<string>`coalesce(${products.heldReason}, '')`,
      heldAt: sql<number>`${products.heldAt}`,
      reviewRequestedAt: products.holdReviewRequestedAt,
    })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(and(isNotNull(products.heldAt), province === null ? undefined : eq(products.provinceCode, province)))
    .orderBy(sql`${products.holdReviewRequestedAt} IS NULL`, products.holdReviewRequestedAt, products.name)
    .limit(200)
    .all();
}

type Outcome = "ok" | "not_found";

function productInScope(staff: SessionUser, productId: number) {
  const product = getDb()
    .select({ id: products.id, status: products.status, provinceCode: products.provinceCode, heldAt: products.heldAt, heldReason: products.heldReason })
    .from(products)
    .where(eq(products.id, productId))
    .get();
  if (product) assertStaffMayActIn(staff, product.provinceCode);
  return product;
}

/**
 * Puts a staff hold on a listing (`hold`) or lifts it, with the staff member's reason; a report it
 * answers is closed with it. The hold takes the listing off the storefront whatever its producer
 * does next (`publicProduct`), and only this function lifts it.
 */
export function setListingHold(staff: SessionUser, productId: number, hold: boolean, note: string, reportId: number | null, now = Date.now()): Outcome {
  const product = productInScope(staff, productId);
  if (!product || (product.heldAt !== null) === hold) return "not_found";
  getDb().transaction((tx) => {
    tx.update(products)
      .set(hold ? { heldAt: now, heldReason: note, holdReviewRequestedAt: null } : { heldAt: null, heldReason: null, holdReviewRequestedAt: null })
      .where(eq(products.id, productId))
      .run();
    if (reportId !== null) {
      tx.update(listingReports)
        .set({ status: "actioned", resolvedByUserId: staff.id, resolution: note, resolvedAt: now })
        .where(and(eq(listingReports.id, reportId), eq(listingReports.productId, productId)))
        .run();
    }
    recordAudit(
      staff,
      {
        action: hold ? "listing.hide" : "listing.restore",
        subjectType: "product",
        subjectId: productId,
        provinceCode: product.provinceCode,
        before: { status: product.status, held: product.heldAt !== null, heldReason: product.heldReason },
        after: { status: product.status, held: hold, note, reportId },
      },
      now,
    );
  });
  return "ok";
}

/** Closes a report that needs no action, saying why. */
export function dismissReport(staff: SessionUser, reportId: number, note: string, now = Date.now()): Outcome {
  const report = getDb()
    .select({ id: listingReports.id, status: listingReports.status, productId: listingReports.productId })
    .from(listingReports)
    .where(eq(listingReports.id, reportId))
    .get();
  if (!report || report.status !== "open") return "not_found";
  const product = productInScope(staff, report.productId)!;
  getDb().transaction((tx) => {
    tx.update(listingReports)
      .set({ status: "dismissed", resolvedByUserId: staff.id, resolution: note, resolvedAt: now })
      .where(eq(listingReports.id, reportId))
      .run();
    recordAudit(
      staff,
      { action: "report.dismiss", subjectType: "report", subjectId: reportId, provinceCode: product.provinceCode, before: { status: report.status }, after: { status: "dismissed", note } },
      now,
    );
  });
  return "ok";
}
