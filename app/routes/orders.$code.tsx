import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { CopyButton } from "~/components/copy-button";
import { FieldError } from "~/components/ui/field-error";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { provinceNames } from "~/domain/catalog/places.server";
import { unitLabel } from "~/domain/catalog/units";
import { orderViewer } from "~/domain/orders/order-access.server";
import { orderPath } from "~/domain/orders/order-path";
import type { PartStatus } from "~/domain/orders/order-states";
import { orderView } from "~/domain/orders/order-view.server";
import { markNoticesRead } from "~/domain/orders/notifications.server";
import { orderPageIntentSchema, reviewSchema } from "~/domain/orders/reviews";
import { addReview } from "~/domain/orders/reviews.server";
import { bankName } from "~/domain/payments/banks";
import { awaitsPayment, awaitsTransfer, payableAtWallet, payableByCard, type PaymentStatus } from "~/domain/payments/payment-states";
import { expireIfLapsed, payableOrderById } from "~/domain/payments/payments.server";
import { paymentLinkOfOrder } from "~/domain/payments/payment-links.server";
import { openPayosLink } from "~/domain/payments/providers/payos.server";
import { stripeCheckoutUrl } from "~/domain/payments/stripe.server";
import { checkReturnFromWallet, isWallet, WALLET_NAMES, walletPaymentPage } from "~/domain/payments/wallet-payment.server";
import { offeredPaymentMethods } from "~/domain/orders/checkout.server";
import { getLanguage } from "~/i18n/language.server";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useLanguage, useT } from "~/i18n/use-t";
import { readForm, requestOrigin } from "~/request.server";
import { settings } from "~/settings.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { withMoreMessages } from "~/i18n/more-messages";
import { CARRIER_NAMES } from "~/domain/shipping/carrier-codes";
import { shipmentsOfParts, trackingOfParts } from "~/domain/shipping/tracking.server";

export const handle = withMoreMessages;

