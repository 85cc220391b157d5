import { isRouteErrorResponse } from "@remix-run/react";

/**
 * Remix answers a POST (PUT, PATCH, DELETE) to a route without an action with a 405, and hands the
 * error to `handleError`, whose default prints a 15-line stack trace: anyone could fill the log with
 * `curl -X POST`. Such a request is the client's mistake, not the server's.
 */
export function isMethodNotAllowed(error: unknown): boolean {
  return isRouteErrorResponse(error) && error.status === 405;
}

/**
 * One short line per interval, saying how many such requests came since the last line and what the
 * latest was: enough to notice a broken form or a scanner, never enough to fill the disk.
 */
export function methodNotAllowedLogger(log: (line: string) => void, intervalMs = 10_000) {
  let lastAt = -Infinity;
  let unlogged = 0;
  return (method: string, path: string, now = Date.now()) => {
    unlogged++;
    if (now - lastAt < intervalMs) return;
    log(`405 ${method.slice(0, 10)} ${JSON.stringify(path.slice(0, 200))}: no action there (${unlogged} such requests since the last line)`);
    lastAt = now;
    unlogged = 0;
  };
}
