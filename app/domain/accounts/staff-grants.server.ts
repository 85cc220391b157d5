import type Database from "better-sqlite3";
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
  const user = sqlite.prepare(`SELECT id, role, province_code AS provinceCode, full_name AS fullName FROM users WHERE ${id.kind} = ?`).get(id.value) as
    | { id: number; role: string; provinceCode: string | null; fullName: string }
    | undefined;
  if (!user) throw new Error(`No account signs in with ${id.value}; the person signs up first`);
  if (user.role === "producer" || user.role === "helper") {
    throw new Error(`${user.fullName} is a ${user.role}; staff accounts must not sell`);
  }
  let role = "shopper";
  let province: string | null = null;
  if ("province" in grant) {
    const known = sqlite.prepare("SELECT name FROM provinces WHERE code = ?").get(grant.province) as { name: string } | undefined;
    if (!known) throw new Error(`No province has the code ${grant.province}`);
    role = "staff";
    province = grant.province;
  } else if ("central" in grant) {
    role = "central_staff";
  }
  sqlite.transaction(() => {
    sqlite.prepare("UPDATE users SET role = ?, province_code = ? WHERE id = ?").run(role, province, user.id);
    sqlite.prepare("DELETE FROM sessions WHERE user_id = ?").run(user.id);
    // In the staff audit log like every staff change; no one signed in did it, so the account itself is
    // the row's actor and `by` says where the change came from.
    sqlite
      .prepare(
        `INSERT INTO staff_audit (actor_user_id, action, subject_type, subject_id, province_code, before, after, created_at)
         VALUES (?, 'account.role', 'user', ?, ?, ?, ?, ?)`,
      )
      .run(
        user.id,
        String(user.id),
        province ?? user.provinceCode,
        JSON.stringify({ role: user.role, provinceCode: user.provinceCode }),
        JSON.stringify({ role, provinceCode: province, by: "npm run staff:grant" }),
        Date.now(),
      );
  })();
  return `${user.fullName} (${id.value}) is now ${role}${province ? ` of province ${province}` : ""}`;
}
