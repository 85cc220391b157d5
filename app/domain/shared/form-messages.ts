import type { MessageKey } from "~/i18n/vi";

/**
 * Form schemas carry i18n keys as their error messages; pages show them in the visitor's language
 * beside the field. `message` only checks, at compile time, that the key exists.
 */
export const message = (key: MessageKey) => key;

/** The Zod option for a field left empty. */
export const required = { required_error: message("form.required") };
