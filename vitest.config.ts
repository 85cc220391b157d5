import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    // Three test files at a time on the 2-core machine (Vitest's default there is one). An integration
    // or browser file drives its own server process (and Chromium), and the processes of one file
    // mostly wait on one another, so a third file keeps both cores busy while the others wait.
    // Measured in one window on the shared machine (two other engineers' builds and tests beside it,
    // load 3-9), 653 tests, `npm test` wall (vitest's own span): 1 worker (vitest alone) 488 s (482 s);
    // 2 workers 378 s (333 s); 3 workers 356 s (288 s) and 327 s (286 s): vitest 0.59 of one worker.
    // The longest file, integration/hostile-input (85-112 s), ends well before the run does.
    maxWorkers: 3,
    minWorkers: 1,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["app/**/*.test.{ts,tsx}"], environment: "node", setupFiles: ["tests/setup/no-console-error.ts"] },
      },
      {
        // Domain functions called in this process on a copy of the seeded database: rules that need
        // the data, without a server or HTTP in between.
        resolve: { alias },
        test: {
          name: "domain",
          include: ["tests/domain/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/domain-db.ts", "tests/setup/no-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/no-console-error.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Tests of the server under load, run after every other project with nothing beside them, so
        // what they measure is the server and not the other test files' servers and Chromium (200
        // buyers racing for 50 units once overran a 5 s render deadline on a loaded machine and
        // answered 500s; entry.server.tsx now bounds only a render that never ends).
        resolve: { alias },
        test: {
          name: "load",
          include: ["tests/load/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/no-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/no-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
