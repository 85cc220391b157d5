import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium, PHONE } from "./browser";
import { startServer, type ServerOptions, type TestServer } from "./server";

export interface ServerAndBrowser {
  /** The file's own server (set once `beforeAll` has run). */
  readonly server: TestServer;
  /** The file's Chromium (set once `beforeAll` has run). */
  readonly browser: Browser;
  /** A new browser context on a phone (`PHONE`), with `options` over it, e.g. `{ javaScriptEnabled: false }`. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Registers the `beforeAll` that starts one production server (with `env` over its environment) and
 * launches Chromium side by side, and the `afterAll` that closes both: a browser test file's whole
 * set-up. Call it at the top of the file; hooks the file registers after it run after it, and the
 * file's own `afterAll` hooks run before the browser closes.
 */
export function useServerAndBrowser({
  env = {},
  options = {},
}: {
  /** The server's settings, or a function giving them when the server starts (after the file's earlier hooks, e.g. doubles). */
  env?: Record<string, string> | (() => Record<string, string>);
  options?: ServerOptions;
} = {}): ServerAndBrowser {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startServer(typeof env === "function" ? env() : env, options), launchChromium()]);
    // Whichever came up is kept, so afterAll closes it even when the other failed.
    if (started.status === "fulfilled") server = started.value;
    if (launched.status === "fulfilled") browser = launched.value;
    if (started.status === "rejected") throw started.reason;
    if (launched.status === "rejected") throw launched.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("the server is started in beforeAll: use it inside a hook or a test");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("Chromium is launched in beforeAll: use it inside a hook or a test");
      return browser;
    },
    newContext(contextOptions = {}) {
      return this.browser.newContext({ ...PHONE, ...contextOptions });
    },
  };
}
