// Continuous replication of the SQLite file with Litestream (ADR 0027), for server.js and the
// restore script. Plain JavaScript: the cluster's primary process loads no part of the app's build.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** What replication needs from the environment; null when LITESTREAM_REPLICA_URL is not set. */
export function replicationSettings(env = process.env) {
  const replicaUrl = env.LITESTREAM_REPLICA_URL?.trim();
  if (!replicaUrl) return null;
  return {
    replicaUrl,
    databasePath: path.resolve(env.DATABASE_PATH ?? "./data/ocop.db"),
    // How far behind the replica may be: Litestream ships the WAL this often (its default is 1s).
    syncInterval: env.LITESTREAM_SYNC_INTERVAL?.trim() || "1s",
  };
}

/**
 * The Litestream binary: LITESTREAM_BIN, or the one npm installs for this platform
 * (`@flydotio/litestream-linux-x64`, an optional dependency; other platforms set LITESTREAM_BIN).
 */
export function litestreamBinary(env = process.env) {
  if (env.LITESTREAM_BIN) return env.LITESTREAM_BIN;
  const require = createRequire(import.meta.url);
  try {
    return path.join(path.dirname(require.resolve(`@flydotio/litestream-${process.platform}-${process.arch}/package.json`)), "litestream");
  } catch {
    throw new Error(`No Litestream binary for ${process.platform}-${process.arch}: install Litestream and set LITESTREAM_BIN to it.`);
  }
}

/** Litestream's configuration for our one database and its one replica, written beside the database. */
function writeConfig({ databasePath, replicaUrl, syncInterval }) {
  const config = path.join(path.dirname(databasePath), "litestream.yml");
  mkdirSync(path.dirname(config), { recursive: true });
  // JSON is YAML: every value is quoted as it must be.
  // Warnings and errors only: at "info" it logs every WAL segment it ships, once a second under writes.
  const litestreamConfig = { logging: { level: "warn" }, dbs: [{ path: databasePath, replicas: [{ url: replicaUrl, "sync-interval": syncInterval }] }] };
  writeFileSync(config, JSON.stringify(litestreamConfig, null, 2));
  return config;
}

/**
 * Starts `litestream replicate` for the database (already migrated: call it once the app listens) and
 * keeps it running: a replicator that stops is started again after a growing pause. Answers stop(),
 * which ends it with the server. If the server itself is killed the replicator is orphaned and keeps
 * going; that is harmless (it only reads), and the next start's replicator continues the same replica.
 */
export function startReplication(settings) {
  const binary = litestreamBinary();
  const config = writeConfig(settings);
  let child = null;
  let stopping = false;
  let pause = 0;
  const start = () => {
    if (stopping) return;
    const bornAt = Date.now();
    child = spawn(binary, ["replicate", "-config", config], { stdio: ["ignore", "inherit", "inherit"] });
    child.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(`Litestream stopped (${signal ?? code}); starting it again`);
      pause = Date.now() - bornAt < 10_000 ? Math.min(Math.max(pause * 2, 500), 30_000) : 0;
      setTimeout(start, pause).unref();
    });
  };
  start();
  console.log(`Replicating ${settings.databasePath} to ${settings.replicaUrl} (every ${settings.syncInterval})`);
  return {
    pid: () => child?.pid ?? null,
    stop() {
      stopping = true;
      child?.kill("SIGTERM");
    },
  };
}

/** `litestream restore` of the replica into `outputPath` (which must not exist); throws with Litestream's words when it fails. */
export function restoreReplica({ replicaUrl, outputPath }) {
  const result = spawnSync(litestreamBinary(), ["restore", "-o", outputPath, replicaUrl], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`litestream restore failed: ${(result.stderr || result.stdout || "").trim()}`);
}
