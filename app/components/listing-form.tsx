import { Form, useNavigation } from "@remix-run/react";
import { PRODUCT_GROUPS } from "~/domain/catalog/groups";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import type { FormResult } from "~/domain/shared/form-result";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";
import { Field, SelectField } from "./ui/field";
import { FieldError } from "./ui/field-error";
import { PhotoPicker } from "./photo-picker";

interface Saved {
  name: string;
  groupCode: string;
  description: string;
  unit: string;
  priceVnd: number;
  stock: number;
  weightGrams: number;
}

/** Add or edit a product from a phone: big fields, a camera button, works without JavaScript. */
export function ListingForm({
  producerId,
  saved,
  result,
  canHide,
  certifiedStars,
  photoCount = 0,
}: {
  producerId: number;
  saved?: Saved;
  result?: FormResult;
  canHide?: boolean;
  /** The badge's stars while the certified fields (name, group, unit) are locked; null or absent otherwise. */
  certifiedStars?: number | null;
  /** Photos the listing already has: with none, publishing needs one taken here. */
  photoCount?: number;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors = result?.error ?? {};
  const sent = result?.initialValue ?? {};
  const value = (name: keyof Saved) => {
    const typed = sent[name];
    if (typeof typed === "string") return typed;
    return saved ? String(saved[name]) : undefined;
  };
  const err = (name: string) => errors[name]?.[0] as MessageKey | undefined;
  const area = "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2";
  const locked = typeof certifiedStars === "number" && saved !== undefined;
  // The stock this form shows, posted back so the server can tell when orders took stock meanwhile
  // (after such a refusal the server sends the current stock for both this and the field).
  const stockShown = typeof sent.stockShown === "string" ? sent.stockShown : saved ? String(saved.stock) : null;
  const stockErrors = err("stock") === "listing.error.stockChanged" ? [t("listing.error.stockChanged", { stock: stockShown ?? "" })] : errors.stock;
  // Read-only, not disabled, so the certified values still post; the hint says why (beside any error).
  const lockedProps = locked ? { readOnly: true, hint: t("listing.lockedHint"), className: `${area} bg-stone-100 text-stone-700` } : {};
  return (
    <Form method="post" action={portalFormAction(producerId)} encType="multipart/form-data" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" noValidate>
      {stockShown !== null ? <input type="hidden" name="stockShown" value={stockShown} /> : null}
      {locked ? (
        <p id="f-certified" className="rounded border border-brand-100 bg-brand-50 p-3 text-sm">
          {t("listing.certifiedLocked", { stars: certifiedStars })}
        </p>
      ) : null}
      <PhotoPicker error={err("photo")} hasPhoto={photoCount > 0} />
      <Field name="name" label={t("listing.name")} defaultValue={locked ? saved?.name : value("name")} errors={errors.name} maxLength={150} {...lockedProps} />
      <div className="grid grid-cols-2 gap-3">
        <Field name="priceVnd" inputMode="numeric" label={t("listing.price")} hint={t("listing.priceHint")} defaultValue={value("priceVnd")} errors={errors.priceVnd} maxLength={14} />
        {/* A new listing starts at "kg", the unit most farm goods sell by; honey or sauce changes it. */}
        <Field name="unit" label={t("listing.unit")} hint={t("listing.unitHint")} defaultValue={locked ? saved?.unit : (value("unit") ?? (saved ? undefined : "kg"))} errors={errors.unit} maxLength={20} {...lockedProps} />
      </div>
      {/* Keyed by the stock shown, so the field refills with the current stock when the server sends it.
          No "0" for a new listing: a product on sale with nothing in stock is one nobody can buy. */}
      <Field key={`stock-${stockShown ?? ""}`} name="stock" inputMode="numeric" label={t("listing.stock")} defaultValue={value("stock")} errors={stockErrors} maxLength={9} />
      <SelectField
        name="groupCode"
        label={t("listing.group")}
        // Most OCOP goods are food: a new listing starts there, and the list is one tap away.
        defaultValue={locked ? saved?.groupCode : (value("groupCode") ?? (saved ? "" : "food"))}
        errors={errors.groupCode}
        placeholder={locked ? undefined : { label: t("listing.group"), disabled: true }}
        // While locked the list holds the certified group alone: it still posts, and cannot change.
        options={PRODUCT_GROUPS.filter((g) => !locked || g === saved?.groupCode).map((g) => ({ value: g, label: t(`group.${g}`) }))}
        hint={locked ? t("listing.lockedHint") : undefined}
      />
      <details className="rounded border border-stone-200 p-3" open={Boolean(errors.description || errors.weightGrams || saved?.description) || undefined}>
        <summary className="cursor-pointer font-medium">{t("listing.more")}</summary>
        <div className="mt-3 space-y-4">
          <div>
            <label htmlFor="f-description" className="block font-medium">
              {t("listing.description")}
            </label>
            <textarea id="f-description" name="description" rows={5} maxLength={5000} defaultValue={value("description")} className={area}
              aria-invalid={err("description") ? true : undefined} aria-describedby={err("description") ? "f-description-error" : undefined} />
            <FieldError id="f-description-error" message={err("description") && t(err("description")!)} />
          </div>
          <Field name="weightGrams" inputMode="numeric" label={t("listing.weight")} defaultValue={value("weightGrams")} errors={errors.weightGrams} maxLength={7} />
        </div>
      </details>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="publish" disabled={busy} className="flex-1 rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
          {t("listing.publish")}
        </button>
        <button type="submit" name="intent" value="draft" disabled={busy} className="flex-1 rounded border border-brand-700 px-4 py-3 font-semibold text-brand-700 disabled:opacity-60">
          {t("listing.saveDraft")}
        </button>
        {canHide ? (
          <button type="submit" name="intent" value="hide" formEncType="application/x-www-form-urlencoded" disabled={busy} className="rounded border border-stone-400 px-4 py-3 text-stone-800">
            {t("listing.hide")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
