import { en } from "./en";
import type { Language, Messages } from "./translate";

/** The catalog a page must carry for its visitor: none for Vietnamese (already in the bundle), English otherwise. */
export function messagesToShip(lang: Language): Messages | null {
  return lang === "en" ? en : null;
}
