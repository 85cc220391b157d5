import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { complaintPhotos, complaints, orderEvents, orderParts, orders, producers } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { staffMayActIn, staffProvince } from "../accounts/staff.server";
import { holdPartPayable, releasePartHold } from "../ledger/ledger.server";
import { enqueueComplaintOpened } from "../messages/events.server";
import { partRow } from "../orders/order-moves.server";
import { refundComplaintPart, type RefundActor } from "../payments/refunds.server";
import type { PortalActor } from "../producers/portal-actor.server";
import { helperMayActFor } from "../producers/helpers.server";
import { discardPhoto, storePhoto, type StoredPhoto } from "../shared/photos.server";
import { readStoredFile } from "../shared/uploads.server";
import {
  ANSWER_WINDOW_MS,
  COMPLAINT_MOVES,
  COMPLAINT_STATUSES,
  COMPLAINT_WINDOW_MS,
  IllegalComplaintMoveError,
  isComplaintOpen,
  MAX_COMPLAINT_PHOTOS,
  nextComplaintStatus,
  type ComplaintAction,
  type ComplaintReason,
  type ComplaintStatus,
} from "./complaint-states";

/**
 * Complaints and returns (issue 19, ADR 0029). A buyer complains about a delivered part within 7 days;
 * the producer's payable for it is held from then on. Every move follows complaint-states.ts; a refund
 * goes through the payments' refund path (refundComplaintPart), so money moves once and only there.
 */

export interface ComplaintView {
  id: number;
  orderId: number;
  orderCode: string;
  partId: number;
  producerId: number;
  producerName: string;
  provinceCode: string;
  status: ComplaintStatus;
  reason: ComplaintReason;
  description: string;
  createdAt: number;
  answerDueAt: number;
  producerAnswer: "refund" | "return" | "reject" | null;
  producerNote: string | null;
  answeredAt: number | null;
  escalatedAt: number | null;
  staffDecision: "refund" | "reject" | null;
  staffNote: string | null;
  decidedAt: number | null;
  closedAt: number | null;
  photoIds: number[];
  partTotalVnd: number;
}

function views(where: ReturnType<typeof and>, limit = 200): ComplaintView[] {
  const rows = getDb()
    .select({
      id: complaints.id,
      orderId: complaints.orderId,
      orderCode: orders.code,
      partId: complaints.partId,
      producerId: complaints.producerId,
      producerName: producers.name,
      provinceCode: producers.provinceCode,
      status: complaints.status,
      reason: complaints.reason,
      description: complaints.description,
      createdAt: complaints.createdAt,
      answerDueAt: complaints.answerDueAt,
      producerAnswer: complaints.producerAnswer,
      producerNote: complaints.producerNote,
      answeredAt: complaints.answeredAt,
      escalatedAt: complaints.escalatedAt,
      staffDecision: complaints.staffDecision,
      staffNote: complaints.staffNote,
      decidedAt: complaints.decidedAt,
      closedAt: complaints.closedAt,
      partTotalVnd: orderParts.totalVnd,
    })
    .from(complaints)
    .innerJoin(orders, eq(orders.id, complaints.orderId))
    .innerJoin(orderParts, eq(orderParts.id, complaints.partId))
    .innerJoin(producers, eq(producers.id, complaints.producerId))
    .where(where)
    .orderBy(desc(complaints.id))
    .limit(limit)
    .all();
  if (rows.length === 0) return [];
  const photos = getDb()
    .select({ id: complaintPhotos.id, complaintId: complaintPhotos.complaintId })
    .from(complaintPhotos)
    .where(inArray(complaintPhotos.complaintId, rows.map((r) => r.id)))
    .orderBy(asc(complaintPhotos.position))
    .all();
  return rows.map((r) => ({ ...r, photoIds: photos.filter((p) => p.complaintId === r.id).map((p) => p.id) }));
}

/** The complaints of an order, for its buyer's page. */
export function complaintsOfOrder(orderId: number): ComplaintView[] {
  return views(and(eq(complaints.orderId, orderId)));
}

