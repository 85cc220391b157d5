import { data } from "@remix-run/node";
import type { SessionUser } from "./domain/accounts/sessions.server";
import { submitCollectionForm } from "./domain/catalog/collection-editor.server";
import { redirectWithFlash } from "./flash.server";

/**
 * The HTTP answer to a post of the collection form (new and edit pages alike): the draft back after a
 * chosen-list button, 400 with the messages when not saved, 404 for a collection that is gone, and
 * back to the list saying so once saved.
 */
export function collectionFormAction(staff: SessionUser, collectionId: number | null, formData: FormData) {
  const outcome = submitCollectionForm(staff, collectionId, formData);
  switch (outcome.kind) {
    case "edited":
      return data({ draft: outcome.draft, chosen: outcome.chosen, full: outcome.full, result: null, refusal: null });
    case "invalid":
      return data({ draft: outcome.draft, chosen: outcome.chosen, full: false, result: outcome.result, refusal: outcome.refusal }, { status: 400 });
    case "notFound":
      throw new Response("Not found", { status: 404 });
    case "saved":
      return redirectWithFlash("/staff/collections", "flash.collection.saved");
  }
}
