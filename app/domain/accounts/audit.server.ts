import { prepared } from "~/db/prepared.server";
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
  prepared(
    `INSERT INTO staff_audit (actor_user_id, action, subject_type, subject_id, province_code, before, after, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    staff.id,
    entry.action,
    entry.subjectType,
    String(entry.subjectId),
    entry.provinceCode,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    now,
  );
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

/** The audit log as a staff member may read it (their province, or everything for central staff), newest first. */
export function auditLog(
  province: string | null,
  filters: { action?: string; subjectType?: string; subjectId?: string } = {},
  limit = 200,
): AuditRow[] {
  return prepared(
    `SELECT a.id, u.full_name AS actorName, a.action, a.subject_type AS subjectType, a.subject_id AS subjectId,
       a.province_code AS provinceCode, a.before, a.after, a.created_at AS createdAt
     FROM staff_audit a JOIN users u ON u.id = a.actor_user_id
     WHERE (:province IS NULL OR a.province_code = :province)
       AND (:action IS NULL OR a.action = :action)
       AND (:subjectType IS NULL OR a.subject_type = :subjectType)
       AND (:subjectId IS NULL OR a.subject_id = :subjectId)
     ORDER BY a.id DESC LIMIT :limit`,
  ).all({
    province,
    action: filters.action ?? null,
    subjectType: filters.subjectType ?? null,
    subjectId: filters.subjectId ?? null,
    limit,
  }) as AuditRow[];
}
