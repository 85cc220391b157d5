import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { requireRole } from "~/domain/accounts/permissions.server";
import { isOrderCode } from "~/domain/orders/order-code";
import { staffPaymentAction } from "~/domain/payments/payment-states";
import { payableOrderByCode } from "~/domain/payments/payments.server";
import { refundOrder } from "~/domain/payments/refunds.server";
import { staffPaymentSchema } from "~/domain/payments/resolution-form";
import { reconciliationStatus } from "~/domain/payments/reconciliation.server";
import { recentRefusals } from "~/domain/shared/refused-callbacks.server";
import { markOrderPaidByStaff, orderForStaff, paymentsToResolve, resolvePayment } from "~/domain/payments/resolution.server";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { redirectWithFlash } from "~/flash.server";

const STAFF = ["staff", "central_staff"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireRole(request, STAFF);
  const code = new URL(request.url).searchParams.get("order")?.trim().toUpperCase() ?? "";
  return {
    payments: paymentsToResolve(staff),
    order: isOrderCode(code) ? orderForStaff(staff, code) : null,
    searched: code,
    reconciliation: reconciliationStatus(staff),
    refusals: recentRefusals(staff),
  };
}

const OUTCOME_MESSAGE: Record<string, MessageKey> = {
  not_found: "staffPay.error.notFound",
  forbidden: "staffPay.error.forbidden",
  already_paid: "staffPay.error.alreadyPaid",
  late: "staffPay.error.late",
  not_paid: "staffPay.error.notPaid",
  nothing_to_refund: "staffPay.error.nothingToRefund",
  not_transfer: "staffPay.error.notTransfer",
  stripe_error: "staffPay.error.stripe",
  provider_error: "staffPay.error.provider",
};

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, STAFF);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: staffPaymentSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const value = submission.value;
  let outcome: string;
  if (value.intent === "resolve") outcome = resolvePayment(staff, value.kind, value.id, value.resolution);
  else if (value.intent === "markPaid") {
    const paid = markOrderPaidByStaff(staff, value.orderCode);
    outcome = paid === "paid" ? "ok" : paid;
  } else {
    const order = payableOrderByCode(value.orderCode);
    outcome = order ? await refundOrder(staff, order.id, value.partId ?? null, value.reason) : "not_found";
  }
  if (outcome !== "ok") {
    const status = outcome === "forbidden" ? 403 : outcome === "not_found" ? 404 : outcome === "stripe_error" || outcome === "provider_error" ? 503 : 409;
    return data({ result: submission.reply({ formErrors: [OUTCOME_MESSAGE[outcome] ?? "staffPay.error.notFound"] }) }, { status });
  }
  const back = "orderCode" in value ? `/staff/payments?order=${value.orderCode}` : "/staff/payments";
  return redirectWithFlash(back, value.intent === "resolve" ? "flash.payment.resolved" : value.intent === "markPaid" ? "flash.payment.markPaid" : "flash.payment.refunded");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staffPay.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffPayments() {
  const { payments, order, searched, reconciliation, refusals } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const format = useFormat();
  const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
  const button = "rounded bg-brand-700 px-3 py-2 font-semibold text-white";
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staffPay.title")}</h1>
      <FormAlert message={errors[""]?.[0] ?? errors.resolution?.[0] ?? errors.orderCode?.[0]} />
      <section aria-labelledby="to-resolve" className="space-y-2">
        <h2 id="to-resolve" className="text-lg font-semibold">
          {t("staffPay.toResolve")}
        </h2>
        {payments.length === 0 ? <p>{t("staffPay.none")}</p> : null}
        <ul className="space-y-2">
          {payments.map((p) => (
            <li key={`${p.kind}-${p.id}`} className="rounded-lg border border-stone-200 bg-white p-3">
              <p className="flex flex-wrap justify-between gap-2">
                <span className="font-mono" translate="no">{p.reference}</span>
                <span className="rounded bg-amber-100 px-2 text-sm text-amber-900">{t(`staffPay.outcome.${p.outcome}` as MessageKey)}</span>
              </p>
              <p className="text-sm">
                {p.amountVnd !== null ? <Price vnd={p.amountVnd} className="font-semibold" /> : null} · {p.description}
                {p.orderCode ? (
                  <>
                    {" · "}
                    <a href={`/staff/payments?order=${p.orderCode}`}>{p.orderCode}</a>
                  </>
                ) : null}
              </p>
              {/* A refund due is settled by refunding the part (find the order below), not by a note. */}
              {p.kind === "refund_due" ? null : (
                <Form method="post" className="mt-2 space-y-2">
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="kind" value={p.kind} />
                  <input type="hidden" name="id" value={p.id} />
                  <label className="block text-sm">
                    {t("staffPay.resolution")}
                    <input name="resolution" required minLength={5} maxLength={300} className="mt-1 block w-full rounded border border-stone-300 px-2 py-2" />
                  </label>
                  <button type="submit" className={button}>
                    {t("staffPay.resolve")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>

      {reconciliation.length > 0 ? (
        <section aria-labelledby="reconciliation" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="reconciliation" className="text-lg font-semibold">
            {t("staffPay.reconciliation")}
          </h2>
          <p className="text-sm text-stone-700">{t("staffPay.reconciliationHint")}</p>
          <ul className="space-y-1">
            {reconciliation.map(({ provider, lastRun }) => (
              <li key={provider} data-provider={provider}>
                <strong>{t(`staffPay.provider.${provider}`)}</strong>:{" "}
                {lastRun === null
                  ? t("staffPay.reconciliationNever")
                  : t("staffPay.reconciliationLast", {
                      at: format.dateTime(lastRun.startedAt),
                      fetched: lastRun.fetched,
                      found: lastRun.found,
                      applied: lastRun.applied,
                    })}
                {lastRun?.error ? (
                  <span className="text-red-800">
                    {" "}
                    {t("staffPay.reconciliationError", { error: lastRun.error })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {refusals.length > 0 ? (
        <section aria-labelledby="refused-calls" className="space-y-2 rounded-lg border border-amber-700 bg-white p-4">
          <h2 id="refused-calls" className="text-lg font-semibold">
            {t("staffPay.refusedCalls")}
          </h2>
          <p className="text-sm text-stone-700">{t("staffPay.refusedCallsHint")}</p>
          <ul className="space-y-1">
            {refusals.map(({ provider, count, lastAt }) => (
              <li key={provider} data-provider={provider}>
                <strong>{provider}</strong>: {t("staffPay.refusedCallsLine", { count, at: format.dateTime(lastAt) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="find-order" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="find-order" className="text-lg font-semibold">
          {t("staffPay.findOrder")}
        </h2>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <Field name="order" label={t("staffPay.orderCode")} defaultValue={searched} autoCapitalize="characters" maxLength={12} />
          </div>
          <button type="submit" className={button}>
            {t("search.submit")}
          </button>
        </Form>
        {searched && !order ? <p>{t("staffPay.error.notFound")}</p> : null}
        {order ? (
          <div className="space-y-2">
            <p>
              <strong className="font-mono">{order.code}</strong> · <Price vnd={order.totalVnd} /> · {t(`order.payment.${order.paymentStatus}`)}
            </p>
            {staffPaymentAction(order.paymentStatus) === "markPaid" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="markPaid" />
                <input type="hidden" name="orderCode" value={order.code} />
                <button type="submit" className={button}>
                  {t("staffPay.markPaid")}
                </button>
              </Form>
            ) : null}
            {staffPaymentAction(order.paymentStatus) === "refund" ? (
              <Form method="post" className="space-y-2" noValidate>
                <input type="hidden" name="intent" value="refund" />
                <input type="hidden" name="orderCode" value={order.code} />
                <fieldset>
                  <legend className="font-medium">{t("staffPay.refundWhat")}</legend>
                  <label className="block">
                    <input type="radio" name="partId" value="" defaultChecked /> {t("staffPay.wholeOrder")}
                  </label>
                  {order.parts.map((part) => (
                    <label key={part.id} className="block">
                      <input type="radio" name="partId" value={part.id} disabled={part.status === "refunded"} /> {part.producerName} ·{" "}
                      <Price vnd={part.totalVnd} /> · {t(`part.status.${part.status}`)}
                    </label>
                  ))}
                </fieldset>
                <Field name="reason" label={t("staffPay.reason")} errors={errors.reason} maxLength={300} />
                <button type="submit" className="rounded border border-red-700 px-3 py-2 text-red-800">
                  {t("staffPay.refund")}
                </button>
              </Form>
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
