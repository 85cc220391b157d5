import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layers of ADR 0018, read from the source: import arrows run payments → orders → ledger, only
 * the ledger touches ledger_entries, the domain speaks no HTTP, and the seed stays under scripts/. A new arrow the wrong way fails here,
 * naming the file and the import.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Domain modules that still import from `@remix-run/node`, and the names each may import. They read
 * or set cookies, or are the guards a loader calls first (a redirect to sign-in). The list may only
 * shrink; `data`, `json` and Response-building belong to routes and app-level helpers.
 */
const REMIX_IN_DOMAIN: Record<string, readonly string[]> = {
  "app/domain/accounts/permissions.server.ts": ["redirect"],
  "app/domain/accounts/sessions.server.ts": ["createCookie"],
  "app/domain/orders/cart.server.ts": ["createCookie"],
  "app/domain/orders/order-access.server.ts": ["createCookie"],
  "app/domain/producers/portal-actor.server.ts": ["createCookie", "redirect"],
};

/** App-level modules that make HTTP answers: the domain never calls them. */
const APP_HTTP_HELPERS = ["app/flash.server.ts", "app/upload.server.ts", "app/collection-form-action.server.ts", "app/complaint-move-action.server.ts"];

interface Import {
  specifier: string;
  /** Repository-relative path without extension for `~/`, `./` and `../` imports; null for packages. */
  target: string | null;
  names: string[];
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^"';]*?)\s*from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(file: string, specifier: string): string | null {
  let resolved: string;
  if (specifier.startsWith("~/")) resolved = path.posix.join("app", specifier.slice(2));
  else if (specifier.startsWith(".")) resolved = path.posix.join(path.posix.dirname(file), specifier);
  else return null;
  return resolved.replace(/\.(tsx?|jsx?|mjs|cjs)$/, "");
}

function importsOf(file: string, source: string): Import[] {
  const found: Import[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4] ?? match[5]!;
    const clause = match[2] ?? "";
    const names = [...clause.matchAll(/\{([^}]*)\}/g)].flatMap(([, list]) =>
      list!
        .split(",")
        .map((name) => name.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!)
        .filter(Boolean),
    );
    found.push({ specifier, target: resolve(file, specifier), names });
  }
  return found;
}

const stem = (file: string) => file.replace(/\.(tsx?|jsx?|mjs|cjs)$/, "");
const under = (target: string | null, folder: string) => target !== null && (target === folder || target.startsWith(`${folder}/`));

/** The one module of the app that reads and writes the ledger's table (besides its definition). */
const LEDGER_OWNERS = ["app/domain/ledger/ledger.server.ts", "app/db/schema.ts"];

/** Every broken rule in `files` (repository-relative path → source), one line each. */
function layerViolations(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, source] of files) {
    if (file.startsWith("app/") && !LEDGER_OWNERS.includes(file) && /\bledgerEntries\b|\bledger_entries\b/.test(source)) {
      problems.push(`${file} touches ledger_entries: only app/domain/ledger/ledger.server.ts does`);
    }
    for (const { specifier, target, names } of importsOf(file, source)) {
      const where = `${file} imports ${specifier}`;
      if (under(file, "app/domain/orders") && under(target, "app/domain/payments")) problems.push(`${where}: orders may not import payments`);
      if (under(file, "app/domain/ledger") && (under(target, "app/domain/orders") || under(target, "app/domain/payments"))) {
        problems.push(`${where}: the ledger imports neither orders nor payments`);
      }
      if (under(file, "app/domain")) {
        if (under(target, "app/routes")) problems.push(`${where}: the domain may not import routes`);
        if (APP_HTTP_HELPERS.some((helper) => target === stem(helper))) problems.push(`${where}: the domain may not build HTTP answers`);
        if (specifier.startsWith("@remix-run/")) {
          const allowed = REMIX_IN_DOMAIN[file] ?? [];
          const extra = names.filter((name) => !allowed.includes(name));
          if (extra.length > 0 || names.length === 0) problems.push(`${where} (${extra.join(", ") || "side effects"}): no Remix server helpers in the domain`);
        }
      }
      if (!file.startsWith("scripts/") && (target === "scripts/seed" || under(target, "scripts/seed"))) {
        problems.push(`${where}: the seed is for scripts/ only`);
      }
    }
  }
  return problems;
}

function sourceFiles(folder: string, into = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) sourceFiles(relative, into);
    } else if (/\.(tsx?|jsx?|mjs|cjs)$/.test(entry.name)) {
      into.set(relative, readFileSync(path.join(ROOT, relative), "utf8"));
    }
  }
  return into;
}

