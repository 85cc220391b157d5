/**
 * A posted form that may carry one file, as the app's upload reader (app/upload.server.ts) hands it to
 * the domain: the text fields and the file's bytes (null when none was chosen), or `tooLarge` when the
 * file or the body was over its limit.
 */
export type UploadedForm = { form: FormData; file: Uint8Array | null; /** Every file chosen (up to the reader's `maxFiles`); `file` is the first. */ files: Uint8Array[] } | { tooLarge: true };

/** Reads the body when called: a domain function calls it only once it knows the post may be kept. */
export type ReadUpload = () => Promise<UploadedForm>;
