import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { FieldError } from "~/components/ui/field-error";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { provinceNames } from "~/domain/catalog/places.server";
import { inboxMoveSchema, producerMoveOf } from "~/domain/orders/inbox-form";
import { moveOwnPart, partsAwaitingConfirmation, producerInbox, type InboxPart } from "~/domain/orders/inbox.server";
import { allowedActions } from "~/domain/orders/order-states";
import { payoutHistory, producerBalances } from "~/domain/ledger/ledger.server";
import { producerTaxView } from "~/domain/tax/declarations.server";
import { markTransferReceivedBySeller, offersTransferReceived } from "~/domain/payments/seller-transfer.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { getLanguage } from "~/i18n/language.server";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { shipmentIntentSchema } from "~/domain/shipping/shipping-forms";
import { bookingView, bookShipment, cancelShipment, type BookingView } from "~/domain/shipping/shipments.server";
import { configuredCarriers } from "~/domain/shipping/carriers/registry.server";
import { BookingPanel } from "~/components/shipping/booking-panel";
import { metaTranslator, type RootMatch } from "~/seo";
import { z } from "zod";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const lang = await getLanguage(request);
  // Carriers (issue 18): only when the marketplace has at least one; without, the inbox is as before.
  const carriersOn = configuredCarriers().length > 0;
  const withBooking = (partId: number, status: string): BookingView | null =>
    carriersOn && ["confirmed", "shipped", "delivered"].includes(status) ? bookingView(actor.producer.id, partId) : null;
  return {
    producerId: actor.producer.id,
    carriersOn,
    parts: producerInbox(actor.producer.id).map((part) => ({ ...part, canMarkPaid: offersTransferReceived(part), booking: withBooking(part.id, part.status) })),
    balances: producerBalances(actor.producer.id),
    tax: producerTaxView(actor.producer),
    payouts: payoutHistory(actor.producer.id),
    newPaid: partsAwaitingConfirmation(actor.producer.id),
    provinceNames: provinceNames(lang),
  };
}

const OUTCOME_MESSAGE: Record<"not_found" | "illegal" | "not_allowed", MessageKey> = {
  not_found: "inbox.error.notFound",
  illegal: "inbox.error.illegal",
  not_allowed: "inbox.error.notAllowed",
};

