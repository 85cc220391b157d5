import { foldVietnamese } from "./fold";
import { closeTerms } from "./typo";

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/** The folded words of a shopper's query: "Nước  mắm!" → ["nuoc", "mam"]; overlong words are cut, not dropped. */
export function queryWords(query: string): string[] {
  return foldVietnamese(query)
    .split(" ")
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS)
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
}

// Folded words are only letters and digits, so quoting them is enough to keep FTS5 syntax out.
const quote = (word: string) => `"${word}"`;

/**
 * An FTS5 query where every word must match; the last one as a prefix, since it may still be
 * being typed ("gao st2" finds "Gạo ST25"). Earlier words are whole words: matching them as
 * prefixes too made common two-word queries twice as slow and found little more.
 * Null when there are no words.
 */
export function prefixMatch(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${quote(w)}*` : quote(w))).join(" AND ");
}

/**
 * The typo-tolerant FTS5 query: each word that matches no indexed term is replaced by the
 * close terms of the vocabulary. Null when nothing could be corrected.
 */
export function fuzzyMatch(words: readonly string[], hasPrefix: (word: string) => boolean, terms: readonly string[]): string | null {
  let corrected = false;
  const parts: string[] = [];
  for (const word of words) {
    if (hasPrefix(word)) {
      parts.push(`${quote(word)}*`);
      continue;
    }
    const close = closeTerms(word, terms);
    if (close.length === 0) return null;
    corrected = true;
    parts.push(`(${close.map(quote).join(" OR ")})`);
  }
  return corrected ? parts.join(" AND ") : null;
}