/** Delivered parts of the order the buyer may still complain about (7 days, none yet). */
export function complainableParts(orderId: number, now = Date.now()): { partId: number; producerName: string; deliveredAt: number }[] {
  return getDb()
    .select({ partId: orderParts.id, producerName: producers.name, deliveredAt: orderParts.updatedAt })
    .from(orderParts)
    .innerJoin(producers, eq(producers.id, orderParts.producerId))
    .leftJoin(complaints, eq(complaints.partId, orderParts.id))
    .where(and(eq(orderParts.orderId, orderId), eq(orderParts.status, "delivered"), sql`${complaints.id} IS NULL`))
    .all()
    .filter((p) => now - p.deliveredAt <= COMPLAINT_WINDOW_MS);
}

export type OpenOutcome =
  | { ok: true; complaintId: number }
  | { ok: false; status: 400 | 404 | 409; field: "partId" | "photos" | null; key: MessageKey };

/**
 * The buyer of order `orderId` (the caller checked the order's access) complains about one of its
 * parts. Refused when the part is not delivered, delivered more than 7 days ago (its last move:
 * nothing follows delivery but a refund), or already complained about.
 */
export async function openComplaint(
  orderId: number,
  buyer: SessionUser | null,
  value: { partId: number; reason: ComplaintReason; description: string },
  files: Uint8Array[],
  now = Date.now(),
): Promise<OpenOutcome> {
  const part = partRow(value.partId);
  if (!part || part.orderId !== orderId) return { ok: false, status: 404, field: "partId", key: "error.notFoundTitle" };
  if (part.status !== "delivered") return { ok: false, status: 409, field: "partId", key: "complaint.error.notDelivered" };
  const deliveredAt = getDb().select({ at: orderParts.updatedAt }).from(orderParts).where(eq(orderParts.id, part.id)).get()!.at;
  if (now - deliveredAt > COMPLAINT_WINDOW_MS) return { ok: false, status: 409, field: "partId", key: "complaint.error.tooLate" };
  if (getDb().select({ id: complaints.id }).from(complaints).where(eq(complaints.partId, part.id)).get()) {
    return { ok: false, status: 409, field: "partId", key: "complaint.error.exists" };
  }
  if (files.length > MAX_COMPLAINT_PHOTOS) return { ok: false, status: 400, field: "photos", key: "complaint.error.tooManyPhotos" };
  const stored: StoredPhoto[] = [];
  for (const bytes of files) {
    const photo = await storePhoto(bytes, "complaints");
    if ("error" in photo) {
      await Promise.all(stored.map(discardPhoto));
      return { ok: false, status: 400, field: "photos", key: photo.error };
    }
    stored.push(photo);
  }
  try {
    const complaintId = getDb().transaction(
      (tx) => {
        const inserted = tx
          .insert(complaints)
          .values({
            orderId,
            partId: part.id,
            producerId: part.producerId,
            buyerUserId: buyer?.id ?? null,
            reason: value.reason,
            description: value.description,
            answerDueAt: now + ANSWER_WINDOW_MS,
            createdAt: now,
          })
          .returning({ id: complaints.id })
          .get();
        stored.forEach((photo, position) => tx.insert(complaintPhotos).values({ complaintId: inserted.id, ...photo, position }).run());
        holdPartPayable(part, now);
        const orderCode = tx.select({ code: orders.code }).from(orders).where(eq(orders.id, orderId)).get()!.code;
        enqueueComplaintOpened(tx, { id: inserted.id, orderCode, producerId: part.producerId, reason: value.reason, answerDueAt: now + ANSWER_WINDOW_MS }, now);
        tx.insert(orderEvents)
          .values({ orderId, partId: part.id, action: "complaint", actorUserId: buyer?.id ?? null, source: "buyer", note: value.reason, createdAt: now })
          .run();
        return inserted.id;
      },
      { behavior: "immediate" },
    );
    return { ok: true, complaintId };
  } catch (error) {
    await Promise.all(stored.map(discardPhoto));
    // Two tabs sending at once: the part's unique complaint refuses the second.
    if (error instanceof Error && /UNIQUE/.test(error.message)) return { ok: false, status: 409, field: "partId", key: "complaint.error.exists" };
    throw error;
  }
}

export type MoveOutcome = "ok" | "not_found" | "illegal" | "stale" | "refund_failed";

