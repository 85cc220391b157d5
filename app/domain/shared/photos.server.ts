import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { MessageKey } from "~/i18n/vi";
import { settings } from "~/settings.server";
import { readFormWithFile } from "./uploads.server";

/** Largest photo accepted: a phone camera's JPEG is 2–6 MB. */
export const MAX_PHOTO_BYTES = 12 * 1024 * 1024;
const MAX_EDGE = 1280;
// Formats judged by the bytes (sharp reads the header), never by the file name or the browser's type.
const ACCEPTED = new Set(["jpeg", "png", "webp", "heif", "avif", "gif"]);

export type StoredPhoto = { file: string; width: number; height: number };

/**
 * Re-encodes an uploaded photo to WebP at most 1280 px on its long edge, turned upright by its
 * EXIF orientation, with all metadata (GPS location included) left behind, under a random name.
 */
export async function storePhoto(bytes: Uint8Array, folder: "products" | "producers"): Promise<StoredPhoto | { error: MessageKey }> {
  if (bytes.byteLength > MAX_PHOTO_BYTES) return { error: "photo.error.tooLarge" };
  let format: string | undefined;
  try {
    format = (await sharp(bytes).metadata()).format;
  } catch {
    return { error: "photo.error.notImage" };
  }
  if (!format || !ACCEPTED.has(format)) return { error: "photo.error.notImage" };
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize(MAX_EDGE, MAX_EDGE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    const file = `${folder}/${randomBytes(16).toString("hex")}.webp`;
    await mkdir(path.join(settings.uploadsDir, folder), { recursive: true });
    await writeFile(path.join(settings.uploadsDir, file), data);
    return { file, width: info.width, height: info.height };
  } catch {
    // A header that parses but a body that does not decode is still not a photo.
    return { error: "photo.error.notImage" };
  }
}

/** Reads a form carrying one photo in `photo` and stores it; the form's other fields come back too. */
export async function receivePhoto(
  request: Request,
  folder: "products" | "producers",
): Promise<{ form: FormData; photo: StoredPhoto } | { form: FormData | null; error: MessageKey }> {
  const upload = await readFormWithFile(request, "photo", MAX_PHOTO_BYTES);
  if ("malformed" in upload) throw new Response("Bad request", { status: 400 });
  if ("tooLarge" in upload) return { form: null, error: "photo.error.tooLarge" };
  if (!upload.file) return { form: upload.form, error: "form.required" };
  const stored = await storePhoto(upload.file, folder);
  return "error" in stored ? { form: upload.form, error: stored.error } : { form: upload.form, photo: stored };
}

/**
 * Moves a stored photo into the private `evidence/` folder, which `/media` never serves: certificate
 * scans are for the producer and staff only (served by `/evidence/:id` after an access check).
 */
export async function makePrivate(photo: StoredPhoto): Promise<StoredPhoto> {
  const file = `evidence/${path.basename(photo.file)}`;
  const root = path.resolve(settings.uploadsDir);
  await mkdir(path.join(root, "evidence"), { recursive: true });
  await rename(path.join(root, photo.file), path.join(root, file));
  return { ...photo, file };
}
