/**
 * npm run db:backup               — an online copy of DATABASE_PATH to backups/ocop-<UTC time>.db beside it
 *                                   (./data/backups/ with the default ./data/ocop.db)
 * npm run db:backup -- <file>     — the copy to <file>; an older copy there is replaced only once the new one is whole
 *
 * Safe while the server is running and taking orders: SQLite's online backup API copies one consistent
 * snapshot of the database (what a reader sees at one instant, WAL included) without stopping the
 * writer. The copy is written to <file>.partial, checked with `PRAGMA integrity_check`, then renamed,
 * so <file> is either a whole, checked copy or absent. To restore: see "Backups and restore" in README.md.
 */
import Database from "better-sqlite3";
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { settings } from "~/settings.server";

const source = path.resolve(settings.databasePath);
const argument = process.argv.slice(2).find((arg) => arg !== "--");
const target = path.resolve(
  argument ?? path.join(path.dirname(source), "backups", `ocop-${new Date().toISOString().replace(/[:.]/g, "-")}.db`),
);

function fail(message: string): never {
  console.error(`db:backup: ${message}`);
  process.exit(1);
}

if (!existsSync(source)) fail(`no database at ${source} (set DATABASE_PATH)`);
// Under any name (a symlink, a hard link): replacing the live file would destroy the database.
const sameFile = (a: string, b: string) => {
  if (!existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return realpathSync(a) === realpathSync(b) || (x.dev === y.dev && x.ino === y.ino);
};
if (sameFile(source, target) || [`${source}-wal`, `${source}-shm`].includes(target)) fail("the backup cannot overwrite the database itself");
mkdirSync(path.dirname(target), { recursive: true });
const partial = `${target}.partial`;
rmSync(partial, { force: true });

const started = performance.now();
// Not opened read-only, although nothing is written: a read-only connection could neither recover the
// WAL a crashed server left nor tidy the -wal/-shm files it creates beside a stopped server's database.
const live = new Database(source, { fileMustExist: true });
live.pragma("busy_timeout = 5000");
try {
  // All pages in one step: a step holds one read snapshot, so the copy never mixes two states, and a
  // write by the server between steps cannot make the backup start over again and again.
  await live.backup(partial, { progress: () => 0x7fffffff });
} catch (error) {
  rmSync(partial, { force: true });
  fail(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  live.close();
}
const copied = performance.now();

const copy = new Database(partial, { fileMustExist: true });
const integrity = copy.pragma("integrity_check", { simple: true });
const orders = (copy.prepare("SELECT count(*) AS n FROM orders").get() as { n: number }).n;
copy.close();
if (integrity !== "ok") {
  rmSync(partial, { force: true });
  fail(`the copy failed its integrity check (${String(integrity)}); nothing was written`);
}
renameSync(partial, target);
const bytes = statSync(target).size;
const ms = (from: number, to: number) => Math.round(to - from);
console.log(`Backed up ${source}`);
console.log(`to ${target}`);
console.log(
  `${(bytes / 1024 / 1024).toFixed(1)} MB, ${orders} orders, copied in ${ms(started, copied)} ms, integrity ok in ${ms(copied, performance.now())} ms`,
);
