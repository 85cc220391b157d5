import { PrintButton } from "~/components/print-button";
import { Price } from "~/components/ui/price";
import type { YearlyStatement } from "~/domain/tax/declarations.server";
import { useT } from "~/i18n/use-t";

/** The yearly statement of tax withheld a seller keeps (01/CTKT-TMĐT): printable, month by month. */
export function TaxStatement({ statement }: { statement: YearlyStatement }) {
  const t = useT();
  return (
    <article className="mx-auto max-w-3xl space-y-3 rounded-lg border border-stone-200 bg-white p-4 print:border-0">
      <h1 className="text-xl font-bold">{t("statement.title", { year: statement.year })}</h1>
      <p className="text-sm">{t("statement.platform")}</p>
      <dl className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
        <dt className="font-medium">{t("statement.seller")}</dt>
        <dd>{statement.seller.name}</dd>
        <dt className="font-medium">{t("declaration.col.taxCode")}</dt>
        <dd className="font-mono">{statement.seller.taxCode ?? t("declaration.missingId")}</dd>
        <dt className="font-medium">{t("declaration.col.address")}</dt>
        <dd>{statement.seller.address}</dd>
      </dl>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="text-stone-700">
              <th className="py-1 pr-2">{t("declaration.month")}</th>
              <th className="py-1 pr-2 text-right">{t("declaration.col.revenue")}</th>
              <th className="py-1 pr-2 text-right">{t("declaration.col.revenueOffset")}</th>
              <th className="py-1 pr-2 text-right">{t("declaration.col.vatNet")}</th>
              <th className="py-1 text-right">{t("declaration.col.pitNet")}</th>
            </tr>
          </thead>
          <tbody>
            {statement.months.map((m) => (
              <tr key={m.period} className="border-t border-stone-100">
                <td className="py-1 pr-2">{m.period}</td>
                <td className="py-1 pr-2 text-right"><Price vnd={m.revenueVnd} /></td>
                <td className="py-1 pr-2 text-right"><Price vnd={m.revenueOffsetVnd} /></td>
                <td className="py-1 pr-2 text-right"><Price vnd={m.vatNetVnd} /></td>
                <td className="py-1 text-right"><Price vnd={m.pitNetVnd} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-stone-300 font-semibold">
              <td className="py-1 pr-2">{t("declaration.total")}</td>
              <td className="py-1 pr-2 text-right"><Price vnd={statement.totals.revenueVnd} /></td>
              <td className="py-1 pr-2 text-right"><Price vnd={statement.totals.revenueOffsetVnd} /></td>
              <td className="py-1 pr-2 text-right"><Price vnd={statement.totals.vatNetVnd} /></td>
              <td className="py-1 text-right"><Price vnd={statement.totals.pitNetVnd} /></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="text-sm text-stone-700">{t("statement.note")}</p>
      <p className="print:hidden">
        <PrintButton label={t("statement.print")} />
      </p>
    </article>
  );
}
