import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { Price } from "~/components/ui/price";
import { requireStaff } from "~/domain/accounts/staff.server";
import { provinceNames } from "~/domain/catalog/places.server";
import { todayInVietnam } from "~/domain/shared/dates";
import { requestedPeriod } from "~/domain/tax/declaration-request";
import { monthlyDeclaration } from "~/domain/tax/declarations.server";
import { getLanguage } from "~/i18n/language.server";
import { useFormat, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

/** `/staff/tax?month=YYYY-MM`: the month's declaration of tax withheld, with its downloads and deadline. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const lang = await getLanguage(request);
  const asked = requestedPeriod(new URL(request.url).searchParams);
  if (asked.error !== null) {
    return data({ error: asked.error, month: new URL(request.url).searchParams.get("month") ?? "", declaration: null, province: null, today: todayInVietnam() }, { status: 400 });
  }
  const declaration = monthlyDeclaration(staff, asked.period);
  const province = declaration.provinceCode ? (provinceNames(lang)[declaration.provinceCode] ?? declaration.provinceCode) : null;
  return { error: null, month: asked.period, declaration, province, today: todayInVietnam() };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("declaration.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function TaxDeclaration() {
  const { error, month, declaration, province, today } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">{t("declaration.title")}</h1>
      <p className="text-sm text-stone-700">{t("declaration.intro")}</p>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <Field name="month" label={t("declaration.month")} hint="YYYY-MM" defaultValue={month} errors={error ? [error] : null} pattern="\d{4}-\d{2}" required />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("declaration.show")}
        </button>
      </Form>
      {declaration ? (
        <>
          <p className="text-sm">{province ? t("declaration.scope.province", { province }) : t("declaration.scope.all")}</p>
          <p id="declaration-due" role="status" className={`rounded p-3 font-medium ${declaration.dueDate < today ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900"}`}>
            {t("declaration.due", { date: format.date(declaration.dueDate) })}
            {declaration.dueDate < today ? ` · ${t("declaration.overdue")}` : null}
          </p>
          <p className="flex flex-wrap gap-3">
            <a className="rounded border border-stone-300 bg-white px-3 py-2 font-medium underline" href={`/staff/tax.csv?month=${declaration.period}`} download>
              {t("declaration.csv")}
            </a>
            <a className="rounded border border-stone-300 bg-white px-3 py-2 font-medium underline" href={`/staff/tax.xlsx?month=${declaration.period}`} download>
              {t("declaration.xlsx")}
            </a>
          </p>
          {declaration.rows.length === 0 ? (
            <p>{t("declaration.none")}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="bg-stone-50 text-stone-700">
                  <tr>
                    <th className="p-2">{t("declaration.col.name")}</th>
                    <th className="p-2">{t("declaration.col.taxCode")}</th>
                    <th className="p-2 text-right">{t("declaration.col.revenue")}</th>
                    <th className="p-2 text-right">{t("declaration.col.vat")}</th>
                    <th className="p-2 text-right">{t("declaration.col.pit")}</th>
                    <th className="p-2 text-right">{t("declaration.col.revenueOffset")}</th>
                    <th className="p-2 text-right">{t("declaration.col.vatNet")}</th>
                    <th className="p-2 text-right">{t("declaration.col.pitNet")}</th>
                  </tr>
                </thead>
                <tbody>
                  {declaration.rows.map((row) => (
                    <tr key={row.producerId} className="border-t border-stone-100 align-top">
                      <td className="p-2">
                        {row.name}
                        <br />
                        <span className="text-xs text-stone-600">{row.address}</span>
                        <br />
                        <a className="text-xs underline" href={`/staff/tax/statement/${row.producerId}?year=${declaration.period.slice(0, 4)}`}>
                          {t("declaration.statementLink")}
                        </a>
                      </td>
                      <td className="p-2 font-mono">{row.taxCode ?? t("declaration.missingId")}</td>
                      <td className="p-2 text-right"><Price vnd={row.revenueVnd} /></td>
                      <td className="p-2 text-right"><Price vnd={row.vatWithheldVnd} /></td>
                      <td className="p-2 text-right"><Price vnd={row.pitWithheldVnd} /></td>
                      <td className="p-2 text-right"><Price vnd={row.revenueOffsetVnd} /></td>
                      <td className="p-2 text-right"><Price vnd={row.vatNetVnd} /></td>
                      <td className="p-2 text-right"><Price vnd={row.pitNetVnd} /></td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t-2 border-stone-300 font-semibold">
                    <td className="p-2" colSpan={2}>{t("declaration.total")}</td>
                    <td className="p-2 text-right"><Price vnd={declaration.totals.revenueVnd} /></td>
                    <td className="p-2 text-right"><Price vnd={declaration.totals.vatWithheldVnd} /></td>
                    <td className="p-2 text-right"><Price vnd={declaration.totals.pitWithheldVnd} /></td>
                    <td className="p-2 text-right"><Price vnd={declaration.totals.revenueOffsetVnd} /></td>
                    <td className="p-2 text-right"><Price vnd={declaration.totals.vatNetVnd} /></td>
                    <td className="p-2 text-right"><Price vnd={declaration.totals.pitNetVnd} /></td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}
