import { Form, Link } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { Price } from "~/components/ui/price";
import { CARRIER_NAMES } from "~/domain/shipping/carrier-codes";
import type { BookingView } from "~/domain/shipping/shipments.server";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";

const BUTTON = "rounded bg-brand-700 px-3 py-2 font-semibold text-white disabled:opacity-60";

/**
 * A part's delivery through a carrier in the seller's inbox (issue 18): the booked shipment with its
 * waybill, label and cancel, or the "Đặt giao hàng" form with the producer's carriers (the one of the
 * checkout's quote preselected) and the parcel prefilled from the goods. Plain forms: works without JS.
 */
export function BookingPanel({
  partId,
  partStatus,
  booking,
  formAction,
  errors,
  busy,
}: {
  partId: number;
  partStatus: string;
  booking: BookingView;
  formAction: string;
  errors: Record<string, string[] | null | undefined>;
  busy: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const err = (name: string) => errors[name] ?? undefined;
  const { shipment } = booking;
  if (shipment?.status === "booked") {
    return (
      <div className="space-y-2 rounded border border-emerald-200 bg-emerald-50 p-3 text-sm">
        <p className="font-medium">
          {t("shipping.booked", { carrier: CARRIER_NAMES[shipment.carrier], waybill: shipment.waybill ?? "" })}
        </p>
        <p>
          {t(`shipping.state.${shipment.trackingState}` as MessageKey)}
          {shipment.feeVnd !== null ? (
            <>
              {" · "}
              {t("shipping.carrierFee")} <Price vnd={shipment.feeVnd} />
            </>
          ) : null}
          {shipment.expectedDeliveryAt ? ` · ${t("shipping.expected", { date: format.dateTime(shipment.expectedDeliveryAt, { day: true }) })}` : null}
        </p>
        <div className="flex flex-wrap gap-2">
          <a href={`/seller/orders/${partId}/label`} target="_blank" rel="noopener" className={BUTTON}>
            {t("shipping.printLabel")}
          </a>
          {booking.cancellable ? (
            <Form method="post" action={formAction}>
              <input type="hidden" name="partId" value={partId} />
              <button type="submit" name="intent" value="cancelShipment" disabled={busy} className="rounded border border-red-700 px-3 py-2 text-red-800">
                {t("shipping.cancel")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    );
  }
  if (partStatus !== "confirmed") return null;
  if (booking.options.length === 0) {
    return (
      <p className="text-sm text-stone-700">
        {t("shipping.noCarriers")} <Link to="/seller/shipping">{t("shipping.settingsTitle")}</Link>
      </p>
    );
  }
  const anyServed = booking.options.some((o) => o.served);
  return (
    <details open className="rounded border border-stone-200 p-3">
      <summary className="cursor-pointer font-semibold">{t("shipping.book")}</summary>
      <Form method="post" action={formAction} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="partId" value={partId} />
        <fieldset>
          <legend className="font-medium">{t("shipping.carrier")}</legend>
          {booking.options.map((option) => (
            <label key={option.carrier} className="flex items-start gap-2 py-1">
              <input type="radio" name="carrier" value={option.carrier} defaultChecked={option.carrier === booking.preselected} disabled={!option.served} className="mt-1" />
              <span>
                {option.name}
                {option.served ? null : <span className="block text-sm text-amber-800">{t("shipping.notServed")}</span>}
              </span>
            </label>
          ))}
          {err("carrier") ? <p className="text-sm text-red-700">{t(err("carrier")![0] as MessageKey)}</p> : null}
        </fieldset>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Field id={`weight-${partId}`} name="weightGrams" type="number" inputMode="numeric" label={t("shipping.weight")} defaultValue={booking.parcel.weightGrams} errors={err("weightGrams")} />
          <Field id={`length-${partId}`} name="lengthCm" type="number" inputMode="numeric" label={t("shipping.length")} defaultValue={booking.parcel.lengthCm} errors={err("lengthCm")} />
          <Field id={`width-${partId}`} name="widthCm" type="number" inputMode="numeric" label={t("shipping.width")} defaultValue={booking.parcel.widthCm} errors={err("widthCm")} />
          <Field id={`height-${partId}`} name="heightCm" type="number" inputMode="numeric" label={t("shipping.height")} defaultValue={booking.parcel.heightCm} errors={err("heightCm")} />
        </div>
        {shipment?.status === "booking" && shipment.error ? <p className="text-sm text-amber-800">{t("shipping.retryHint")}</p> : null}
        <button type="submit" name="intent" value="book" disabled={busy || !anyServed} className={BUTTON}>
          {t("shipping.book")}
        </button>
        {anyServed ? null : <p className="text-sm text-amber-800">{t("shipping.noneServes")}</p>}
      </Form>
    </details>
  );
}
