/**
 * Checkout time with carrier quotes against today's table fee (issue 18): one production server
 * without carrier settings, one with GHN and Viettel Post doubles answering after `--latency` ms
 * (default 120, a carrier API over the internet), the demo producer and the HCM fish-sauce maker
 * using them. Each round a fresh guest buys one product of each producer, seeing the checkout page
 * for a commune (quotes asked: the cache is cold for a new weight) and placing the order (quotes
 * from the cache). Prints median and p99 of both steps for both servers.
 *
 *   npx tsx scripts/bench-carrier-checkout.ts --db /tmp/seeded.db [--rounds 200] [--latency 120]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { startGhnDouble, startViettelPostDouble } from "../tests/doubles/carriers";

const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const seeded = option("db", "/tmp/carriers-seed.db");
const rounds = Number(option("rounds", "200"));
const latency = Number(option("latency", "120"));
const WARD = "31120";

async function serve(port: number, env: Record<string, string>): Promise<{ origin: string; child: ChildProcess; db: string }> {
  const db = `/tmp/bench-carriers-${port}.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  copyFileSync(seeded, db);
  const child = spawn(process.execPath, ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_PATH: db, SEED_DEMO: "0", WEB_CONCURRENCY: "1", BANK_WEBHOOK_SECRET: "b", ...env },
    stdio: ["ignore", "pipe", "ignore"],
  });
  started.push(child);
  await new Promise<void>((resolve) => child.stdout!.on("data", (c: Buffer) => c.toString().includes("is listening on") && resolve()));
  return { origin: `http://127.0.0.1:${port}`, child, db };
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const [ghn, vtp] = await Promise.all([startGhnDouble({ token: "t", shopId: "1", webhookSecret: "s" }), startViettelPostDouble({ token: "t", webhookSecret: "s" })]);
  ghn.quoteDelayMs = latency;
  vtp.quoteDelayMs = latency;
  const plain = await serve(3821, {});
  const carriers = await serve(3822, {
    GHN_TOKEN: "t", GHN_SHOP_ID: "1", GHN_API_BASE: ghn.url, GHN_WEBHOOK_SECRET: "s",
    VIETTELPOST_TOKEN: "t", VIETTELPOST_API_BASE: vtp.url, VIETTELPOST_WEBHOOK_SECRET: "s",
  });
  const writer = new Database(carriers.db);
  const demo = writer.prepare("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").get() as { id: number };
  const hcm = writer.prepare("SELECT id FROM producers WHERE ward_code = '26662'").get() as { id: number };
  writer.prepare("INSERT INTO producer_carriers (producer_id, carrier, is_default) VALUES (?, 'ghn', 1), (?, 'viettelpost', 1)").run(demo.id, hcm.id);
  const pick = writer.prepare("SELECT id FROM products WHERE producer_id = ? AND status = 'live' AND producer_verified = 1 AND stock >= 100 AND NOT EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = products.id AND v.label <> '') ORDER BY stock DESC LIMIT 1");
  const products = [(pick.get(demo.id) as { id: number }).id, (pick.get(hcm.id) as { id: number }).id];
  writer.close();
  // Enough stock for every round on both servers (the products' totals follow by trigger).
  for (const side of [plain, carriers]) {
    const db = new Database(side.db);
    db.prepare(`UPDATE product_variants SET stock = 1000000 WHERE product_id IN (${products.join(",")})`).run();
    db.close();
  }

  const results: Record<string, { page: number[]; place: number[]; quoted: number }> = {};
  for (const [name, side] of [["today (table fee)", plain], ["with carrier quotes", carriers]] as const) {
    const page: number[] = [];
    const place: number[] = [];
    let quoted = 0;
    for (let i = 0; i < rounds; i++) {
      let cookie = "";
      for (const [n, productId] of products.entries()) {
        // A different quantity now and then: a weight the quote cache has not seen.
        const quantity = n === 0 ? 1 + (i % 5) : 1;
        const res = await fetch(`${side.origin}/cart`, { method: "POST", body: new URLSearchParams({ intent: "add", productId: String(productId), quantity: String(quantity) }), redirect: "manual", headers: { cookie } });
        if (res.status !== 303) throw new Error(`${name}: adding to the cart answered ${res.status} in round ${i}`);
        cookie = cookie || res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      }
      let t = performance.now();
      const form = await (await fetch(`${side.origin}/checkout?province=92&ward=${WARD}`, { headers: { cookie } })).text();
      page.push(performance.now() - t);
      if (form.includes("Phí Giao Hàng Nhanh")) quoted++;
      t = performance.now();
      const res = await fetch(`${side.origin}/checkout`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie },
        body: new URLSearchParams({ fullName: "Khách Thử", phone: `09${String(10_000_000 + i).slice(-8)}`, provinceCode: "92", wardCode: WARD, addressLine: "1 Đường Thử", paymentMethod: "vietqr" }),
      });
      place.push(performance.now() - t);
      if (res.status !== 303) throw new Error(`${name}: checkout answered ${res.status} in round ${i}`);
    }
    results[name] = { page, place, quoted };
  }
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(22)} checkout page with a commune: median ${percentile(r.page, 50).toFixed(1)} ms, p99 ${percentile(r.page, 99).toFixed(1)} ms | place order: median ${percentile(r.place, 50).toFixed(1)} ms, p99 ${percentile(r.place, 99).toFixed(1)} ms | quoted ${r.quoted}/${rounds}`,
    );
  }
  for (const side of [plain, carriers]) {
    side.child.kill("SIGTERM");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(side.db + suffix, { force: true });
  }
  await Promise.all([ghn.stop(), vtp.stop()]);
}

const started: ChildProcess[] = [];
process.on("exit", () => started.forEach((child) => child.kill("SIGTERM")));
void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
