import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { eq } from "drizzle-orm";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gunzipSync, gzip } from "node:zlib";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { pageGeneration } from "~/db/schema";
import { languageCookie } from "~/i18n/language.server";
import { isLanguage } from "~/i18n/translate";
import { settings } from "~/settings.server";
import { ByteLru } from "./byte-lru";
import { isAnonymous, isPublic, pageCacheControl } from "./cache-policy";
import { chooseEncoding, type Encoding } from "./encoding";

/**
 * The anonymous page cache (ADR 0021). Storefront pages a visitor without a session or cart sees are
 * the same for everyone who reads the same language at the same generation of the catalogue: the
 * first such visitor's page is kept, finished and compressed, and handed to the next ones without
 * running a loader or React. A page is current while the generation it was made at is the
 * database's (triggers move it on every change the storefront shows, whichever process wrote) and
 * it is younger than MAX_AGE_MS, for what changes with time alone (a campaign starting).
 */
const MAX_AGE_MS = 5_000;

interface CachedPage {
  status: number;
  headers: [string, string][];
  // Only compressed: every browser asks for one; the rare client that asks for neither gets the gzip
  // unpacked. Without its plain bytes a page takes about half the memory (a product page: 24 KB
  // plain, about 9 KB brotli and 10 KB gzip).
  bodies: Record<Exclude<Encoding, "identity">, Buffer>;
  etag: string;
  generation: number;
  storedAt: number;
}

const counters = { hits: 0, misses: 0, bypasses: 0 };
let pages: ByteLru<CachedPage> | undefined;

/** What /healthz shows: this process's counts since it started, and what it keeps. */
export function pageCacheStats() {
  return { enabled: pages !== undefined, ...counters, entries: pages?.size ?? 0, bytes: pages?.bytes ?? 0 };
}

const readGeneration = once(() =>
  getDb().select({ value: pageGeneration.value }).from(pageGeneration).where(eq(pageGeneration.id, 1)).prepare(),
);

function currentGeneration(): number {
  return readGeneration().get()?.value ?? 0;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// Compressed once per page and generation, on libuv's threads (not the event loop); quality chosen
// for a render's budget: brotli 5 is smaller than gzip 9 at a fraction of brotli 11's time.
async function compressAll(raw: Buffer): Promise<CachedPage["bodies"]> {
  const [gz, br] = await Promise.all([
    gzipAsync(raw, { level: 6 }),
    brotliAsync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
  ]);
  return { gzip: gz, br };
}

// Photos and certificate scans: files, streamed by Remix from disk. (A storefront route's single-fetch
// `.data` for an anonymous visitor is the same for every such visitor, and kept like its page.)
const NOT_PAGES = /^\/(media|evidence)\//;

// Text the cache gains from keeping compressed; photos and other files are served from disk as today.
const TEXT_TYPES = /^(text\/|application\/(json|xml)|image\/svg\+xml)/;

function isCacheable(response: Response): boolean {
  return (
    response.status === 200 &&
    isPublic(response.headers.get("Cache-Control")) &&
    !response.headers.has("Set-Cookie") &&
    TEXT_TYPES.test(response.headers.get("Content-Type") ?? "")
  );
}

/** The page's URL as Remix's Express adapter makes it, so a page's absolute links are the same made either way. */
function urlOf(req: ExpressRequest): string {
  return `${req.protocol}://${req.get("X-Forwarded-Host") ?? req.get("host")}${req.originalUrl}`;
}

function fetchRequest(req: ExpressRequest, url: string): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  return new Request(url, { method: req.method, headers });
}

async function variantOf(cookieHeader: string | undefined): Promise<string> {
  const lang: unknown = cookieHeader ? await languageCookie.parse(cookieHeader) : null;
  return isLanguage(lang) ? lang : "vi";
}

/**
 * Express middleware for anonymous GET and HEAD requests; everyone else goes straight on to Remix.
 * Two parts: `serveKept`, first in the chain, hands out a kept page that is still current before any
 * other middleware runs (compression, body handling: a hit needs none of them); `renderAndKeep`, in
 * front of Remix, renders what was not kept and keeps it. Both pass everything on when
 * PAGE_CACHE_MB=0.
 */
