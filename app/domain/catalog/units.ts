import type { Language } from "~/i18n/translate";

/**
 * English for the sale units producers most often type. A unit is free text in the producer's own
 * words, so this is a dictionary, not a list of allowed values: a unit it does not know is shown as
 * typed. Keys are lower case; `one` is for a single unit ("/ bottle"), `other` for any other count.
 */
const ENGLISH_UNITS: Record<string, { one: string; other: string }> = {
  "chai": { one: "bottle", other: "bottles" },
  "hộp": { one: "box", other: "boxes" },
  "túi": { one: "bag", other: "bags" },
  "gói": { one: "pack", other: "packs" },
  "hũ": { one: "jar", other: "jars" },
  "lọ": { one: "jar", other: "jars" },
  "bình": { one: "jar", other: "jars" },
  "cái": { one: "piece", other: "pieces" },
  "chiếc": { one: "piece", other: "pieces" },
  "con": { one: "piece", other: "pieces" },
  "quả": { one: "piece", other: "pieces" },
  "trái": { one: "piece", other: "pieces" },
  "miếng": { one: "piece", other: "pieces" },
  "viên": { one: "piece", other: "pieces" },
  "bó": { one: "bunch", other: "bunches" },
  "chùm": { one: "bunch", other: "bunches" },
  "bộ": { one: "set", other: "sets" },
  "cặp": { one: "pair", other: "pairs" },
  "đôi": { one: "pair", other: "pairs" },
  "chậu": { one: "pot", other: "pots" },
  "cây": { one: "plant", other: "plants" },
  "thùng": { one: "carton", other: "cartons" },
  "khay": { one: "tray", other: "trays" },
  "vỉ": { one: "pack", other: "packs" },
  "lon": { one: "can", other: "cans" },
  "bao": { one: "sack", other: "sacks" },
  "cuộn": { one: "roll", other: "rolls" },
  "tấm": { one: "sheet", other: "sheets" },
  "vé": { one: "ticket", other: "tickets" },
  "suất": { one: "serving", other: "servings" },
  "phần": { one: "portion", other: "portions" },
  "người": { one: "person", other: "people" },
  "đêm": { one: "night", other: "nights" },
  "ngày": { one: "day", other: "days" },
  "lượt": { one: "visit", other: "visits" },
  "kg": { one: "kg", other: "kg" },
  "ký": { one: "kg", other: "kg" },
  "kí": { one: "kg", other: "kg" },
  "g": { one: "g", other: "g" },
  "gam": { one: "g", other: "g" },
  "gram": { one: "g", other: "g" },
  "tấn": { one: "tonne", other: "tonnes" },
  "lít": { one: "litre", other: "litres" },
  "lit": { one: "litre", other: "litres" },
  "l": { one: "litre", other: "litres" },
  "ml": { one: "ml", other: "ml" },
};

/**
 * The unit as a shopper reading `lang` should see it: Vietnamese as the producer typed it; English
 * from the dictionary above when the unit is a common one, else as typed. `count` picks the plural
 * ("12 bottles left"); without it the unit is one ("125,000 ₫ / bottle").
 */
export function unitLabel(unit: string, lang: Language, count = 1): string {
  if (lang === "vi") return unit;
  const english = ENGLISH_UNITS[unit.normalize("NFC").trim().toLocaleLowerCase("vi")];
  if (!english) return unit;
  return count === 1 ? english.one : english.other;
}
