import { cleanFormText } from "./domain/shared/form-text";
import { settings } from "./settings.server";

/** The public origin for absolute links (canonical, Open Graph, QR codes): PUBLIC_ORIGIN or the request's own. */
export function requestOrigin(request: Request): string {
  return settings.publicOrigin ?? new URL(request.url).origin;
}

const LOCAL_BASE = "http://local.invalid";

/**
 * A same-site path to return to after a form, never another host: "//evil.example", "/\\evil",
 * "/\t/evil.example" (browsers drop the tab) and anything with control or non-ASCII characters
 * fall back, since they could leave the site or break the Location header.
 */
export function safeRedirectPath(value: FormDataEntryValue | null, fallback = "/"): string {
  if (typeof value !== "string" || !/^\/[\x21-\x7e]*$/.test(value) || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  const url = new URL(value, LOCAL_BASE);
  return url.origin === LOCAL_BASE ? url.pathname + url.search : fallback;
}

/**
 * The posted form, or null when the body is not a form at all (a 400 for the caller, not a 500).
 * Control characters are taken out of its text here, once, before any schema or rule sees it.
 */
export async function readForm(request: Request): Promise<FormData | null> {
  try {
    return cleanFormText(await request.formData());
  } catch {
    return null;
  }
}

/**
 * The raw body as bytes, or null when it is larger than `maxBytes` (declared or actually sent):
 * webhooks verify signatures over exactly these bytes and must not buffer an endless body.
 */
export async function readRawBody(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes) return null;
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A record id from the URL (`/staff/producers/:id`): a positive whole number, or the 404 page. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}
