import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { getFormProps } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, SelectField } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { useConformForm } from "~/components/ui/use-conform-form";
import { listWards } from "~/domain/catalog/places.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { CARRIER_NAMES } from "~/domain/shipping/carrier-codes";
import { adapterOf, configuredCarriers } from "~/domain/shipping/carriers/registry.server";
import { carriersOfProducer, pickupOf, saveShippingSettings } from "~/domain/shipping/producer-carriers.server";
import { shippingSettingsSchema } from "~/domain/shipping/shipping-forms";
import { redirectWithFlash } from "~/flash.server";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

/** A producer's carriers and pick-up address (issue 18); helpers may set them for the producer. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const pickup = pickupOf(actor.producer.id);
  const chosen = carriersOfProducer(actor.producer.id);
  return {
    producerId: actor.producer.id,
    carriers: configuredCarriers().map((carrier) => ({ carrier, name: CARRIER_NAMES[carrier], chosen: chosen.carriers.includes(carrier), servesPickup: adapterOf(carrier).serves(pickup) })),
    defaultCarrier: chosen.defaultCarrier,
    pickup,
    wards: listWards(actor.producer.provinceCode).map((w) => ({ value: w.code, label: w.fullName })),
    constraint: getZodConstraint(shippingSettingsSchema),
  };
}

const FIELD_MESSAGE: Record<"carriers" | "defaultCarrier" | "wardCode", MessageKey> = {
  carriers: "shipping.error.carrier",
  defaultCarrier: "shipping.error.carrier",
  wardCode: "profile.error.ward",
};

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: shippingSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = saveShippingSettings(actor, submission.value);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: { [outcome.field]: [FIELD_MESSAGE[outcome.field]] } }) }, { status: 400 });
  return redirectWithFlash("/seller/shipping", "shipping.saved");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("shipping.settingsTitle")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function ShippingSettings() {
  const { producerId, carriers, defaultCarrier, pickup, wards, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useConformForm<typeof shippingSettingsSchema>({
    constraint,
    lastResult: result,
    defaultValue: { contactName: pickup.name, phone: pickup.phone, wardCode: pickup.wardCode, addressLine: pickup.addressLine },
  });
  const carrierError = fields.carriers.errors?.[0] ?? fields.defaultCarrier.errors?.[0];
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("shipping.settingsTitle")}</h1>
      {carriers.length === 0 ? (
        <p className="rounded bg-stone-100 p-3">{t("shipping.none")}</p>
      ) : (
        <>
          <p className="text-stone-700">{t("shipping.settingsIntro")}</p>
          <Form method="post" action={portalFormAction(producerId)} {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
            <FormAlert message={form.errors} />
            <fieldset className="space-y-1">
              <legend className="font-semibold">{t("shipping.carriersLegend")}</legend>
              {carriers.map((c) => (
                <div key={c.carrier} className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-100 py-2">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="carriers" value={c.carrier} defaultChecked={c.chosen} />
                    {c.name}
                  </label>
                  <label className="flex items-center gap-1 text-sm">
                    <input type="radio" name="defaultCarrier" value={c.carrier} defaultChecked={c.carrier === defaultCarrier} />
                    {t("shipping.defaultCarrier")}
                  </label>
                  {c.servesPickup ? null : <p className="w-full text-sm text-amber-800">{t("shipping.pickupNotServed")}</p>}
                </div>
              ))}
              {carrierError ? <p className="text-sm text-red-700">{t(carrierError as MessageKey)}</p> : null}
            </fieldset>
            <fieldset className="space-y-3">
              <legend className="font-semibold">{t("shipping.pickupLegend")}</legend>
              {pickup.fromProfile ? <p className="text-sm text-stone-600">{t("shipping.pickupFromProfile")}</p> : null}
              <Field meta={fields.contactName} label={t("shipping.contactName")} autoComplete="name" maxLength={100} />
              <Field meta={fields.phone} type="tel" label={t("shipping.phone")} autoComplete="tel" maxLength={20} />
              <SelectField meta={fields.wardCode} label={t("shipping.ward")} options={wards} />
              <Field meta={fields.addressLine} label={t("shipping.address")} autoComplete="street-address" maxLength={200} />
            </fieldset>
            <button type="submit" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
              {t("shipping.save")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
