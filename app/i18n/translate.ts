import { vi, type MessageKey } from "./vi";

/**
 * A full message catalog. The storefront's Vietnamese ships in the client bundle, the rest of it with
 * the routes that use it (see vi-more.ts); English arrives with the page data only for English visitors.
 */
export type Messages = Record<MessageKey, string>;

// Vietnamese messages added by route modules outside the storefront when they load.
const addedMessages: Partial<Messages> = {};

export function addMessages(messages: Partial<Messages>) {
  Object.assign(addedMessages, messages);
}

/**
 * Whether a text is a message key of the catalog in hand (or of the messages a loaded route added):
 * form errors arrive as plain strings (Zod issue messages), and this narrows them without a cast.
 */
export function isMessageKey(text: string, messages: Partial<Messages> = vi): text is MessageKey {
  return Object.hasOwn(messages, text) || Object.hasOwn(addedMessages, text);
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
    const text = messages[key] ?? addedMessages[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}
