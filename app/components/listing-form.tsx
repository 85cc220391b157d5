import { Form, useNavigation } from "@remix-run/react";
import { PRODUCT_GROUPS } from "~/domain/catalog/groups";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import type { FormResult } from "~/domain/shared/form-result";
import { useT } from "~/i18n/use-t";
import { getFormProps } from "@conform-to/react";
import type { productSchema } from "~/domain/catalog/product-form";
import { CONTROL, Field, SelectField, TextareaField } from "./ui/field";
import { useConformForm, type FormConstraint } from "./ui/use-conform-form";
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
  constraint,
  canHide,
  certifiedStars,
  photoCount = 0,
  sizes,
}: {
  producerId: number;
  saved?: Saved;
  result?: FormResult;
  /** `getZodConstraint(productSchema)`, from the page's loader. */
  constraint?: FormConstraint;
  canHide?: boolean;
  /** The badge's stars while the certified fields (name, group, unit) are locked; null or absent otherwise. */
  certifiedStars?: number | null;
  /** Photos the listing already has: with none, publishing needs one taken here. */
  photoCount?: number;
  /**
   * A saved product's sizes page and how many sizes it has: with more than one, price, stock and
   * weight are edited there (per size) and this form leaves them out (`productDetailsSchema`).
   */
  sizes?: { href: string; count: number };
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const locked = typeof certifiedStars === "number" && saved !== undefined;
  const [form, fields] = useConformForm<typeof productSchema>({
    constraint,
    lastResult: result,
    // A new listing starts at "kg" and in food, what most OCOP goods sell by and are; no stock "0":
    // a product on sale with nothing in stock is one nobody can buy.
    defaultValue: saved
      ? { ...saved, priceVnd: String(saved.priceVnd), stock: String(saved.stock), weightGrams: String(saved.weightGrams) }
      : { unit: "kg", groupCode: "food" },
  });
  // The stock this form shows, posted back so the server can tell when orders took stock meanwhile
  // (after such a refusal the server sends the current stock for both this and the field). Not a
  // schema field: the server reads it beside the listing.
  const sentStock = result?.initialValue?.stockShown;
  const inSizes = sizes !== undefined && sizes.count > 1;
  const stockShown = inSizes ? null : typeof sentStock === "string" ? sentStock : saved ? String(saved.stock) : null;
  // Read-only, not disabled, so the certified values still post; the hint says why (beside any error).
  const lockedProps = locked ? { readOnly: true, hint: t("listing.lockedHint"), className: `${CONTROL} bg-stone-100 text-stone-700` } : {};
  // While locked the certified values show whatever was typed before, as they are what posts.
  const lockedValue = (value: string | undefined) => (locked ? { defaultValue: value } : {});
  return (
    <Form method="post" action={portalFormAction(producerId)} encType="multipart/form-data" {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      {stockShown !== null ? <input type="hidden" name="stockShown" value={stockShown} /> : null}
      {locked ? (
        <p id="f-certified" className="rounded border border-brand-100 bg-brand-50 p-3 text-sm">
          {t("listing.certifiedLocked", { stars: certifiedStars })}
        </p>
      ) : null}
      <PhotoPicker errors={form.allErrors.photo} hasPhoto={photoCount > 0} />
      <Field meta={fields.name} label={t("listing.name")} {...lockedValue(saved?.name)} {...lockedProps} />
      {inSizes ? (
        <>
          <Field meta={fields.unit} label={t("listing.unit")} hint={t("listing.unitHint")} {...lockedValue(saved?.unit)} {...lockedProps} />
          <p className="rounded border border-brand-100 bg-brand-50 p-3 text-sm">
            {t("sizes.inForm", { count: sizes.count })} <a href={sizes.href} className="font-medium">{t("sizes.manage")}</a>
          </p>
        </>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3">
            <Field meta={fields.priceVnd} inputMode="numeric" label={t("listing.price")} hint={t("listing.priceHint")} maxLength={14} />
            <Field meta={fields.unit} label={t("listing.unit")} hint={t("listing.unitHint")} {...lockedValue(saved?.unit)} {...lockedProps} />
          </div>
          {/* Keyed by the stock shown, so the field refills with the current stock when the server sends it. */}
          <Field key={`stock-${stockShown ?? ""}`} meta={fields.stock} inputMode="numeric" label={t("listing.stock")} maxLength={9} errorParams={{ stock: stockShown ?? "" }} />
          {sizes ? (
            <p className="text-sm">
              {t("sizes.offer")} <a href={sizes.href} className="font-medium">{t("sizes.add")}</a>
            </p>
          ) : null}
        </>
      )}
      <SelectField
        meta={fields.groupCode}
        label={t("listing.group")}
        {...lockedValue(saved?.groupCode)}
        placeholder={locked ? undefined : { label: t("listing.group"), disabled: true }}
        // While locked the list holds the certified group alone: it still posts, and cannot change.
        options={PRODUCT_GROUPS.filter((g) => !locked || g === saved?.groupCode).map((g) => ({ value: g, label: t(`group.${g}`) }))}
        hint={locked ? t("listing.lockedHint") : undefined}
      />
      <details className="rounded border border-stone-200 p-3" open={Boolean(fields.description.errors || fields.weightGrams.errors || saved?.description) || undefined}>
        <summary className="cursor-pointer font-medium">{t("listing.more")}</summary>
        <div className="mt-3 space-y-4">
          <TextareaField meta={fields.description} label={t("listing.description")} rows={5} />
          {inSizes ? null : <Field meta={fields.weightGrams} inputMode="numeric" label={t("listing.weight")} maxLength={7} />}
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