interface MoveRequest {
  complaint: ComplaintView;
  action: ComplaintAction;
  note: string | null;
  refundActor: RefundActor;
  staff: SessionUser | null;
  now: number;
}

/**
 * Applies one move. A move to `refunded` first sends the refund through the payments' path (which
 * refunds a part once: a second call finds nothing to refund), then records the move with a
 * compare-and-set on the status, so two people deciding at once record one decision.
 */
async function move({ complaint, action, note, refundActor, staff, now }: MoveRequest): Promise<MoveOutcome> {
  let to: ComplaintStatus;
  try {
    to = nextComplaintStatus(complaint.status, action);
  } catch (error) {
    if (error instanceof IllegalComplaintMoveError) return "illegal";
    throw error;
  }
  if (to === "refunded") {
    const refunded = await refundComplaintPart(complaint.orderId, complaint.partId, `Khiếu nại #${complaint.id}${note ? `: ${note}` : ""}`, refundActor, now);
    if (refunded !== "ok" && refunded !== "nothing_to_refund") return "refund_failed";
  }
  const byProducer = action.startsWith("producer_");
  const byStaff = action.startsWith("staff_");
  return getDb().transaction(
    (tx) => {
      const changed = tx
        .update(complaints)
        .set({
          status: to,
          ...(byProducer ? { producerAnswer: action === "producer_refund" ? "refund" : action === "producer_return" ? "return" : "reject", producerNote: note, answeredAt: now } : {}),
          ...(to === "with_staff" ? { escalatedAt: now } : {}),
          ...(byStaff ? { staffDecision: action === "staff_refund" ? "refund" : "reject", staffNote: note, decidedBy: staff?.id ?? null, decidedAt: now } : {}),
          ...(isComplaintOpen(to) ? {} : { closedAt: now }),
        })
        .where(and(eq(complaints.id, complaint.id), eq(complaints.status, complaint.status)))
        .run();
      if (changed.changes !== 1) return "stale" as const;
      // Ended without a refund: the producer's share is payable again.
      if (to === "rejected" || to === "withdrawn") {
        const part = partRow(complaint.partId);
        if (part) releasePartHold(part, now);
      }
      if (staff) {
        recordAudit(
          staff,
          {
            action: `complaint.${action}`,
            subjectType: "complaint",
            subjectId: complaint.id,
            provinceCode: complaint.provinceCode,
            before: { status: complaint.status },
            after: { status: to, note },
          },
          now,
        );
      }
      return "ok" as const;
    },
    { behavior: "immediate" },
  );
}

function complaintById(id: number): ComplaintView | undefined {
  return views(and(eq(complaints.id, id)), 1)[0];
}

const PRODUCER_ACTIONS = { refund: "producer_refund", return: "producer_return", reject: "producer_reject", returnReceived: "return_received" } as const;

/** The producer (or its helper) answers a complaint about its own part. */
export function answerComplaint(
  actor: PortalActor,
  value: { intent: keyof typeof PRODUCER_ACTIONS; complaintId: number; note?: string },
  now = Date.now(),
): Promise<MoveOutcome> {
  const complaint = complaintById(value.complaintId);
  if (!complaint || complaint.producerId !== actor.producer.id) return Promise.resolve("not_found");
  return move({
    complaint,
    action: PRODUCER_ACTIONS[value.intent],
    note: value.note || null,
    refundActor: { userId: actor.user.id, source: "producer", auditAs: null },
    staff: null,
    now,
  });
}

/** Staff of the producer's province (or central staff) decide a complaint. Another province's: not found. */
export function decideComplaint(staff: SessionUser, value: { complaintId: number; decision: "refund" | "reject"; note: string }, now = Date.now()): Promise<MoveOutcome> {
  const complaint = complaintById(value.complaintId);
  if (!complaint || !staffMayActIn(staff, complaint.provinceCode)) return Promise.resolve("not_found");
  return move({
    complaint,
    action: value.decision === "refund" ? "staff_refund" : "staff_reject",
    note: value.note,
    refundActor: { userId: staff.id, source: "staff", auditAs: staff },
    staff,
    now,
  });
}

