import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StallSaleForm } from "~/components/stall-sale-form";
import { Price } from "~/components/ui/price";
import { bookQuerySchema, newSaleSchema } from "~/domain/market/stall-form";
import { createSale, salesBook, stallPage } from "~/domain/market/stalls.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import { formatMonth } from "~/domain/reports/dashboard";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

/** The sales book: a day's sales (today unless `?day=`), its month's takings day by day (`?month=`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const query = bookQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { book: salesBook(actor, query) };
}

/**
 * `POST /seller/stall/sales` (PRODUCT.md §5): `amountVnd`, or `productId`/`quantity` pairs, and
 * `method` (qr by default). Answers 303 to the sale's screen; bad input, 400 with the sale form and
 * its messages.
 */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: newSaleSchema });
  // A refused sale answers with the sale form again, its goods and messages (a phone without JS lands here).
  const form = () => {
    const page = stallPage(actor);
    return { goods: page.goods, hasAccount: Boolean(page.account), producerId: actor.producer.id };
  };
  if (submission.status !== "success") return data({ result: submission.reply(), params: undefined, ...form() }, { status: 400 });
  const outcome = createSale(actor, submission.value);
  if (!outcome.ok) {
    const result = outcome.field ? submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) : submission.reply({ formErrors: [outcome.message] });
    return data({ result, params: outcome.params, ...form() }, { status: outcome.status });
  }
  return redirect(`/seller/stall/sales/${outcome.code}`, { status: 303 });
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("stall.book")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SalesBook() {
  const { book } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const format = useFormat();
  if (failed) {
    const payload = failed.result.initialValue ?? {};
    const amount = typeof payload.amountVnd === "string" ? payload.amountVnd : undefined;
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">{t("stall.title")}</h1>
        <StallSaleForm forProducer={portalFormAction(failed.producerId)} hasAccount={failed.hasAccount} goods={failed.goods} errors={failed.result.error} errorParams={failed.params} sent={{ amountVnd: amount }} />
        <p>
          <Link to="/seller/stall">{t("stall.back")}</Link>
        </p>
      </div>
    );
  }
  const d = book.dayTotals;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("stall.book")}</h1>
      <p className="flex flex-wrap gap-4">
        <Link to="/seller/stall">{t("stall.back")}</Link>
        <a href={`/seller/stall/sales.csv?month=${book.month}`} download>
          {t("stall.csv", { month: formatMonth(book.month) })}
        </a>
      </p>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="f-day" className="block font-medium">
            {t("stall.day")}
          </label>
          <input id="f-day" name="day" type="date" defaultValue={book.day} className="mt-1 rounded border border-stone-300 px-2 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("stall.show")}
        </button>
      </Form>

      <section aria-labelledby="day" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="day" className="text-lg font-semibold">
          {book.day === book.today ? t("stall.today") : format.date(book.day)}
        </h2>
        <TotalsLine totals={d} />
        {book.sales.length === 0 ? <p className="text-stone-700">{t("stall.noSales")}</p> : null}
        <ul className="divide-y divide-stone-100" data-sales>
          {book.sales.map((s) => (
            <li key={s.code} className="flex flex-wrap items-center justify-between gap-2 py-2" data-sale={s.code}>
              <span className="min-w-0">
                <Link to={`/seller/stall/sales/${s.code}`} className="font-mono">
                  {s.code}
                </Link>{" "}
                <span className="text-sm text-stone-700">
                  · {format.dateTime(s.createdAt)} · {t(`stall.method.${s.method}`)} · {t("stall.madeBy", { name: s.createdBy })}
                </span>
                {s.cancelReason ? <span className="block text-sm text-stone-700">{t("stall.cancelReason")}: {s.cancelReason}</span> : null}
              </span>
              <span className={`font-bold tabular-nums ${s.status === "cancelled" ? "text-stone-500 line-through" : ""}`}>
                <Price vnd={s.amountVnd} /> <span className="text-sm font-normal">{t(`stall.status.${s.status}`)}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="month" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="month" className="text-lg font-semibold">
          {t("stall.month", { month: formatMonth(book.month) })}
        </h2>
        <TotalsLine totals={book.monthTotals} />
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-1">
                {t("stall.day")}
              </th>
              <th scope="col" className="py-1 pl-2 text-right">
                {t("stall.byQr")}
              </th>
              <th scope="col" className="py-1 pl-2 text-right">
                {t("stall.byCash")}
              </th>
              <th scope="col" className="py-1 pl-2 text-right">
                {t("stall.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {book.days.map((row) => (
              <tr key={row.day} className="border-b border-stone-100">
                <th scope="row" className="py-1 text-left font-normal">
                  <Link to={`?day=${row.day}`}>{format.date(row.day)}</Link>
                </th>
                <td className="py-1 pl-2 text-right tabular-nums">
                  <Price vnd={row.qrVnd} />
                </td>
                <td className="py-1 pl-2 text-right tabular-nums">
                  <Price vnd={row.cashVnd} />
                </td>
                <td className="py-1 pl-2 text-right tabular-nums">
                  <Price vnd={row.totalVnd} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function TotalsLine({ totals }: { totals: { qrCount: number; qrVnd: number; cashCount: number; cashVnd: number; totalVnd: number; cashlessPercent: number | null } }) {
  const t = useT();
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      <div>
        <dt className="text-sm text-stone-700">{t("stall.total")}</dt>
        <dd className="text-xl font-bold" data-book-total="all">
          <Price vnd={totals.totalVnd} />
        </dd>
      </div>
      <div>
        <dt className="text-sm text-stone-700">{t("stall.byQrCount", { count: totals.qrCount })}</dt>
        <dd className="font-bold" data-book-total="qr">
          <Price vnd={totals.qrVnd} />
        </dd>
      </div>
      <div>
        <dt className="text-sm text-stone-700">{t("stall.byCashCount", { count: totals.cashCount })}</dt>
        <dd className="font-bold" data-book-total="cash">
          <Price vnd={totals.cashVnd} />
        </dd>
      </div>
      <div>
        <dt className="text-sm text-stone-700">{t("stall.cashless")}</dt>
        <dd className="font-bold" data-book-total="share">
          {totals.cashlessPercent === null ? "—" : `${totals.cashlessPercent} %`}
        </dd>
      </div>
    </dl>
  );
}
