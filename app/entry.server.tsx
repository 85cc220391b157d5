import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { text } from "node:stream/consumers";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./csp-nonce";
import { dropFizzPadding } from "./fizz-padding.server";
import { isMethodNotAllowed, methodNotAllowedLogger } from "./method-not-allowed.server";
import { isAnonymous, isPublic, pageCacheControl, PRIVATE_HEADERS } from "./page-cache/cache-policy";
import { inlineScriptHashes } from "./page-cache/csp-hashes.server";
import { contentSecurityPolicy, createNonce } from "./security-headers.server";
import { startup } from "./startup.server";

// server.js awaits these before listening, so the database is migrated at start (the seed runs before, from scripts/).
export { settings } from "./settings.server";
export { securityHeaders } from "./security-headers.server";
export { isCrossSiteWrite, crossSitePage, refusalLogger } from "./cross-site.server";
export { startup };
export { stopUpkeep } from "./startup.server";
export { keepPersonalAnswersPrivate, pageCache } from "./page-cache/page-cache.server";
/** The site's stylesheet, for the few answers server.js writes itself. */
export { default as stylesheet } from "~/styles/app.css?url";

// No page streams deferred data (onAllReady waits for the whole page), so aborting only bounds a
// render that never ends. At 5 s, a saturated machine cut off slow but good renders (a checkout's 409
// page during a rush) and answered them 500 without a word in the log.
const ABORT_DELAY = 30_000;

const logMethodNotAllowed = methodNotAllowedLogger((line) => console.warn(line));

/**
 * What Remix does with an error it answers for: Remix's own default (the error, with its stack, unless
 * the client went away), except a request to a route without an action, which gets a throttled line
 * (method-not-allowed.server.ts); its 405 page is the root error boundary's.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isMethodNotAllowed(error)) {
    logMethodNotAllowed(request.method, new URL(request.url).pathname);
    return;
  }
  // An ErrorResponse made from a thrown Error keeps it (private to Remix) as `error`: log that, as Remix does.
  const cause = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined;
  console.error(cause ?? error);
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  await startup();
  const cacheControl = pageCacheControl({
    method: request.method,
    anonymous: isAnonymous(request.headers.get("Cookie")),
    status: responseStatusCode,
    routeCacheControl: responseHeaders.get("Cache-Control"),
    setsCookie: responseHeaders.has("Set-Cookie"),
  });
  responseHeaders.set("Cache-Control", cacheControl);
  // A page shared between visitors cannot carry a nonce (everyone would know it): its scripts are
  // allowed by their hashes instead, which needs the whole page before its headers (ADR 0021).
  const shared = isPublic(cacheControl);
  const nonce = shared ? undefined : createNonce();
  if (nonce) responseHeaders.set("Content-Security-Policy", contentSecurityPolicy({ nonce }));
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let aborted = false;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        // No page streams deferred data, so waiting for all of it costs nothing and gives crawlers whole pages.
        onAllReady() {
          shellRendered = true;
          clearTimeout(deadline);
          const body = dropFizzPadding();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          if (shared) {
            text(body).then((html) => {
              // A part of the page that failed to render made it a 500: not a page to share.
              if (responseStatusCode >= 500) responseHeaders.set("Cache-Control", PRIVATE_HEADERS["Cache-Control"]);
              responseHeaders.set("Content-Security-Policy", contentSecurityPolicy({ hashes: inlineScriptHashes(html) }));
              resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
            }, reject);
          } else {
            resolve(
              new Response(createReadableStreamFromReadable(body), {
                headers: responseHeaders,
                status: responseStatusCode,
              }),
            );
          }
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(deadline);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (aborted) console.error(`The page ${new URL(request.url).pathname} took over ${ABORT_DELAY / 1000} s to render and was cut off`);
          else if (shellRendered) console.error(error);
        },
      },
    );
    // Cleared as soon as the page is whole: a pending timer keeps the render (and its request) alive,
    // and thousands of them under load cost garbage-collection time on every page.
    deadline = setTimeout(() => {
      aborted = !shellRendered;
      abort();
    }, ABORT_DELAY);
  });
}
