import type { Statement } from "better-sqlite3";
import { getDb } from "./client.server";

const statements = new Map<string, Statement>();
/** Prepared statements on the process-wide connection, reused by SQL text (a few dozen query shapes). */
export function prepared(sqlText: string): Statement {
  let statement = statements.get(sqlText);
  if (!statement) {
    statement = getDb().$client.prepare(sqlText);
    statements.set(sqlText, statement);
  }
  return statement;
}
