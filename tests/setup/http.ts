import { parse, type HTMLElement } from "node-html-parser";

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
