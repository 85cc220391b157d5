import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

export const TMP_DIR = path.resolve("tests/.tmp");

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
    uploadsDir: string;
    /** This project's own folder, for the copies its test files make. */
    workDir: string;
  }
}

/**
 * Migrates and seeds one template database with the demo data, by the same command a newcomer runs
 * (`npm run db:seed`); each test file copies it, so every file starts from the same known state
 * without seeding again. Seeded once per run: every project's setup runs in this one process, and the
 * later ones take the template the first one made.
 */
export async function setup(project: TestProject) {
  if (!existsSync("build/server/index.js")) {
    throw new Error("No production build: run `npm run build` first (npm test does).");
  }
  const dir = path.join(TMP_DIR, project.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { templateDb, uploadsDir } = (run.template ??= seedTemplate());
  project.provide("templateDb", templateDb);
  project.provide("uploadsDir", uploadsDir);
  project.provide("workDir", dir);
}

const run = globalThis as { template?: { templateDb: string; uploadsDir: string } };

function seedTemplate() {
  const dir = path.join(TMP_DIR, "template");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const templateDb = path.join(dir, "template.db");
  const uploadsDir = path.join(dir, "uploads");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/seed.ts"], {
    env: { ...process.env, DATABASE_PATH: templateDb, UPLOADS_DIR: uploadsDir, NODE_ENV: "test" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { templateDb, uploadsDir };
}