export function pageCache(build: ServerBuild) {
  const maxBytes = settings.pageCacheBytes;
  const pass = (_req: ExpressRequest, _res: ExpressResponse, next: NextFunction) => next();
  if (maxBytes === 0) return { serveKept: pass, renderAndKeep: pass };
  const lru = (pages = new ByteLru<CachedPage>(maxBytes));
  const handle = createRequestHandler(build, process.env.NODE_ENV);
  // Visitors asking for the same page while it renders wait for that one render, instead of
  // rendering it once each (a burst after every change, at Tết, would otherwise render it dozens of times).
  const rendering = new Map<string, Promise<{ page: CachedPage } | { response: Response; body: Buffer }>>();

  const isCandidate = (req: ExpressRequest) =>
    (req.method === "GET" || req.method === "HEAD") && isAnonymous(req.headers.cookie) && !NOT_PAGES.test(req.path);
  const keyOf = async (req: ExpressRequest, url: string) => `${await variantOf(req.headers.cookie)} ${url}`;
  const currentPage = (key: string, generation: number) => {
    const kept = lru.get(key);
    return kept && kept.generation === generation && Date.now() - kept.storedAt < MAX_AGE_MS ? kept : undefined;
  };

  async function render(req: ExpressRequest, url: string, key: string, generation: number) {
    const response = await handle(fetchRequest(req, url), { clientIp: req.ip ?? "unknown" });
    const body = Buffer.from(await response.arrayBuffer());
    if (!isCacheable(response)) return { response, body };
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "content-encoding" && name !== "etag") headers.push([name, value]);
    });
    const bodies = await compressAll(body);
    const etag = `W/"${createHash("sha1").update(body).digest("base64url")}"`;
    const page: CachedPage = { status: response.status, headers, bodies, etag, generation, storedAt: Date.now() };
    lru.set(key, page, pageBytes(page));
    return { page };
  }

  async function serveKept(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    if (!isCandidate(req)) return next();
    try {
      const kept = currentPage(await keyOf(req, urlOf(req)), currentGeneration());
      if (!kept) return next();
      counters.hits++;
      sendPage(req, res, kept, "hit");
    } catch (error) {
      next(error);
    }
  }

  async function renderAndKeep(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    if (!isCandidate(req)) return next();
    try {
      const url = urlOf(req);
      const key = await keyOf(req, url);
      const generation = currentGeneration();
      let pending = rendering.get(key);
      if (!pending) {
        pending = render(req, url, key, generation).finally(() => rendering.delete(key));
        rendering.set(key, pending);
      }
      const rendered = await pending;
      if ("page" in rendered) {
        counters.misses++;
        return sendPage(req, res, rendered.page, "miss");
      }
      counters.bypasses++;
      sendResponse(res, rendered.response, rendered.body);
    } catch (error) {
      next(error);
    }
  }

  return { serveKept, renderAndKeep };
}

function pageBytes(page: CachedPage): number {
  return page.bodies.gzip.length + page.bodies.br.length + 1024;
}

function sendPage(req: ExpressRequest, res: ExpressResponse, page: CachedPage, state: "hit" | "miss") {
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader("ETag", page.etag);
  res.setHeader("X-Page-Cache", state);
  if (!/accept-encoding/i.test(res.getHeader("Vary")?.toString() ?? "")) res.append("Vary", "Accept-Encoding");
  if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(page.etag)) {
    res.status(304).end();
    return;
  }
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const body = encoding === "identity" ? gunzipSync(page.bodies.gzip) : page.bodies[encoding];
  // Set before Express's compression looks at the answer, so it leaves these bytes as they are.
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.status(page.status).end(body);
}

/** An answer the cache does not keep (a redirect, a 404, a page that set a cookie) goes out as Remix made it. */
function sendResponse(res: ExpressResponse, response: Response, body: Buffer) {
  res.status(response.status);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  res.setHeader("X-Page-Cache", "bypass");
  res.end(body);
}

// Pages, and the data Remix fetches for client-side navigation (single fetch's `.data`).
const PAGE_TYPES = /^text\/(html|x-script)/;

/**
 * The last word on whether a page or its data may be shared, for every response whatever made it:
 * entry.server decides for the pages it renders, but Remix answers `.data` requests with the route's
 * `headers` as they are, so a signed-in visitor's data would otherwise leave as `public`. Files
 * (photos, the sitemap) are left alone: they are the same for everyone.
 */
export function keepPersonalAnswersPrivate(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  const anonymous = isAnonymous(req.headers.cookie);
  const writeHead = res.writeHead;
  res.writeHead = function (this: ExpressResponse, ...args: Parameters<ExpressResponse["writeHead"]>) {
    if (PAGE_TYPES.test(String(res.getHeader("Content-Type") ?? ""))) {
      const routeCacheControl = res.getHeader("Cache-Control");
      res.setHeader(
        "Cache-Control",
        pageCacheControl({
          method: req.method,
          anonymous,
          status: typeof args[0] === "number" ? args[0] : res.statusCode,
          routeCacheControl: routeCacheControl === undefined ? null : String(routeCacheControl),
          setsCookie: res.hasHeader("Set-Cookie"),
        }),
      );
    }
    return writeHead.apply(this, args);
  } as ExpressResponse["writeHead"];
  next();
}
