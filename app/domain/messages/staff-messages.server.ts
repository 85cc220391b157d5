import { and, desc, eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { messages } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { staffMayActIn, staffProvince } from "../accounts/staff.server";
import type { MessageChannel, MessageKind, MessageStatus } from "./kinds";
import { wakeWorker } from "./outbox.server";

export interface StaffMessage {
  id: number;
  kind: MessageKind;
  channel: MessageChannel;
  recipientName: string;
  recipientAddress: string;
  subject: string;
  status: MessageStatus;
  attempts: number;
  providerReason: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * What was sent in the staff member's province (all provinces for central staff), newest first;
 * `failedOnly` for the failures and why. Staff see the subject, not the text: the text of an order's
 * first message carries a guest's access link.
 */
export function messagesForStaff(staff: SessionUser, { failedOnly = false } = {}): StaffMessage[] {
  const province = staffProvince(staff);
  return getDb()
    .select({
      id: messages.id,
      kind: messages.kind,
      channel: messages.channel,
      recipientName: messages.recipientName,
      recipientAddress: messages.recipientAddress,
      subject: messages.subject,
      status: messages.status,
      attempts: messages.attempts,
      providerReason: messages.providerReason,
      createdAt: messages.createdAt,
      updatedAt: messages.updatedAt,
    })
    .from(messages)
    .where(and(province === null ? undefined : eq(messages.provinceCode, province), failedOnly ? eq(messages.status, "failed") : undefined))
    .orderBy(desc(messages.id))
    .limit(200)
    .all();
}

/**
 * Staff send a failed message again (the number was fixed, the balance topped up): it goes back to
 * the queue with its attempts reset, under the same id, so a provider that did take it drops the copy.
 * Only failed messages of their province; audited.
 */
export function resendMessage(staff: SessionUser, messageId: number, now = Date.now()): "ok" | "not_found" | "forbidden" {
  const outcome = getDb().transaction(
    (tx) => {
      const row = tx.select({ status: messages.status, provinceCode: messages.provinceCode, reason: messages.providerReason }).from(messages).where(eq(messages.id, messageId)).get();
      if (!row || row.status !== "failed") return "not_found";
      // A message of no province (a nationwide one) is central staff's.
      if (row.provinceCode === null ? staffProvince(staff) !== null : !staffMayActIn(staff, row.provinceCode)) return "forbidden";
      tx.update(messages)
        .set({ status: "pending", attempts: 0, nextAttemptAt: now, providerReason: null, updatedAt: now })
        .where(and(eq(messages.id, messageId), eq(messages.status, "failed")))
        .run();
      recordAudit(
        staff,
        { action: "message.resend", subjectType: "message", subjectId: messageId, provinceCode: row.provinceCode, before: { status: "failed", reason: row.reason }, after: { status: "pending" } },
        now,
      );
      return "ok" as const;
    },
    { behavior: "immediate" },
  );
  if (outcome === "ok") wakeWorker();
  return outcome;
}
