/**
 * Folds Vietnamese text for search: lower case, tone and vowel marks removed, đ/Đ → d,
 * anything that is not a letter or digit becomes a single space. "Nước mắm Phú Quốc" → "nuoc mam phu quoc".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Folds a text into the URL-safe slug of a product, producer or collection. */
export function slugify(text: string): string {
  return foldVietnamese(text).replace(/ /g, "-").replace(/[^a-z0-9-]/g, "");
}
