/**
 * npm run bench:ab -- --base <git ref>  — this tree (B) against another commit (A), in one run.
 *
 * Builds both (the base in a temporary git worktree), seeds one catalog and gives each server its own
 * copy, starts both production servers, then loads each storefront page and checkout on A and B in
 * turn (A B B A …), so a machine that speeds up or slows down during the run affects both alike.
 * Prints per page the medians of requests/s and p99 latency on each side and the median of the
 * round-by-round ratio B/A: a ratio of 0.95 is B 5 % slower.
 *
 *   npm run bench:ab -- --base main --products 10000 --producers 1000 --rounds 5 --duration 5
 *   npm run bench:ab -- --base main --checkout-only --checkouts 1000   (checkout alone, longer rounds)
 *   npm run bench:ab -- --base main --pages catalog --cpu-prof   (pages whose name contains "catalog", no
 *     checkout; each server writes a V8 CPU profile into .bench-profiles/A and B when it stops)
 *   npm run bench:ab -- --base main --env-b PAGE_CACHE_MB=0   (settings for one side: here B renders
 *     every page, to compare renders alone; several as KEY=VALUE,KEY=VALUE)
 *
 * Both servers run one process (WEB_CONCURRENCY=1) unless --env-a/--env-b say otherwise, so a base
 * from before workers and this tree compare alike, and --cpu-prof profiles the one process.
 */
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BROWSER_HEADERS, SERVER_MEMORY_ENV, SERVER_NODE_FLAGS, storefrontLoad } from "./bench-pages";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}
const base = option("base", "main");
const productCount = Number(option("products", "10000"));
const producerCount = Number(option("producers", "1000"));
const rounds = Number(option("rounds", "5"));
const duration = Number(option("duration", "5"));
const connections = Number(option("connections", "10"));
const checkoutsPerRound = Number(option("checkouts", "200"));
const pageFilter = option("pages", "");
const profileDir = process.argv.includes("--cpu-prof") ? path.resolve(".bench-profiles") : null;
const envOf = (value: string) => Object.fromEntries(value.split(",").filter(Boolean).map((pair) => pair.split("=", 2) as [string, string]));
const sideEnv = { A: envOf(option("env-a", "")), B: envOf(option("env-b", "")) };

