import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { Honeypot } from "~/components/honeypot";
import { Field } from "~/components/ui/field";
import { FieldError } from "~/components/ui/field-error";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { currentUser } from "~/domain/accounts/sessions.server";
import { listWards, provinceByCode, provinceOptions } from "~/domain/catalog/places.server";
import { unitLabel } from "~/domain/catalog/units";
import { checkoutSchema } from "~/domain/orders/checkout-form";
import { placeOrder, quoteFor } from "~/domain/orders/checkout.server";
import { cartLines, cartOwner } from "~/domain/orders/cart.server";
import { rememberGuestOrder } from "~/domain/orders/order-access.server";
import { orderPath } from "~/domain/orders/order-path";
import { payableOrderById } from "~/domain/payments/payments.server";
import { stripeCheckoutUrl } from "~/domain/payments/stripe.server";
import { getLanguage } from "~/i18n/language.server";
import type { MessageKey } from "~/i18n/vi";
import { useLanguage, useT } from "~/i18n/use-t";
import { readForm, requestOrigin } from "~/request.server";
import { settings } from "~/settings.server";
import { metaTranslator, type RootMatch } from "~/seo";
import "~/i18n/more-messages";

async function cartFor(request: Request) {
  const user = await currentUser(request);
  return { user, lines: cartLines(await cartOwner(request, user?.id ?? null)) };
}

/** Wards of the chosen province and the order's cost delivered there. */
function destination(lines: ReturnType<typeof cartLines>, provinceCode: string | null) {
  const known = provinceCode && provinceByCode(provinceCode) ? provinceCode : null;
  return { provinceCode: known, wards: known ? listWards(known) : [], quote: quoteFor(lines, known) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, lines } = await cartFor(request);
  if (lines.length === 0) throw redirect("/cart");
  const lang = await getLanguage(request);
  return {
    lines,
    ...destination(lines, new URL(request.url).searchParams.get("province")),
    provinces: provinceOptions(lang).map(({ code, name }) => ({ code, name })),
    stripeEnabled: Boolean(settings.stripe),
    fullName: user?.fullName ?? "",
  };
}