async function viewerOrderId(request: Request, code: string) {
  const viewer = await orderViewer(request, code);
  if (!viewer) throw new Response("Not found", { status: 404 });
  return { id: viewer.orderId, user: viewer.user, token: viewer.token };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, user, token } = await viewerOrderId(request, params.code ?? "");
  const payable = payableOrderById(id)!;
  await checkReturnFromWallet(payable, new URL(request.url).searchParams);
  expireIfLapsed(payable);
  const order = orderView(id)!;
  if (user && order.userId === user.id) markNoticesRead({ userId: user.id }, id);
  const lang = await getLanguage(request);
  const account = settings.vietQrAccount;
  const link = order.paymentMethod === "payos" && awaitsPayment(order.paymentStatus) ? paymentLinkOfOrder(id) : undefined;
  const partIds = order.parts.map((p) => p.id);
  const tracking = trackingOfParts(partIds);
  return {
    order,
    token,
    // Carriers' tracking (issue 18): each part's booked parcel and its events in the order they happened.
    parcels: shipmentsOfParts(partIds).map((s) => ({ ...s, carrierName: CARRIER_NAMES[s.carrier], events: tracking.get(s.partId) ?? [] })),
    provinceName: provinceNames(lang)[order.provinceCode] ?? "",
    transfer: awaitsTransfer(order)
      ? { bank: bankName(account.bankBin), accountNo: account.accountNo, accountName: account.accountName, isDemo: account.isDemo, content: order.code, via: null }
      : link?.status === "open"
        ? // payOS's link pays into the account it names, with its own content (ADR 0023).
          { bank: bankName(link.bankBin ?? ""), accountNo: link.accountNumber ?? "", accountName: link.accountName ?? "", isDemo: false, content: link.description, via: { name: "payOS", url: link.checkoutUrl } }
        : null,
    // A payOS order whose link payOS did not make (yet): the page offers to ask again while the order holds.
    payosRetry: order.paymentMethod === "payos" && awaitsPayment(order.paymentStatus) && link?.status !== "open" && Date.now() < order.expiresAt,
    // A VNPay or MoMo order not paid yet: the page sends the shopper (back) to the provider.
    wallet: isWallet(order.paymentMethod) && payableAtWallet(payable, { now: Date.now(), offered: offeredPaymentMethods() }) ? WALLET_NAMES[order.paymentMethod] : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { id, user, token } = await viewerOrderId(request, params.code ?? "");
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const posted = parseWithZod(formData, { schema: orderPageIntentSchema });
  if (posted.status === "success" && posted.value.intent === "payos") {
    if (payableOrderById(id)!.paymentMethod !== "payos" || !settings.payos) {
      return data({ formError: "order.error.notPayable" as MessageKey, review: null }, { status: 409 });
    }
    const link = await openPayosLink(id, requestOrigin(request), orderPath(params.code!, null));
    if (!link) return data({ formError: "order.error.payosUnavailable" as MessageKey, review: null }, { status: 503 });
    return redirect(orderPath(params.code!, token), 303);
  }
  if (posted.status === "success" && posted.value.intent === "pay" && isWallet(payableOrderById(id)!.paymentMethod)) {
    const order = payableOrderById(id)!;
    if (!payableAtWallet(order, { now: Date.now(), offered: offeredPaymentMethods() })) {
      return data({ formError: "order.error.notPayable" as MessageKey, review: null }, { status: 409 });
    }
    const visit = { origin: requestOrigin(request), returnPath: orderPath(params.code!, null), ipAddr: context.clientIp ?? null, lang: await getLanguage(request) };
    const page = await walletPaymentPage(order, visit);
    if (!page) return data({ formError: "order.error.walletUnavailable" as MessageKey, review: null }, { status: 503 });
    return redirect(page, 303);
  }
  if (posted.status === "success" && posted.value.intent === "pay") {
    const order = payableOrderById(id)!;
    if (!payableByCard(order, { now: Date.now(), stripeOn: Boolean(settings.stripe) })) {
      return data({ formError: "order.error.notPayable" as MessageKey, review: null }, { status: 409 });
    }
    try {
      return redirect(await stripeCheckoutUrl(order, requestOrigin(request), orderView(id)!.email), 303);
    } catch (error) {
      console.error("Stripe Checkout could not start", error);
      return data({ formError: "order.error.stripeUnavailable" as MessageKey, review: null }, { status: 503 });
    }
  }
  const submission = parseWithZod(formData, { schema: reviewSchema });
  if (submission.status !== "success") {
    return data({ formError: null, review: { productId: Number(submission.payload.productId), result: submission.reply() } }, { status: 400 });
  }
  const outcome = addReview(id, submission.value, { reviewerUserId: user?.id ?? null });
  if (outcome !== "ok") {
    const key: MessageKey =
      outcome === "not_delivered" ? "review.error.notDelivered" : outcome === "own_goods" ? "review.error.ownGoods" : "review.error.already";
    // The review form may be gone from the page (a stale tab): say it at the top too.
    return data({ formError: key, review: { productId: submission.value.productId, result: submission.reply({ formErrors: [key] }) } }, { status: 400 });
  }
  return redirect(orderPath(params.code!, token) + "#review-thanks", 303);
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [
    { title: `${t("order.title", { code: data?.order.code ?? "" })} | ${t("site.name")}` },
    { name: "robots", content: "noindex" },
  ];
};

const POLL_MS = 5000;

