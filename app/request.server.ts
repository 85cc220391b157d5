import { cleanFormText } from "./domain/shared/form-text";
import { settings } from "./settings.server";

/** The public origin for absolute links (canonical, Open Graph, QR codes): PUBLIC_ORIGIN or the request's own. */
export function requestOrigin(request: Request): string {
  return settings.publicOrigin ?? new URL(request.url).origin;
}

const LOCAL_BASE = "http://local.invalid";

/**
 * A same-site path to return to after a form, never another host. The value is resolved first and
 * the result judged, since resolving dot segments can turn a harmless-looking path into one that
 * leaves the site ("/.//evil.example/" resolves to "//evil.example/"). What falls back: anything
 * not starting with one "/", any backslash (browsers read it as "/"), a resolved path starting with
 * "//" (also when percent-encoded, for a proxy that decodes), and control or non-ASCII characters
 * (browsers drop a tab: "/\t/evil.example"), which could also break the Location header. Every
 * redirect a request chooses (sign-in, language switch) goes through here.
 */
export function safeRedirectPath(value: FormDataEntryValue | null, fallback = "/"): string {
  if (typeof value !== "string" || !/^\/[\x21-\x7e]*$/.test(value) || value.includes("\\")) return fallback;
  const url = new URL(value, LOCAL_BASE);
  if (url.origin !== LOCAL_BASE) return fallback;
  const resolved = url.pathname + url.search;
  return leavesTheSite(resolved) || leavesTheSite(decodeOrEmpty(url.pathname)) ? fallback : resolved;
}

function leavesTheSite(path: string): boolean {
  return !path.startsWith("/") || path.startsWith("//") || path.includes("\\");
}

function decodeOrEmpty(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return "";
  }
}

/**
 * The most a form without a file may send. The longest text any form takes is a few thousand
 * characters; without a cap, `request.formData()` buffered whatever came (a 100 MB post to /login)
 * in a server meant to live in 300 MB (PRODUCT.md §4). File uploads have their own limits.
 */
export const MAX_FORM_BYTES = 1024 * 1024;

/**
 * The posted form, or null when the body is not a form at all (a 400 for the caller, not a 500);
 * a body over MAX_FORM_BYTES is answered 413 without being kept (past DRAIN_BYTES reading stops and
 * the connection ends with no answer: no browser form comes near that). Control characters are taken
 * out of its text here, once, before any schema or rule sees it.
 */
export async function readForm(request: Request): Promise<FormData | null> {
  // A body declared too large is refused before a byte is read, so the 413 goes out at once; the
  // client (browsers and curl stop sending on an early error answer) never waits on a drain.
  if (declaredLength(request) > MAX_FORM_BYTES) throw new Response("Payload too large", { status: 413 });
  const raw = await readBody(request, MAX_FORM_BYTES, DRAIN_BYTES);
  if (typeof raw === "string") throw new Response("Payload too large", { status: 413 });
  try {
    const body = new Response(new Uint8Array(raw), { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } });
    return cleanFormText(await body.formData());
  } catch {
    return null;
  }
}

/** Past this, an oversized form is no longer read to its end: the connection is closed instead. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * The body's bytes when they are at most `maxBytes`. A longer body is read on to its end and thrown
 * away ("drained"), keeping nothing, so the answer reaches a browser still sending on a connection
 * that stays usable; past `stopAfter` bytes reading stops ("too large") and the caller closes the
 * connection.
 */
async function readBody(request: Request, maxBytes: number, stopAfter = maxBytes): Promise<Buffer | "drained" | "too large"> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > stopAfter) {
      await reader.cancel();
      return "too large";
    }
    if (size <= maxBytes) chunks.push(value);
  }
  return size > maxBytes ? "drained" : Buffer.concat(chunks);
}

/**
 * The raw body as bytes, or null when it is larger than `maxBytes` (declared or actually sent):
 * webhooks verify signatures over exactly these bytes and must not buffer an endless body.
 */
export async function readRawBody(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (declaredLength(request) > maxBytes) return null;
  const body = await readBody(request, maxBytes);
  return typeof body === "string" ? null : body;
}

/** The body's length as its headers declare it (0 when they do not: a chunked body is capped as it is read). */
export function declaredLength(request: Request): number {
  const length = Number(request.headers.get("Content-Length") ?? 0);
  return Number.isFinite(length) ? length : 0;
}

/** A record id from the URL (`/staff/producers/:id`): a positive whole number, or the 404 page. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}
