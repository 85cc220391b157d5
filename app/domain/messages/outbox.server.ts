import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import { getDb, type Db } from "~/db/client.server";
import { messagePreferences, messages } from "~/db/schema";
import { settings } from "~/settings.server";
import { channelFor, type ChannelAdapter, type SendResult } from "./channels.server";
import { KIND_RULES, MESSAGE_KINDS, type MessageChannel, type MessageKind, type MessageLocale } from "./kinds";
import { normaliseVietnamesePhone } from "./phone";
import { afterQuietHours } from "./quiet-hours";
import { LEASE_MS, nextAttemptAfter } from "./retry";
import { renderMessage, type MessageValues } from "./texts";

/** Whom a message is for, as the event knows them. */
export interface Recipient {
  userId?: number | null;
  producerId?: number | null;
  name: string;
  phone?: string | null;
  email?: string | null;
  locale: MessageLocale;
  /** The province whose staff may see the message (the order's producer's, the producer's own). */
  provinceCode?: string | null;
}

export interface MessageEvent {
  /** What happened, once: "order:12", "part:40:ship". With kind and recipient it makes the idempotency key. */
  key: string;
  kind: MessageKind;
  values: MessageValues;
  /** Where the link in the message leads, a path of the site ("/orders/AB12…"). */
  path: string;
}

/** The write side of a transaction (or the connection itself, which is the same thing in better-sqlite3). */
export type Tx = Pick<Db, "insert" | "select" | "update">;

export type MessageRow = typeof messages.$inferSelect;

/** Absolute links: PUBLIC_ORIGIN, or the local server when it is not set (development, the demo). */
export function publicLink(path: string): string {
  const origin = settings.publicOrigin ?? `http://localhost:${settings.port}`;
  return new URL(path, origin).toString();
}

/**
 * The channel a person is reached on: a Vietnamese mobile number by Zalo first (SMS when Zalo is not
 * set up or has no approved template for the kind), anything else by e-mail; null when they gave
 * neither. With no provider set up at all, phones still count as Zalo: the development outbox shows
 * them as such. A person's own choice for the kind (/account/messages) comes first when it can reach them.
 */
export function chooseChannel(
  kind: MessageKind,
  recipient: Pick<Recipient, "phone" | "email">,
  choice?: MessageChannel | "off",
): { channel: MessageChannel; address: string } | null {
  const phone = recipient.phone ? normaliseVietnamesePhone(recipient.phone) : null;
  const email = recipient.email?.trim().toLowerCase() || null;
  if (choice === "email" && email) return { channel: "email", address: email };
  if (choice === "sms" && phone) return { channel: "sms", address: phone };
  if (phone) {
    const { zalo, esms } = settings.messages;
    const channel = zalo ? (zalo.templates[kind] ? "zalo" : "sms") : esms ? "sms" : "zalo";
    return { channel, address: phone };
  }
  return email ? { channel: "email", address: email } : null;
}

/**
 * Per-recipient limit: at most this many messages that can wait, per address and hour; more are held
 * an hour, never dropped (a burst of reviews must not drown a payment notice, which is not counted).
 */
export const RATE_LIMIT_PER_HOUR = 6;
const HOUR = 60 * 60 * 1000;
const WAITING_KINDS = MESSAGE_KINDS.filter((kind) => !KIND_RULES[kind].mustSend);

function heldForRate(tx: Tx, address: string, now: number): boolean {
  const recent = tx
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.recipientAddress, address), gt(messages.createdAt, now - HOUR), inArray(messages.kind, WAITING_KINDS)))
    .get();
  return (recent?.n ?? 0) >= RATE_LIMIT_PER_HOUR;
}

function choiceOf(tx: Tx, userId: number | null | undefined, kind: MessageKind): MessageChannel | "off" | undefined {
  if (userId === null || userId === undefined) return undefined;
  return tx
    .select({ choice: messagePreferences.choice })
    .from(messagePreferences)
    .where(and(eq(messagePreferences.userId, userId), eq(messagePreferences.kind, kind)))
    .get()?.choice;
}

/**
 * Writes a message to the outbox inside the caller's transaction, so it exists exactly when the
 * event does. Enqueued twice for the same event, kind and recipient, it stays one row. Returns the
 * row's id, or null when the recipient cannot be reached or already has it.
 */
