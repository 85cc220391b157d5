import { Form } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { FieldError } from "~/components/ui/field-error";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";

export interface CollectionValues {
  title?: string;
  description?: string;
  startsOn?: string;
  endsOn?: string | null;
  position?: number | string;
  products?: string;
}

/** The staff form of a featured collection (create and edit). */
export function CollectionForm({
  values,
  errors,
  productsError,
}: {
  values: CollectionValues;
  errors: Record<string, string[] | null | undefined>;
  productsError?: string | null;
}) {
  const t = useT();
  const productsMessage = productsError ?? (errors.products?.[0] ? t(errors.products[0] as MessageKey) : null);
  return (
    <Form method="post" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" noValidate>
      <Field name="title" label={t("collection.title")} defaultValue={values.title} errors={errors.title} maxLength={120} />
      <Field name="description" label={t("collection.description")} defaultValue={values.description} errors={errors.description} maxLength={500} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="startsOn" type="date" label={t("collection.startsOn")} defaultValue={values.startsOn} errors={errors.startsOn} />
        <Field name="endsOn" type="date" label={t("collection.endsOn")} defaultValue={values.endsOn ?? undefined} errors={errors.endsOn} />
        <Field name="position" inputMode="numeric" label={t("collection.position")} defaultValue={String(values.position ?? 0)} errors={errors.position} maxLength={2} />
      </div>
      <div>
        <label htmlFor="f-products" className="block font-medium">
          {t("collection.products")}
        </label>
        <p id="f-products-hint" className="text-sm text-stone-600">
          {t("collection.productsHint")}
        </p>
        <textarea
          id="f-products"
          name="products"
          rows={8}
          defaultValue={values.products}
          aria-invalid={productsMessage ? true : undefined}
          aria-describedby={productsMessage ? "f-products-hint f-products-error" : "f-products-hint"}
          className="mt-1 w-full rounded border border-stone-300 px-3 py-2 font-mono text-sm"
        />
        <FieldError id="f-products-error" message={productsMessage ?? undefined} />
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
        {t("collection.save")}
      </button>
    </Form>
  );
}
