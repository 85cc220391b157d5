import { readFile } from "node:fs/promises";
import path from "node:path";
import { settings } from "~/settings.server";

const CONTENT_TYPES: Record<string, string> = { ".webp": "image/webp", ".png": "image/png", ".jpg": "image/jpeg" };
// Names the server makes: a folder, then random hex (and `.w400` for a photo's small copy) and a
// known extension. Nothing else is served.
const UPLOAD_NAME = /^[a-z]+\/[a-f0-9]{8,64}(\.w400)?\.(webp|png|jpg)$/;

// Folders anyone may read through /media; `evidence/` (certificate scans) is private.
const PUBLIC_FOLDERS = new Set(["products", "producers"]);

/** A public uploaded file by its stored name, or null when the name is not one the server could have made public. */
export async function readUpload(name: string): Promise<{ body: Buffer; contentType: string } | null> {
  if (!PUBLIC_FOLDERS.has(name.split("/")[0]!)) return null;
  return readStoredFile(name);
}

/** Any stored file, private ones included: callers check who may see it first. */
export async function readStoredFile(name: string): Promise<{ body: Buffer; contentType: string } | null> {
  if (!UPLOAD_NAME.test(name)) return null;
  try {
    const body = await readFile(path.join(path.resolve(settings.uploadsDir), name));
    return { body, contentType: CONTENT_TYPES[path.extname(name)] ?? "application/octet-stream" };
  } catch {
    return null;
  }
}
