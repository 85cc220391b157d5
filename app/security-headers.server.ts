import { randomBytes } from "node:crypto";
import { settings } from "./settings.server";

/** A fresh value per page: only scripts carrying it may run, so injected markup cannot. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Where a checkout form may end up: our pages, Stripe Checkout when cards are on, VNPay's payment
 * page and MoMo's when they are on (a form's redirect is held to this list without JS). Stripe's
 * session URL comes from the API, so with another API host (stripe-mock, a proxy) either origin may
 * appear; MoMo's `payUrl` is on its API host [I].
 */
function formTargets(): string[] {
  const targets = ["'self'"];
  const { stripe, vnpay, momo } = settings;
  if (stripe) targets.push("https://checkout.stripe.com");
  if (stripe?.apiBase) targets.push(new URL(stripe.apiBase).origin);
  if (vnpay) targets.push(new URL(vnpay.paymentUrl).origin);
  if (momo) targets.push(new URL(momo.apiBase).origin);
  return [...new Set(targets)];
}

/**
 * What lets a page's inline scripts run: a fresh nonce for a page made for one visitor, or the hashes
 * of its scripts for a page whose bytes are shared between visitors (ADR 0021).
 */
export type ScriptSources = { nonce: string } | { hashes: string[] };

/**
 * The Content-Security-Policy of every HTML page. Inline scripts need the page's nonce or their own
 * hash; styles come only from our stylesheet; nothing may frame us. Vite's dev server injects styles
 * and talks over a websocket, so development alone loosens those two.
 */
export function contentSecurityPolicy(scripts: ScriptSources): string {
  const dev = !settings.isProduction;
  const inline = "nonce" in scripts ? [`'nonce-${scripts.nonce}'`] : scripts.hashes;
  const directives = [
    "default-src 'self'",
    ["script-src 'self'", ...inline].join(" "),
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    // blob: only for the product form's preview of a photo just taken, which never leaves the phone.
    "img-src 'self' blob:",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formTargets().join(" ")}`,
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/**
 * Headers for every response, pages and files alike. HSTS only where the site is served over HTTPS
 * (the same test as Secure cookies): the plain-HTTP demo must stay reachable from a phone on the LAN.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), microphone=(), payment=(), usb=()",
  };
  if (settings.secureCookies) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