function repositorySources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ["app", "tests", "scripts"]) sourceFiles(folder, files);
  for (const entry of readdirSync(ROOT, { withFileTypes: true })) {
    if (entry.isFile() && /\.(tsx?|jsx?|mjs|cjs)$/.test(entry.name)) files.set(entry.name, readFileSync(path.join(ROOT, entry.name), "utf8"));
  }
  // This file's own examples of wrong arrows are strings, not imports.
  files.delete("app/domain/layers.test.ts");
  return files;
}

describe("import layers (ADR 0018)", () => {
  const files = repositorySources();

  it("reads the imports it judges", () => {
    // Guards against a parser that sees nothing and so passes everything.
    const targets = (file: string) => importsOf(file, files.get(file)!).map((i) => i.target ?? i.specifier);
    expect(targets("app/domain/orders/order-moves.server.ts")).toContain("app/domain/ledger/ledger.server");
    expect(targets("app/domain/payments/payments.server.ts")).toContain("app/domain/orders/order-moves.server");
    expect(targets("app/domain/payments/refunds.server.ts")).toContain("app/domain/ledger/ledger.server");
    expect(importsOf("app/domain/accounts/sessions.server.ts", files.get("app/domain/accounts/sessions.server.ts")!)).toContainEqual({
      specifier: "@remix-run/node",
      target: null,
      names: ["createCookie"],
    });
  });

  it("holds in the repository", () => {
    expect(layerViolations(files)).toEqual([]);
  });

  it("still names each Remix import the domain keeps", () => {
    for (const [file, names] of Object.entries(REMIX_IN_DOMAIN)) {
      const remix = importsOf(file, files.get(file) ?? "").filter((i) => i.specifier === "@remix-run/node");
      // A module that no longer needs Remix leaves the list.
      expect(remix.flatMap((i) => i.names).sort(), file).toEqual([...names].sort());
    }
  });

  it("catches each kind of wrong arrow", () => {
    const wrong = new Map([
      ["app/domain/orders/inbox.server.ts", 'import { applyPayment } from "../payments/payments.server";'],
      ["app/domain/orders/view.server.ts", 'import type { PaymentStatus } from "~/domain/payments/payment-states";'],
      ["app/domain/ledger/ledger.server.ts", 'import { partsOfOrder } from "../orders/order-moves.server";\nimport { x } from "~/domain/payments/refunds.server";'],
      ["app/domain/catalog/form.server.ts", 'import { data, redirect } from "@remix-run/node";\nimport { loader } from "~/routes/products._index";'],
      ["app/domain/catalog/flash.server.ts", 'import { redirectWithFlash } from "~/flash.server";'],
      ["app/domain/accounts/sessions.server.ts", 'import { createCookie, json } from "@remix-run/node";'],
      ["app/root.tsx", 'import { seedDemo } from "../scripts/seed/demo.server";'],
      ["tests/setup/x.ts", 'const seed = await import("../../scripts/seed");'],
      ["scripts/seed.ts", 'import { seedDemo } from "./seed/demo.server";'],
      ["app/domain/payments/refunds.server.ts", 'import { movePart } from "../orders/order-moves.server";\nimport { recordRefund } from "../ledger/ledger.server";'],
      ["app/domain/payments/payouts.server.ts", 'const rows = getDb().select().from(ledgerEntries).all();'],
    ]);
    expect(layerViolations(wrong)).toEqual([
      "app/domain/orders/inbox.server.ts imports ../payments/payments.server: orders may not import payments",
      "app/domain/orders/view.server.ts imports ~/domain/payments/payment-states: orders may not import payments",
      "app/domain/ledger/ledger.server.ts imports ../orders/order-moves.server: the ledger imports neither orders nor payments",
      "app/domain/ledger/ledger.server.ts imports ~/domain/payments/refunds.server: the ledger imports neither orders nor payments",
      "app/domain/catalog/form.server.ts imports @remix-run/node (data, redirect): no Remix server helpers in the domain",
      "app/domain/catalog/form.server.ts imports ~/routes/products._index: the domain may not import routes",
      "app/domain/catalog/flash.server.ts imports ~/flash.server: the domain may not build HTTP answers",
      "app/domain/accounts/sessions.server.ts imports @remix-run/node (json): no Remix server helpers in the domain",
      "app/root.tsx imports ../scripts/seed/demo.server: the seed is for scripts/ only",
      "tests/setup/x.ts imports ../../scripts/seed: the seed is for scripts/ only",
      "app/domain/payments/payouts.server.ts touches ledger_entries: only app/domain/ledger/ledger.server.ts does",
    ]);
  });
});
