import { parseWithZod } from "@conform-to/zod";
import type { SessionUser } from "../accounts/sessions.server";
import type { FormResult } from "../shared/form-result";
import { MAX_QUERY_LENGTH } from "./catalog-params";
import { movePick, parsePickMove, readDraft, type CollectionDraft } from "./collection-draft";
import { collectionSchema } from "./collection-form";
import { collectionPicks, featurableProducts, saveCollection, type CollectionPick } from "./collections.server";

const REFUSAL_MESSAGE = {
  unknown: "collection.error.unknown",
  uncertified: "collection.error.uncertified",
  outOfProvince: "collection.error.outOfProvince",
} as const;

/** A chosen product as the editor lists it; `product` is null for a slug no product has. */
export interface ChosenProduct {
  slug: string;
  product: CollectionPick | null;
}

/** What the editor shows: the draft, its chosen products in order, and the search with its results. */
export interface CollectionEditor {
  draft: CollectionDraft;
  chosen: ChosenProduct[];
  q: string;
  results: CollectionPick[] | null;
}

function chosenProducts(staff: SessionUser, picks: readonly string[]): ChosenProduct[] {
  const found = collectionPicks(staff, picks);
  return picks.map((slug) => ({ slug, product: found.get(slug) ?? null }));
}

/**
 * The editor for a page load: the draft the search form carried in the URL (the editor's fields
 * travel with the words searched, `find`, so searching loses nothing typed), else the saved
 * collection or a new one.
 */
export function collectionEditor(staff: SessionUser, url: URL, saved: CollectionDraft): CollectionEditor {
  const params = url.searchParams;
  const draft = params.has("title") ? readDraft(params) : saved;
  // Not `q`: that is the storefront search's, which the site header's box shows on every page.
  const q = (params.get("find") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  return { draft, chosen: chosenProducts(staff, draft.picks), q, results: q ? featurableProducts(staff, q) : null };
}

/** What a post of the collection form comes to; app/collection-form-action.server.ts answers it over HTTP. */
export type CollectionFormOutcome =
  /** A chosen-list button (add, up, down, remove): the draft changed, nothing stored. `full` when no more picks fit. */
  | { kind: "edited"; draft: CollectionDraft; chosen: ChosenProduct[]; full: boolean }
  /** Not saved: the fields' messages, or products that may not be featured (`refusal`). */
  | { kind: "invalid"; draft: CollectionDraft; chosen: ChosenProduct[]; result: FormResult; refusal: { message: RefusalMessage; slugs: string } | null }
  | { kind: "notFound" }
  | { kind: "saved" };

type RefusalMessage = (typeof REFUSAL_MESSAGE)[keyof typeof REFUSAL_MESSAGE];

/**
 * The create and edit forms' shared action. The chosen list's buttons (add, up, down, remove)
 * change only the draft the page sends back, nothing stored; "save" stores the collection, or says
 * why not with the message by the field.
 */
export function submitCollectionForm(staff: SessionUser, collectionId: number | null, formData: FormData): CollectionFormOutcome {
  const draft = readDraft(formData);
  const move = parsePickMove(formData.get("intent"));
  if (move) {
    const moved = movePick(draft.picks, move);
    const next = { ...draft, picks: moved.picks };
    return { kind: "edited", draft: next, chosen: chosenProducts(staff, next.picks), full: moved.full };
  }
  const submission = parseWithZod(formData, { schema: collectionSchema });
  const invalid = { kind: "invalid" as const, draft, chosen: chosenProducts(staff, draft.picks) };
  if (submission.status !== "success") return { ...invalid, result: submission.reply(), refusal: null };
  const saved = saveCollection(staff, collectionId, submission.value);
  if (!saved.ok) {
    if (saved.problem === "notFound") return { kind: "notFound" };
    return { ...invalid, result: submission.reply(), refusal: { message: REFUSAL_MESSAGE[saved.problem], slugs: saved.slugs.join(", ") } };
  }
  return { kind: "saved" };
}
