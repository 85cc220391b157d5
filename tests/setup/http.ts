import { parse, type HTMLElement } from "node-html-parser";
import { expect } from "vitest";

export interface Page {
  status: number;
  headers: Headers;
  html: string;
  doc: HTMLElement;
  /** Visible text of the page, whitespace collapsed. */
  text: string;
}

/** GETs a page as a browser without JavaScript would, following no redirects. */
export async function getPage(url: string, init: RequestInit = {}): Promise<Page> {
  const res = await fetch(url, { redirect: "manual", ...init });
  const html = await res.text();
  const doc = parse(html);
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { status: res.status, headers: res.headers, html, doc, text: doc.textContent.replace(/\s+/g, " ") };
}

/** Slugs of the product cards listed in the page's main content, in order. */
export function productSlugs(page: Page): string[] {
  return page.doc
    .querySelectorAll("main article a[href^='/products/']")
    .map((a) => decodeURIComponent(a.getAttribute("href")!.slice("/products/".length)));
}

/**
 * The cookies a response sets, as one `Cookie` header (`name=value; name=value`), leaving out those
 * it clears (an empty value or `Max-Age=0`), as a browser would keep them.
 */
export function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .filter((line) => !/^[^=]*=;/.test(line) && !/max-age=0(;|$)/i.test(line))
    .map((line) => line.split(";")[0]!)
    .join("; ");
}

/**
 * Signs in through the sign-in form, as a browser without JavaScript would, and returns the session
 * cookie to send with the next requests. Sign-in is rate-limited (per account and address): a file
 * that needs a role often signs in once and keeps the cookie.
 */
export async function signIn(server: { url: string }, login: string, password = "demo-password"): Promise<string> {
  const res = await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ login, password }), redirect: "manual" });
  expect(res.status, `sign-in of ${login}`).toBe(303);
  return cookieOf(res);
}