const FORM_PROBLEM: Record<"lines" | "tooLarge" | "priceChanged" | "unitCap", MessageKey> = {
  lines: "checkout.error.stock",
  tooLarge: "checkout.error.tooLarge",
  priceChanged: "checkout.error.priceChanged",
  unitCap: "checkout.error.unitCap",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const { user, lines } = await cartFor(request);
  const sentProvince = typeof formData.get("provinceCode") === "string" ? String(formData.get("provinceCode")) : null;
  const place = destination(lines, sentProvince);
  // Without JS, choosing the province posts the form to show its wards and the shipping fees.
  if (formData.get("intent") === "quote") {
    return data({ result: { initialValue: Object.fromEntries(formData) as Record<string, string>, error: {} }, ...place });
  }
  const submission = parseWithZod(formData, { schema: checkoutSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), ...place }, { status: 400 });

  const owner = await cartOwner(request, user?.id ?? null);
  const placed = owner
    ? placeOrder(owner, submission.value, { userId: user?.id ?? null, clientIp: context.clientIp ?? null })
    : ({ ok: false, problem: "empty" } as const);
  if (!placed.ok) {
    if (placed.problem === "empty") throw redirect("/cart");
    const reply =
      placed.problem === "field"
        ? submission.reply({ fieldErrors: { [placed.field]: [`checkout.error.${placed.field === "wardCode" ? "ward" : placed.field === "provinceCode" ? "province" : "paymentMethod"}`] } })
        : placed.problem === "openOrders"
          ? submission.reply({ formErrors: [placed.by === "phone" ? "checkout.error.openOrdersPhone" : "checkout.error.openOrdersAddress"] })
          : submission.reply({ formErrors: [FORM_PROBLEM[placed.problem]] });
    const shortages: { name: string; unit: string; available: number }[] = placed.problem === "lines" ? placed.lines : [];
    const capped: { name: string; unit: string; allowed: number }[] = placed.problem === "unitCap" ? placed.lines : [];
    const status = placed.problem === "openOrders" ? 429 : ["lines", "priceChanged", "unitCap"].includes(placed.problem) ? 409 : 400;
    return data({ result: reply, ...place, shortages, capped }, { status });
  }
  const orderUrl = orderPath(placed.order.code, user ? null : placed.order.accessToken);
  // A guest's browser remembers the order's secret, so coming back from Stripe needs no token in the URL.
  const headers = user ? undefined : { "Set-Cookie": await rememberGuestOrder(request, placed.order.code, placed.order.accessToken) };
  if (submission.value.paymentMethod === "stripe") {
    try {
      const order = payableOrderById(placed.order.id)!;
      return redirect(await stripeCheckoutUrl(order, requestOrigin(request), submission.value.email ?? null), { status: 303, headers });
    } catch (error) {
      // The order stands; its page offers to open Stripe again.
      console.error("Stripe Checkout could not start", error);
    }
  }
  return redirect(orderUrl, { status: 303, headers });
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("checkout.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

const select = "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2";

export default function Checkout() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const places = useFetcher<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const busy = useNavigation().state === "submitting";
  // The freshest destination: chosen with JS (fetcher), posted without JS (action), or none yet.
  const place = places.data ?? actionData ?? loaded;
  const result = actionData?.result;
  const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
  const sent = (result?.initialValue ?? {}) as Record<string, unknown>;
  const value = (name: string, fallback = "") => (typeof sent[name] === "string" ? (sent[name] as string) : fallback);
  const err = (name: string) => errors[name]?.[0] as MessageKey | undefined;
  const formError = errors[""]?.[0];
  const shortages = (actionData && "shortages" in actionData ? actionData.shortages : []) as { name: string; unit: string; available: number }[];
  const capped = (actionData && "capped" in actionData ? actionData.capped : []) as { name: string; unit: string; allowed: number }[];
  const quote = place.quote;
  const paymentMethod = value("paymentMethod", "vietqr");

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("checkout.title")}</h1>
      <FormAlert message={formError} />
      {shortages.length > 0 ? (
        <ul className="list-disc pl-6 text-red-800">
          {shortages.map((s) => (
            <li key={s.name}>{t("checkout.shortage", { name: s.name, count: s.available, unit: unitLabel(s.unit, lang, s.available) })}</li>
          ))}
        </ul>
      ) : null}
      {capped.length > 0 ? (
        <ul className="list-disc pl-6 text-red-800">
          {capped.map((c) => (
            <li key={c.name}>{t("checkout.unitCapLine", { name: c.name, count: c.allowed, unit: c.unit })}</li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="relative space-y-4 rounded-lg border border-stone-200 bg-white p-4" noValidate>
        <h2 className="text-lg font-semibold">{t("checkout.deliverTo")}</h2>
        <Field name="fullName" label={t("checkout.fullName")} autoComplete="name" defaultValue={value("fullName", loaded.fullName)} errors={errors.fullName} maxLength={100} required />
        <Field name="phone" type="tel" label={t("checkout.phone")} autoComplete="tel" inputMode="tel" defaultValue={value("phone")} errors={errors.phone} maxLength={20} required />
        <Field name="email" type="email" label={t("checkout.email")} hint={t("checkout.emailHint")} autoComplete="email" defaultValue={value("email")} errors={errors.email} maxLength={254} />
        <div>
          <label htmlFor="f-provinceCode" className="block font-medium">
            {t("checkout.province")}
          </label>
          <select
            id="f-provinceCode"
            name="provinceCode"
            defaultValue={place.provinceCode ?? value("provinceCode")}
            className={select}
            aria-invalid={err("provinceCode") ? true : undefined}
            aria-describedby={err("provinceCode") ? "f-provinceCode-error" : undefined}
            onChange={(e) => places.load(`/checkout?province=${encodeURIComponent(e.currentTarget.value)}`)}
          >
            <option value="">{t("checkout.chooseProvince")}</option>
            {loaded.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
          <FieldError id="f-provinceCode-error" message={err("provinceCode") && t(err("provinceCode")!)} />
          <noscript>
            <button type="submit" name="intent" value="quote" className="mt-2 rounded border border-brand-700 px-3 py-1 text-brand-800">
              {t("checkout.showWards")}
            </button>
          </noscript>
        </div>
        <div>
          <label htmlFor="f-wardCode" className="block font-medium">
            {t("checkout.ward")}
          </label>
          <select
            id="f-wardCode"
            name="wardCode"
            key={place.provinceCode ?? "none"}
            defaultValue={value("wardCode")}
            disabled={place.wards.length === 0}
            className={select}
            aria-invalid={err("wardCode") ? true : undefined}
            aria-describedby={err("wardCode") ? "f-wardCode-error" : "f-wardCode-hint"}
          >
            <option value="">{place.wards.length === 0 ? t("checkout.provinceFirst") : t("checkout.chooseWard")}</option>
            {place.wards.map((w) => (
              <option key={w.code} value={w.code}>
                {w.fullName}
              </option>
            ))}
          </select>
          <FieldError id="f-wardCode-error" message={err("wardCode") && t(err("wardCode")!)} />
        </div>
        <Field name="addressLine" label={t("checkout.address")} hint={t("checkout.addressHint")} autoComplete="street-address" defaultValue={value("addressLine")} errors={errors.addressLine} maxLength={200} required />

        <fieldset className="space-y-2">
          <legend className="text-lg font-semibold">{t("checkout.payment")}</legend>
          <label className="flex items-start gap-2">
            <input type="radio" name="paymentMethod" value="vietqr" defaultChecked={paymentMethod !== "stripe"} className="mt-1" />
            <span>
              <strong>{t("checkout.vietqr")}</strong>
              <span className="block text-sm text-stone-600">{t("checkout.vietqrHint")}</span>
            </span>
          </label>
          {loaded.stripeEnabled ? (
            <label className="flex items-start gap-2">
              <input type="radio" name="paymentMethod" value="stripe" defaultChecked={paymentMethod === "stripe"} className="mt-1" />
              <span>
                <strong>{t("checkout.stripe")}</strong>
                <span className="block text-sm text-stone-600">{t("checkout.stripeHint")}</span>
              </span>
            </label>
          ) : null}
          <FieldError id="f-paymentMethod-error" message={err("paymentMethod") && t(err("paymentMethod")!)} />
        </fieldset>

        <section aria-labelledby="summary" className="space-y-2 border-t border-stone-200 pt-3">
          <h2 id="summary" className="text-lg font-semibold">
            {t("checkout.summary")}
          </h2>
          {quote ? (
            <>
              {quote.parts.map((part) => (
                <div key={part.producerId} className="text-sm">
                  <p className="font-medium">{part.producerName}</p>
                  <ul>
                    {part.lines.map((line) => (
                      <li key={line.productId} className="flex justify-between gap-2">
                        <span>
                          {line.name} × {line.quantity}
                        </span>
                        <Price vnd={line.priceVnd * line.quantity} />
                      </li>
                    ))}
                    <li className="flex justify-between gap-2 text-stone-600">
                      <span>{t("checkout.shipping")}</span>
                      {part.shippingFeeVnd === 0 ? <span>{t("checkout.freeShipping")}</span> : <Price vnd={part.shippingFeeVnd} />}
                    </li>
                  </ul>
                </div>
              ))}
              <input type="hidden" name="expectedTotal" value={quote.totalVnd} />
              <p className="flex justify-between border-t border-stone-200 pt-2 text-lg">
                <span>{t("checkout.total")}</span>
                <Price vnd={quote.totalVnd} className="font-bold" />
              </p>
            </>
          ) : (
            <p className="text-stone-600">{t("checkout.chooseProvinceForShipping")}</p>
          )}
        </section>
        <Honeypot />
        <button type="submit" name="intent" value="place" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
          {t("checkout.place")}
        </button>
        <p className="text-center text-sm">
          <Link to="/cart">{t("checkout.backToCart")}</Link>
        </p>
      </Form>
    </div>
  );
}
