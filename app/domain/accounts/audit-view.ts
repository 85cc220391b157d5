import type { MessageKey } from "~/i18n/vi";
import { PART_STATUSES } from "../orders/order-states";
import { PAYMENT_STATUSES } from "../payments/payment-states";
import { isIsoDate } from "../shared/dates";

/**
 * How the audit log reads to staff: every action and record type the code writes, with its
 * Vietnamese name, and each field of the before/after records as a labelled, formatted value.
 * Pure, so the page and its tests share it; a field or action added later without a label still
 * shows, under its own name.
 */
export const AUDIT_ACTIONS = {
  "producer.approve": "audit.action.producer.approve",
  "producer.changes": "audit.action.producer.changes",
  "producer.reject": "audit.action.producer.reject",
  "certificate.record": "audit.action.certificate.record",
  "certificate.revoke": "audit.action.certificate.revoke",
  "collection.create": "audit.action.collection.create",
  "collection.update": "audit.action.collection.update",
  "campaign.create": "audit.action.campaign.create",
  "campaign.update": "audit.action.campaign.update",
  "message.resend": "audit.action.message.resend",
  "listing.hide": "audit.action.listing.hide",
  "listing.restore": "audit.action.listing.restore",
  "report.dismiss": "audit.action.report.dismiss",
  "payout.record": "audit.action.payout.record",
  "payment.resolve": "audit.action.payment.resolve",
  "order.markPaid": "audit.action.order.markPaid",
  "order.refund": "audit.action.order.refund",
  "account.role": "audit.action.account.role",
  "question.hide": "audit.action.question.hide",
  "question.unhide": "audit.action.question.unhide",
  "question.keep": "audit.action.question.keep",
} as const satisfies Record<string, MessageKey>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_SUBJECTS = {
  producer: "audit.subject.producer",
  certificate: "audit.subject.certificate",
  collection: "audit.subject.collection",
  campaign: "audit.subject.campaign",
  product: "audit.subject.product",
  report: "audit.subject.report",
  order: "audit.subject.order",
  bank_transfer: "audit.subject.bank_transfer",
  stripe_event: "audit.subject.stripe_event",
  user: "audit.subject.user",
  question: "audit.subject.question",
  message: "audit.subject.message",
} as const satisfies Record<string, MessageKey>;
export type AuditSubject = keyof typeof AUDIT_SUBJECTS;

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(AUDIT_ACTIONS, value);
export const isAuditSubject = (value: string): value is AuditSubject => Object.hasOwn(AUDIT_SUBJECTS, value);

/** One value of a before/after record, ready for the page to put in words. */
export type AuditValue =
  | { kind: "none" }
  | { kind: "text"; text: string }
  | { kind: "message"; key: MessageKey }
  | { kind: "money"; vnd: number }
  | { kind: "date"; iso: string }
  | { kind: "province"; code: string }
  | { kind: "list"; items: AuditValue[] }
  /** "#12: Đã thanh toán" — a numbered item of the record (an order part) with its value. */
  | { kind: "item"; ref: string; value: AuditValue };

export interface AuditChange {
  /** The field's name as stored, shown when it has no label. */
  field: string;
  label: MessageKey | null;
  /** Null when the record did not exist before the action (a new certificate, a new collection). */
  before: AuditValue | null;
  after: AuditValue;
}

const NONE: AuditValue = { kind: "none" };
const text = (value: unknown): AuditValue => (value === null || value === undefined || value === "" ? NONE : { kind: "text", text: String(value) });
const money = (value: unknown): AuditValue => (typeof value === "number" && Number.isSafeInteger(value) ? { kind: "money", vnd: value } : text(value));
const date = (value: unknown): AuditValue => (typeof value === "string" && isIsoDate(value) ? { kind: "date", iso: value } : text(value));
const yesNo = (value: unknown): AuditValue =>
  typeof value === "boolean" ? { kind: "message", key: value ? "audit.yes" : "audit.no" } : text(value);
const refs = (value: unknown): AuditValue =>
  Array.isArray(value) ? { kind: "list", items: value.map((v) => text(typeof v === "number" ? `#${v}` : v)) } : text(value);
