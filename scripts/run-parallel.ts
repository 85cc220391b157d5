/**
 * tsx scripts/run-parallel.ts typecheck build  — runs those npm scripts at the same time.
 *
 * `npm test` checks types and builds before the tests: tsc and the Vite build are each mostly one
 * process on one core, so on two cores they run side by side (measured on the quiet 2-core machine,
 * two runs each: one after the other 36.6 s, side by side 32.1 s, ratio 0.88). Each script's output
 * is printed whole when it ends, so the two never interleave. Exits with the first non-zero code
 * once every script has ended: either failing fails `npm test`.
 */
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("usage: tsx scripts/run-parallel.ts <npm script> [<npm script> …]");
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(name: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "--silent", name], { stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      resolve(1);
    });
    child.on("close", (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      process.stdout.write(`> npm run ${name}${status === 0 ? "" : ` (failed: ${code ?? signal})`}\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(status);
    });
  });
}

const codes = await Promise.all(scripts.map(run));
process.exit(codes.find((code) => code !== 0) ?? 0);
