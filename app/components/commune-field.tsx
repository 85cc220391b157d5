import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useT } from "~/i18n/use-t";
import { useFieldError } from "./ui/field";
import { FieldError } from "./ui/field-error";

interface Commune {
  code: string;
  label: string;
}

/**
 * One field for where a producer is: the commune typed as a person says it ("my xuyen", "Tân Phú,
 * Đồng Nai"); its province follows. Without JavaScript the server resolves the text and, when several
 * communes share the name, sends them back as `choices` to pick from. With JavaScript, suggestions
 * appear as the person types and a tap fills `wardCode`, so one field replaces two long lists.
 */
export function CommuneField({ defaultText, errors, choices }: { defaultText?: string; errors?: string[] | null; choices?: Commune[] }) {
  const t = useT();
  const suggestions = useFetcher<{ communes: Commune[] }>();
  const [text, setText] = useState(defaultText ?? "");
  const [picked, setPicked] = useState<Commune | null>(null);
  const error = useFieldError(errors);
  const shown = picked || text.trim().length < 2 ? [] : suggestions.data?.communes ?? [];
  const describedBy = ["f-commune-hint", error ? "f-commune-error" : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor="f-commune" className="block font-medium">
        {t("profile.commune")}
      </label>
      <p id="f-commune-hint" className="text-sm text-stone-600">
        {t("profile.communeHint")}
      </p>
      <input
        id="f-commune"
        name="commune"
        value={text}
        autoComplete="off"
        maxLength={150}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          setPicked(null);
          if (value.trim().length >= 2) suggestions.load(`/places/communes?q=${encodeURIComponent(value)}`);
        }}
        className="mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2"
      />
      {picked ? <input type="hidden" name="wardCode" value={picked.code} /> : null}
      {shown.length > 0 ? (
        <ul aria-label={t("profile.communeSuggestions")} className="mt-1 divide-y divide-stone-100 rounded border border-stone-200 bg-white">
          {shown.map((commune) => (
            <li key={commune.code}>
              <button
                type="button"
                className="w-full px-3 py-3 text-left hover:bg-brand-50"
                onClick={() => {
                  setPicked(commune);
                  setText(commune.label);
                }}
              >
                {commune.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FieldError id="f-commune-error" message={error} />
      {choices && choices.length > 0 && !picked ? (
        <fieldset className="mt-2 space-y-1 rounded border border-amber-200 bg-amber-50 p-3">
          <legend className="sr-only">{t("profile.communeChoose")}</legend>
          {choices.map((commune) => (
            <label key={commune.code} className="flex items-center gap-2 py-1">
              <input type="radio" name="wardCode" value={commune.code} className="h-5 w-5" />
              {commune.label}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
