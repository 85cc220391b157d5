import fc from "fast-check";
import { request as httpRequest } from "node:http";
import { parse, type HTMLElement } from "node-html-parser";
import { vi } from "~/i18n/vi";
import { viMore } from "~/i18n/vi-more";

/** One field of a form as the page renders it. */
export interface FormField {
  name: string;
  /** input type, or "select" / "textarea". */
  kind: string;
  value: string;
  options: string[];
}

/** A form a person can submit, as found in a page's HTML. */
export interface FoundForm {
  /** The page it was found on. */
  page: string;
  action: string;
  multipart: boolean;
  fields: FormField[];
  /** The submit buttons' name=value pairs (`intent`), one per button. */
  buttons: [string, string][];
}

/** Every POST form on a page, with its action resolved against the page's URL. */
export function postForms(html: string, pageUrl: string): FoundForm[] {
  const doc = parse(html);
  return doc
    .querySelectorAll("form")
    .filter((form) => (form.getAttribute("method") ?? "get").toLowerCase() === "post")
    .map((form) => {
      const action = new URL(form.getAttribute("action") ?? "", pageUrl);
      const fields: FormField[] = [];
      for (const el of form.querySelectorAll("input, select, textarea")) {
        const name = el.getAttribute("name");
        if (!name) continue;
        const tag = el.tagName.toLowerCase();
        const kind = tag === "input" ? (el.getAttribute("type") ?? "text").toLowerCase() : tag;
        if (kind === "submit" || kind === "button") continue;
        const options = tag === "select" ? el.querySelectorAll("option").map((o) => o.getAttribute("value") ?? o.textContent) : [];
        const selected = tag === "select" ? el.querySelector("option[selected]")?.getAttribute("value") : undefined;
        const value = tag === "textarea" ? el.textContent : tag === "select" ? (selected ?? options.find((o) => o) ?? "") : (el.getAttribute("value") ?? "");
        if ((kind === "checkbox" || kind === "radio") && fields.some((f) => f.name === name)) {
          fields.find((f) => f.name === name)!.options.push(value);
          continue;
        }
        fields.push({ name, kind, value, options: kind === "checkbox" || kind === "radio" ? [value] : options });
      }
      const buttons = form
        .querySelectorAll("button[name], input[type=submit][name]")
        .map((b) => [b.getAttribute("name")!, b.getAttribute("value") ?? ""] as [string, string]);
      return {
        page: pageUrl,
        action: action.pathname + action.search,
        multipart: (form.getAttribute("enctype") ?? "").includes("multipart"),
        fields,
        buttons,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const MEGABYTE = "Ạ".repeat(350_000); // ~1 MB of UTF-8
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\r\n\r\n--boundary--",
  "A\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c", // stacked combining marks
  "\u202eRTL override\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
  "😀👨‍👩‍👧‍👦🇻🇳\ud83d", // emoji, ZWJ family, flag and a lone surrogate
  "\ufeff\u200b\u200d\u2028\u2029",
  "-1",
  "-0",
  "0",
  "1e309",
  "1e-7",
  "9007199254740993",
  "99999999999999999999999999",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x1F",
  "1_000",
  "12,5",
  "1.5",
  " 7 ",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"__proto__":{"polluted":1}}',
  "constructor",
  "__proto__",
  "toString",
  "' OR '1'='1",
  "1; DROP TABLE products;--",
  "\" UNION SELECT password_hash FROM users --",
  "MATCH * NEAR/2 \"x",
  "nước*^ OR -\"",
  "../../../../etc/passwd",
  "..%2f..%2f..%2fetc%2fpasswd",
  "C:\\Windows\\win.ini",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "//evil.example/x",
  "/\\evil.example",
  "%00%0d%0aSet-Cookie:%20x=1",
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "-000001-01-01",
  "2026-13-45T99:99",
  "${7*7}{{7*7}}<%= 7*7 %>",
  "%s%s%s%n",
  MEGABYTE,
  "9".repeat(5000),
  "x".repeat(300),
];

/** Text that would run script if a page printed it as HTML; each carries `__pwned` so the raw HTML can be searched. */
export function xssPayloads(tag: string): string[] {
  return [
    `<script>window.__pwned='${tag}'</script>`,
    `"><img src=x onerror=window.__pwned='${tag}'>`,
    `' autofocus onfocus=window.__pwned='${tag}' x='`,
    `" autofocus onfocus=window.__pwned='${tag}' x="`,
    `</script><svg/onload=window.__pwned='${tag}'>`,
    `<a href="javascript:window.__pwned='${tag}'">x</a>`,
    `</textarea></title><iframe srcdoc="<script>parent.__pwned='${tag}'</script>">`,
    `{{constructor.constructor('window.__pwned=1')()}}<!--${tag}`,
  ];
}

/**
 * Places where a payload escaped HTML-escaping: a raw tag carrying `__pwned`, or an attribute broken
 * open by a quote inside a tag. (Remix's hydration data and JSON-LD write `<` as \u003c and `"` as \",
 * so a payload stored as text never matches there.)
 */
export function unescapedPayloads(html: string): string[] {
  const rawTags = [/<script>window\.__pwned/g, /<img src=x onerror=/g, /<svg\/onload=/g, /<a href="javascript:/g, /<iframe srcdoc=/g];
  const breakouts = [/(?<!\\)' autofocus onfocus=/g, /(?<!\\)" autofocus onfocus=/g];
  const found: string[] = [];
  const context = (index: number) => html.slice(Math.max(0, index - 60), index + 60);
  for (const pattern of rawTags) for (const match of html.matchAll(pattern)) found.push(context(match.index));
  for (const pattern of breakouts) {
    for (const match of html.matchAll(pattern)) if (insideTag(html, match.index)) found.push(context(match.index));
  }
  return found;
}

function insideTag(html: string, index: number): boolean {
  return html.lastIndexOf("<", index) > html.lastIndexOf(">", index);
}

const PUNCT = fc.constantFrom(..."<>\"'&;/\\%$#{}[]()=+*-_.,:!?`~|^@ \t\n\r\u0000".split(""));
/** Random hostile text: chosen nasties, random unicode, random punctuation soup, or mixtures. */
export function hostileString(tag: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...xssPayloads(tag)) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: PUNCT, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }).map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  );
}

