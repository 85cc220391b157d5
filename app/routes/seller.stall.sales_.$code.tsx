import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { CopyButton } from "~/components/copy-button";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { saleActionSchema } from "~/domain/market/stall-form";
import { cancelSale, confirmSale, saleView } from "~/domain/market/stalls.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import { formatVnd } from "~/domain/shared/money";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return { sale: saleView(actor, params.code ?? ""), producerId: actor.producer.id };
}

/** "Đã nhận tiền", or cancelling a mistaken sale with a reason; both answer with the sale screen again. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: saleActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const code = params.code ?? "";
  const outcome = submission.value.intent === "confirm" ? confirmSale(actor, code) : cancelSale(actor, code, submission.value.reason);
  if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.message] }) }, { status: outcome.status });
  return redirect(`/seller/stall/sales/${code}`, { status: 303 });
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data ? formatVnd(data.sale.amountVnd) : ""} · ${t("stall.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

/** How often a waiting sale asks whether it was paid: quick enough for a buyer standing at the stall. */
const POLL_MS = 3000;

/** While the sale waits, asks `/status` and reloads the screen's data once the answer changes (JS only). */
function useStatusPolling(code: string, status: string) {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (status !== "pending") return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/seller/stall/sales/${code}/status`, { headers: { Accept: "application/json" } });
        if (!res.ok || stopped) return;
        const body: unknown = await res.json();
        if (typeof body === "object" && body !== null && "status" in body && body.status !== "pending") revalidate();
      } catch {
        // A dropped connection at a market is normal: the next tick tries again.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [code, status, revalidate]);
}

export default function StallSale() {
  const { sale, producerId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const format = useFormat();
  useStatusPolling(sale.code, sale.status);
  const forProducer = portalFormAction(producerId);
  const paid = sale.status === "paid";
  const cancelled = sale.status === "cancelled";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <section
        aria-labelledby="sale-amount"
        data-sale-status={sale.status}
        className={`space-y-2 rounded-lg border-4 p-4 text-center ${paid ? "border-green-700 bg-green-50" : cancelled ? "border-stone-400 bg-stone-100" : "border-brand-700 bg-white"}`}
      >
        <p className="text-sm text-stone-700">
          {t(`stall.method.${sale.method}`)} · <span className="font-mono">{sale.code}</span>
        </p>
        <h1 id="sale-amount" className="text-5xl font-extrabold tabular-nums leading-tight" data-amount={sale.amountVnd}>
          {formatVnd(sale.amountVnd)}
        </h1>
        <p role="status" className={`text-xl font-bold ${paid ? "text-green-800" : cancelled ? "text-stone-700" : "text-brand-800"}`}>
          {paid ? `✓ ${t("stall.status.paid")}` : t(`stall.status.${sale.status}`)}
        </p>
        {sale.status === "pending" && sale.account ? (
          <>
            <img src={`/seller/stall/sales/${sale.code}/vietqr.png`} alt={t("stall.qrAlt", { amount: formatVnd(sale.amountVnd) })} width={300} height={300} className="mx-auto h-auto w-full max-w-[300px]" />
            <dl className="space-y-1 text-left text-sm">
              <div>
                <dt className="inline text-stone-700">{t("stall.bank")}: </dt>
                <dd className="inline font-semibold">{sale.account.bank}</dd>
              </div>
              <div>
                <dt className="inline text-stone-700">{t("stall.accountNo")}: </dt>
                <dd className="inline">
                  <span className="font-mono font-semibold">{sale.account.accountNo}</span> <CopyButton text={sale.account.accountNo} what={t("stall.accountNo")} />
                </dd>
              </div>
              <div>
                <dt className="inline text-stone-700">{t("stall.holder")}: </dt>
                <dd className="inline font-semibold">{sale.account.holder}</dd>
              </div>
              <div>
                <dt className="inline text-stone-700">{t("stall.content")}: </dt>
                <dd className="inline font-mono font-semibold">{sale.code}</dd>
              </div>
            </dl>
          </>
        ) : null}
        {sale.lines.length > 0 ? (
          <ul className="text-left text-sm">
            {sale.lines.map((line, i) => (
              <li key={i}>
                {line.quantity} × {line.name} = <Price vnd={line.lineTotalVnd} />
              </li>
            ))}
          </ul>
        ) : null}
        <p className="text-sm text-stone-700">
          {t("stall.madeBy", { name: sale.createdBy })} · {format.dateTime(sale.createdAt)}
          {paid && sale.confirmedBy ? ` · ${t(`stall.confirmedBy.${sale.confirmedBy}`, { name: sale.confirmedByName ?? "" })}` : null}
        </p>
        {cancelled ? (
          <p className="text-sm">
            {t("stall.cancelReason")}: {sale.cancelReason}
          </p>
        ) : null}
      </section>
      <FormAlert message={result?.error?.[""]} />

      {sale.status === "pending" ? (
        <>
          {sale.paysPlatform ? (
            <p className="text-sm text-stone-700">{t("stall.platformNote")}</p>
          ) : (
            <>
              <Form method="post" action={forProducer}>
                <input type="hidden" name="intent" value="confirm" />
                <button type="submit" className="w-full rounded-lg bg-green-700 px-4 py-4 text-xl font-bold text-white">
                  {t("stall.received")}
                </button>
              </Form>
              <p className="text-sm text-stone-700">{t("stall.receivedHint")}</p>
            </>
          )}
          <Form method="get">
            <button type="submit" className="w-full rounded-lg border-2 border-stone-400 bg-white px-4 py-3 font-semibold">
              {t("stall.refresh")}
            </button>
          </Form>
        </>
      ) : null}

      <p className="flex flex-wrap gap-4">
        <Link to="/seller/stall" className="font-semibold">
          {t("stall.nextSale")}
        </Link>
        <Link to="/seller/stall/sales">{t("stall.book")}</Link>
      </p>

      {!cancelled ? (
        <details className="rounded-lg border border-stone-200 bg-white p-3">
          <summary className="cursor-pointer font-medium">{t("stall.cancel")}</summary>
          <Form method="post" action={forProducer} className="mt-2 space-y-2">
            <input type="hidden" name="intent" value="cancel" />
            <Field name="reason" label={t("stall.cancelReason")} maxLength={200} errors={result?.error?.reason} />
            <button type="submit" className="rounded border-2 border-red-700 px-4 py-2 font-semibold text-red-800">
              {t("stall.cancelSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
