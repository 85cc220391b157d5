/**
 * npm run staff:grant -- <email or phone> --province <code> | --central | --revoke
 * Makes a signed-up account provincial staff, central staff, or a shopper again.
 */
import { openDatabase } from "~/db/client.server";
import { grantStaff, type StaffGrant } from "~/domain/accounts/staff-grants.server";
import { settings } from "~/settings.server";

const [login, flag, province] = process.argv.slice(2);
const grant: StaffGrant | undefined =
  flag === "--province" && province ? { province } : flag === "--central" ? { central: true } : flag === "--revoke" ? { revoke: true } : undefined;
if (!login || !grant) {
  console.error("usage: npm run staff:grant -- <email or phone> --province <code> | --central | --revoke");
  process.exit(2);
}
const db = openDatabase(settings.databasePath);
try {
  console.log(grantStaff(db.$client, login, grant));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
