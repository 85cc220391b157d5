import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { grantStaff } from "~/domain/accounts/staff-grants.server";

let databasePath: string;
let db: Database.Database;
beforeAll(() => {
  databasePath = path.join(path.dirname(inject("templateDb")), `${randomBytes(6).toString("hex")}.db`);
  copyFileSync(inject("templateDb"), databasePath);
  db = new Database(databasePath);
});
afterAll(() => {
  db?.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
});

const account = (email: string) =>
  db.prepare("SELECT role, province_code AS province, (SELECT count(*) FROM sessions WHERE user_id = users.id) AS sessions FROM users WHERE email = ?").get(email);

describe("granting staff roles from the command line", () => {
  it("makes a shopper provincial staff, then central, then a shopper again, ending their sessions", () => {
    const { id } = db.prepare("SELECT id FROM users WHERE email = 'shopper@demo.local'").get() as { id: number };
    db.prepare("INSERT INTO sessions (id, user_id, last_seen_at, expires_at) VALUES (?, ?, ?, ?)").run("grant-test", id, Date.now(), Date.now() + 60_000);
    expect(grantStaff(db, "SHOPPER@demo.local", { province: "92" })).toContain("staff of province 92");
    expect(account("shopper@demo.local")).toEqual({ role: "staff", province: "92", sessions: 0 });
    grantStaff(db, "shopper@demo.local", { central: true });
    expect(account("shopper@demo.local")).toEqual({ role: "central_staff", province: null, sessions: 0 });
    grantStaff(db, "shopper@demo.local", { revoke: true });
    expect(account("shopper@demo.local")).toEqual({ role: "shopper", province: null, sessions: 0 });
    const audit = db.prepare("SELECT province_code AS province, before, after FROM staff_audit WHERE action = 'account.role' AND subject_id = ? ORDER BY id").all(String(id)) as {
      province: string | null;
      before: string;
      after: string;
    }[];
    expect(audit.map((row) => [row.province, JSON.parse(row.before).role, JSON.parse(row.after).role])).toEqual([
      ["92", "shopper", "staff"],
      // Leaving province 92 shows in 92's log too.
      ["92", "staff", "central_staff"],
      [null, "central_staff", "shopper"],
    ]);
  });

  it("refuses sellers, unknown accounts and unknown provinces, changing nothing", () => {
    expect(() => grantStaff(db, "producer@demo.local", { central: true })).toThrow(/must not sell/);
    expect(() => grantStaff(db, "nobody@demo.local", { central: true })).toThrow(/signs up first/);
    expect(() => grantStaff(db, "shopper@demo.local", { province: "99" })).toThrow(/No province/);
    expect(account("producer@demo.local")).toMatchObject({ role: "producer", province: null });
    expect(account("shopper@demo.local")).toMatchObject({ role: "shopper", province: null });
  });

  it("npm run staff:grant changes the live file and says what it did", async () => {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/grant-staff.ts", "shopper@demo.local", "--province", "01"], {
      env: { ...process.env, DATABASE_PATH: databasePath },
    });
    expect(stdout).toContain("is now staff of province 01");
    expect(account("shopper@demo.local")).toMatchObject({ role: "staff", province: "01" });
  });
});
