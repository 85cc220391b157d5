/**
 * The collection editor's draft between its buttons, Zod-free so the editor's page can use it
 * without shipping Zod to the browser (the schema that saves is in collection-form.ts).
 */
export const MAX_COLLECTION_PRODUCTS = 24;

/** The slug of a product from a line staff paste: its storefront URL, its path or the slug itself. */
export function productSlugFromLine(line: string): string | null {
  const text = line.trim();
  if (!text) return null;
  const match = /(?:^|\/products\/)([a-z0-9-]{1,200})\/?(?:[?#].*)?$/.exec(text);
  return match ? match[1]! : null;
}

/** The non-empty lines of the pasted-links box. */
export const pastedLines = (text: string | undefined) => (text ?? "").split(/\r?\n/).filter((l) => l.trim());

/** The editor's state between its forms: the fields as typed and the products chosen so far, in order. */
export interface CollectionDraft {
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  position: string;
  picks: string[];
  /** Pasted lines that are not a product's address, left in the box to correct. */
  pasted: string;
}

type Fields = { get(name: string): unknown; getAll(name: string): unknown[] };
const str = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

/**
 * The draft a form or a search URL carries. Pasted lines that name a product join the chosen
 * list; an unreadable pick (not a slug) is dropped, the rest kept once each in the order given.
 */
export function readDraft(fields: Fields): CollectionDraft {
  const picks = fields.getAll("pick").map((p) => (typeof p === "string" ? productSlugFromLine(p) : null));
  const lines = pastedLines(str(fields.get("products"), 20_000));
  const pasted = lines.map((line) => ({ line, slug: productSlugFromLine(line) }));
  const all = [...picks, ...pasted.map((p) => p.slug)].filter((s): s is string => s !== null);
  return {
    title: str(fields.get("title"), 200),
    description: str(fields.get("description"), 1000),
    startsOn: str(fields.get("startsOn"), 20),
    endsOn: str(fields.get("endsOn"), 20),
    position: str(fields.get("position"), 10),
    picks: [...new Set(all)].slice(0, MAX_COLLECTION_PRODUCTS * 2),
    pasted: pasted
      .filter((p) => p.slug === null)
      .map((p) => p.line)
      .join("\n"),
  };
}

export type PickMove = { op: "add" | "up" | "down" | "remove"; slug: string };

/** A button of the chosen list or the search results: `intent=add:<slug>`, `up:`, `down:`, `remove:`. */
export function parsePickMove(intent: unknown): PickMove | null {
  if (typeof intent !== "string") return null;
  const match = /^(add|up|down|remove):([a-z0-9-]{1,200})$/.exec(intent);
  return match ? { op: match[1] as PickMove["op"], slug: match[2]! } : null;
}

/**
 * The chosen list after one button: added at the end (once; refused past the limit), moved one
 * place up or down, or removed. A button for a product no longer in the list changes nothing.
 */
export function movePick(picks: readonly string[], move: PickMove): { picks: string[]; full: boolean } {
  const list = [...picks];
  const at = list.indexOf(move.slug);
  if (move.op === "add") {
    if (at !== -1) return { picks: list, full: false };
    if (list.length >= MAX_COLLECTION_PRODUCTS) return { picks: list, full: true };
    return { picks: [...list, move.slug], full: false };
  }
  if (at === -1) return { picks: list, full: false };
  if (move.op === "remove") list.splice(at, 1);
  const to = move.op === "up" ? at - 1 : move.op === "down" ? at + 1 : at;
  if (move.op !== "remove" && to >= 0 && to < list.length) [list[at], list[to]] = [list[to]!, list[at]!];
  return { picks: list, full: false };
}

/** The draft of a stored collection, to edit. */
export function savedDraft(c: { title: string; description: string; startsOn: string; endsOn: string | null; position: number; slugs: string[] }): CollectionDraft {
  return { title: c.title, description: c.description, startsOn: c.startsOn, endsOn: c.endsOn ?? "", position: String(c.position), picks: c.slugs, pasted: "" };
}

/** The draft of a new collection, shown from today. */
export function newDraft(today: string): CollectionDraft {
  return { title: "", description: "", startsOn: today, endsOn: "", position: "0", picks: [], pasted: "" };
}
