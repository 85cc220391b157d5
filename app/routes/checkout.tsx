import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Honeypot } from "~/components/honeypot";
import { getFormProps } from "@conform-to/react";
import { Field, SelectField, useFieldError } from "~/components/ui/field";
import { useConformForm } from "~/components/ui/use-conform-form";
import { FieldError } from "~/components/ui/field-error";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { currentUser } from "~/domain/accounts/sessions.server";
import { listWards, provinceByCode, provinceOptions, wardIsInProvince } from "~/domain/catalog/places.server";
import type { CarrierFees } from "~/domain/orders/quote";
import { CARRIER_NAMES, isCarrier } from "~/domain/shipping/carrier-codes";
import { carrierFeesFor } from "~/domain/shipping/quotes.server";
import { configuredCarriers } from "~/domain/shipping/carriers/registry.server";
import { unitLabel } from "~/domain/catalog/units";
import { checkoutIntentSchema, checkoutSchema } from "~/domain/orders/checkout-form";
import { checkoutRefusal, type Capped, type Shortage } from "~/domain/orders/checkout-refusal";
import { offeredPaymentMethods, placeOrder, pricedQuoteFor } from "~/domain/orders/checkout.server";
import { isWallet, walletPaymentPage } from "~/domain/payments/wallet-payment.server";
import { VOUCHER_MESSAGE } from "~/domain/orders/checkout-refusal";
import { cartLines, cartOwner } from "~/domain/orders/cart.server";
import { rememberGuestOrder } from "~/domain/orders/order-access.server";
import { orderPath } from "~/domain/orders/order-path";
import { payableOrderById } from "~/domain/payments/payments.server";
import { openPayosLink } from "~/domain/payments/providers/payos.server";
import { stripeCheckoutUrl } from "~/domain/payments/stripe.server";
import { getLanguage } from "~/i18n/language.server";
import { useFormat, useLanguage, useT } from "~/i18n/use-t";
import { readForm, requestOrigin } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { withMoreMessages } from "~/i18n/more-messages";

export const handle = withMoreMessages;

async function cartFor(request: Request) {
  const user = await currentUser(request);
  return { user, lines: cartLines(await cartOwner(request, user?.id ?? null)) };
}

/**
 * Wards of the chosen province and the order's cost delivered there, with the running campaigns and
 * the typed voucher applied (ADR 0019); a voucher that cannot be used is left out and its problem named.
 */
function destination(lines: ReturnType<typeof cartLines>, provinceCode: string | null, voucherCode: string | null = null, carrierFees?: CarrierFees) {
  const known = provinceCode && provinceByCode(provinceCode) ? provinceCode : null;
  const priced = pricedQuoteFor(lines, known, voucherCode, null, Date.now(), carrierFees);
  const fallback = priced && !priced.ok ? pricedQuoteFor(lines, known, null, null, Date.now(), carrierFees) : priced;
  return {
    provinceCode: known,
    wards: known ? listWards(known) : [],
    quote: fallback?.ok ? { ...fallback.quote, parts: fallback.quote.parts.map((part) => ({ ...part, carrierName: part.carrier && isCarrier(part.carrier) ? CARRIER_NAMES[part.carrier] : null })) } : null,
    voucherProblem: priced && !priced.ok ? VOUCHER_MESSAGE[priced.problem] : null,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, lines } = await cartFor(request);
  if (lines.length === 0) throw redirect("/cart");
  const lang = await getLanguage(request);
  const search = new URL(request.url).searchParams;
  const fees = await carrierFeesFor(lines, deliveryCommune(search.get("province"), search.get("ward")));
  return {
    lines,
    ...destination(lines, search.get("province"), search.get("voucher"), fees),
    provinces: provinceOptions(lang).map(({ code, name }) => ({ code, name })),
    paymentMethods: offeredPaymentMethods(),
    carriersOn: configuredCarriers().length > 0,
    fullName: user?.fullName ?? "",
    constraint: getZodConstraint(checkoutSchema),
  };
}

/** The commune carriers quote for, once the shopper has chosen one of the province (issue 18). */
function deliveryCommune(provinceCode: string | null | undefined, wardCode: string | null | undefined) {
  return provinceCode && wardCode && wardIsInProvince(wardCode, provinceCode) ? { provinceCode, wardCode } : null;
}

