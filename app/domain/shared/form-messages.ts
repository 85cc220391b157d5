import { z } from "zod";
import type { MessageKey } from "~/i18n/vi";

/**
 * Form schemas carry i18n keys as their error messages; pages show them in the visitor's language
 * beside the field. `message` only checks, at compile time, that the key exists.
 */
export const message = (key: MessageKey) => key;

/** The Zod option for a field left empty. */
export const required = { required_error: message("form.required") };

/**
 * Zod's own messages are English ("Required", "Expected string, received array", "Expected number,
 * received nan") and reached the page beside the field when a request left a field out, sent it
 * twice or sent text for a number. Every form schema imports this module, so setting the map here
 * gives each issue without a message of its own a Vietnamese key; schema messages still win.
 */
z.setErrorMap((issue) => {
  if (issue.code === z.ZodIssueCode.invalid_type && issue.received === z.ZodParsedType.undefined) return { message: message("form.required") };
  return { message: message("form.invalid") };
});
