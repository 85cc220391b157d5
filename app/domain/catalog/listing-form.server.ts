import { parseWithZod } from "@conform-to/zod";
import type { PortalActor } from "../producers/portal-actor.server";
import type { FormResult } from "../shared/form-result";
import { MAX_PHOTO_BYTES, storePhoto, type StoredPhoto } from "../shared/photos.server";
import { readFormWithFile } from "../shared/uploads.server";
import { todayInVietnam } from "../shared/dates";
import { lockedFieldChanges } from "./certified-fields";
import { createListing, hideListing, ownListing, requestHoldReview, updateListing } from "./listings.server";
import { productSchema } from "./product-form";

export type ListingFormOutcome =
  | { ok: true; productId: number }
  | { ok: false; result: FormResult };

/**
 * Handles the add/edit product form: validates the fields, then the photo by its bytes, and saves
 * both in one transaction. Nothing is written unless everything is valid. The form's "hide" button
 * posts the same fields urlencoded and only hides the listing.
 *
 * The body is read once, through the capped reader, and only after the product is known to be the
 * actor's: another producer's id is a 404 before a byte of its body is kept.
 */
export async function submitListingForm(request: Request, actor: PortalActor, productId: number | null): Promise<ListingFormOutcome> {
  const saved = productId === null ? null : ownListing(actor, productId).product;
  const upload = await readFormWithFile(request, "photo", MAX_PHOTO_BYTES);
  if ("malformed" in upload) throw new Response("Bad request", { status: 400 });
  if ("tooLarge" in upload) return { ok: false, result: { status: "error", error: { photo: ["photo.error.tooLarge"] } } };
  const intent = upload.form.get("intent");
  if (saved && (intent === "hide" || intent === "requestReview")) {
    if (intent === "hide") hideListing(actor, saved.id);
    else requestHoldReview(actor, saved.id);
    return { ok: true, productId: saved.id };
  }
  const submission = parseWithZod(upload.form, { schema: productSchema });
  if (submission.status !== "success") return { ok: false, result: submission.reply() };
  const locked = saved ? lockedFieldChanges(saved, submission.value, todayInVietnam()) : [];
  if (locked.length > 0) {
    return { ok: false, result: submission.reply({ fieldErrors: Object.fromEntries(locked.map((field) => [field, ["listing.error.certifiedLocked"]])) }) };
  }

  let photo: StoredPhoto | null = null;
  if (upload.file) {
    const stored = await storePhoto(upload.file, "products");
    if ("error" in stored) return { ok: false, result: submission.reply({ fieldErrors: { photo: [stored.error] } }) };
    photo = stored;
  }
  if (productId === null) return { ok: true, productId: createListing(actor, submission.value, photo) };
  updateListing(actor, productId, submission.value, photo);
  return { ok: true, productId };
}