const ref = (value: unknown): AuditValue => (typeof value === "number" ? { kind: "text", text: `#${value}` } : text(value));
const province = (value: unknown): AuditValue =>
  typeof value === "string" && value ? { kind: "province", code: value } : value === null ? { kind: "message", key: "audit.national" } : text(value);
const stars = (value: unknown): AuditValue => (typeof value === "number" ? { kind: "text", text: `${value}★` } : text(value));

/** A value drawn from a closed list of codes, named by `prefix` + code when the catalog has it. */
function coded(keys: readonly string[], prefix: string) {
  return (value: unknown): AuditValue =>
    typeof value === "string" && keys.includes(value) ? { kind: "message", key: `${prefix}${value}` as MessageKey } : text(value);
}

const productStatus = coded(["draft", "submitted", "live", "hidden", "held"], "listing.status.");
const STATUS_BY_SUBJECT: Record<string, (value: unknown) => AuditValue> = {
  producer: coded(["pending", "approved", "changes_requested", "rejected"], "audit.status.producer."),
  product: productStatus,
  certificate: coded(["active", "expired", "revoked"], "cert.status."),
  report: coded(["open", "actioned", "dismissed"], "audit.status.report."),
};
const paymentStatus = coded(PAYMENT_STATUSES, "order.payment.");
const partStatus = coded(PART_STATUSES, "part.status.");
const role = coded(["shopper", "producer", "helper", "staff", "central_staff"], "audit.role.");
const paymentMethod = coded(["vietqr", "stripe"], "checkout.");

function parts(value: unknown): AuditValue {
  if (!Array.isArray(value)) return text(value);
  return {
    kind: "list",
    items: value.map((p: unknown) => {
      if (typeof p !== "object" || p === null) return text(p);
      const { id, status } = p as { id?: unknown; status?: unknown };
      return { kind: "item", ref: `#${String(id)}`, value: partStatus(status) };
    }),
  };
}

interface FieldSpec {
  label: MessageKey;
  format: (value: unknown, subjectType: string) => AuditValue;
}

// In the order the page lists them; fields no spec knows come after, in the record's own order.
const FIELDS: Record<string, FieldSpec> = {
  status: { label: "audit.field.status", format: (v, subject) => (STATUS_BY_SUBJECT[subject] ?? text)(v) },
  paymentStatus: { label: "audit.field.paymentStatus", format: paymentStatus },
  title: { label: "audit.field.title", format: text },
  description: { label: "audit.field.description", format: text },
  number: { label: "audit.field.number", format: text },
  stars: { label: "audit.field.stars", format: stars },
  decisionDate: { label: "audit.field.decisionDate", format: date },
  expiresOn: { label: "audit.field.expiresOn", format: date },
  startsOn: { label: "audit.field.startsOn", format: date },
  endsOn: { label: "audit.field.endsOn", format: date },
  position: { label: "audit.field.position", format: text },
  productIds: { label: "audit.field.productIds", format: refs },
  slugs: { label: "audit.field.slugs", format: refs },
  productsPublished: { label: "audit.field.productsPublished", format: text },
  payableVnd: { label: "audit.field.payableVnd", format: money },
  paidOutVnd: { label: "audit.field.paidOutVnd", format: money },
  paidVnd: { label: "audit.field.paidVnd", format: money },
  refundedVnd: { label: "audit.field.refundedVnd", format: money },
  method: { label: "audit.field.method", format: paymentMethod },
  parts: { label: "audit.field.parts", format: parts },
  reference: { label: "audit.field.reference", format: text },
  resolved: { label: "audit.field.resolved", format: yesNo },
  resolution: { label: "audit.field.resolution", format: text },
  role: { label: "audit.field.role", format: role },
  provinceCode: { label: "audit.field.provinceCode", format: province },
  heldReason: { label: "audit.field.heldReason", format: text },
  hidden: { label: "audit.field.hidden", format: yesNo },
  hiddenReason: { label: "audit.field.hiddenReason", format: text },
  reportId: { label: "audit.field.reportId", format: ref },
  note: { label: "audit.field.note", format: text },
  reason: { label: "audit.field.reason", format: text },
  by: { label: "audit.field.by", format: text },
};
// The record's own id repeats the subject shown above the changes.
const HIDDEN_FIELDS = new Set(["id"]);

function parseRecord(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { value: json };
  }
  if (value === null) return null;
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

