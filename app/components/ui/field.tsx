import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useMessage } from "~/i18n/use-t";
import { FieldError } from "./field-error";

export const CONTROL = "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2";

/** One field of a Conform form (`fields.name` of `useConformForm`). */
// Any value type: a field component shows a field whatever its schema turns it into.
export type Meta = FieldMetadata<any, any, string[]>;

/**
 * Where a field's name, sent value and errors come from: Conform's metadata (`meta`), or, for a form
 * not yet moved to `useConformForm`, a name and the error keys read by hand (see ADR 0016).
 */
type Source = { meta: Meta; name?: never; errors?: never } | { meta?: never; name: string; errors?: string[] | null };

type Labelled = Source & {
  label: string;
  hint?: string;
  /** One form per row (an inbox, a payout list) gives each field its own id; `f-<name>` otherwise. */
  id?: string;
  /** Classes of the wrapper, for layouts that size the field (a flex row beside a button). */
  wrapperClassName?: string;
  /** Values for the error message's placeholders ("{stock}"). */
  errorParams?: Record<string, string | number>;
};

interface Aria {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** The first error of a field as the visitor reads it: keys translated, other text as it is. */
export function useFieldError(errors: string[] | null | undefined, params?: Record<string, string | number>) {
  return useMessage()(errors?.[0], params);
}

/** The ids and aria wiring a control gets from its field: `f-<name>`, `f-<name>-hint`, `f-<name>-error`. */
function useAria(source: Source, givenId: string | undefined, hint: string | undefined, errorParams?: Record<string, string | number>): { aria: Aria; error: string | undefined } {
  const name = source.meta ? source.meta.name : source.name;
  const error = useFieldError(source.meta ? source.meta.errors : source.errors, errorParams);
  const id = givenId ?? `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { aria: { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy }, error };
}

/** Label, hint and error around one control, wired for screen readers: the one place that markup lives. */
function LabelledControl({ id, label, hint, error, wrapperClassName, children }: { id: string; label: string; hint?: string; error?: string; wrapperClassName?: string; children: ReactNode }) {
  return (
    <div className={wrapperClassName}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/**
 * Conform's props for a control less what the page sets itself: the id (`f-<name>` is what pages and
 * tests know), the aria wiring (hint included), `form` (the control sits inside its form) and
 * `pattern` (the server's rule, not the browser's: forms are `noValidate`).
 */
function conformProps<P extends { key?: string; id?: string; form?: string; pattern?: string; "aria-invalid"?: boolean; "aria-describedby"?: string }>(props: P) {
  const { key, id: _id, form: _form, pattern: _pattern, "aria-invalid": _invalid, "aria-describedby": _describedBy, ...rest } = props;
  return { key, rest };
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type"> & {
  type?: "text" | "tel" | "email" | "password" | "number" | "date" | "search" | "url" | "file" | "hidden";
};

/** A labelled input with its hint and its error message beside it. */
export function Field({ meta, name, errors, label, hint, id, wrapperClassName, errorParams, type = "text", ...input }: Labelled & InputProps) {
  const source: Source = meta ? { meta } : { name: name ?? "", errors };
  const { aria, error } = useAria(source, id, hint, errorParams);
  const conform = meta ? conformProps(getInputProps(meta, { type, ariaAttributes: false })) : null;
  return (
    <LabelledControl id={aria.id} label={label} hint={hint} error={error} wrapperClassName={wrapperClassName}>
      <input key={conform?.key} {...conform?.rest} {...aria} type={type} className={CONTROL} {...input} />
    </LabelledControl>
  );
}

/**
 * A labelled choice from a list, with its error beside it. `placeholder` is the empty first option
 * (`disabled` when a choice must be made before sending).
 */
export function SelectField({
  meta,
  name,
  errors,
  label,
  hint,
  id,
  wrapperClassName,
  options,
  placeholder,
  errorParams,
  ...select
}: Labelled &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & {
    options: { value: string; label: string }[];
    placeholder?: { label: string; disabled?: boolean };
  }) {
  const source: Source = meta ? { meta } : { name: name ?? "", errors };
  const { aria, error } = useAria(source, id, hint, errorParams);
  const conform = meta ? conformProps(getSelectProps(meta, { ariaAttributes: false })) : null;
  return (
    <LabelledControl id={aria.id} label={label} hint={hint} error={error} wrapperClassName={wrapperClassName}>
      {/* Nothing chosen yet selects the placeholder, as the page said before Conform. */}
      <select key={conform?.key} {...conform?.rest} {...(placeholder && conform?.rest.defaultValue === undefined ? { defaultValue: "" } : {})} {...aria} className={CONTROL} {...select}>
        {placeholder ? (
          <option value="" disabled={placeholder.disabled}>
            {placeholder.label}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledControl>
  );
}

/** A labelled text area with its hint and its error message beside it. */
export function TextareaField({ meta, label, hint, id, wrapperClassName, errorParams, ...textarea }: { meta: Meta } & Omit<Labelled, keyof Source> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const { aria, error } = useAria({ meta }, id, hint, errorParams);
  const conform = conformProps(getTextareaProps(meta, { ariaAttributes: false }));
  return (
    <LabelledControl id={aria.id} label={label} hint={hint} error={error} wrapperClassName={wrapperClassName}>
      <textarea key={conform.key} {...conform.rest} {...aria} className={CONTROL} {...textarea} />
    </LabelledControl>
  );
}

/**
 * A box to tick, its label beside it and its error below. Sends `value` ("on" unless given) when
 * ticked and nothing otherwise, as a browser does; the schema reads absence as "no".
 */
export function CheckboxField({
  meta,
  label,
  hint,
  id,
  value = "on",
  wrapperClassName,
  errorParams,
  ...input
}: { meta: Meta; value?: string } & Omit<Labelled, keyof Source> & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type" | "value">) {
  const { aria, error } = useAria({ meta }, id, hint, errorParams);
  const conform = conformProps(getInputProps(meta, { type: "checkbox", value, ariaAttributes: false }));
  return (
    <div className={wrapperClassName}>
      <label htmlFor={aria.id} className="flex items-center gap-2">
        <input key={conform.key} {...conform.rest} {...aria} className="h-5 w-5" {...input} />
        {label}
      </label>
      {hint ? (
        <p id={`${aria.id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${aria.id}-error`} message={error} />
    </div>
  );
}

/**
 * One choice of several as radio buttons under a legend; the group's error is `f-<name>-error`,
 * tied to the fieldset. Each radio is labelled by its option; none has an id of its own.
 */
export function RadioGroupField({
  meta,
  legend,
  options,
  className,
}: {
  meta: Meta;
  legend: ReactNode;
  options: { value: string; label: ReactNode }[];
  className?: string;
}) {
  const error = useFieldError(meta.errors);
  const errorId = `f-${meta.name}-error`;
  const checked = typeof meta.initialValue === "string" ? meta.initialValue : undefined;
  return (
    <fieldset key={meta.key} className={className} aria-describedby={error ? errorId : undefined}>
      <legend className="font-medium">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="mt-2 flex items-center gap-2">
          <input type="radio" name={meta.name} value={option.value} defaultChecked={checked === option.value} className="h-5 w-5" />
          {option.label}
        </label>
      ))}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
