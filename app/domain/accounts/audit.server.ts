import { and, count, desc, eq, gte, lt } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { staffAudit, users } from "~/db/schema";
import { AUDIT_PAGE_SIZE, auditTimeRange, type AuditFilters } from "./audit-view";
import type { SessionUser } from "./sessions.server";

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string | number;
  provinceCode: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records a staff action with the record before and after. Call it inside the transaction of the
 * action itself, so there is never an action without its audit row or the reverse.
 */
export function recordAudit(staff: SessionUser, entry: AuditEntry, now = Date.now()) {
  getDb()
    .insert(staffAudit)
    .values({
      actorUserId: staff.id,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: String(entry.subjectId),
      provinceCode: entry.provinceCode,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      createdAt: now,
    })
    .run();
}

export interface AuditRow {
  id: number;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  provinceCode: string | null;
  before: string | null;
  after: string | null;
  createdAt: number;
}

/**
 * One page of the audit log as a staff member may read it (their province, or everything for
 * central staff), newest first, with how many entries match in all.
 */
export function auditLog(province: string | null, filters: AuditFilters): { entries: AuditRow[]; total: number; page: number; pages: number } {
  const { since, before } = auditTimeRange(filters);
  const where = and(
    province === null ? undefined : eq(staffAudit.provinceCode, province),
    filters.action ? eq(staffAudit.action, filters.action) : undefined,
    filters.subjectType ? eq(staffAudit.subjectType, filters.subjectType) : undefined,
    filters.subjectId ? eq(staffAudit.subjectId, filters.subjectId) : undefined,
    since === undefined ? undefined : gte(staffAudit.createdAt, since),
    before === undefined ? undefined : lt(staffAudit.createdAt, before),
  );
  const db = getDb();
  const total = db.select({ n: count() }).from(staffAudit).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  // A page past the end (an old link, a typed number) shows the last one.
  const page = Math.min(filters.page, pages);
  const entries = db
    .select({
      id: staffAudit.id,
      actorName: users.fullName,
      action: staffAudit.action,
      subjectType: staffAudit.subjectType,
      subjectId: staffAudit.subjectId,
      provinceCode: staffAudit.provinceCode,
      before: staffAudit.before,
      after: staffAudit.after,
      createdAt: staffAudit.createdAt,
    })
    .from(staffAudit)
    .innerJoin(users, eq(users.id, staffAudit.actorUserId))
    .where(where)
    .orderBy(desc(staffAudit.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { entries, total, page, pages };
}
