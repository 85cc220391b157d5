import { foldVietnamese } from "./fold";

/** A commune or ward as the finder knows it: its codes, the words a person types, the label shown. */
export interface CommuneEntry {
  code: string;
  provinceCode: string;
  /** "Phường Mỹ Xuyên, Thành phố Cần Thơ" (or its English form). */
  label: string;
  /** The folded short name ("my xuyen"), the best thing a person can type. */
  name: string;
  /** The folded full name ("phuong my xuyen"). */
  full: string;
  /** Folded words of the full name and of its province ("phuong my xuyen thanh pho can tho"). */
  words: string[];
}

export function communeEntry(ward: { code: string; provinceCode: string; name: string; fullName: string }, province: { name: string; fullName: string }, label: string): CommuneEntry {
  const words = foldVietnamese(`${ward.fullName} ${province.fullName} ${province.name}`).split(" ");
  return { code: ward.code, provinceCode: ward.provinceCode, label, name: foldVietnamese(ward.name), full: foldVietnamese(ward.fullName), words: [...new Set(words)] };
}

/**
 * The communes a typed text names: every word typed must begin a word of the commune's full name
 * or its province, so "my xuyen", "Mỹ Xuyên", "p my xuyen can tho" and "tan phu, dong nai" all work
 * without diacritics or the "xã/phường" prefix. Ranked: the short name typed exactly first, then
 * shorter names. A farmer knows the commune on their ID card; the province follows from it.
 */
export function findCommunes(entries: readonly CommuneEntry[], text: string, limit: number): CommuneEntry[] {
  const typed = foldVietnamese(text);
  const query = typed.split(" ").filter(Boolean);
  if (query.length === 0) return [];
  const found = entries.filter((entry) => query.every((q) => entry.words.some((w) => w.startsWith(q))));
  const rank = (entry: CommuneEntry) => (entry.name === typed ? 0 : namedBy(entry, typed) ? 1 : 2);
  return found
    .map((entry) => ({ entry, rank: rank(entry) }))
    .sort((a, b) => a.rank - b.rank || a.entry.name.length - b.entry.name.length || a.entry.label.localeCompare(b.entry.label, "vi"))
    .slice(0, limit)
    .map(({ entry }) => entry);
}

/**
 * True when the text is the commune's name, short or full, alone or followed by more words (its
 * province): "tan phu tay ninh" and "xa tan phu, tay ninh" name Tân Phú, not Tân Phú Trung.
 */
function namedBy(entry: CommuneEntry, typed: string): boolean {
  return [entry.name, entry.full].some((name) => typed === name || typed.startsWith(`${name} `));
}

export type CommuneChoice =
  | { found: CommuneEntry }
  /** `sameName`: communes sharing the name typed; otherwise names the text only begins (typed in part). */
  | { choices: CommuneEntry[]; sameName: boolean }
  | { none: true };

/**
 * What a typed commune resolves to when the form is sent: the one commune it names, or the
 * communes to choose between (several share a name: "Tân Phú" is in more than one province), or none.
 * A text naming exactly one commune by its short name ("tan phu tay ninh") wins over communes whose
 * names it only begins ("Tân Phú Trung").
 */
export function resolveCommune(entries: readonly CommuneEntry[], text: string): CommuneChoice {
  const matches = findCommunes(entries, text, 12);
  if (matches.length === 0) return { none: true };
  if (matches.length === 1) return { found: matches[0]! };
  const typed = foldVietnamese(text);
  const named = matches.filter((m) => namedBy(m, typed));
  if (named.length === 1) return { found: named[0]! };
  return named.length > 1 ? { choices: named, sameName: true } : { choices: matches, sameName: false };
}
