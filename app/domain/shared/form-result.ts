import type { SubmissionResult } from "@conform-to/react";

/**
 * What a form's action answers after a failed submission: Conform's `submission.reply()`, the values
 * sent back to refill the form and error message keys by field ("" for the form). Pages hand it to
 * `useConformForm` as `lastResult` (ADR 0016).
 */
export type FormResult = SubmissionResult<string[]>;
