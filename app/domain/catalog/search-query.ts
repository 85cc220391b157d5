import { foldVietnamese } from "./fold";
import { foldForSearch } from "./search-text";
import { closeTerms } from "./typo";

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/** A word as typed, in the pieces the index holds it as: "st25" → ["st", "25"], "mam" → ["mam"]. */
export type QueryWord = readonly string[];

/**
 * The folded words of a shopper's query, each split where letters meet digits as the indexed text is:
 * "Nước  mắm!" → [["nuoc"], ["mam"]], "gạo ST25" → [["gao"], ["st", "25"]]. Overlong words are cut, not dropped.
 */
export function queryWords(query: string): QueryWord[] {
  return foldVietnamese(query)
    .split(" ")
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS)
    .map((w) => foldForSearch(w.slice(0, MAX_WORD_LENGTH)).split(" "));
}

// Folded words are only letters and digits, so quoting them is enough to keep FTS5 syntax out.
const quote = (piece: string) => `"${piece}"`;

/**
 * One word as an FTS5 term: its pieces must follow each other (a phrase), so "st25" finds "ST25" and
 * "ST 25" but not a product with "st" in one place and "25" in another. A prefix marks the last piece.
 */
function term(word: QueryWord, prefix: boolean): string {
  return word.map(quote).join(" + ") + (prefix ? "*" : "");
}

/**
 * An FTS5 query where every word must match; the last one as a prefix, since it may still be
 * being typed ("gao st2" finds "Gạo ST25"). Earlier words are whole words: matching them as
 * prefixes too made common two-word queries twice as slow and found little more.
 * Null when there are no words.
 */
export function prefixMatch(words: readonly QueryWord[]): string | null {
  if (words.length === 0) return null;
  return words.map((w, i) => term(w, i === words.length - 1)).join(" AND ");
}

/** The terms of an index, for typo correction. */
export interface Vocabulary {
  /** Sorted. */
  terms: readonly string[];
  /** Whether the index has this term, or when `asPrefix` any term starting with it. */
  knows(word: string, asPrefix: boolean): boolean;
}

export function vocabularyOf(terms: readonly string[]): Vocabulary {
  const sorted = [...terms].sort();
  return {
    terms: sorted,
    knows(word, asPrefix) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < word) lo = mid + 1;
        else hi = mid;
      }
      const found = sorted[lo];
      return found !== undefined && (asPrefix ? found.startsWith(word) : found === word);
    },
  };
}

/**
 * The typo-tolerant FTS5 query: every word must still match, and each word the index does not know
 * (as a whole word, or as a prefix when typed last) is replaced by its close terms. Words the index
 * knows are never corrected: Vietnamese syllables are so close to one another that "rong" is one edit
 * from "ong", "long", "dong"… and correcting real words listed dozens of unrelated goods. Null when
 * nothing needs correcting, or a word can be neither found nor corrected (words with digits never
 * are: 400 is not a typo of 500).
 */
export function typoMatch(words: readonly QueryWord[], vocabulary: Vocabulary): string | null {
  let corrected = false;
  const parts: string[] = [];
  for (const [i, word] of words.entries()) {
    const last = i === words.length - 1;
    const piece = word[0]!;
    // A word with digits in it is kept as typed: its pieces are too short to correct.
    if (word.length > 1 || vocabulary.knows(piece, last)) {
      parts.push(term(word, last));
      continue;
    }
    const close = /^\p{L}+$/u.test(piece) ? closeTerms(piece, vocabulary.terms) : [];
    if (close.length === 0) return null;
    corrected = true;
    parts.push(`(${close.map(quote).join(" OR ")})`);
  }
  return corrected ? parts.join(" AND ") : null;
}
