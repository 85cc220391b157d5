import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { inject } from "vitest";

export interface TestServer {
  url: string;
  port: number;
  /** The server's process id, to read its memory (`/proc/<pid>/status`). */
  pid: number;
  /** A read-only connection to the server's own database file, for asserting what it holds. */
  db: Database.Database;
  databasePath: string;
  /** Stops the server (SIGTERM) and deletes its database file. */
  stop(): Promise<void>;
  /**
   * Kills the process with SIGKILL, as a crash would: no shutdown code runs, and the database file
   * keeps its -wal and -shm exactly as the dead process left them (`startServer` can reopen it).
   * The test's read-only connection is closed first, so the next server to open the file is its
   * only user and recovers the WAL itself, as after a real crash.
   */
  kill(): Promise<void>;
  /** Settles when the process has ended, however it ended. */
  exited: Promise<void>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
}

export interface ServerOptions {
  /**
   * Serve this existing database file instead of a fresh copy of the seeded template: the file of a
   * killed server, or a restored backup. `stop()` deletes it as it does a copy.
   */
  databasePath?: string;
  /** Listen on this port instead of a free one, e.g. the one a killed server had and clients still call. */
  port?: number;
  /**
   * Fault injection (tests/setup/crash-in-checkout.cjs): the server SIGKILLs itself during the N-th
   * checkout it places, either inside the transaction (order and first part written, first item not)
   * or right after the commit, before the buyer gets an answer. It prints whose checkout it was.
   */
  crash?: { checkout: number; moment: "before-commit" | "after-commit" };
  /** Arguments after `server.js`, e.g. `--demo` for the demo's shortcuts in production mode. */
  args?: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function collectOutput(child: ChildProcess): () => string {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
}

function waitForListening(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", () => {
      if (output().includes("is listening on")) resolve();
    });
    child.on("exit", (code, signal) => reject(new Error(`server exited with ${code ?? signal} before listening:\n${output()}`)));
  });
}

/**
 * Starts the production server (`node server.js`) on a free port with its own copy of the seeded
 * template database, as a real deployment would run, and talks to it over HTTP.
 */
export async function startServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<TestServer> {
  let databasePath = options.databasePath;
  if (databasePath === undefined) {
    databasePath = path.join(inject("workDir"), `${randomBytes(6).toString("hex")}.db`);
    copyFileSync(inject("templateDb"), databasePath);
  }
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ["server.js", ...(options.args ?? [])], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      UPLOADS_DIR: inject("uploadsDir"),
      SEED_DEMO: "0",
      // One process, as before workers: `pid` is the server's own, and thirty test servers on two
      // cores do not each start one worker per core. Tests of workers ask for them.
      WEB_CONCURRENCY: "1",
      ...(options.crash === undefined
        ? {}
        : {
            [options.crash.moment === "before-commit" ? "CRASH_BEFORE_COMMIT" : "CRASH_AFTER_COMMIT"]: String(options.crash.checkout),
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.resolve("tests/setup/crash-in-checkout.cjs")}`.trim(),
          }),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForListening(child, output);
  const db = new Database(databasePath, { readonly: true });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    db,
    databasePath,
    exited,
    output,
    async stop() {
      db.close();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
    },
    async kill() {
      db.close();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
