/**
 * Continuous replication with Litestream (issue 14, ADR 0027): the server replicates its SQLite file
 * to LITESTREAM_REPLICA_URL; after orders are placed and the server is killed with SIGKILL (the
 * replicator too, as in a machine's crash), `npm run db:restore` rebuilds a database holding every
 * order older than the sync interval.
 */
import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { nextBuyerPhone } from "../setup/buyers";
import { cookieOf } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

const run = promisify(execFile);
/** Litestream ships the WAL this often; a crash may lose at most what is newer. */
const SYNC_INTERVAL_MS = 1000;
/** How long past the interval a replica may lag on a loaded test machine before the test calls it lost. */
const SLACK_MS = 6000;

let server: TestServer;
let replicaDir: string;
let restoredPath: string;

beforeAll(async () => {
  const dir = inject("workDir");
  replicaDir = path.join(dir, `replica-${process.pid}-${Date.now()}`);
  restoredPath = path.join(dir, `restored-${process.pid}-${Date.now()}.db`);
  server = await startServer({ LITESTREAM_REPLICA_URL: `file://${replicaDir}`, LITESTREAM_SYNC_INTERVAL: `${SYNC_INTERVAL_MS / 1000}s` });
});

afterAll(async () => {
  await server?.stop();
  for (const target of [replicaDir, restoredPath, `${restoredPath}-wal`, `${restoredPath}-shm`]) if (target) rmSync(target, { recursive: true, force: true });
  for (const kept of readdirSync(path.dirname(restoredPath)).filter((f) => f.startsWith(path.basename(restoredPath)))) rmSync(path.join(path.dirname(restoredPath), kept), { force: true });
});

async function placeOrder(productId: number, wardCode: string): Promise<string> {
  const post = (p: string, fields: Record<string, string>, cookie = "") =>
    fetch(server.url + p, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie } });
  const cookie = cookieOf(await post("/cart", { intent: "add", productId: String(productId), quantity: "1" }));
  const res = await post(
    "/checkout",
    { fullName: "Đỗ Minh Khoa", phone: nextBuyerPhone(), provinceCode: "92", wardCode, addressLine: "3 Nguyễn Trãi, Ninh Kiều", paymentMethod: "vietqr" },
    cookie,
  );
  expect(res.status).toBe(303);
  return /^\/orders\/([A-Z0-9]{10,12})/.exec(res.headers.get("location") ?? "")![1]!;
}

/** `npm run db:restore` as an operator runs it, into `target`. */
function restore(target: string) {
  return run("npx", ["tsx", "scripts/db-restore.ts"], { env: { ...process.env, DATABASE_PATH: target, LITESTREAM_REPLICA_URL: `file://${replicaDir}` } });
}

function codesIn(databasePath: string, codes: string[]): string[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return codes.filter((code) => db.prepare("SELECT 1 FROM orders WHERE code = ?").get(code) !== undefined);
  } finally {
    db.close();
  }
}

/** The replicator the server started (its only child process). */
function replicatorPid(): number {
  const children = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  const litestream = children.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("litestream"));
  expect(litestream).toHaveLength(1);
  return litestream[0]!;
}

describe("the Litestream replica", () => {
  it("holds every order older than the sync interval after the server is killed, and db:restore rebuilds it", async () => {
    const wardCode = (server.db.prepare("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").get() as { code: string }).code;
    const productId = (
      server.db.prepare(`SELECT id FROM products WHERE status = 'live' AND producer_verified = 1 AND stock >= 50 AND ${soldInOneSize()} ORDER BY id LIMIT 1`).get() as { id: number }
    ).id;
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push(await placeOrder(productId, wardCode));
    const placedAt = Date.now();

    // Within the sync interval (and the slack a busy machine needs), a restore holds them all.
    let probe = 0;
    for (;;) {
      const target = `${restoredPath}.probe${probe++}`;
      await restore(target);
      const found = codesIn(target, codes);
      for (const suffix of ["", "-wal", "-shm"]) rmSync(target + suffix, { force: true });
      if (found.length === codes.length) break;
      if (Date.now() - placedAt > SYNC_INTERVAL_MS + SLACK_MS) throw new Error(`after ${Date.now() - placedAt} ms the replica holds ${found.length} of ${codes.length} orders`);
    }

    // A crash: the server and its replicator die at once, nothing is flushed.
    const litestream = replicatorPid();
    process.kill(litestream, "SIGKILL");
    await server.kill();

    const { stdout } = await restore(restoredPath);
    expect(stdout).toContain(`Restored ${restoredPath}`);
    expect(codesIn(restoredPath, codes)).toEqual(codes);
    const restored = new Database(restoredPath, { readonly: true });
    expect((restored.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check).toBe("ok");
    restored.close();

    // Restoring again never overwrites: the database that was there is kept aside.
    await restore(restoredPath);
    const keptAside = readdirSync(path.dirname(restoredPath)).filter((f) => f.startsWith(`${path.basename(restoredPath)}.before-restore-`) && !f.endsWith("-wal") && !f.endsWith("-shm"));
    expect(keptAside).toHaveLength(1);
    expect(codesIn(path.join(path.dirname(restoredPath), keptAside[0]!), codes)).toEqual(codes);
    expect(existsSync(restoredPath)).toBe(true);
  });
});