/** A listing's status and its staff hold read as one status: "Đang bán → Bị cán bộ tạm ẩn". */
function normalise(subjectType: string, record: Record<string, unknown> | null) {
  if (!record || subjectType !== "product" || !("held" in record)) return record;
  const { held, ...rest } = record;
  return { ...rest, status: held === true ? "held" : rest.status };
}

function formatUnknown(value: unknown): AuditValue {
  if (value === null || value === undefined) return NONE;
  if (typeof value === "object") return { kind: "text", text: JSON.stringify(value) };
  return text(value);
}

/**
 * The fields an action changed, labelled and formatted: a field with the same value before and
 * after is left out; on a record that did not exist before, every field shows with no "before".
 */
export function auditChanges(entry: { subjectType: string; before: string | null; after: string | null }): AuditChange[] {
  const before = normalise(entry.subjectType, parseRecord(entry.before));
  const after = normalise(entry.subjectType, parseRecord(entry.after)) ?? {};
  const known = Object.keys(FIELDS);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])]
    .filter((f) => !HIDDEN_FIELDS.has(f))
    .sort((a, b) => rank(known, a) - rank(known, b));
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const was = before?.[field];
    const is = after[field];
    if (before && JSON.stringify(was ?? null) === JSON.stringify(is ?? null)) continue;
    const spec = Object.hasOwn(FIELDS, field) ? FIELDS[field]! : null;
    const format = (v: unknown) => (v === undefined ? NONE : spec ? spec.format(v, entry.subjectType) : formatUnknown(v));
    const now = format(is);
    // A new record's empty fields (no description, no end date) say nothing.
    if (!before && now.kind === "none") continue;
    changes.push({ field, label: spec?.label ?? null, before: before ? format(was) : null, after: now });
  }
  return changes;
}

function rank(known: string[], field: string): number {
  const i = known.indexOf(field);
  return i === -1 ? known.length : i;
}

export const AUDIT_PAGE_SIZE = 50;
// Page numbers past this are not a real need and keep OFFSET cheap.
const MAX_PAGE = 2000;

export interface AuditFilters {
  action?: AuditAction;
  subjectType?: AuditSubject;
  subjectId?: string;
  /** Calendar days in Vietnam, inclusive. */
  from?: string;
  to?: string;
  page: number;
}

/**
 * Reads the audit page's URL. A value the page does not offer (an unknown action, a date that is
 * not one) is dropped rather than refused: the filters are links staff share, not a form to correct.
 * The one error said is an end date before the start.
 */
export function parseAuditFilters(params: URLSearchParams): { filters: AuditFilters; error: MessageKey | null } {
  const value = (name: string) => {
    const v = params.get(name)?.trim();
    return v ? v : undefined;
  };
  const action = value("action");
  const subjectType = value("subjectType");
  const subjectId = value("subjectId");
  const from = value("from");
  const to = value("to");
  const page = Number(value("page") ?? "1");
  const filters: AuditFilters = {
    action: action && isAuditAction(action) ? action : undefined,
    subjectType: subjectType && isAuditSubject(subjectType) ? subjectType : undefined,
    subjectId: subjectId && subjectId.length <= 100 ? subjectId : undefined,
    from: from && isIsoDate(from) ? from : undefined,
    to: to && isIsoDate(to) ? to : undefined,
    page: Number.isSafeInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
  if (filters.from && filters.to && filters.to < filters.from) {
    return { filters: { ...filters, to: undefined }, error: "audit.error.to" };
  }
  return { filters, error: null };
}

/** The first and after-last instant (ms) of the filtered days, midnight to midnight in Vietnam (UTC+7). */
export function auditTimeRange(filters: Pick<AuditFilters, "from" | "to">): { since?: number; before?: number } {
  const midnight = (day: string) => Date.parse(`${day}T00:00:00+07:00`);
  return {
    since: filters.from ? midnight(filters.from) : undefined,
    before: filters.to ? midnight(filters.to) + 86_400_000 : undefined,
  };
}

/** The URL of the audit page with these filters, for paging links that keep them. */
export function auditSearch(filters: AuditFilters, page: number): string {
  const params = new URLSearchParams();
  for (const name of ["action", "subjectType", "subjectId", "from", "to"] as const) {
    const v = filters[name];
    if (v) params.set(name, v);
  }
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : "";
}
