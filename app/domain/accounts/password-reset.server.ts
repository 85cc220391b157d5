import { randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { passwordResetCodes, sessions, users } from "~/db/schema";
import { enqueueMessage } from "../messages/outbox.server";
import { sha256Hex } from "../shared/hash.server";
import { parseLoginId } from "./login-id";
import { hashPassword } from "./password.server";
import { addressKey, rateLimiter } from "./rate-limit.server";

/**
 * "Quên mật khẩu": a 6-digit code sent by Zalo/SMS (or e-mail for an e-mail login) through the
 * outbox, valid 15 minutes, locked after five wrong tries. Every answer is the same whether the
 * login exists or not, so the form tells no one who has an account.
 */
export const CODE_MINUTES = 15;
export const MAX_WRONG_CODES = 5;
const CODE_MS = CODE_MINUTES * 60_000;

/** Requests: 3 per login and 20 per address an hour, so the form cannot flood someone's phone. */
const requestsPerLogin = rateLimiter({ name: "passwordReset.login", limit: 3, windowMs: 60 * 60_000 });
const requestsPerAddress = rateLimiter({ name: "passwordReset.address", limit: 20, windowMs: 60 * 60_000 });
/** Tries of codes per address, whatever the login: guessing across many accounts is slowed too. */
const triesPerAddress = rateLimiter({ name: "passwordReset.tries", limit: 30, windowMs: 15 * 60_000 });

const codeHash = (userId: number, code: string) => sha256Hex(`${userId}:${code}`);

function userByLogin(login: string) {
  const id = parseLoginId(login);
  if (!id) return undefined;
  return getDb()
    .select({ id: users.id, fullName: users.fullName, phone: users.phone, email: users.email, locale: users.locale, provinceCode: users.provinceCode })
    .from(users)
    .where(id.kind === "email" ? eq(users.email, id.value) : eq(users.phone, id.value))
    .get();
}

/** Sends a code when the login is an account's; the same answer either way ("sent" or "too_many"). */
export function requestPasswordReset(login: string, clientIp: string, now = Date.now()): "sent" | "too_many" {
  const key = parseLoginId(login)?.value ?? login.trim().toLowerCase();
  if (!requestsPerAddress.attempt(addressKey(clientIp), now) || !requestsPerLogin.attempt(key, now)) return "too_many";
  const user = userByLogin(login);
  if (!user) return "sent";
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  getDb().transaction(
    (tx) => {
      // A new code replaces any older one still waiting.
      tx.update(passwordResetCodes).set({ usedAt: now }).where(and(eq(passwordResetCodes.userId, user.id), isNull(passwordResetCodes.usedAt))).run();
      const { id } = tx.insert(passwordResetCodes).values({ userId: user.id, codeHash: codeHash(user.id, code), expiresAt: now + CODE_MS, createdAt: now }).returning({ id: passwordResetCodes.id }).get();
      enqueueMessage(
        tx,
        { key: `password-reset:${id}`, kind: "password_code", path: "/login/reset", values: { code, minutes: String(CODE_MINUTES) } },
        // The login they typed is where the code goes: a phone login by Zalo/SMS, an e-mail login by e-mail.
        { userId: user.id, name: user.fullName, phone: parseLoginId(login)?.kind === "phone" ? user.phone : null, email: user.email, locale: user.locale },
        now,
      );
    },
    { behavior: "immediate" },
  );
  return "sent";
}

export type ResetOutcome = "ok" | "wrong" | "locked" | "too_many";

/**
 * Sets a new password with the code: "wrong" for an unknown login, an expired, used or wrong code
 * alike; "locked" once the code took five wrong tries (ask for a new one). Signs the account out
 * everywhere: whoever knew the old password loses their session.
 */
export async function resetPasswordWithCode(login: string, code: string, newPassword: string, clientIp: string, now = Date.now()): Promise<ResetOutcome> {
  if (!triesPerAddress.attempt(addressKey(clientIp), now)) return "too_many";
  const user = userByLogin(login);
  if (!user) return "wrong";
  const pending = getDb()
    .select()
    .from(passwordResetCodes)
    .where(and(eq(passwordResetCodes.userId, user.id), isNull(passwordResetCodes.usedAt), gt(passwordResetCodes.expiresAt, now)))
    .orderBy(desc(passwordResetCodes.id))
    .get();
  if (!pending) return "wrong";
  if (pending.wrongAttempts >= MAX_WRONG_CODES) return "locked";
  const given = Buffer.from(codeHash(user.id, code.trim()));
  const expected = Buffer.from(pending.codeHash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    const { wrongAttempts } = getDb()
      .update(passwordResetCodes)
      .set({ wrongAttempts: sql`${passwordResetCodes.wrongAttempts} + 1` })
      .where(eq(passwordResetCodes.id, pending.id))
      .returning({ wrongAttempts: passwordResetCodes.wrongAttempts })
      .get()!;
    return wrongAttempts >= MAX_WRONG_CODES ? "locked" : "wrong";
  }
  const passwordHash = await hashPassword(newPassword);
  return getDb().transaction(
    (tx) => {
      // Used once: a second request with the same code, or one racing this, finds it used.
      const taken = tx
        .update(passwordResetCodes)
        .set({ usedAt: now })
        .where(and(eq(passwordResetCodes.id, pending.id), isNull(passwordResetCodes.usedAt)))
        .run();
      if (taken.changes !== 1) return "wrong" as const;
      tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
      tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
      return "ok" as const;
    },
    { behavior: "immediate" },
  );
}
