/**
 * Optimal-string-alignment distance (Levenshtein plus swapped neighbours) between a and b,
 * giving up early: returns max + 1 as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2]! + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Typos forgiven for a word of this length: none for short words, where every edit is another word. */
export function allowedTypos(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Indexed terms a possibly mistyped word may have meant, the likeliest first. A word still being
 * typed is also compared with the start of each term, so "nuco" finds "nuoc" and "huonf" finds "huong".
 */
export function closeTerms(word: string, terms: readonly string[], limit = 8): string[] {
  const max = allowedTypos(word.length);
  if (max === 0) return [];
  const scored: { term: string; distance: number }[] = [];
  for (const term of terms) {
    const whole = editDistance(word, term, max);
    const prefix = term.length > word.length ? editDistance(word, term.slice(0, word.length), max) : whole;
    const distance = Math.min(whole, prefix + 0.5);
    if (distance <= max) scored.push({ term, distance });
  }
  scored.sort((x, y) => x.distance - y.distance || x.term.length - y.term.length);
  return scored.slice(0, limit).map((s) => s.term);
}
