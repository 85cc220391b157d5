import { parseWithZod } from "@conform-to/zod";
import type { PortalActor } from "../producers/portal-actor.server";
import type { FormResult } from "../shared/form-result";
import { MAX_PHOTO_BYTES, storePhoto, type StoredPhoto } from "../shared/photos.server";
import { readFormWithFile } from "../shared/uploads.server";
import { createListing, ownListing, updateListing } from "./listings.server";
import { productSchema } from "./product-form";

export type ListingFormOutcome =
  | { ok: true; productId: number }
  | { ok: false; result: FormResult };

/**
 * Handles the add/edit product form: validates the fields, then the photo by its bytes, and saves
 * both in one transaction. Nothing is written unless everything is valid.
 */
export async function submitListingForm(request: Request, actor: PortalActor, productId: number | null): Promise<ListingFormOutcome> {
  const upload = await readFormWithFile(request, "photo", MAX_PHOTO_BYTES);
  if ("malformed" in upload) throw new Response("Bad request", { status: 400 });
  if ("tooLarge" in upload) return { ok: false, result: { status: "error", error: { photo: ["photo.error.tooLarge"] } } };
  // Ownership first, so another producer's product id never gets a photo written to disk.
  if (productId !== null) ownListing(actor, productId);
  const submission = parseWithZod(upload.form, { schema: productSchema });
  if (submission.status !== "success") return { ok: false, result: submission.reply() };

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
