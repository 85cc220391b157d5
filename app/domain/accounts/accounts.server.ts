import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { users } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import type { SignUpInput } from "./forms";
import { parseLoginId } from "./login-id";
import { allowSignUp, mayConfirmPassword, recordWrongConfirmation } from "./auth-limits.server";
import { hashPassword, verifyPassword } from "./password.server";
import type { Role } from "./permissions.server";

/**
 * Creates a shopper, producer or helper account; the login must not be taken. Only a well-formed
 * sign-up reaches here, so only those count against the address's limit: junk posts from a shared
 * carrier-NAT address do not lock out the real people behind it.
 */
export async function signUp(
  input: SignUpInput,
  clientIp: string,
): Promise<{ ok: true; userId: number } | { ok: false; field: "login"; message: MessageKey } | { ok: false; tooMany: true }> {
  if (!allowSignUp(clientIp)) return { ok: false, tooMany: true };
  const passwordHash = await hashPassword(input.password);
  const login = input.login.kind === "email" ? { email: input.login.value } : { phone: input.login.value };
  try {
    const { id } = getDb()
      .insert(users)
      .values({ ...login, fullName: input.fullName, role: input.role, passwordHash })
      .returning({ id: users.id })
      .get();
    return { ok: true, userId: id };
  } catch (error) {
    // The unique index decides, so two sign-ups racing for one login cannot both win.
    if (error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE") {
      return { ok: false, field: "login", message: "account.error.loginTaken" };
    }
    throw error;
  }
}

// Checked when the login is unknown, so a wrong login takes as long as a wrong password.
const UNKNOWN_USER_HASH = hashPassword("not-a-real-password");

/**
 * Whether `password` is the signed-in account's current password, asked again before a change that
 * would hurt in a stolen session's hands (the producer's payout account). Wrong answers are limited
 * per account (`too_many`), so the form cannot be used to guess the password.
 */
export async function confirmCurrentPassword(userId: number, password: string): Promise<"ok" | "wrong" | "too_many"> {
  if (!mayConfirmPassword(userId)) return "too_many";
  const user = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  const ok = await verifyPassword(password, user?.passwordHash ?? (await UNKNOWN_USER_HASH));
  if (ok && user?.passwordHash) return "ok";
  recordWrongConfirmation(userId);
  return "wrong";
}

/** The account for a login and password, or null; never says which of the two was wrong. */
export async function verifyLogin(loginText: string, password: string): Promise<{ id: number; role: Role } | null> {
  const id = parseLoginId(loginText);
  const user = id
    ? getDb()
        .select({ id: users.id, role: users.role, passwordHash: users.passwordHash })
        .from(users)
        .where(id.kind === "email" ? eq(users.email, id.value) : eq(users.phone, id.value))
        .get()
    : undefined;
  const ok = await verifyPassword(password, user?.passwordHash ?? (await UNKNOWN_USER_HASH));
  return ok && user ? { id: user.id, role: user.role } : null;
}
