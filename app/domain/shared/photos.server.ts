import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { MessageKey } from "~/i18n/vi";
import { settings } from "~/settings.server";
import { originalOfThumb, THUMB_WIDTH } from "./photo-urls";
import { readFormWithFile, readUpload } from "./uploads.server";

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

type PublicFile = { body: Buffer; contentType: string };
const thumbsInProgress = new Map<string, Promise<PublicFile | null>>();

/**
 * A public photo by its stored name (for `/media`). A photo's small copy (`photo-urls.ts`) is made
 * from the photo the first time someone asks for it and kept beside it, so photos stored before
 * small copies existed get one too; concurrent first requests share one resize.
 */
export async function readPublicPhoto(name: string): Promise<PublicFile | null> {
  const stored = await readUpload(name);
  if (stored) return stored;
  const original = originalOfThumb(name);
  if (!original) return null;
  let pending = thumbsInProgress.get(name);
  if (!pending) {
    pending = makeThumb(name, original).finally(() => thumbsInProgress.delete(name));
    thumbsInProgress.set(name, pending);
  }
  return pending;
}

async function makeThumb(name: string, original: string): Promise<PublicFile | null> {
  const source = await readUpload(original);
  if (!source) return null;
  let body: Buffer;
  try {
    body = await sharp(source.body).resize({ width: THUMB_WIDTH, withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
  } catch {
    return null;
  }
  // Written under a temporary name and renamed, so no request ever reads half a file.
  const target = path.join(path.resolve(settings.uploadsDir), name);
  const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, body);
    await rename(temporary, target);
  } catch {
    // A read-only uploads folder still gets the small copy, made again next time.
    await rm(temporary, { force: true });
  }
  return { body, contentType: "image/webp" };
}
