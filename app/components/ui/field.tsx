import type { InputHTMLAttributes } from "react";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";
import { FieldError } from "./field-error";

/** A labelled input with its hint and its error message beside it, wired for screen readers (id `f-<name>` unless given). */
export function Field({
  name,
  label,
  hint,
  errors,
  id: givenId,
  ...input
}: { name: string; label: string; hint?: string; errors?: string[] | null } & InputHTMLAttributes<HTMLInputElement>) {
  const t = useT();
  // One form per row (an inbox, a payout list) gives each field its own id.
  const id = givenId ?? `f-${name}`;
  const error = errors?.[0];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2"
        {...input}
      />
      <FieldError id={`${id}-error`} message={error && t(error as MessageKey)} />
    </div>
  );
}
