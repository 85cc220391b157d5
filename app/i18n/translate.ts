import { vi, type MessageKey } from "./vi";

/**
 * A full message catalog. The storefront's Vietnamese ships in the client bundle, the rest of it with
 * the routes that name it in their `handle` (see vi-more.ts); English arrives with the page data only
 * for English visitors.
 */
export type Messages = Record<MessageKey, string>;

/**
 * What a route exports as `handle` to bring the messages its pages need beyond the storefront's:
 * `export const handle: MessagesHandle = { messages: viMore }`. Every page under that route gets them
 * (a layout's handle covers its children), and the route's chunk carries them, not the storefront's.
 */
export interface MessagesHandle {
  messages: Partial<Messages>;
}

function isMessagesHandle(handle: unknown): handle is MessagesHandle {
  return typeof handle === "object" && handle !== null && "messages" in handle && typeof handle.messages === "object";
}

/**
 * The catalog of a page: English whole when the visitor chose it (it came with the root's data),
 * otherwise the storefront's Vietnamese with the messages each matched route names in its handle.
 */
export function pageCatalog(matches: readonly { handle?: unknown }[], english?: Messages | null): Partial<Messages> {
  if (english) return english;
  let catalog: Partial<Messages> = vi;
  for (const match of matches) {
    if (isMessagesHandle(match.handle)) catalog = merged(catalog, match.handle.messages);
  }
  return catalog;
}

// Merged catalogs are kept, so every component of a page (a long order list calls useT hundreds of
// times) gets the same object: merging ~900 messages per call made /seller/orders 20x slower.
const mergedCatalogs = new WeakMap<Partial<Messages>, WeakMap<Partial<Messages>, Partial<Messages>>>();

function merged(catalog: Partial<Messages>, more: Partial<Messages>): Partial<Messages> {
  let withMore = mergedCatalogs.get(catalog);
  if (!withMore) mergedCatalogs.set(catalog, (withMore = new WeakMap()));
  let result = withMore.get(more);
  if (!result) withMore.set(more, (result = { ...catalog, ...more }));
  return result;
}

/**
 * Whether a text is a message key of the catalog in hand: form errors arrive as plain strings (Zod
 * issue messages), and this narrows them without a cast.
 */
export function isMessageKey(text: string, messages: Partial<Messages> = vi): text is MessageKey {
  return Object.hasOwn(messages, text);
}

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}

/** A whole number with the language's grouping: 1.000 in Vietnamese, 1,000 in English. */
export function formatCount(n: number, lang: Language): string {
  return n.toLocaleString(lang === "en" ? "en-US" : "vi-VN");
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(messages: Partial<Messages> = vi): Translate {
  return (key, params) => {
    // A key no catalog has shows as itself: visible in tests, never a crash.
    const text = messages[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}
