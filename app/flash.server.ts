import { createCookie, redirect } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { en } from "./i18n/en";
import { translator, type Language } from "./i18n/translate";
import { vi, type MessageKey } from "./i18n/vi";
import { viMore } from "./i18n/vi-more";
import { settings } from "./settings.server";

/**
 * The confirmations a page may show after a form (ADR 0012). The cookie names one of them and
 * nothing else: a client that writes the cookie itself can only pick one of these sentences, never
 * put text of its own on the page.
 */
export const FLASH_MESSAGES = [
  "flash.producer.approve",
  "flash.producer.changes",
  "flash.producer.reject",
  "flash.certificate.record",
  "flash.certificate.renew",
  "flash.certificate.revoke",
  "flash.collection.saved",
  "flash.listing.hide",
  "flash.listing.restore",
  "flash.report.dismiss",
  "flash.payout.recorded",
  "flash.payment.resolved",
  "flash.payment.markPaid",
  "flash.payment.refunded",
  "profile.saved",
  "payoutAccount.saved",
  "flash.product.created",
  "flash.profile.created",
  "flash.product.saved",
  "flash.sizes.saved",
  "flash.question.asked",
  "flash.question.reported",
  "flash.question.answered",
  "flash.question.edited",
  "flash.question.hide",
  "flash.question.unhide",
  "flash.question.keep",
  "campaign.saved",
  "voucher.created",
  "voucher.disabledNotice",
  "flash.complaint.opened",
  "flash.complaint.answered",
  "flash.complaint.decided",
  "flash.identity.saved",
  "flash.identity.checked",
  "flash.policy.published",
  "flash.message.resent",
  "flash.messagePrefs.saved",
  "flash.password.reset",
  "shipping.saved",
] as const satisfies readonly MessageKey[];
export type FlashMessage = (typeof FLASH_MESSAGES)[number];

/** A confirmation as the next page shows it: its text in the visitor's language, and an id for showing it once. */
export interface Flash {
  id: string;
  text: string;
}

// A minute is enough for the redirect's next page; a message that was never shown does not turn up days later.
const flashCookie = createCookie("ocop_flash", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: settings.secureCookies,
  maxAge: 60,
});

const isFlashMessage = (value: unknown): value is FlashMessage => FLASH_MESSAGES.includes(value as FlashMessage);

/** The Set-Cookie header that leaves `message` for the next page the browser opens. */
export function flashHeader(message: FlashMessage): Promise<string> {
  return flashCookie.serialize({ m: message, n: randomBytes(6).toString("base64url") });
}

/** A 303 to `url` whose page then says `message` once. */
export async function redirectWithFlash(url: string, message: FlashMessage, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashHeader(message));
  return redirect(url, { status: 303, headers });
}

const vietnamese = translator({ ...vi, ...viMore });
const english = translator(en);

/**
 * Takes the request's confirmation, if any: its text, and the Set-Cookie header that removes it so
 * the page after does not show it again. A cookie naming no known message is removed and shows nothing.
 */
export async function takeFlash(request: Request, lang: Language): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header?.includes("ocop_flash=")) return { flash: null, setCookie: null };
  const setCookie = await flashCookie.serialize("", { maxAge: 0 });
  let value: unknown = null;
  try {
    value = await flashCookie.parse(header);
  } catch {
    value = null;
  }
  if (typeof value !== "object" || value === null) return { flash: null, setCookie };
  const { m, n } = value as { m?: unknown; n?: unknown };
  if (!isFlashMessage(m) || typeof n !== "string" || !/^[\w-]{1,16}$/.test(n)) return { flash: null, setCookie };
  return { flash: { id: n, text: (lang === "en" ? english : vietnamese)(m) }, setCookie };
}