export default function OrderPage() {
  const { order, token, provinceName, transfer, payosRetry, wallet, parcels } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const format = useFormat();
  const lang = useLanguage();
  const revalidator = useRevalidator();
  const statusUrl = orderPath(order.code, token, "/status");
  const waiting = awaitsPayment(order.paymentStatus);

  // With JS, a VietQR payment shows as received without a reload: poll the status while unpaid.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(async () => {
      const response = await fetch(statusUrl, { headers: { Accept: "application/json" } }).catch(() => null);
      const status = response?.ok ? ((await response.json()) as { paymentStatus: PaymentStatus }) : null;
      if (status && !awaitsPayment(status.paymentStatus) && revalidator.state === "idle") revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, statusUrl, revalidator]);

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("order.title", { code: order.code })}</h1>
      <FormAlert message={actionData?.formError} />
      <p className="rounded bg-brand-50 p-3" role="status">
        <strong>{t(`order.status.${order.status}`)}</strong>
        {" · "}
        {t(`order.payment.${order.paymentStatus}`)}
      </p>
      {token ? <p className="text-sm text-stone-700">{t("order.keepLink")}</p> : null}

      {transfer ? (
        <section aria-labelledby="pay-title" className="space-y-3 rounded-lg border border-brand-700 bg-white p-4">
          <h2 id="pay-title" className="text-lg font-semibold">
            {transfer.via ? t("order.payThrough", { provider: transfer.via.name }) : t("order.payByTransfer")}
          </h2>
          <p>{t("order.payBefore", { time: new Date(order.expiresAt).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }) })}</p>
          <div className="flex flex-wrap gap-4">
            <img src={orderPath(order.code, token, "/vietqr.png")} alt={t("order.qrAlt")} width={240} height={240} className="h-60 w-60" />
            <dl className="grid min-w-56 flex-1 grid-cols-[auto_1fr] gap-x-3 gap-y-1 break-words">
              <dt className="text-stone-600">{t("order.bank")}</dt>
              <dd>{transfer.bank}</dd>
              <dt className="text-stone-600">{t("order.accountNo")}</dt>
              <dd className="flex flex-wrap items-center gap-x-2">
                <span className="font-mono text-lg" translate="no">{transfer.accountNo}</span>
                <CopyButton text={transfer.accountNo} what={t("order.accountNo")} />
              </dd>
              <dt className="text-stone-600">{t("order.accountName")}</dt>
              <dd translate="no">{transfer.accountName}</dd>
              <dt className="text-stone-600">{t("order.amount")}</dt>
              <dd className="flex flex-wrap items-center gap-x-2">
                <Price vnd={order.totalVnd} className="text-lg font-bold" />
                {/* Digits only: what a banking app's amount field accepts. */}
                <CopyButton text={String(order.totalVnd)} what={t("order.amount")} />
              </dd>
              <dt className="text-stone-600">{t("order.transferContent")}</dt>
              <dd className="flex flex-wrap items-center gap-x-2">
                <span className="font-mono text-lg font-bold" translate="no">{transfer.content}</span>
                <CopyButton text={transfer.content} what={t("order.transferContent")} />
              </dd>
            </dl>
          </div>
          <p className="text-sm">{t("order.sameContent")}</p>
          <a href={orderPath(order.code, token, "/vietqr.png")} download={`vietqr-${order.code}.png`} className="inline-block rounded border border-brand-700 px-3 py-2 text-brand-800 no-underline">
            {t("order.saveQr")}
          </a>
          {transfer.via?.url ? (
            <p>
              <a href={transfer.via.url} rel="noopener noreferrer">
                {t("order.openProviderPage", { provider: transfer.via.name })}
              </a>
            </p>
          ) : null}
          {transfer.isDemo ? <p className="text-sm text-amber-800">{t("order.demoAccount")}</p> : null}
        </section>
      ) : null}

      {payosRetry ? (
        <Form method="post" className="rounded-lg border border-brand-700 bg-white p-4">
          <input type="hidden" name="intent" value="payos" />
          <p className="mb-2">{t("order.payosNotReady")}</p>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("order.payosRetry")}
          </button>
        </Form>
      ) : null}

      {wallet ? (
        <Form method="post" className="rounded-lg border border-brand-700 bg-white p-4">
          <input type="hidden" name="intent" value="pay" />
          <p className="mb-2">{t("order.walletHint", { provider: wallet })}</p>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("order.walletPay", { provider: wallet })}
          </button>
        </Form>
      ) : null}

      {waiting && order.paymentMethod === "stripe" ? (
        <Form method="post" className="rounded-lg border border-brand-700 bg-white p-4">
          <input type="hidden" name="intent" value="pay" />
          <p className="mb-2">{t("order.payByCard", { time: new Date(order.expiresAt).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }) })}</p>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("order.openStripe")}
          </button>
        </Form>
      ) : null}

      {order.parts.map((part) => (
        <section key={part.id} aria-labelledby={`part-${part.id}`} className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id={`part-${part.id}`} className="font-semibold">
            <Link to={`/producers/${part.producerSlug}`}>{part.producerName}</Link>
          </h2>
          <PartProgress status={part.status} />
          {part.trackingNumber ? (
            <p className="text-sm">
              {t("order.tracking", { carrier: part.carrier ?? "", number: part.trackingNumber })}
            </p>
          ) : null}
          {part.cancelReason ? <p className="text-sm text-red-800">{t("order.cancelReason", { reason: part.cancelReason })}</p> : null}
          <ParcelJourney parcel={parcels.find((p) => p.partId === part.id)} />
          {part.status === "delivered" || part.status === "refunded" ? (
            <p className="text-sm">
              <a className="underline" href={orderPath(order.code, token, "/complaint")}>
                {t("complaint.link")}
              </a>
            </p>
          ) : null}
          <ul className="mt-2 divide-y divide-stone-100">
            {part.items.map((item) => (
              <li key={item.id} className="py-2">
                <div className="flex justify-between gap-2">
                  <span>
                    <Link to={`/products/${item.slug}`}>{item.productName}</Link> × {item.quantity} {unitLabel(item.unit, lang, item.quantity)}
                  </span>
                  <Price vnd={item.lineTotalVnd} />
                </div>
                {part.status === "delivered" && !item.reviewed ? (
                  <ReviewForm productId={item.productId} result={actionData?.review?.productId === item.productId ? actionData.review.result : undefined} />
                ) : item.reviewed ? (
                  <p className="text-sm text-brand-700">{t("review.thanks")}</p>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="flex justify-between text-sm text-stone-700">
            <span>{t("checkout.shipping")}</span>
            <Price vnd={part.shippingFeeVnd + part.discounts.filter((d) => d.target === "shipping").reduce((sum, d) => sum + d.amountVnd, 0)} />
          </p>
          {part.discounts.map((d, i) => (
            <p key={i} className="flex justify-between text-sm text-green-800" data-discount={d.source}>
              <span>
                {d.source === "campaign" ? t("checkout.discount.campaign", { label: d.label }) : t("checkout.discount.voucher", { label: d.label })}
                {d.target === "shipping" ? ` ${t("checkout.discount.shipping")}` : null}
              </span>
              <span>
                −<Price vnd={d.amountVnd} />
              </span>
            </p>
          ))}
        </section>
      ))}

      <section className="space-y-1 rounded-lg border border-stone-200 bg-white p-4">
        <p className="flex justify-between text-lg">
          <span>{t("checkout.total")}</span>
          <Price vnd={order.totalVnd} className="font-bold" />
        </p>
        <p className="text-sm text-stone-700">
          {t("order.deliverTo", { name: order.fullName, phone: order.phone })}: {order.addressLine}, {order.wardName}, {provinceName}
        </p>
      </section>

      <section aria-labelledby="history" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="history" className="font-semibold">
          {t("order.history")}
        </h2>
        <ol className="mt-2 space-y-1 text-sm">
          {order.events.map((event, i) => {
            const producer = order.parts.find((p) => p.id === event.partId)?.producerName;
            return (
              <li key={i}>
                <time dateTime={new Date(event.createdAt).toISOString()} className="text-stone-600">
                  {format.dateTime(event.createdAt)}
                </time>{" "}
                {event.toStatus && event.action !== "place" ? t(`part.status.${event.toStatus as PartStatus}`) : t("order.placed")}
                {producer ? ` · ${producer}` : ""}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

/** A part's parcel with its carrier's tracking timeline (issue 18), oldest first. */
function ParcelJourney({ parcel }: { parcel: ReturnType<typeof useLoaderData<typeof loader>>["parcels"][number] | undefined }) {
  const t = useT();
  const format = useFormat();
  if (!parcel) return null;
  return (
    <div className="mt-2 rounded border border-stone-200 p-2 text-sm" data-tracking>
      <p className="font-medium">{t("shipping.waybill", { carrier: parcel.carrierName, waybill: parcel.waybill ?? "" })}</p>
      {parcel.expectedDeliveryAt && parcel.trackingState !== "delivered" ? <p>{t("shipping.expected", { date: format.dateTime(parcel.expectedDeliveryAt, { day: true }) })}</p> : null}
      {parcel.events.length > 0 ? (
        <>
          <h3 className="mt-1 font-medium">{t("shipping.timeline")}</h3>
          <ol className="space-y-1 border-l-2 border-brand-700 pl-3">
            {parcel.events.map((event, i) => (
              <li key={i}>
                <time dateTime={new Date(event.occurredAt).toISOString()} className="text-stone-600">
                  {format.dateTime(event.occurredAt)}
                </time>{" "}
                <strong>{t(`shipping.state.${event.state}` as MessageKey)}</strong>
                {event.location ? ` · ${event.location}` : ""}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t(`shipping.state.${parcel.trackingState}` as MessageKey)}</p>
      )}
    </div>
  );
}

const PROGRESS = ["awaiting_payment", "paid", "confirmed", "shipped", "delivered"] as const;

function PartProgress({ status }: { status: (typeof PROGRESS)[number] | "cancelled" | "refunded" }) {
  const t = useT();
  if (status === "cancelled" || status === "refunded") {
    return <p className="font-medium text-red-800">{t(`part.status.${status}`)}</p>;
  }
  const reached = PROGRESS.indexOf(status);
  return (
    <ol className="mt-2 flex flex-wrap gap-1 text-xs" aria-label={t("order.progress")}>
      {PROGRESS.map((step, i) => (
        <li
          key={step}
          aria-current={i === reached ? "step" : undefined}
          className={`rounded px-2 py-1 ${i <= reached ? "bg-brand-700 text-white" : "bg-stone-100 text-stone-600"}`}
        >
          {t(`part.status.${step}`)}
        </li>
      ))}
    </ol>
  );
}

function ReviewForm({ productId, result }: { productId: number; result?: { error?: Record<string, string[] | null> | null } }) {
  const t = useT();
  const errors = result?.error ?? {};
  const starsError = errors.stars?.[0] ?? errors[""]?.[0];
  const bodyError = errors.body?.[0];
  const id = `review-${productId}`;
  return (
    <Form method="post" className="mt-2 space-y-2 rounded bg-stone-50 p-2">
      <input type="hidden" name="productId" value={productId} />
      <fieldset aria-describedby={starsError ? `${id}-error` : undefined}>
        <legend className="text-sm font-medium">{t("review.stars")}</legend>
        <div className="flex gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1">
              <input type="radio" name="stars" value={n} /> {n}★
            </label>
          ))}
        </div>
      </fieldset>
      {starsError ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {t(starsError as MessageKey)}
        </p>
      ) : null}
      <label htmlFor={`${id}-body`} className="block text-sm font-medium">
        {t("review.body")}
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={2}
        maxLength={2000}
        className="w-full rounded border border-stone-300 px-2 py-1"
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={bodyError ? `${id}-body-error` : undefined}
      />
      <FieldError id={`${id}-body-error`} message={bodyError && t(bodyError as MessageKey)} />
      <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-800">
        {t("review.send")}
      </button>
    </Form>
  );
}
