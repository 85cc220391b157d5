import { settings } from "./settings.server";

/** The public origin for absolute links (canonical, Open Graph, QR codes): PUBLIC_ORIGIN or the request's own. */
export function requestOrigin(request: Request): string {
  return settings.publicOrigin ?? new URL(request.url).origin;
}

/** A same-site path to return to after a form, never another host ("//evil.example" is refused). */
export function safeRedirectPath(value: FormDataEntryValue | null, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  return value;
}
