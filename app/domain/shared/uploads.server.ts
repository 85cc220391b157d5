import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { declaredLength, readForm } from "~/request.server";
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

/** Past this, an oversized upload is no longer read to its end: reading stops and the connection ends. */
const MAX_UPLOAD_BODY_BYTES = 64 * 1024 * 1024;
/** Any text field beside the file: far above every field's own limit, so long text still gets its field's message. */
const MAX_FIELD_BYTES = 256 * 1024;

/**
 * Reads a form that may carry one file field (multipart, as a phone's camera upload sends it, or a
 * plain urlencoded form). The file comes back as bytes, or null when none was chosen; a file over
 * `maxBytes` gives `tooLarge`.
 *
 * Whatever the headers say (a chunked body declares no length), memory holds at most one file of
 * `maxBytes` and 31 fields of MAX_FIELD_BYTES. What is over is read and thrown away rather than
 * refused mid-body, which would reset the connection before the phone reads the answer; only past
 * MAX_UPLOAD_BODY_BYTES does reading stop.
 */
export async function readFormWithFile(
  request: Request,
  fileField: string,
  maxBytes: number,
): Promise<{ form: FormData; file: Uint8Array | null } | { tooLarge: true } | { malformed: true }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (declaredLength(request) > MAX_UPLOAD_BODY_BYTES) return { tooLarge: true };
  if (!type.startsWith("multipart/form-data")) {
    // No file can come this way: the size cap and cleaning of every other form (413 past 1 MB).
    const form = await readForm(request);
    return form ? { form, file: null } : { malformed: true };
  }
  let total = 0;
  let oversized = false;
  /** The part's value, or undefined (and `oversized`) when it is longer than `limit`, read to its end either way. */
  const keepUpTo = async (part: UploadHandlerPart, limit: number) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (total > MAX_UPLOAD_BODY_BYTES) throw new MaxPartSizeExceededError(part.name, limit);
      if (size <= limit) chunks.push(chunk);
    }
    if (size > limit) {
      oversized = true;
      return undefined;
    }
    const bytes = Buffer.concat(chunks);
    return typeof part.filename === "string" ? new File([bytes], part.filename, { type: part.contentType }) : bytes.toString("utf8");
  };
  try {
    let parts = 0;
    let files = 0;
    const form = await unstable_parseMultipartFormData(request, async (part) => {
      if (++parts > 32) throw new MaxPartSizeExceededError(part.name, maxBytes);
      if (part.name !== fileField) return keepUpTo(part, MAX_FIELD_BYTES);
      const value = await keepUpTo(part, maxBytes);
      // A second file under the same name (a tampered form) is read like the first, then dropped.
      return ++files === 1 ? value : undefined;
    });
    if (oversized) return { tooLarge: true };
    const file = form.get(fileField);
    form.delete(fileField);
    const bytes = file instanceof Blob && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    return { form: cleanFormText(form), file: bytes };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { tooLarge: true };
    return { malformed: true };
  }
}
