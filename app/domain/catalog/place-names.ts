import type { Language } from "~/i18n/translate";

/** A province's short name in the visitor's language ("Hà Nội" / "Hanoi"). */
export function provinceName(p: { name: string; nameEn: string }, lang: Language): string {
  return lang === "en" ? p.nameEn : p.name;
}

const collators: Record<Language, Intl.Collator> = { vi: new Intl.Collator("vi"), en: new Intl.Collator("en") };

/**
 * Places sorted by name the way a reader of the language expects: Vietnamese collation puts Cần Thơ
 * after Cao Bằng and Đà Nẵng before Gia Lai, where code points would put Đ after every other letter.
 */
export function sortByName<T extends { name: string }>(places: readonly T[], lang: Language): T[] {
  const collator = collators[lang];
  return [...places].sort((a, b) => collator.compare(a.name, b.name));
}
