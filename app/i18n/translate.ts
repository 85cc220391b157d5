import { en } from "./en";
import { vi, type MessageKey } from "./vi";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}

const catalogs: Record<Language, Record<MessageKey, string>> = { vi, en };

/** A whole number with the language's grouping: 1.000 in Vietnamese, 1,000 in English. */
export function formatCount(n: number, lang: Language): string {
  return n.toLocaleString(lang === "en" ? "en-US" : "vi-VN");
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  const messages = catalogs[lang];
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}
