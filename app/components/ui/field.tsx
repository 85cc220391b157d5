import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";
import { FieldError } from "./field-error";

const CONTROL = "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2";

interface Labelled {
  name: string;
  label: string;
  hint?: string;
  errors?: string[] | null;
  /** One form per row (an inbox, a payout list) gives each field its own id; `f-<name>` otherwise. */
  id?: string;
  /** Classes of the wrapper, for layouts that size the field (a flex row beside a button). */
  wrapperClassName?: string;
}

/** Label, hint and error around one control, wired for screen readers: the one place that markup lives. */
function LabelledControl({
  name,
  label,
  hint,
  errors,
  id: givenId,
  wrapperClassName,
  control,
}: Labelled & { control: (aria: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const t = useT();
  const id = givenId ?? `f-${name}`;
  const error = errors?.[0];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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
      {control({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      <FieldError id={`${id}-error`} message={error && t(error as MessageKey)} />
    </div>
  );
}

/** A labelled input with its hint and its error message beside it. */
export function Field({ name, label, hint, errors, id, wrapperClassName, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <LabelledControl
      {...{ name, label, hint, errors, id, wrapperClassName }}
      control={(aria) => <input {...aria} className={CONTROL} {...input} />}
    />
  );
}

/**
 * A labelled choice from a list, with its error beside it. `placeholder` is the empty first option
 * (`disabled` when a choice must be made before sending).
 */
export function SelectField({
  name,
  label,
  hint,
  errors,
  id,
  wrapperClassName,
  options,
  placeholder,
  ...select
}: Labelled &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: { value: string; label: string }[];
    placeholder?: { label: string; disabled?: boolean };
  }) {
  return (
    <LabelledControl
      {...{ name, label, hint, errors, id, wrapperClassName }}
      control={(aria) => (
        <select {...aria} className={CONTROL} {...select}>
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
      )}
    />
  );
}
