import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { OutputInfo } from "sharp";
import type { MessageKey } from "~/i18n/vi";
import { settings } from "~/settings.server";
import { originalOfThumb, THUMB_WIDTH } from "./photo-urls";
import { readUpload } from "./uploads.server";

/** Largest photo accepted: a phone camera's JPEG is 2–6 MB. */
export const MAX_PHOTO_BYTES = 12 * 1024 * 1024;
const MAX_EDGE = 1280;
// Formats judged by the bytes (sharp reads the header), never by the file name or the browser's type.
const ACCEPTED = new Set(["jpeg", "png", "webp", "heif", "avif", "gif"]);

// libvips is loaded with the first photo, not in every worker at start (about 20 MB of memory).
const loadSharp = () => import("sharp").then((module) => module.default);

export type StoredPhoto = { file: string; width: number; height: number };

/**
 * Where a photo is written. `/media` serves `products/` and `producers/` to anyone; `evidence/`
 * (certificate scans) is private, served by `/evidence/:id` after an access check, and a scan is
 * written there directly, never passing through a public folder. `complaints/` (buyers' photos of
 * goods complained about) is private too, served by `/complaints/photos/:id` to the complaint's parties.
 */
export type PhotoFolder = "products" | "producers" | "evidence" | "complaints";

/**
 * Re-encodes an uploaded photo to WebP at most 1280 px on its long edge, turned upright by its
 * EXIF orientation, with all metadata (GPS location included) left behind, under a random name.
 */
export async function storePhoto(bytes: Uint8Array, folder: PhotoFolder): Promise<StoredPhoto | { error: MessageKey }> {
  if (bytes.byteLength > MAX_PHOTO_BYTES) return { error: "photo.error.tooLarge" };
  let format: string | undefined;
  try {
    format = (await (await loadSharp())(bytes).metadata()).format;
  } catch {
    return { error: "photo.error.notImage" };
  }
  if (!format || !ACCEPTED.has(format)) return { error: "photo.error.notImage" };
  let encoded: { data: Buffer; info: OutputInfo };
  try {
    encoded = await (await loadSharp())(bytes, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize(MAX_EDGE, MAX_EDGE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    // A header that parses but a body that does not decode is still not a photo.
    return { error: "photo.error.notImage" };
  }
  const file = `${folder}/${randomBytes(16).toString("hex")}.webp`;
  const target = path.join(path.resolve(settings.uploadsDir), file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, encoded.data);
  } catch (error) {
    // A full disk must not leave half a file behind.
    await rm(target, { force: true });
    throw error;
  }
  return { file, width: encoded.info.width, height: encoded.info.height };
}

/** Deletes a stored photo no record points to (public or private); a file already gone is fine. */
export async function discardPhoto(photo: StoredPhoto | null): Promise<void> {
  if (!photo) return;
  const root = path.resolve(settings.uploadsDir);
  const target = path.resolve(root, photo.file);
  if (!target.startsWith(root + path.sep)) return;
  await rm(target, { force: true });
}

/**
 * Runs the database write for a photo already stored. When the write throws, or `used` says the
 * photo did not go in (a refused save), the file is deleted: a failed upload leaves no file behind,
 * in the public folders or the private one.
 */
export async function savingPhoto<T>(photo: StoredPhoto | null, save: () => T, used: (result: T) => boolean = () => true): Promise<T> {
  let result: T;
  try {
    result = save();
  } catch (error) {
    await discardPhoto(photo);
    throw error;
  }
  if (!used(result)) await discardPhoto(photo);
  return result;
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
    body = await (await loadSharp())(source.body).resize({ width: THUMB_WIDTH, withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
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
