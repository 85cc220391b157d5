import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { addressKey, rateLimiter } from "../accounts/rate-limit.server";
import { assertStaffMayActIn, staffProvince } from "../accounts/staff.server";
import type { ReportReason } from "./report-reasons";

/**
 * Reports from one address: 10 an hour. Enough for a shopper who finds several fakes, too few for
 * a script to bury a province's moderation queue (anyone may report, signed in or not).
 */
const reportsPerAddress = rateLimiter({ limit: 10, windowMs: 60 * 60_000 });

/** Files a shopper's report of a public listing. */
export function reportListing(
  slug: string,
  report: { reason: ReportReason; details?: string },
  reporter: { userId: number | null; clientIp: string },
  now = Date.now(),
): "reported" | "not_found" | "too_many" {
  const product = prepared("SELECT id FROM products WHERE slug = ?").get(slug) as { id: number } | undefined;
  if (!product) return "not_found";
  if (!reportsPerAddress.attempt(addressKey(reporter.clientIp), now)) return "too_many";
  prepared("INSERT INTO listing_reports (product_id, reason, details, reporter_user_id, created_at) VALUES (?, ?, ?, ?, ?)").run(
    product.id,
    report.reason,
    report.details ?? "",
    reporter.userId,
    now,
  );
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
  productStatus: string;
  producerName: string;
}

/** Open reports of listings in the staff member's province (all for central staff), oldest first. */
export function openReports(staff: SessionUser): OpenReport[] {
  return prepared(
    `SELECT r.id, r.reason, r.details, r.created_at AS createdAt, p.id AS productId, p.name AS productName, p.slug AS productSlug,
       p.status AS productStatus, pr.name AS producerName
     FROM listing_reports r JOIN products p ON p.id = r.product_id JOIN producers pr ON pr.id = p.producer_id
     WHERE r.status = 'open' AND (:province IS NULL OR p.province_code = :province)
     ORDER BY r.created_at, r.id LIMIT 200`,
  ).all({ province: staffProvince(staff) }) as OpenReport[];
}

/** Listings staff hid, to restore. */
export function hiddenListings(staff: SessionUser): { id: number; name: string; slug: string; producerName: string }[] {
  const rows = prepared(
    `SELECT p.id, p.name, p.slug, pr.name AS producerName FROM products p JOIN producers pr ON pr.id = p.producer_id
     WHERE p.status = 'hidden' AND EXISTS (SELECT 1 FROM staff_audit a WHERE a.subject_type = 'product' AND a.subject_id = CAST(p.id AS TEXT) AND a.action = 'listing.hide')
       AND (:province IS NULL OR p.province_code = :province)
     ORDER BY p.name LIMIT 200`,
  ).all({ province: staffProvince(staff) }) as { id: number; name: string; slug: string; producerName: string }[];
  return rows.filter((row) => hiddenByStaff(row.id, "hidden"));
}

type Outcome = "ok" | "not_found";

/** Hidden, and the last word on it was a staff hide (not the producer's own later change). */
function hiddenByStaff(productId: number, status: string): boolean {
  if (status !== "hidden") return false;
  const lastHide = prepared(
    "SELECT max(created_at) AS at FROM staff_audit WHERE subject_type = 'product' AND subject_id = ? AND action = 'listing.hide'",
  ).get(String(productId)) as { at: number | null };
  const lastProducerChange = prepared("SELECT updated_at AS at FROM products WHERE id = ?").get(productId) as { at: number | null };
  return lastHide.at !== null && (lastProducerChange.at === null || lastProducerChange.at <= lastHide.at);
}

function productInScope(staff: SessionUser, productId: number) {
  const product = prepared("SELECT id, status, province_code AS provinceCode FROM products WHERE id = ?").get(productId) as
    | { id: number; status: string; provinceCode: string }
    | undefined;
  if (product) assertStaffMayActIn(staff, product.provinceCode);
  return product;
}

/** Hides (or restores) a listing with the staff member's reason; a report it answers is closed with it. */
export function setListingVisibility(
  staff: SessionUser,
  productId: number,
  visible: boolean,
  note: string,
  reportId: number | null,
  now = Date.now(),
): Outcome {
  const product = productInScope(staff, productId);
  if (!product) return "not_found";
  // Staff restore only what staff hid (not a draft, nor a listing its producer took down), and hide
  // only what is on sale or waiting for it.
  if (visible ? !hiddenByStaff(productId, product.status) : product.status !== "live" && product.status !== "submitted") return "not_found";
  getDb().$client.transaction(() => {
    const status = visible ? "live" : "hidden";
    prepared("UPDATE products SET status = ?, updated_at = ?, published_at = coalesce(published_at, ?) WHERE id = ?").run(status, now, now, productId);
    if (reportId !== null) {
      prepared(
        "UPDATE listing_reports SET status = 'actioned', resolved_by_user_id = ?, resolution = ?, resolved_at = ? WHERE id = ? AND product_id = ?",
      ).run(staff.id, note, now, reportId, productId);
    }
    recordAudit(
      staff,
      {
        action: visible ? "listing.restore" : "listing.hide",
        subjectType: "product",
        subjectId: productId,
        provinceCode: product.provinceCode,
        before: { status: product.status },
        after: { status, note, reportId },
      },
      now,
    );
  })();
  return "ok";
}

/** Closes a report that needs no action, saying why. */
export function dismissReport(staff: SessionUser, reportId: number, note: string, now = Date.now()): Outcome {
  const report = prepared("SELECT r.id, r.status, r.product_id AS productId FROM listing_reports r WHERE r.id = ?").get(reportId) as
    | { id: number; status: string; productId: number }
    | undefined;
  if (!report || report.status !== "open") return "not_found";
  const product = productInScope(staff, report.productId)!;
  getDb().$client.transaction(() => {
    prepared("UPDATE listing_reports SET status = 'dismissed', resolved_by_user_id = ?, resolution = ?, resolved_at = ? WHERE id = ?").run(
      staff.id,
      note,
      now,
      reportId,
    );
    recordAudit(
      staff,
      { action: "report.dismiss", subjectType: "report", subjectId: reportId, provinceCode: product.provinceCode, before: { status: report.status }, after: { status: "dismissed", note } },
      now,
    );
  })();
  return "ok";
}
