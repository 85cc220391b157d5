import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/**
 * Domain tests call the marketplace's functions in this process, on a copy of the seeded template
 * (made once by the global setup). Each test file gets its own copy: the connection (`getDb()`) opens
 * `DATABASE_PATH` on first use, and every file runs in a fresh module registry.
 */
const template = inject("templateDb");
const dir = mkdtempSync(path.join(inject("workDir"), "file-"));
copyFileSync(template, path.join(dir, "ocop.db"));
mkdirSync(path.join(dir, "uploads"));
process.env.DATABASE_PATH = path.join(dir, "ocop.db");
process.env.UPLOADS_DIR = path.join(dir, "uploads");
