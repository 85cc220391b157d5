import { request as httpRequest } from "node:http";
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

export interface FreshAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request on a connection of its own (`node:http`, no agent): a server's worker processes take
 * connections in turn, so consecutive calls reach the workers alternately (fetch keeps its
 * connections, hence mostly one worker). `form` posts those fields, url-encoded.
 */
export function onFreshConnection(url: string, { headers = {}, form }: { headers?: Record<string, string>; form?: Record<string, string> } = {}): Promise<FreshAnswer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const allHeaders = body === undefined ? headers : { ...headers, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: body === undefined ? "GET" : "POST", agent: false, headers: allHeaders }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
