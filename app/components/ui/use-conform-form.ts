import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { z } from "zod";

/** A form schema: Zod over the posted fields, whatever it turns them into. */
type FormSchema = z.ZodType<unknown, z.ZodTypeDef, Record<string, unknown>>;

/**
 * The one way a page holds a form (ADR 0016): Conform's `useForm` over the same Zod schema the action
 * parses. The server's `submission.reply()` (`lastResult`) refills the form and places its errors, so
 * a page without JavaScript shows them as it is rendered; with JavaScript the schema also checks a
 * field when it is left and again as it is corrected. The server stays the judge: the browser only
 * answers earlier with the same message keys.
 *
 * A submit button marked `formNoValidate` (hide, delete: actions outside the schema) skips the check.
 */
export function useConformForm<Schema extends FormSchema>(
  schema: Schema,
  options: {
    lastResult?: SubmissionResult<string[]> | null;
    defaultValue?: DefaultValue<z.input<Schema>>;
    /** One form per row needs its own id; one per page lets React choose. */
    id?: string;
  } = {},
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate({ formData, submitter }) {
      const skip = submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter.formNoValidate : false;
      if (skip) return parseWithZod(formData, { schema: z.custom<z.output<Schema>>(() => true) });
      return parseWithZod(formData, { schema });
    },
  });
}
