import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import type { z } from "zod";

/** A form schema: Zod over the posted fields, whatever it turns them into. */
type FormSchema = z.ZodType<unknown, z.ZodTypeDef, Record<string, unknown>>;

/** The HTML constraints of each field, as `getZodConstraint(schema)` computes them on the server. */
export type FormConstraint = NonNullable<Parameters<typeof useForm>[0]["constraint"]>;

/**
 * The one way a page holds a form (ADR 0016): Conform's `useForm`, typed by the Zod schema the action
 * parses (`useConformForm<typeof schema>(…)`, a type-only import). The server's `submission.reply()`
 * (`lastResult`) refills the form and places its errors, so a page without JavaScript shows them as it
 * is rendered, and with JavaScript the same reply arrives without a reload.
 *
 * The schema is never a value here: Zod stays out of the browser (tests/integration/client-bundle),
 * and the server alone judges a post. Its HTML constraints (`required`, `maxLength`, `min`…) come from
 * the loader as `getZodConstraint(schema)`, a plain object.
 */
export function useConformForm<Schema extends FormSchema>(
  options: {
    lastResult?: SubmissionResult<string[]> | null;
    defaultValue?: DefaultValue<z.input<Schema>>;
    constraint?: FormConstraint;
    /** One form per row needs its own id; one per page lets React choose. */
    id?: string;
  } = {},
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint: options.constraint,
  });
}
