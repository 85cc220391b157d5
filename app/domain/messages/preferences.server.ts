import { and, eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { messagePreferences, messages, users } from "~/db/schema";
import type { SessionUser } from "../accounts/sessions.server";
import { KIND_RULES, MESSAGE_KINDS, type MessageKind, type MessageLocale } from "./kinds";
import type { Choice } from "./preferences-form";

/**
 * The language a signed-in person chose on the site is the one their messages use: the choice is
 * a cookie for pages, and kept on the account for what reaches them away from the site.
 */
export function setMessageLocale(userId: number, locale: MessageLocale): void {
  getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** The kinds a person of this role can receive: everyone buys; producers, helpers and staff get theirs too. */
export function kindsFor(role: SessionUser["role"]): MessageKind[] {
  const audiences = new Set(["shopper", role === "central_staff" ? "staff" : role]);
  return MESSAGE_KINDS.filter((kind) => audiences.has(KIND_RULES[kind].audience));
}

export interface PreferenceRow {
  kind: MessageKind;
  mustSend: boolean;
  choice: Choice;
}

export function preferencesFor(user: SessionUser): PreferenceRow[] {
  const saved = new Map(
    getDb()
      .select({ kind: messagePreferences.kind, choice: messagePreferences.choice })
      .from(messagePreferences)
      .where(eq(messagePreferences.userId, user.id))
      .all()
      .map((row) => [row.kind, row.choice]),
  );
  return kindsFor(user.role).map((kind) => ({ kind, mustSend: KIND_RULES[kind].mustSend, choice: saved.get(kind) ?? "" }));
}

/**
 * Saves a person's choices for the kinds of their role; a kind that must be sent cannot be turned
 * off ("off" is refused for it, the rest is saved). Returns the kinds refused.
 */
export function savePreferences(user: SessionUser, choices: Partial<Record<MessageKind, Choice>>, now = Date.now()): MessageKind[] {
  const refused: MessageKind[] = [];
  getDb().transaction(
    (tx) => {
      for (const kind of kindsFor(user.role)) {
        const choice = choices[kind];
        if (choice === undefined) continue;
        if (choice === "off" && KIND_RULES[kind].mustSend) {
          refused.push(kind);
          continue;
        }
        const mine = and(eq(messagePreferences.userId, user.id), eq(messagePreferences.kind, kind));
        if (choice === "") tx.delete(messagePreferences).where(mine).run();
        else
          tx.insert(messagePreferences)
            .values({ userId: user.id, kind, choice, updatedAt: now })
            .onConflictDoUpdate({ target: [messagePreferences.userId, messagePreferences.kind], set: { choice, updatedAt: now } })
            .run();
      }
    },
    { behavior: "immediate" },
  );
  return refused;
}

/**
 * The one-click unsubscribe of an e-mail (RFC 8058): the kind of that e-mail is turned off for its
 * recipient. Null for a link that names no such e-mail. Idempotent.
 */
export function unsubscribeByToken(token: string, now = Date.now()): MessageKind | null {
  if (token.length < 20 || token.length > 64) return null;
  return getDb().transaction(
    (tx) => {
      const message = tx.select({ userId: messages.recipientUserId, kind: messages.kind }).from(messages).where(eq(messages.unsubscribeToken, token)).get();
      if (!message || message.userId === null || KIND_RULES[message.kind].mustSend) return null;
      tx.insert(messagePreferences)
        .values({ userId: message.userId, kind: message.kind, choice: "off", updatedAt: now })
        .onConflictDoUpdate({ target: [messagePreferences.userId, messagePreferences.kind], set: { choice: "off", updatedAt: now } })
        .run();
      return message.kind;
    },
    { behavior: "immediate" },
  );
}

/** Whether an unsubscribe link is one of ours, for its confirmation page (a GET changes nothing). */
export function unsubscribeKind(token: string): MessageKind | null {
  if (token.length < 20 || token.length > 64) return null;
  return getDb().select({ kind: messages.kind }).from(messages).where(eq(messages.unsubscribeToken, token)).get()?.kind ?? null;
}
