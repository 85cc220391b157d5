import { createCookie } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { getDb } from "~/db/client.server";
import { sessions, users } from "~/db/schema";
import { settings } from "~/settings.server";
import { sha256Hex } from "~/domain/shared/hash.server";

const DAY = 86_400_000;
/** A session ends after 14 days without use, and after 60 days whatever happens. */
export const IDLE_TIMEOUT_MS = 14 * DAY;
export const ABSOLUTE_TIMEOUT_MS = 60 * DAY;
// Writing last_seen on every request would turn each page view into a write; once an hour is enough.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

const sessionCookie = createCookie("ocop_session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: settings.secureCookies,
  maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
});

export type SessionUser = Pick<typeof users.$inferSelect, "id" | "fullName" | "role" | "provinceCode">;


/** Starts a new session (a fresh token at every sign-in, the browser's old one deleted) and returns its Set-Cookie header. */
export async function startSession(userId: number, request: Request): Promise<string> {
  const previous = await sessionId(request);
  if (previous) getDb().delete(sessions).where(eq(sessions.id, previous)).run();
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  getDb()
    .insert(sessions)
    .values({
      id: sha256Hex(token),
      userId,
      lastSeenAt: now,
      expiresAt: now + ABSOLUTE_TIMEOUT_MS,
      userAgent: request.headers.get("User-Agent")?.slice(0, 200) ?? null,
    })
    .run();
  return sessionCookie.serialize(token);
}

async function sessionId(request: Request): Promise<string | null> {
  const token: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token.length > 0 ? sha256Hex(token) : null;
}

/** The signed-in user, or null when there is no session or it has expired (an expired one is deleted). */
export async function currentUser(request: Request): Promise<SessionUser | null> {
  const id = await sessionId(request);
  if (!id) return null;
  const db = getDb();
  const row = db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      user: { id: users.id, fullName: users.fullName, role: users.role, provinceCode: users.provinceCode },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  const now = Date.now();
  if (now >= row.expiresAt || now - row.lastSeenAt >= IDLE_TIMEOUT_MS) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  if (now - row.lastSeenAt >= TOUCH_INTERVAL_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  }
  return row.user;
}

/** Ends the request's session, if any, and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const id = await sessionId(request);
  if (id) getDb().delete(sessions).where(eq(sessions.id, id)).run();
  return sessionCookie.serialize("", { maxAge: 0 });
}