// ---------------------------------------------------------------------------------------------
// What a rejected form shows

const templates = [...Object.values(vi), ...Object.values(viMore)].map(
  (text) => new RegExp("^" + text.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[\\s\\S]*") + "$"),
);
/** Is this text one of the site's Vietnamese messages (with its {params} filled in)? */
export function isVietnameseMessage(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && templates.some((re) => re.test(t));
}

export interface ShownErrors {
  /** Fields marked aria-invalid="true" (or fieldsets pointing at an error), with the text of the error element(s) their aria-describedby names. */
  fields: { name: string; message: string }[];
  /** role="alert" messages about the whole form. */
  alerts: string[];
}

export function shownErrors(html: string): ShownErrors {
  const doc = parse(html);
  const byId = (id: string): HTMLElement | null => doc.querySelector(`[id="${id}"]`);
  const errorIds = (el: HTMLElement) => (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id.includes("error"));
  // A field marked invalid, or a group of choices (fieldset) pointing at its error message.
  const fields = doc
    .querySelectorAll("[aria-invalid], [aria-describedby]")
    .filter((el) => el.getAttribute("aria-invalid") === "true" || errorIds(el).some((id) => byId(id)))
    .map((el) => ({
      name: el.getAttribute("name") ?? el.getAttribute("id") ?? el.tagName.toLowerCase(),
      message: errorIds(el)
        .map((id) => byId(id)?.textContent.trim() ?? "")
        .join(" ")
        .trim(),
    }));
  const alerts = doc.querySelectorAll('[role="alert"]').map((el) => el.textContent.trim()).filter(Boolean);
  return { fields, alerts };
}

/**
 * POSTs on a connection of its own, closed afterwards. A server that refuses an oversized upload
 * before reading it answers and closes while the client is still sending; on a shared keep-alive
 * pool the next request could then land on the dying socket and fail with ECONNRESET, which says
 * nothing about the server's answer to that next request.
 */
export function postAlone(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; type: string; html: string } | "closed unread"> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      const done = () => resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "", html: Buffer.concat(chunks).toString("utf8") });
      response.on("end", done);
      response.on("error", done);
    });
    // A server that refuses the upload unread may close while the body is still going out; the client
    // then fails to write (EPIPE) or is reset before it reads the answer. The server did not fail.
    request.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? resolve("closed unread") : reject(error),
    );
    request.end(body);
  });
}
