import { parseWithZod } from "@conform-to/zod";
import type { PortalActor } from "../producers/portal-actor.server";
import type { FormResult } from "../shared/form-result";
import { savingPhoto, storePhoto, type StoredPhoto } from "../shared/photos.server";
import type { ReadUpload } from "../shared/uploaded-form";
import { todayInVietnam } from "../shared/dates";
import { MAX_PRODUCTS_VERIFIED, productCap, productRoom } from "./bulk-listings.server";
import { lockedFieldChanges } from "./certified-fields";
import { createListing, hideListing, listingPhotos, ownListing, requestHoldReview, updateListing } from "./listings.server";
import { productDetailsSchema, productSchema } from "./product-form";
import { variantsOf } from "./variants.server";

export type ListingFormOutcome =
  | { ok: true; productId: number }
  | { ok: false; result: FormResult; status?: 409 };

/** The stock the edit form showed (its hidden `stockShown`), or null when the post has none. */
function stockShownIn(form: FormData): number | null {
  const raw = form.get("stockShown");
  return typeof raw === "string" && /^\d{1,7}$/.test(raw) ? Number(raw) : null;
}

/**
 * Handles the add/edit product form: validates the fields, then the photo by its bytes, and saves
 * both in one transaction. Nothing is written unless everything is valid. The form's "hide" button
 * posts the same fields urlencoded and only hides the listing.
 *
 * The body is read once, by `readBody` (the app's capped upload reader), and only after the product is
 * known to be the actor's: another producer's id is a 404 before a byte of its body is kept.
 */
export async function submitListingForm(actor: PortalActor, productId: number | null, readBody: ReadUpload): Promise<ListingFormOutcome> {
  const saved = productId === null ? null : ownListing(actor, productId).product;
  const upload = await readBody();
  if ("tooLarge" in upload) return { ok: false, result: { status: "error", error: { photo: ["photo.error.tooLarge"] } } };
  const intent = upload.form.get("intent");
  if (saved && (intent === "hide" || intent === "requestReview")) {
    if (intent === "hide") hideListing(actor, saved.id);
    else requestHoldReview(actor, saved.id);
    return { ok: true, productId: saved.id };
  }
  // A product in several sizes has their prices and stock on its sizes page, not in this form.
  const inSizes = saved !== null && variantsOf(saved.id).length > 1;
  const submission = parseWithZod(upload.form, { schema: inSizes ? productDetailsSchema : productSchema });
  if (submission.status !== "success") return { ok: false, result: submission.reply() };
  // A photo is what a shopper buys from: nothing goes on sale without one; a draft may wait for it.
  if (submission.value.intent === "publish" && !upload.file && !(saved && listingPhotos(saved.id).length > 0)) {
    return { ok: false, result: submission.reply({ fieldErrors: { photo: ["listing.error.photoRequired"] } }) };
  }
  const locked = saved ? lockedFieldChanges(saved, submission.value, todayInVietnam()) : [];
  if (locked.length > 0) {
    return { ok: false, result: submission.reply({ fieldErrors: Object.fromEntries(locked.map((field) => [field, ["listing.error.certifiedLocked"]])) }) };
  }
  /** The form again with the stock there is now, its message by the field, and nothing saved. */
  const stockChanged = (currentStock: number): ListingFormOutcome => {
    const reply = submission.reply({ fieldErrors: { stock: ["listing.error.stockChanged"] } });
    const current = String(currentStock);
    return { ok: false, status: 409, result: { ...reply, initialValue: { ...reply.initialValue, stock: current, stockShown: current } } };
  };
  let edit: { productId: number; stockShown: number } | null = null;
  if (saved && inSizes) edit = { productId: saved.id, stockShown: saved.stock };
  else if (saved) {
    // An edit without the stock it showed cannot prove it saw the current stock: a stale form too.
    // Checked here before a photo is stored (no file for the common case); the UPDATE checks again.
    const stockShown = stockShownIn(upload.form);
    if (stockShown !== saved.stock) return stockChanged(saved.stock);
    edit = { productId: saved.id, stockShown };
  }

  if (productId === null && productRoom(actor.producer) === 0) {
    const key = productCap(actor.producer) === MAX_PRODUCTS_VERIFIED ? "listing.error.overCap" : "listing.error.overCapUnverified";
    return { ok: false, result: submission.reply({ formErrors: [key] }) };
  }

  let photo: StoredPhoto | null = null;
  if (upload.file) {
    const stored = await storePhoto(upload.file, "products");
    if ("error" in stored) return { ok: false, result: submission.reply({ fieldErrors: { photo: [stored.error] } }) };
    photo = stored;
  }
  if (!edit) {
    const input = submission.value;
    // Only an edit of a product in several sizes parses without price and stock.
    if (!("priceVnd" in input)) throw new Error("A new listing always has its price");
    return { ok: true, productId: await savingPhoto(photo, () => createListing(actor, input, photo)) };
  }
  const { productId: id, stockShown } = edit;
  const updated = await savingPhoto(photo, () => updateListing(actor, id, submission.value, stockShown, photo), (outcome) => outcome.ok);
  return updated.ok ? { ok: true, productId: id } : stockChanged(updated.currentStock);
}