const repo = process.cwd();
const dir = mkdtempSync(path.join(tmpdir(), "ocop-ab-"));
const baseTree = path.join(dir, "base");
const run = (cmd: string, args: string[], cwd = repo, env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Side {
  name: "A" | "B";
  cwd: string;
  port: number;
  databasePath: string;
  server?: ChildProcess;
  origin: string;
}

const servers: ChildProcess[] = [];
try {
  // Two builds: this tree, and the base ref checked out beside it sharing node_modules.
  run("git", ["worktree", "add", "--detach", baseTree, base]);
  symlinkSync(path.join(repo, "node_modules"), path.join(baseTree, "node_modules"));
  if (!process.argv.includes("--no-build")) run("npx", ["remix", "vite:build"]);
  run("npx", ["remix", "vite:build"], baseTree);

  // One catalog for both sides, each seeded by its own tree: the generator is deterministic, so the
  // goods are the same, and each database has the schema its code expects (a base from before a
  // migration cannot serve a database after it).
  const uploads = path.join(dir, "uploads");
  const sides: Side[] = (["A", "B"] as const).map((name, i) => {
    const port = 3990 + i;
    return { name, cwd: name === "A" ? baseTree : repo, port, databasePath: path.join(dir, `${name}.db`), origin: `http://127.0.0.1:${port}` };
  });
  let slugs: string[] = [];
  let busyProduct: { id: number } | undefined;
  let wardCode = "";
  for (const side of sides) {
    run("npx", ["tsx", "scripts/seed.ts", "--products", String(productCount), "--producers", String(producerCount)], side.cwd, {
      DATABASE_PATH: side.databasePath,
      UPLOADS_DIR: uploads,
      SEED_DEMO: "0",
    });
    const db = new Database(side.databasePath);
    db.pragma("wal_checkpoint(TRUNCATE)");
    if (side.name === "B") {
      slugs = (
        db.prepare("SELECT slug FROM products WHERE status = 'live' AND producer_verified = 1 ORDER BY random() LIMIT 2000").all() as { slug: string }[]
      ).map((r) => r.slug);
    }
    busyProduct = db.prepare("SELECT id FROM products WHERE status = 'live' AND producer_verified = 1 ORDER BY id LIMIT 1").get() as { id: number };
    // Stock is the size's since ADR 0020 (a trigger copies the total to products.stock); before, the product's.
    const sizes = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'product_variants'").get() !== undefined;
    db.prepare(sizes ? "UPDATE product_variants SET stock = ? WHERE product_id = ?" : "UPDATE products SET stock = ? WHERE id = ?").run(10_000_000, busyProduct.id);
    wardCode = (db.prepare("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").get() as { code: string }).code;
    db.close();
  }
  for (const side of sides) {
    const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, side.name)}`] : [];
    const server = spawn(process.execPath, [...profile, ...SERVER_NODE_FLAGS, "server.js"], {
      cwd: side.cwd,
      env: {
        ...process.env,
        ...SERVER_MEMORY_ENV,
        DATABASE_PATH: side.databasePath,
        UPLOADS_DIR: uploads,
        SEED_DEMO: "0",
        NODE_ENV: "production",
        PORT: String(side.port),
        WEB_CONCURRENCY: "1",
        ...sideEnv[side.name],
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    servers.push(server);
    side.server = server;
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("is listening on") && resolve());
      server.on("exit", (code) => reject(new Error(`server ${side.name} exited with ${code}`)));
    });
  }
  const [a, b] = sides as [Side, Side];

  // Producer pages: the producers of the sampled products, read from the server's own links.
  const producerSlugs = new Set<string>();
  for (const slug of slugs.slice(0, 30)) {
    const html = await (await fetch(`${b.origin}/products/${slug}`)).text();
    for (const m of html.matchAll(/href="\/producers\/([^"?#]+)"/g)) producerSlugs.add(m[1]!);
  }
  const pages = [...storefrontLoad(slugs), { name: "producer page", paths: [...producerSlugs].map((s) => `/producers/${s}`) }];

  async function load(side: Side, paths: string[], seconds: number) {
    let i = 0;
    const nextPath = () => paths[i++ % paths.length]!;
    const result = await autocannon({ url: side.origin, connections, duration: seconds, headers: BROWSER_HEADERS, requests: [{ setupRequest: (req) => ({ ...req, path: nextPath() }) }] });
    return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
  }

  // Checkout: orders placed per second, each by another buyer with a cart of one unit.
  let buyers = 0;
  async function checkouts(side: Side, count: number): Promise<{ rate: number; errors: number }> {
    const carts: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${side.origin}/cart`, { method: "POST", body: new URLSearchParams({ intent: "add", productId: String(busyProduct!.id), quantity: "1" }), redirect: "manual" });
      carts.push(res.headers.get("set-cookie")!.split(";")[0]!);
    }
    let next = 0;
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < carts.length) {
          const cookie = carts[next++]!;
          const body = new URLSearchParams({ fullName: "Người mua thử", phone: `09${String(buyers++).padStart(8, "0")}`, provinceCode: "92", wardCode, addressLine: "12 đường 3/2", paymentMethod: "vietqr" });
          const res = await fetch(`${side.origin}/checkout`, { method: "POST", headers: { cookie }, body, redirect: "manual" });
          if (res.status !== 303) errors++;
        }
      }),
    );
    return { rate: count / ((performance.now() - started) / 1000), errors };
  }

  const settingsOf = (name: "A" | "B") => (Object.keys(sideEnv[name]).length ? ` with ${option(`env-${name.toLowerCase()}`, "")}` : "");
  console.log(
    `\nA = ${base} (${execFileSync("git", ["rev-parse", "--short", base], { cwd: repo }).toString().trim()})${settingsOf("A")}, B = this tree${settingsOf("B")}; ` +
      `${productCount} products, ${connections} connections, ${rounds} rounds of ${duration}s`,
  );
  console.log("| page | A req/s | B req/s | A p99 ms | B p99 ms | B/A req/s (median of rounds) | errors |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  let failed = false;
  const chosenPages = process.argv.includes("--checkout-only") ? [] : pages.filter((page) => page.name.includes(pageFilter));
  for (const page of chosenPages) {
    for (const side of sides) await load(side, page.paths, 2); // warm-up: statements prepared, pages cached by SQLite
    const results = { A: [] as Awaited<ReturnType<typeof load>>[], B: [] as Awaited<ReturnType<typeof load>>[] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? [a, b] : [b, a];
      for (const side of order) results[side.name].push(await load(side, page.paths, duration));
    }
    const ratios = results.B.map((res, i) => res.rps / results.A[i]!.rps);
    const errors = [...results.A, ...results.B].reduce((n, res) => n + res.errors, 0);
    failed ||= errors > 0;
    console.log(
      `| ${page.name} | ${Math.round(median(results.A.map((x) => x.rps)))} | ${Math.round(median(results.B.map((x) => x.rps)))} | ` +
        `${median(results.A.map((x) => x.p99))} | ${median(results.B.map((x) => x.p99))} | ${median(ratios).toFixed(3)} | ${errors} |`,
    );
  }
  const placed = { A: [] as number[], B: [] as number[] };
  let checkoutErrors = 0;
  for (let r = 0; pageFilter === "" && r < rounds; r++) {
    const order = r % 2 === 0 ? [a, b] : [b, a];
    for (const side of order) {
      const { rate, errors } = await checkouts(side, checkoutsPerRound);
      placed[side.name].push(rate);
      checkoutErrors += errors;
    }
  }
  const checkoutRatios = placed.B.map((rate, i) => rate / placed.A[i]!);
  if (pageFilter === "") console.log(
    `| checkout (orders/s) | ${Math.round(median(placed.A))} | ${Math.round(median(placed.B))} | | | ${median(checkoutRatios).toFixed(3)} | ${checkoutErrors} |`,
  );
  if (failed || checkoutErrors > 0) process.exitCode = 1;
} finally {
  // A profile is written only when the server exits on its own, so wait for it.
  await Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : (server.once("exit", resolve), server.kill("SIGTERM"))))));
  if (existsSync(baseTree)) execFileSync("git", ["worktree", "remove", "--force", baseTree], { cwd: repo });
  rmSync(dir, { recursive: true, force: true });
}
