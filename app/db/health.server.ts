import { getDb } from "./client.server";

/** True when the database answers a query. */
export function checkDatabase(): boolean {
  try {
    return getDb().$client.prepare("SELECT 1 AS ok").get() !== undefined;
  } catch {
    return false;
  }
}
