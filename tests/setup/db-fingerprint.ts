import type Database from "better-sqlite3";
import { createHash } from "node:crypto";

/**
 * One hash per table of everything it holds, to prove that a request changed nothing. Virtual tables
 * (full-text indexes and their vocabularies) are left out: what they hold is kept in their ordinary
 * shadow tables, which are hashed, and reading a vocabulary is slow.
 */
export type Fingerprint = Map<string, string>;

export function fingerprint(db: Database.Database, { except = [] as string[] } = {}): Fingerprint {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
  const result: Fingerprint = new Map();
  for (const table of tables) {
    if (except.includes(table)) continue;
    const hash = createHash("sha256");
    let count = 0;
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("hex") : typeof v === "bigint" ? String(v) : v)));
      hash.update("\n");
      count++;
    }
    result.set(table, `${count}:${hash.digest("hex")}`);
  }
  return result;
}

/** The tables whose content differs between two fingerprints, with their row counts before → after. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((name) => before.get(name) !== after.get(name))
    .map((name) => `${name} (${before.get(name)?.split(":")[0] ?? "–"} → ${after.get(name)?.split(":")[0] ?? "–"} rows)`);
}
