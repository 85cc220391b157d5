import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { useConformForm, type FormConstraint } from "~/components/ui/use-conform-form";
import { ownListing } from "~/domain/catalog/listings.server";
import { addVariant, archiveVariant, updateVariant, type VariantOutcome } from "~/domain/catalog/sizes.server";
import { unitLabel } from "~/domain/catalog/units";
import { variantFormSchema } from "~/domain/catalog/variant-form";
import type { VariantChoice } from "~/domain/catalog/variants";
import { variantsOf } from "~/domain/catalog/variants.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import type { FormResult } from "~/domain/shared/form-result";
import { redirectWithFlash } from "~/flash.server";
import { useLanguage, useT } from "~/i18n/use-t";
import { idParam, readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const { product } = ownListing(actor, idParam(params.id));
  return {
    product: { id: product.id, name: product.name, unit: product.unit, producerId: product.producerId },
    sizes: variantsOf(product.id),
    constraint: getZodConstraint(variantFormSchema),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const productId = idParam(params.id);
  // 404 for another producer's product, before the body is read.
  ownListing(actor, productId);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: variantFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const input = submission.value;
  const outcome: VariantOutcome =
    input.intent === "add"
      ? addVariant(actor, productId, input)
      : input.intent === "update"
        ? updateVariant(actor, productId, input.variantId, input, input.stockShown)
        : archiveVariant(actor, productId, input.variantId);
  if (outcome.ok) return redirectWithFlash(`/seller/products/${productId}/sizes`, "flash.sizes.saved");
  if (outcome.field === "form") return data({ result: submission.reply({ formErrors: [outcome.error] }) }, { status: 400 });
  const reply = submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } });
  if (outcome.field !== "stock") return data({ result: reply }, { status: 400 });
  // The stock changed while the form was open: show the current stock, in the field and as the one shown.
  const current = String(outcome.currentStock);
  return data({ result: { ...reply, initialValue: { ...reply.initialValue, stock: current, stockShown: current } } }, { status: 409 });
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("sizes.title")}${data ? ` — ${data.product.name}` : ""} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

/** Which form of the page a reply is for: the row of its `variantId`, or the "add" form. */
function replyFor(result: FormResult | undefined, variantId: number | null): FormResult | undefined {
  if (!result) return undefined;
  const sent = result.initialValue?.variantId;
  const sentId = typeof sent === "string" && sent !== "" ? Number(sent) : null;
  return sentId === variantId ? result : undefined;
}

export default function ProductSizes() {
  const { product, sizes, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const unnamed = sizes.length === 1 && sizes[0]!.label === "";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p>
        <Link to={`/seller/products/${product.id}`}>← {product.name}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("sizes.title")}</h1>
      <p className="text-stone-700">{t("sizes.intro")}</p>
      <ul className="space-y-3">
        {sizes.map((size) => (
          <li key={size.id}>
            <SizeForm
              producerId={product.producerId}
              unit={product.unit}
              size={size}
              canArchive={sizes.length > 1}
              result={replyFor(result, size.id)}
              constraint={constraint}
            />
          </li>
        ))}
      </ul>
      <AddSizeForm producerId={product.producerId} unit={product.unit} nameFirst={unnamed} result={replyFor(result, null)} constraint={constraint} />
    </div>
  );
}

/** The fields of one size; `form` names the form so each field's id is unique on the page (`f-<form>-<name>`). */
function SizeFields({ fields, unit, form }: { fields: ReturnType<typeof useConformForm<typeof variantFormSchema>>[1]; unit: string; form: string }) {
  const t = useT();
  const lang = useLanguage();
  const id = (name: string) => `f-${form}-${name}`;
  return (
    <>
      <Field meta={fields.label} id={id("label")} label={t("sizes.label")} hint={t("sizes.labelHint")} maxLength={40} />
      <div className="grid grid-cols-2 gap-3">
        <Field meta={fields.priceVnd} id={id("priceVnd")} inputMode="numeric" label={t("sizes.price", { unit: unitLabel(unit, lang) })} maxLength={14} />
        <Field meta={fields.stock} id={id("stock")} inputMode="numeric" label={t("listing.stock")} maxLength={9} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field meta={fields.weightGrams} id={id("weightGrams")} inputMode="numeric" label={t("listing.weight")} maxLength={7} />
        <Field meta={fields.gtin} id={id("gtin")} inputMode="numeric" label={t("sizes.gtin")} hint={t("sizes.gtinHint")} maxLength={20} />
      </div>
    </>
  );
}

function SizeForm({
  producerId,
  unit,
  size,
  canArchive,
  result,
  constraint,
}: {
  producerId: number;
  unit: string;
  size: VariantChoice;
  canArchive: boolean;
  result: FormResult | undefined;
  constraint: FormConstraint;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useConformForm<typeof variantFormSchema>({
    id: `size-${size.id}`,
    lastResult: result,
    constraint,
    defaultValue: {
      intent: "update",
      variantId: String(size.id),
      stockShown: String(size.stock),
      label: size.label,
      priceVnd: String(size.priceVnd),
      stock: String(size.stock),
      weightGrams: String(size.weightGrams),
      gtin: size.gtin ?? "",
    },
  });
  const sentStock = result?.initialValue?.stockShown;
  const stockShown = typeof sentStock === "string" ? sentStock : String(size.stock);
  return (
    <Form method="post" action={portalFormAction(producerId)} {...getFormProps(form)} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <FormAlert message={form.errors?.[0]} />
      <input type="hidden" name="variantId" value={size.id} />
      <input type="hidden" name="stockShown" value={stockShown} />
      <SizeFields fields={fields} unit={unit} form={`size-${size.id}`} />
      <div className="grid gap-3 sm:grid-cols-2">
        <button type="submit" name="intent" value="update" disabled={busy} className="rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
          {t("sizes.save")}
        </button>
        {canArchive ? (
          <button type="submit" name="intent" value="archive" formNoValidate disabled={busy} className="rounded border border-stone-400 px-4 py-3 text-stone-800">
            {t("sizes.archive")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

function AddSizeForm({
  producerId,
  unit,
  nameFirst,
  result,
  constraint,
}: {
  producerId: number;
  unit: string;
  /** The product is sold in one unnamed size: adding another names that one too. */
  nameFirst: boolean;
  result: FormResult | undefined;
  constraint: FormConstraint;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useConformForm<typeof variantFormSchema>({ id: "size-new", lastResult: result, constraint, defaultValue: { intent: "add" } });
  return (
    <Form method="post" action={portalFormAction(producerId)} {...getFormProps(form)} className="space-y-3 rounded-lg border-2 border-dashed border-brand-700 bg-white p-4">
      <h2 className="text-lg font-semibold">{t("sizes.add")}</h2>
      <FormAlert message={form.errors?.[0]} />
      {nameFirst ? (
        <Field meta={fields.firstLabel} id="f-size-new-firstLabel" label={t("sizes.firstLabel")} hint={t("sizes.firstLabelHint")} maxLength={40} required />
      ) : null}
      <SizeFields fields={fields} unit={unit} form="size-new" />
      <button type="submit" name="intent" value="add" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
        {t("sizes.addSubmit")}
      </button>
    </Form>
  );
}
