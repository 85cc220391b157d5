import { Form } from "@remix-run/react";
import { FieldError } from "~/components/ui/field-error";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { useMessage, useT } from "~/i18n/use-t";

export interface StallGood {
  productId: number;
  variantId: number;
  name: string;
  unit: string;
  priceVnd: number;
  stock: number;
}

const BIG_BUTTON = "w-full rounded-lg px-4 py-4 text-lg font-bold";

/**
 * A new sale at the stall, for a phone held in one hand: the amount in big digits (or goods and
 * quantities, priced by the server), then "show the QR" or "record a cash sale". Posts to
 * /seller/stall/sales, which answers its errors with this same form.
 */
export function StallSaleForm({
  forProducer,
  hasAccount,
  goods,
  errors,
  errorParams,
  sent,
}: {
  forProducer: string;
  hasAccount: boolean;
  goods: StallGood[];
  errors?: Record<string, string[] | null | undefined> | null;
  /** Values for the error's placeholders ("Chỉ còn {stock}"). */
  errorParams?: Record<string, string | number>;
  sent?: { amountVnd?: string; quantities?: Record<number, string> } | null;
}) {
  const t = useT();
  const say = useMessage();
  const amountError = say(errors?.amountVnd?.[0]);
  const quantityError = errors?.quantity?.[0];
  return (
    <Form method="post" action={`/seller/stall/sales${forProducer}`} className="space-y-3 rounded-lg border-2 border-brand-700 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">{t("stall.newSale")}</h2>
      <FormAlert message={errors?.[""]} params={errorParams} />
      <div>
        <label htmlFor="f-amountVnd" className="block font-medium">
          {t("stall.amount")}
        </label>
        <p id="f-amountVnd-hint" className="text-sm text-stone-600">
          {t("stall.amountHint")}
        </p>
        <input
          id="f-amountVnd"
          name="amountVnd"
          inputMode="numeric"
          autoComplete="off"
          maxLength={40}
          defaultValue={sent?.amountVnd ?? ""}
          aria-invalid={amountError ? true : undefined}
          aria-describedby={amountError ? "f-amountVnd-hint f-amountVnd-error" : "f-amountVnd-hint"}
          className="mt-1 w-full rounded border border-stone-400 bg-white px-3 py-3 text-right text-3xl font-bold tabular-nums"
          placeholder="0"
        />
        <FieldError id="f-amountVnd-error" message={amountError} />
      </div>
      {goods.length > 0 ? (
        <details className="rounded border border-stone-200 p-2" open={Boolean(quantityError) || undefined}>
          <summary className="cursor-pointer font-medium">{t("stall.pickGoods")}</summary>
          <p className="text-sm text-stone-600">{t("stall.pickGoodsHint")}</p>
          <FieldError id="f-quantity-error" message={quantityError ? say(quantityError, errorParams) : undefined} />
          <ul className="mt-2 divide-y divide-stone-100">
            {goods.map((g) => (
              <li key={g.variantId} className="flex items-center justify-between gap-2 py-2">
                <label htmlFor={`q-${g.variantId}`} className="min-w-0">
                  <span className="block font-medium">{g.name}</span>
                  <span className="text-sm text-stone-600">
                    <Price vnd={g.priceVnd} /> / {g.unit} · {t("stall.inStock", { stock: g.stock })}
                  </span>
                </label>
                <input type="hidden" name="productId" value={g.productId} />
                <input type="hidden" name="variantId" value={g.variantId} />
                <input
                  id={`q-${g.variantId}`}
                  name="quantity"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={999}
                  defaultValue={sent?.quantities?.[g.variantId] ?? "0"}
                  className="w-20 shrink-0 rounded border border-stone-400 px-2 py-2 text-right text-lg"
                />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="grid grid-cols-1 gap-2">
        <button type="submit" name="method" value="qr" disabled={!hasAccount} className={`${BIG_BUTTON} bg-brand-700 text-white disabled:opacity-50`}>
          {t("stall.makeQr")}
        </button>
        <button type="submit" name="method" value="cash" className={`${BIG_BUTTON} border-2 border-stone-400 bg-white text-stone-900`}>
          {t("stall.recordCash")}
        </button>
      </div>
    </Form>
  );
}
