import { useEffect, useRef, useState } from "react";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";
import { useFieldError } from "./ui/field";
import { FieldError } from "./ui/field-error";

/**
 * The product form's first field: the phone's camera. Without JavaScript it is the browser's own
 * file button (which names the chosen file). With JavaScript the photo just taken shows as a preview
 * with a "retake" button, so a farmer sees what shoppers will see before sending it. The preview is a
 * `blob:` URL of the file on the phone: nothing is uploaded until the form is sent.
 */
export function PhotoPicker({ errors, hasPhoto }: { errors?: string[] | null; hasPhoto: boolean }) {
  const t = useT();
  const error = useFieldError(errors);
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  const describedBy = ["f-photo-hint", error ? "f-photo-error" : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor="f-photo" className="block font-medium">
        {preview ? t("listing.photoPreview") : t("listing.photoTake")}
      </label>
      <p id="f-photo-hint" className="text-sm text-stone-600">
        {t("listing.photoHint")} {hasPhoto ? null : t("listing.photoNeeded")}
      </p>
      {preview ? (
        <div className="mt-2 flex items-end gap-3">
          <img src={preview} alt={t("listing.photoPreview")} className="h-40 w-40 rounded border border-stone-200 object-cover" />
          <button type="button" onClick={() => input.current?.click()} className="rounded border border-brand-700 px-4 py-3 font-semibold text-brand-700">
            {t("listing.photoRetake")}
          </button>
        </div>
      ) : null}
      <input
        ref={input}
        id="f-photo"
        name="photo"
        type="file"
        accept="image/*"
        capture="environment"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          setPreview(file ? URL.createObjectURL(file) : null);
        }}
        // Once a preview shows, "retake" opens the same input, which stays in the form (and for screen readers).
        className={preview ? "sr-only" : "mt-2 block w-full text-sm file:mr-3 file:rounded file:border-0 file:bg-brand-700 file:px-4 file:py-3 file:font-semibold file:text-white"}
      />
      <FieldError id="f-photo-error" message={error} />
    </div>
  );
}
