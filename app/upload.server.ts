import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import { cleanFormText } from "./domain/shared/form-text";
import type { UploadedForm } from "./domain/shared/uploaded-form";
import { declaredLength, readForm } from "./request.server";

/**
 * The HTTP side of forms that carry a file (ADR 0018): the domain's form handlers take a function
 * that reads the body, so they decide when it is read (after the ownership checks) without seeing
 * the request.
 */

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
async function readFormWithFile(
  request: Request,
  fileField: string,
  maxBytes: number,
  maxFiles = 1,
): Promise<UploadedForm | { malformed: true }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (declaredLength(request) > MAX_UPLOAD_BODY_BYTES) return { tooLarge: true };
  if (!type.startsWith("multipart/form-data")) {
    // No file can come this way: the size cap and cleaning of every other form (413 past 1 MB).
    const form = await readForm(request);
    return form ? { form, file: null, files: [] } : { malformed: true };
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
      // A file past `maxFiles` under the same name (a tampered form) is read like the others, then dropped.
      return ++files <= maxFiles ? value : undefined;
    });
    if (oversized) return { tooLarge: true };
    const chosen: Uint8Array[] = [];
    for (const file of form.getAll(fileField)) {
      if (file instanceof Blob && file.size > 0) chosen.push(new Uint8Array(await file.arrayBuffer()));
    }
    form.delete(fileField);
    return { form: cleanFormText(form), file: chosen[0] ?? null, files: chosen };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { tooLarge: true };
    return { malformed: true };
  }
}

/**
 * Reads the posted form with its one file (see readFormWithFile); a body that is no form at all is
 * answered 400 here, so the domain only ever sees a form or `tooLarge`.
 */
export function uploadReader(request: Request, fileField: string, maxBytes: number, maxFiles = 1): () => Promise<UploadedForm> {
  return async () => {
    const upload = await readFormWithFile(request, fileField, maxBytes, maxFiles);
    if ("malformed" in upload) throw new Response("Bad request", { status: 400 });
    return upload;
  };
}
