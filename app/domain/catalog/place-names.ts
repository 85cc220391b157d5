import type { Language } from "~/i18n/translate";

/** A province's short name in the visitor's language ("Hà Nội" / "Hanoi"). */
export function provinceName(p: { name: string; nameEn: string }, lang: Language): string {
  return lang === "en" ? p.nameEn : p.name;
}
