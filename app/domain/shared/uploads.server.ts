import { readFile } from "node:fs/promises";
import path from "node:path";
import { settings } from "~/settings.server";

const CONTENT_TYPES: Record<string, string> = { ".webp": "image/webp", ".png": "image/png", ".jpg": "image/jpeg" };
// Names the server makes: a folder, then random hex and a known extension. Nothing else is served.
const UPLOAD_NAME = /^[a-z]+\/[a-f0-9]{8,64}\.(webp|png|jpg)$/;

/** An uploaded file by its stored name, or null when the name is not one the server could have made. */
export async function readUpload(name: string): Promise<{ body: Buffer; contentType: string } | null> {
  if (!UPLOAD_NAME.test(name)) return null;
  try {
    const body = await readFile(path.join(path.resolve(settings.uploadsDir), name));
    return { body, contentType: CONTENT_TYPES[path.extname(name)] ?? "application/octet-stream" };
  } catch {
    return null;
  }
}