export function enqueueMessage(tx: Tx, event: MessageEvent, recipient: Recipient, now = Date.now()): number | null {
  const rule = KIND_RULES[event.kind];
  const choice = choiceOf(tx, recipient.userId, event.kind);
  if (choice === "off" && !rule.mustSend) return null;
  const route = chooseChannel(event.kind, recipient, choice);
  if (!route) return null;
  let nextAttemptAt = rule.urgent ? now : afterQuietHours(now);
  if (!rule.mustSend && heldForRate(tx, route.address, now)) nextAttemptAt = Math.max(nextAttemptAt, now + HOUR);
  const unsubscribable = route.channel === "email" && !rule.mustSend && recipient.userId != null;
  const rendered = renderMessage(event.kind, recipient.locale, event.values, publicLink(event.path));
  const inserted = tx
    .insert(messages)
    .values({
      idempotencyKey: `${event.key}:${event.kind}:${route.address}:${route.channel}`,
      kind: event.kind,
      channel: route.channel,
      recipientUserId: recipient.userId ?? null,
      recipientProducerId: recipient.producerId ?? null,
      recipientAddress: route.address,
      recipientName: recipient.name,
      locale: recipient.locale,
      provinceCode: recipient.provinceCode ?? null,
      subject: rendered.subject,
      body: rendered.body,
      link: publicLink(event.path),
      templateData: JSON.stringify({ ...event.values, name: recipient.name }),
      nextAttemptAt,
      unsubscribeToken: unsubscribable ? randomBytes(18).toString("base64url") : null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning({ id: messages.id })
    .get();
  if (inserted) wakeWorker();
  return inserted?.id ?? null;
}

/**
 * Takes up to `limit` due messages for this process: pending ones whose time has come, and ones
 * another process claimed but did not finish within its lease (it died mid-send). One conditional
 * UPDATE … RETURNING under BEGIN IMMEDIATE: two processes running it at once never get the same row.
 */
export function claimDueMessages(now = Date.now(), limit = 20): MessageRow[] {
  const token = randomBytes(9).toString("base64url");
  return getDb().transaction(
    (tx) => {
      const due = tx
        .select({ id: messages.id })
        .from(messages)
        .where(
          or(
            and(eq(messages.status, "pending"), lte(messages.nextAttemptAt, now)),
            and(eq(messages.status, "sending"), lte(messages.leaseUntil, now)),
          ),
        )
        .orderBy(asc(messages.nextAttemptAt))
        .limit(limit);
      return tx
        .update(messages)
        .set({ status: "sending", attempts: sql`${messages.attempts} + 1`, leaseUntil: now + LEASE_MS, leaseToken: token, updatedAt: now })
        .where(inArray(messages.id, due))
        .returning()
        .all();
    },
    { behavior: "immediate" },
  );
}

/**
 * Stores what the provider answered, if this process still holds the message (its lease token):
 * a process that outlived its lease does not overwrite the result of the one that took over.
 * A "no Zalo account" answer fails the Zalo row and adds its SMS replacement in the same transaction.
 */
export function recordResult(message: MessageRow, result: SendResult, now = Date.now()): void {
  getDb().transaction(
    (tx) => {
      const held = and(eq(messages.id, message.id), eq(messages.status, "sending"), eq(messages.leaseToken, message.leaseToken ?? ""));
      const done = { leaseUntil: null, leaseToken: null, updatedAt: now };
      if (result.outcome === "accepted" || result.outcome === "delivered") {
        tx.update(messages)
          .set({
            ...done,
            status: result.outcome,
            providerId: result.providerId,
            providerReason: null,
            sentAt: now,
            ...(result.outcome === "delivered" ? { deliveredAt: now } : {}),
          })
          .where(held)
          .run();
        return;
      }
      if (result.outcome === "retry") {
        const next = nextAttemptAfter(message.attempts, now);
        tx.update(messages)
          .set(next === null ? { ...done, status: "failed", providerReason: result.reason } : { ...done, status: "pending", nextAttemptAt: next, providerReason: result.reason })
          .where(held)
          .run();
        return;
      }
      // Narrowed by the returns above; spelled out for the type checker.
      if (result.outcome !== "failed" && result.outcome !== "fallback") return;
      const failed = tx.update(messages).set({ ...done, status: "failed", providerReason: result.reason }).where(held).run();
      if (result.outcome === "fallback" && failed.changes === 1) {
        tx.insert(messages)
          .values({
            ...withoutIdentity(message),
            idempotencyKey: message.idempotencyKey.replace(/:zalo$/, ":sms"),
            channel: "sms",
            fallbackOfId: message.id,
            nextAttemptAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing({ target: messages.idempotencyKey })
          .run();
      }
    },
    { behavior: "immediate" },
  );
}

function withoutIdentity(message: MessageRow) {
  const { id: _id, status: _status, attempts: _attempts, leaseUntil: _lease, leaseToken: _token, providerId: _provider, providerReason: _reason, sentAt: _sent, deliveredAt: _delivered, unsubscribeToken: _unsubscribe, ...rest } = message;
  return rest;
}

/** Sends one claimed message through its channel, outside any transaction; an adapter that throws is a passing failure. */
export async function sendClaimed(message: MessageRow, adapter: ChannelAdapter | null = channelFor(message.channel)): Promise<SendResult> {
  // No provider set up for this channel: the development outbox (/dev/outbox) is where it arrives.
  if (!adapter) return { outcome: "delivered", providerId: `dev-${message.id}` };
  try {
    return await adapter.send(message);
  } catch (error) {
    return { outcome: "retry", reason: error instanceof Error ? error.message.slice(0, 300) : String(error) };
  }
}

let running: Promise<number> | undefined;

/**
 * The worker: claims what is due, sends each message outside any transaction and records the answer,
 * until nothing is due. One run at a time per process; other processes run their own safely.
 * Returns how many messages it handled.
 */
export function deliverDueMessages(now: () => number = Date.now): Promise<number> {
  if (running) return running;
  const run = deliverUntilNothingIsDue(now);
  running = run;
  // Cleared once this run has settled (a run with nothing due settles at once: never clear before it is set).
  const clear = () => {
    if (running === run) running = undefined;
  };
  run.then(clear, clear);
  return run;
}

async function deliverUntilNothingIsDue(now: () => number): Promise<number> {
  let handled = 0;
  for (let batch = claimDueMessages(now()); batch.length > 0; batch = claimDueMessages(now())) {
    for (const message of batch) {
      recordResult(message, await sendClaimed(message), now());
      handled++;
    }
  }
  return handled;
}

let wakeUps = false;

/**
 * From now on a new message also wakes the worker right after the event's transaction:
 * better-sqlite3 transactions are synchronous, so by the time the timer fires the row is committed (or
 * rolled back, and then there is nothing to send). Off in tests that drive the worker themselves.
 */
export function wakeWorkerOnEnqueue(): void {
  wakeUps = true;
}

let wakeUpPending = false;
/**
 * Wake-ups within this span share one delivery run: under a burst of orders, one run sends the
 * burst's messages instead of two write transactions per order competing with the checkouts.
 */
const WAKE_UP_DELAY_MS = 100;

/** Asks for a delivery run soon (after the current transaction), when the worker is running in this process. */
export function wakeWorker() {
  if (!wakeUps || wakeUpPending) return;
  wakeUpPending = true;
  setTimeout(() => {
    wakeUpPending = false;
    void deliverDueMessages().catch((error) => console.error("Message delivery failed", error));
  }, WAKE_UP_DELAY_MS).unref();
}

/** Every message, newest first, for the development outbox; null where that page does not exist (production). */
export function devOutboxMessages(limit = 200): MessageRow[] | null {
  if (!settings.devOutbox) return null;
  return getDb().select().from(messages).orderBy(desc(messages.id)).limit(limit).all();
}

/**
 * A provider's delivery report (eSMS callback): the message is delivered, or failed with the
 * provider's reason. Idempotent: a repeated report changes nothing, and a report never undoes a
 * delivery already recorded. Returns whether the message is known.
 */
export function recordDeliveryReport(report: { messageId: number; channel: MessageChannel; status: "delivered" | "failed" | null; reason: string }, now = Date.now()): boolean {
  return getDb().transaction(
    (tx) => {
      const row = tx.select({ status: messages.status }).from(messages).where(and(eq(messages.id, report.messageId), eq(messages.channel, report.channel))).get();
      if (!row) return false;
      if (report.status === null || row.status === "delivered" || row.status === "pending" || row.status === "sending") return true;
      tx.update(messages)
        .set(report.status === "delivered" ? { status: "delivered", deliveredAt: now, updatedAt: now } : { status: "failed", providerReason: report.reason, updatedAt: now })
        .where(eq(messages.id, report.messageId))
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
}