const NO_LINE_PROBLEMS: { shortages: Shortage[]; capped: Capped[] } = { shortages: [], capped: [] };

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const { user, lines } = await cartFor(request);
  const step = parseWithZod(formData, { schema: checkoutIntentSchema });
  const posted = step.status === "success" ? step.value : { intent: "place" as const, provinceCode: undefined, wardCode: undefined, voucherCode: undefined };
  // Carriers' fees are asked here, before the order's transaction; the same answers (kept a few
  // minutes) are what the form showed, and what the order is placed with.
  const fees = await carrierFeesFor(lines, deliveryCommune(posted.provinceCode, posted.wardCode));
  const place = destination(lines, posted.provinceCode ?? null, posted.voucherCode ?? null, fees);
  // Without JS, choosing the province posts the form to show its wards and the shipping fees: the
  // reply refills what was typed and shows no errors yet, but for a voucher code that cannot be used.
  if (posted.intent === "quote") {
    if (place.voucherProblem) {
      return data({ result: step.reply({ fieldErrors: { voucherCode: [place.voucherProblem] } }), ...place, ...NO_LINE_PROBLEMS }, { status: 400 });
    }
    return data({ result: step.reply(), ...place, ...NO_LINE_PROBLEMS });
  }
  const submission = parseWithZod(formData, { schema: checkoutSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), ...place, ...NO_LINE_PROBLEMS }, { status: 400 });

  const owner = await cartOwner(request, user?.id ?? null);
  const placed = owner
    ? placeOrder(owner, submission.value, { userId: user?.id ?? null, clientIp: context.clientIp ?? null, carrierFees: fees })
    : ({ ok: false, problem: "empty" } as const);
  if (!placed.ok) {
    if (placed.problem === "empty") throw redirect("/cart");
    const refused = checkoutRefusal(placed);
    const reply = refused.field
      ? submission.reply({ fieldErrors: { [refused.field]: [refused.message] } })
      : submission.reply({ formErrors: [refused.message] });
    return data({ result: reply, ...place, shortages: refused.shortages, capped: refused.capped }, { status: refused.status });
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
  // payOS's QR is shown on our order page; a link that could not be made is offered again there. As
  // with Stripe, no secret goes to payOS: its return URL is the page without the guest's token.
  if (submission.value.paymentMethod === "payos") await openPayosLink(placed.order.id, requestOrigin(request), orderPath(placed.order.code, null));
  // VNPay and MoMo take the shopper to their page; one they could not make is offered again on the order page.
  if (isWallet(submission.value.paymentMethod)) {
    const visit = { origin: requestOrigin(request), returnPath: orderPath(placed.order.code, null), ipAddr: context.clientIp ?? null, lang: await getLanguage(request) };
    const page = await walletPaymentPage({ id: placed.order.id, paymentMethod: submission.value.paymentMethod }, visit);
    if (page) return redirect(page, { status: 303, headers });
  }
  return redirect(orderUrl, { status: 303, headers });
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("checkout.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Checkout() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const places = useFetcher<typeof loader>();
  const t = useT();
  const format = useFormat();
  const lang = useLanguage();
  const busy = useNavigation().state === "submitting";
  // The freshest destination: chosen with JS (fetcher), posted (action: without JS, or "apply the
  // voucher code"), or none yet. Whichever the shopper asked for last wins, so a code applied after
  // the province was chosen shows its discount (the fetcher's revalidation after a post does not count).
  const [latest, setLatest] = useState<"loaded" | "fetched" | "posted">(actionData ? "posted" : "loaded");
  useEffect(() => {
    if (actionData) setLatest("posted");
  }, [actionData]);
  const place = (latest === "fetched" ? places.data : latest === "posted" ? actionData : undefined) ?? actionData ?? places.data ?? loaded;
  const [form, fields] = useConformForm<typeof checkoutSchema>({
    constraint: loaded.constraint,
    lastResult: actionData?.result,
    defaultValue: { fullName: loaded.fullName, paymentMethod: "vietqr" },
  });
  const paymentError = useFieldError(fields.paymentMethod.errors);
  const shortages = actionData?.shortages ?? [];
  const capped = actionData?.capped ?? [];
  const quote = place.quote;
  const paymentMethod = loaded.paymentMethods.find((method) => method === fields.paymentMethod.initialValue) ?? "vietqr";

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("checkout.title")}</h1>
      <FormAlert message={form.errors} />
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
      <Form method="post" {...getFormProps(form)} className="relative space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <h2 className="text-lg font-semibold">{t("checkout.deliverTo")}</h2>
        <Field meta={fields.fullName} label={t("checkout.fullName")} autoComplete="name" />
        <Field meta={fields.phone} type="tel" label={t("checkout.phone")} autoComplete="tel" inputMode="tel" maxLength={20} />
        <Field meta={fields.email} type="email" label={t("checkout.email")} hint={t("checkout.emailHint")} autoComplete="email" />
        <div>
          <SelectField
            meta={fields.provinceCode}
            label={t("checkout.province")}
            defaultValue={place.provinceCode ?? fields.provinceCode.initialValue ?? ""}
            placeholder={{ label: t("checkout.chooseProvince") }}
            options={loaded.provinces.map((p) => ({ value: p.code, label: p.name }))}
            onChange={(e) => {
              const voucher = e.currentTarget.form?.elements.namedItem("voucherCode");
              const code = voucher instanceof HTMLInputElement && voucher.value ? `&voucher=${encodeURIComponent(voucher.value)}` : "";
              setLatest("fetched");
              places.load(`/checkout?province=${encodeURIComponent(e.currentTarget.value)}${code}`);
            }}
          />
          <noscript>
            <button type="submit" name="intent" value="quote" className="mt-2 rounded border border-brand-700 px-3 py-1 text-brand-800">
              {t("checkout.showWards")}
            </button>
          </noscript>
        </div>
        <SelectField
          key={place.provinceCode ?? "none"}
          meta={fields.wardCode}
          label={t("checkout.ward")}
          disabled={place.wards.length === 0}
          placeholder={{ label: place.wards.length === 0 ? t("checkout.provinceFirst") : t("checkout.chooseWard") }}
          options={place.wards.map((w) => ({ value: w.code, label: w.fullName }))}
          onChange={(e) => {
            if (!loaded.carriersOn) return;
            const formEl = e.currentTarget.form;
            const voucher = formEl?.elements.namedItem("voucherCode");
            const code = voucher instanceof HTMLInputElement && voucher.value ? `&voucher=${encodeURIComponent(voucher.value)}` : "";
            setLatest("fetched");
            places.load(`/checkout?province=${encodeURIComponent(place.provinceCode ?? "")}&ward=${encodeURIComponent(e.currentTarget.value)}${code}`);
          }}
        />
        {loaded.carriersOn ? (
          <noscript>
            <button type="submit" name="intent" value="quote" className="rounded border border-brand-700 px-3 py-1 text-brand-800">
              {t("checkout.showShippingFees")}
            </button>
          </noscript>
        ) : null}
        <Field meta={fields.addressLine} label={t("checkout.address")} hint={t("checkout.addressHint")} autoComplete="street-address" />

        <fieldset className="space-y-2" aria-describedby={paymentError ? "f-paymentMethod-error" : undefined}>
          <legend className="text-lg font-semibold">{t("checkout.payment")}</legend>
          {loaded.paymentMethods.map((method) => (
            <label key={method} className="flex items-start gap-2">
              <input type="radio" name="paymentMethod" value={method} defaultChecked={paymentMethod === method} className="mt-1" />
              <span>
                <strong>{t(`checkout.${method}`)}</strong>
                <span className="block text-sm text-stone-600">{t(`checkout.${method}Hint`)}</span>
              </span>
            </label>
          ))}
          <FieldError id="f-paymentMethod-error" message={paymentError} />
        </fieldset>

        <div>
          <Field meta={fields.voucherCode} label={t("checkout.voucher")} hint={t("checkout.voucherHint")} autoCapitalize="characters" maxLength={20} />
          <button type="submit" name="intent" value="quote" className="mt-2 rounded border border-brand-700 px-3 py-1 text-brand-800">
            {t("checkout.applyVoucher")}
          </button>
        </div>

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
                      <span>
                        {part.carrierName
                          ? part.expectedDeliveryAt
                            ? t("checkout.carrierQuoteEta", { carrier: part.carrierName, date: format.dateTime(part.expectedDeliveryAt, { day: true }) })
                            : t("checkout.carrierQuote", { carrier: part.carrierName })
                          : t("checkout.shipping")}
                      </span>
                      {part.shippingFeeVnd === 0 ? <span>{t("checkout.freeShipping")}</span> : <Price vnd={part.shippingFeeVnd} />}
                    </li>
                    {part.discount.lines.map((d) => (
                      <li key={`${d.source}-${d.offerId}`} className="flex justify-between gap-2 text-green-800" data-discount={d.source}>
                        <span>
                          {d.source === "campaign" ? t("checkout.discount.campaign", { label: d.label }) : t("checkout.discount.voucher", { label: d.label })}
                          {d.target === "shipping" ? ` ${t("checkout.discount.shipping")}` : null}
                        </span>
                        <span>
                          −<Price vnd={d.amountVnd} />
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              <input type="hidden" name="expectedTotal" value={quote.totalVnd} />
              {quote.discountTotalVnd > 0 ? (
                <p className="flex justify-between border-t border-stone-200 pt-2 text-green-800">
                  <span>{t("checkout.discountTotal")}</span>
                  <span>
                    −<Price vnd={quote.discountTotalVnd} />
                  </span>
                </p>
              ) : null}
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
