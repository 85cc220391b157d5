import { vi, type MessageKey } from "./vi";

/** A full message catalog. Vietnamese ships in the client bundle; English arrives with the page data only for English visitors. */
export type Messages = Record<MessageKey, string>;

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

export function translator(messages: Messages = vi): Translate {
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}