/** A producer's complaints, open first. */
export function producerComplaints(producerId: number): ComplaintView[] {
  return views(and(eq(complaints.producerId, producerId))).sort((a, b) => Number(isComplaintOpen(b.status)) - Number(isComplaintOpen(a.status)));
}

/** Complaints staff may see: their province's (all for central staff), those waiting on staff first. */
export function staffComplaints(staff: SessionUser): ComplaintView[] {
  const province = staffProvince(staff);
  const open = COMPLAINT_STATUSES.filter(isComplaintOpen);
  return views(and(inArray(complaints.status, open), province === null ? undefined : eq(producers.provinceCode, province))).sort(
    (a, b) => Number(b.status === "with_staff") - Number(a.status === "with_staff") || a.createdAt - b.createdAt,
  );
}

/** Statuses from which `action` is a legal move, read from the table. */
function statusesAllowing(action: ComplaintAction): ComplaintStatus[] {
  return COMPLAINT_STATUSES.filter((status) => COMPLAINT_MOVES[status][action] !== undefined);
}

/**
 * The sweep (startup.server.ts, every minute; the staff queue runs it too before it lists): a
 * complaint the producer has not answered by its deadline goes to the province's staff.
 */
export function escalateOverdueComplaints(now = Date.now()): number {
  return getDb()
    .update(complaints)
    .set({ status: "with_staff", escalatedAt: now })
    .where(and(inArray(complaints.status, statusesAllowing("deadline_passed")), lte(complaints.answerDueAt, now)))
    .run().changes;
}

/**
 * A complaint's photo for whoever may see it: the buyer (`viewerOrderId`, the order the request may
 * see), the producer's owner or its helper, staff of the province. Null otherwise, as for no photo.
 */
export async function complaintPhotoFor(user: SessionUser | null, viewerOrderId: number | null, photoId: number) {
  const photo = complaintPhoto(photoId);
  if (!photo) return null;
  const owner = getDb().select({ ownerUserId: producers.ownerUserId }).from(producers).where(eq(producers.id, photo.producerId)).get();
  const allowed =
    viewerOrderId === photo.orderId ||
    (user !== null &&
      (((user.role === "staff" || user.role === "central_staff") && staffMayActIn(user, photo.provinceCode)) ||
        (user.role === "producer" && owner?.ownerUserId === user.id) ||
        (user.role === "helper" && helperMayActFor(user.id, photo.producerId))));
  return allowed ? readStoredFile(photo.file) : null;
}

function complaintPhoto(photoId: number): { file: string; orderId: number; producerId: number; provinceCode: string } | undefined {
  return getDb()
    .select({ file: complaintPhotos.file, orderId: complaints.orderId, producerId: complaints.producerId, provinceCode: producers.provinceCode })
    .from(complaintPhotos)
    .innerJoin(complaints, eq(complaints.id, complaintPhotos.complaintId))
    .innerJoin(producers, eq(producers.id, complaints.producerId))
    .where(eq(complaintPhotos.id, photoId))
    .get();
}

export interface ComplaintFigures {
  opened: number;
  resolved: number;
  /** Median hours from opening to closing over the resolved ones; null when none. */
  medianHours: number | null;
}

/** For the dashboard: complaints opened and resolved between `from` and `to` (ms), in a province or everywhere. */
export function complaintFigures(provinceCode: string | null, from: number, to: number): ComplaintFigures {
  const inProvince = provinceCode === null ? undefined : eq(producers.provinceCode, provinceCode);
  const opened = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(complaints)
    .innerJoin(producers, eq(producers.id, complaints.producerId))
    .where(and(sql`${complaints.createdAt} >= ${from} AND ${complaints.createdAt} < ${to}`, inProvince))
    .get()!.n;
  const durations = getDb()
    .select({ ms: sql<number>`${complaints.closedAt} - ${complaints.createdAt}` })
    .from(complaints)
    .innerJoin(producers, eq(producers.id, complaints.producerId))
    .where(and(sql`${complaints.closedAt} >= ${from} AND ${complaints.closedAt} < ${to}`, inProvince))
    .all()
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  return { opened, resolved: durations.length, medianHours: medianHours(durations) };
}

function medianHours(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const ms = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round((ms / 3_600_000) * 10) / 10;
}
