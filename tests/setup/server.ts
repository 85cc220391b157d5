import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { inject } from "vitest";

export interface TestServer {
  url: string;
  /** A read-only connection to the server's own database file, for asserting what it holds. */
  db: Database.Database;
  databasePath: string;
  stop(): Promise<void>;
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

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("is listening on")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
}

/**
 * Starts the production server (`node server.js`) on a free port with its own copy of the seeded
 * template database, as a real deployment would run, and talks to it over HTTP.
 */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const databasePath = path.join(path.dirname(inject("templateDb")), `${randomBytes(6).toString("hex")}.db`);
  copyFileSync(inject("templateDb"), databasePath);
  const port = await freePort();
  const child = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      UPLOADS_DIR: inject("uploadsDir"),
      SEED_DEMO: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForListening(child);
  const db = new Database(databasePath, { readonly: true });
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    databasePath,
    async stop() {
      db.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
    },
  };
}
