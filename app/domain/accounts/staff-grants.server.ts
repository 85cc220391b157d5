import type Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { provinces, sessions, staffAudit, users } from "~/db/schema";
import { parseLoginId } from "./login-id";

export type StaffGrant = { province: string } | { central: true } | { revoke: true };

/**
 * Makes a signed-up account provincial or central staff, or a shopper again, from the command line
 * (`npm run staff:grant`): the one way the first central staff member exists on a real deployment.
 * Accounts that sell or help sell are refused, so one person never both sells and certifies.
 * The person's sessions end, so the new role applies at their next sign-in; the change is audited.
 */
export function grantStaff(sqlite: Database.Database, login: string, grant: StaffGrant): string {
  const id = parseLoginId(login);
  if (!id) throw new Error(`"${login}" is neither an email nor a Vietnamese mobile number`);
  // The command line and tests hand over their own connection (no server runs); Drizzle reads it.
  const db = drizzle(sqlite);
  const user = db
    .select({ id: users.id, role: users.role, provinceCode: users.provinceCode, fullName: users.fullName })
    .from(users)
    .where(id.kind === "email" ? eq(users.email, id.value) : eq(users.phone, id.value))
    .get();
  if (!user) throw new Error(`No account signs in with ${id.value}; the person signs up first`);
  if (user.role === "producer" || user.role === "helper") {
    throw new Error(`${user.fullName} is a ${user.role}; staff accounts must not sell`);
  }
  let role: typeof user.role = "shopper";
  let province: string | null = null;
  if ("province" in grant) {
    const known = db.select({ name: provinces.name }).from(provinces).where(eq(provinces.code, grant.province)).get();
    if (!known) throw new Error(`No province has the code ${grant.province}`);
    role = "staff";
    province = grant.province;
  } else if ("central" in grant) {
    role = "central_staff";
  }
  db.transaction((tx) => {
    tx.update(users).set({ role, provinceCode: province }).where(eq(users.id, user.id)).run();
    tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
    // In the staff audit log like every staff change; no one signed in did it, so the account itself is
    // the row's actor and `by` says where the change came from.
    tx.insert(staffAudit)
      .values({
        actorUserId: user.id,
        action: "account.role",
        subjectType: "user",
        subjectId: String(user.id),
        provinceCode: province ?? user.provinceCode,
        before: JSON.stringify({ role: user.role, provinceCode: user.provinceCode }),
        after: JSON.stringify({ role, provinceCode: province, by: "npm run staff:grant" }),
        createdAt: Date.now(),
      })
      .run();
  });
  return `${user.fullName} (${id.value}) is now ${role}${province ? ` of province ${province}` : ""}`;
}