/** Every form of the inbox, told apart by its button: the part moves and the carrier intents (issue 18). */
const inboxFormSchema = z.discriminatedUnion("intent", [...inboxMoveSchema.options, ...shipmentIntentSchema.options]);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: inboxFormSchema });
  // Which order part's forms answered, so its fields alone show the errors.
  const partId = Number(submission.payload.partId);
  if (submission.status !== "success") return data({ partId, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  if (value.intent === "book" || value.intent === "cancelShipment") {
    // The carrier is called by the domain, outside any transaction.
    const outcome = value.intent === "book" ? await bookShipment(actor, value.partId, value) : await cancelShipment(actor, value.partId);
    if (!outcome.ok) {
      if (outcome.problem === "not_found") throw new Response("Not found", { status: 404 });
      const status = outcome.problem === "carrier_unreachable" ? 503 : 409;
      return data({ partId, result: submission.reply({ formErrors: [SHIPMENT_PROBLEM[outcome.problem] ?? "shipping.error.refused"] }) }, { status });
    }
    return redirect(`/seller/orders#part-${value.partId}`, 303);
  }
  const outcome = value.intent === "markPaid" ? markTransferReceivedBySeller(actor, value.partId) : moveOwnPart(actor, value.partId, producerMoveOf(value));
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  if (outcome !== "ok") {
    return data({ partId, result: submission.reply({ formErrors: [OUTCOME_MESSAGE[outcome]] }) }, { status: 409 });
  }
  return redirect(`/seller/orders#part-${value.partId}`, 303);
}

const SHIPMENT_PROBLEM: Record<string, MessageKey> = {
  not_bookable: "shipping.error.notBookable",
  carrier_not_chosen: "shipping.error.carrier",
  not_served: "shipping.error.notServed",
  carrier_refused: "shipping.error.refused",
  carrier_unreachable: "shipping.error.unreachable",
  duplicate: "shipping.error.duplicate",
  not_cancellable: "shipping.error.notCancellable",
};

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("inbox.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SellerOrders() {
  const { parts, balances, payouts, newPaid, producerId, carriersOn, tax } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("inbox.title")}</h1>
      {carriersOn ? (
        <p className="text-sm">
          <Link to="/seller/shipping">{t("shipping.settingsTitle")}</Link>
        </p>
      ) : null}
      {newPaid > 0 ? (
        <p role="status" className="rounded bg-amber-50 p-3 font-medium text-amber-900">
          {t("inbox.newPaid", { count: newPaid })}
        </p>
      ) : null}
      <dl className="grid grid-cols-3 gap-2 rounded-lg border border-stone-200 bg-white p-3 text-center text-sm">
        <div>
          <dt className="text-stone-600">{t("inbox.pending")}</dt>
          <dd><Price vnd={balances.pendingVnd} className="font-semibold" /></dd>
        </div>
        <div>
          <dt className="text-stone-600">{t("inbox.payable")}</dt>
          <dd><Price vnd={balances.payableVnd} className="font-semibold" /></dd>
        </div>
        <div>
          <dt className="text-stone-600">{t("inbox.paidOut")}</dt>
          <dd><Price vnd={balances.paidOutVnd} className="font-semibold" /></dd>
        </div>
      </dl>
      {tax.heldVnd !== 0 ? (
        <p className="rounded bg-amber-50 p-3 text-sm text-amber-900">
          {t("tax.held")}: <Price vnd={tax.heldVnd} className="font-semibold" />
        </p>
      ) : null}
      <WithheldTax tax={tax} />
      {payouts.length > 0 ? (
        <details className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium">{t("payout.history")}</summary>
          <ul className="mt-2">
            {payouts.map((p, i) => (
              <li key={i} className="flex justify-between gap-2">
                <span>
                  {format.dateTime(p.createdAt, { day: true })} · {p.memo.replace(/^payout /, "")}
                </span>
                <Price vnd={p.amountVnd} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {parts.length === 0 ? <p>{t("inbox.none")}</p> : null}
      {parts.map((part) => (
        <PartCard key={part.id} part={part} producerId={producerId} />
      ))}
    </div>
  );
}

const MEMO_KEYS: Record<string, MessageKey> = {
  payment: "tax.withheld.memo.payment",
  cancelled: "tax.withheld.memo.cancelled",
  refund: "tax.withheld.memo.refund",
};

/** Each amount withheld from the producer's sales (Decree 117/2025), and each offset of one. */
function WithheldTax({ tax }: { tax: ReturnType<typeof useLoaderData<typeof loader>>["tax"] }) {
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby="withheld-title" className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <h2 id="withheld-title" className="font-semibold">
        {t("tax.withheld.title")}: <Price vnd={tax.withheldVnd} />
      </h2>
      {tax.withheldFrom ? <p className="text-stone-600">{t("tax.withheld.intro")}</p> : <p className="text-stone-600">{t("tax.withheld.notWithheld")}</p>}
      {tax.lines.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr className="text-stone-600">
                <th className="pr-2 font-medium">{t("tax.withheld.order")}</th>
                <th className="pr-2 text-right font-medium">{t("tax.withheld.revenue")}</th>
                <th className="pr-2 text-right font-medium">{t("tax.withheld.vat")}</th>
                <th className="text-right font-medium">{t("tax.withheld.pit")}</th>
              </tr>
            </thead>
            <tbody>
              {tax.lines.map((line) => (
                <tr key={`${line.orderCode}-${line.memo}-${line.createdAt}`} className="border-t border-stone-100 align-top">
                  <td className="py-1 pr-2">
                    <span className="font-mono">{line.orderCode}</span>
                    <br />
                    <span className="text-xs text-stone-600">
                      {format.dateTime(line.createdAt, { day: true })} · {MEMO_KEYS[line.memo] ? t(MEMO_KEYS[line.memo]!) : line.memo}
                    </span>
                  </td>
                  <td className="py-1 pr-2 text-right"><Price vnd={line.baseVnd} /></td>
                  <td className="py-1 pr-2 text-right"><Price vnd={line.vatVnd} /></td>
                  <td className="py-1 text-right"><Price vnd={line.pitVnd} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : tax.withheldFrom ? (
        <p>{t("tax.withheld.none")}</p>
      ) : null}
      {tax.withheldFrom ? (
        <p>
          <a className="underline" href={`/seller/tax-statement?year=${tax.year}`}>
            {t("tax.withheld.statement", { year: tax.year })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function PartCard({ part, producerId }: { part: InboxPart & { canMarkPaid: boolean; booking: BookingView | null }; producerId: number }) {
  const { provinceNames } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const result = actionData?.partId === part.id ? actionData.result : undefined;
  const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
  const err = (name: string) => {
    const key = errors[name]?.[0];
    return key ? t(key as MessageKey) : undefined;
  };
  const formAction = portalFormAction(producerId);
  // The buttons offered are the moves the state machine allows (payment and refunds are not the producer's).
  const can = new Set(allowedActions(part.status));
  return (
    <section id={`part-${part.id}`} aria-labelledby={`part-${part.id}-title`} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={`part-${part.id}-title`} className="flex flex-wrap justify-between gap-2">
        <span className="font-mono font-semibold">{part.orderCode}</span>
        <span className="rounded bg-stone-100 px-2 text-sm">{t(`part.status.${part.status}`)}</span>
      </h2>
      <FormAlert message={errors[""]?.[0]} />
      <ul className="text-sm">
        {part.items.map((item, i) => (
          <li key={i} className="flex justify-between gap-2">
            <span>
              {item.productName} × {item.quantity} {item.unit}
            </span>
            <Price vnd={item.lineTotalVnd} />
          </li>
        ))}
      </ul>
      <p className="text-sm text-stone-700">
        {t("inbox.shipTo", { name: part.buyerName, phone: part.buyerPhone })}: {part.addressLine}, {part.wardName}, {provinceNames[part.provinceCode]}
      </p>
      <p className="text-sm">
        {t("inbox.youReceive")}: <Price vnd={part.totalVnd - part.commissionVnd} className="font-semibold" /> ({t("inbox.commission")}{" "}
        <Price vnd={part.commissionVnd} />)
      </p>
      {part.trackingNumber ? <p className="text-sm">{t("order.tracking", { carrier: part.carrier ?? "", number: part.trackingNumber })}</p> : null}
      {part.cancelReason ? <p className="text-sm text-red-800">{t("order.cancelReason", { reason: part.cancelReason })}</p> : null}

      {part.status === "awaiting_payment" ? (
        part.canMarkPaid ? (
          <MoveButton partId={part.id} formAction={formAction} intent="markPaid" label="inbox.markPaid" hint="inbox.markPaidHint" />
        ) : (
          <p className="text-sm text-stone-600">{t("inbox.waitingPayment")}</p>
        )
      ) : null}
      {can.has("confirm") ? <MoveButton partId={part.id} formAction={formAction} intent="confirm" label="inbox.confirm" /> : null}
      {part.booking ? <BookingPanel partId={part.id} partStatus={part.status} booking={part.booking} formAction={formAction} errors={errors} busy={busy} /> : null}
      {can.has("ship") && !part.booking?.shipment ? (
        <Form method="post" action={formAction} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
          <input type="hidden" name="partId" value={part.id} />
          <Field id={`carrier-${part.id}`} name="carrier" label={t("inbox.carrier")} list="carriers" maxLength={60} errors={errors.carrier} />
          <Field id={`tracking-${part.id}`} name="trackingNumber" label={t("inbox.trackingNumber")} maxLength={40} autoCapitalize="characters" errors={errors.trackingNumber} />
          <button type="submit" name="intent" value="ship" disabled={busy} className={BUTTON}>
            {t("inbox.ship")}
          </button>
          <datalist id="carriers">
            {["Viettel Post", "VNPost", "Giao Hàng Nhanh", "Giao Hàng Tiết Kiệm", "J&T Express", "Ninja Van"].map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Form>
      ) : null}
      {can.has("deliver") ? <MoveButton partId={part.id} formAction={formAction} intent="deliver" label="inbox.deliver" /> : null}
      {can.has("cancel") && part.status !== "awaiting_payment" ? (
        <details open={Boolean(err("reason"))}>
          <summary className="cursor-pointer text-sm text-red-800">{t("inbox.cancel")}</summary>
          <Form method="post" action={formAction} className="mt-2 space-y-2" noValidate>
            <input type="hidden" name="partId" value={part.id} />
            <label htmlFor={`reason-${part.id}`} className="block text-sm font-medium">
              {t("inbox.reason")}
            </label>
            <textarea id={`reason-${part.id}`} name="reason" rows={2} maxLength={300} className="w-full rounded border border-stone-300 px-2 py-1" aria-invalid={err("reason") ? true : undefined} aria-describedby={err("reason") ? `reason-${part.id}-error` : undefined} />
            <FieldError id={`reason-${part.id}-error`} message={err("reason")} />
            <button type="submit" name="intent" value="cancel" disabled={busy} className="rounded border border-red-700 px-3 py-2 text-red-800">
              {t("inbox.cancelConfirm")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

const BUTTON = "rounded bg-brand-700 px-3 py-2 font-semibold text-white disabled:opacity-60";

/** A one-button move of a part (confirm, deliver, the demo's "transfer received"). */
function MoveButton({
  partId,
  formAction,
  intent,
  label,
  hint,
}: {
  partId: number;
  formAction: string;
  intent: "confirm" | "deliver" | "markPaid";
  label: MessageKey;
  hint?: MessageKey;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" action={formAction}>
      <input type="hidden" name="partId" value={partId} />
      <button type="submit" name="intent" value={intent} disabled={busy} className={BUTTON}>
        {t(label)}
      </button>
      {hint ? <p className="text-xs text-stone-600">{t(hint)}</p> : null}
    </Form>
  );
}
