import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { settings } from "~/settings.server";
import { cleanFormText } from "./form-text";

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

/**
 * Reads a form that may carry one file field (multipart, as a phone's camera upload sends it, or a
 * plain urlencoded form). The file comes back as bytes, or null when none was chosen; a file over
 * `maxBytes` ends reading early with `tooLarge`.
 */
export async function readFormWithFile(
  request: Request,
  fileField: string,
  maxBytes: number,
): Promise<{ form: FormData; file: Uint8Array | null } | { tooLarge: true } | { malformed: true }> {
  const type = request.headers.get("Content-Type") ?? "";
  // One file and a few small fields: a body much larger than the file allows is refused unread.
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes + 64 * 1024) return { tooLarge: true };
  try {
    if (!type.startsWith("multipart/form-data")) return { form: cleanFormText(await request.formData()), file: null };
    const memory = unstable_createMemoryUploadHandler({ maxPartSize: maxBytes });
    let parts = 0;
    const form = await unstable_parseMultipartFormData(request, (part) => {
      // Many parts each under the limit would add up in memory: cap their number.
      if (++parts > 32) throw new MaxPartSizeExceededError(part.name, maxBytes);
      return memory(part);
    });
    const file = form.get(fileField);
    form.delete(fileField);
    const bytes = file instanceof Blob && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    return { form: cleanFormText(form), file: bytes };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { tooLarge: true };
    return { malformed: true };
  }
}
