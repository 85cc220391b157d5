import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./csp-nonce";
import { dropFizzPadding } from "./fizz-padding.server";
import { contentSecurityPolicy, createNonce } from "./security-headers.server";
import { startup } from "./startup.server";

// server.js awaits these before listening, so the database is migrated and seeded at start.
export { settings } from "./settings.server";
export { securityHeaders } from "./security-headers.server";
export { isCrossSiteWrite, crossSitePage, refusalLogger } from "./cross-site.server";
export { startup };
/** The site's stylesheet, for the few answers server.js writes itself. */
export { default as stylesheet } from "~/styles/app.css?url";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  await startup();
  const nonce = createNonce();
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        // No page streams deferred data, so waiting for all of it costs nothing and gives crawlers whole pages.
        onAllReady() {
          shellRendered = true;
          const body = dropFizzPadding();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
