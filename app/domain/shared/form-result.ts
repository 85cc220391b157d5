/**
 * What a form's action answers after a failed submission, as Conform's `submission.reply()` makes
 * it: the values sent back to refill the form, and error message keys by field ("" for the form).
 */
export interface FormResult {
  status?: "error" | "success";
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
}
