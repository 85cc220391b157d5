import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { BarChart } from "~/components/bar-chart";
import { Field, SelectField } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { complaintFigures } from "~/domain/complaints/complaints.server";
import { requireStaff, staffProvince } from "~/domain/accounts/staff.server";
import { provinceNames, provinceOptions } from "~/domain/catalog/places.server";
import { chartTable, compactVnd, formatMonth, type Chart, type ChartTable, type DashboardFigures } from "~/domain/reports/dashboard";
import { dashboardFigures, dashboardRequest } from "~/domain/reports/dashboard.server";
import { formatVnd } from "~/domain/shared/money";
import { getLanguage } from "~/i18n/language.server";
import type { MessageKey } from "~/i18n/vi";
import { formatCount, type Language } from "~/i18n/translate";
import { useFormat, useLanguage, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const lang = await getLanguage(request);
  const names = provinceNames(lang);
  const { query, errors, values } = dashboardRequest(staff, new URL(request.url).searchParams);
  const central = staffProvince(staff) === null;
  return data(
    {
      values,
      errors,
      figures: query ? dashboardFigures(staff, query) : null,
      // Complaints in the same period and scope (issue 19): opened, resolved, median time to resolve.
      complaints: query
        ? complaintFigures(staffProvince(staff) ?? query.province ?? null, Date.parse(`${query.range.from}T00:00:00+07:00`), Date.parse(`${query.range.to}T00:00:00+07:00`) + 86_400_000)
        : null,
      // Central staff may narrow to one province; provincial staff only ever see theirs.
      provinces: central ? provinceOptions(lang).map(({ code, name }) => ({ code, name })) : null,
      provinceNames: names,
    },
    // Wrong dates are the visitor's to fix: 400, and the form with the message by the field.
    { status: query ? 200 : 400 },
  );
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("dashboard.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

const CHARTS: { chart: Chart; title: MessageKey; description: MessageKey }[] = [
  { chart: "month", title: "dashboard.byMonth", description: "dashboard.desc.month" },
  { chart: "province", title: "dashboard.byProvince", description: "dashboard.desc.province" },
  { chart: "group", title: "dashboard.byGroup", description: "dashboard.desc.group" },
  { chart: "stars", title: "dashboard.byStars", description: "dashboard.desc.stars" },
];

const input = "mt-1 w-full rounded border border-stone-300 bg-white px-2 py-2";

export default function StaffDashboard() {
  const { values, errors, figures, provinces, provinceNames, complaints } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  const lang = useLanguage();
  const hasErrors = Object.keys(errors).length > 0;
  const asErrors = (key: string | undefined) => (key ? [key] : undefined);
  const scope = figures?.province ? provinceNames[figures.province] ?? figures.province : t("dashboard.scopeAll");
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t("dashboard.title")}</h1>
        {figures ? (
          <p className="text-stone-700">
            {t("dashboard.period", { scope, from: format.date(figures.range.from), to: format.date(figures.range.to) })}
          </p>
        ) : null}
      </div>

      <Form method="get" className="grid grid-cols-2 items-start gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:flex sm:flex-wrap sm:items-end">
        {hasErrors ? (
          <div className="col-span-2 sm:w-full">
            <FormAlert message="dashboard.error.summary" />
          </div>
        ) : null}
        <Field name="from" type="date" label={t("dashboard.from")} defaultValue={values.from} errors={asErrors(errors.from)} className={input} />
        <Field name="to" type="date" label={t("dashboard.to")} defaultValue={values.to} errors={asErrors(errors.to)} className={input} />
        {provinces ? (
          <SelectField
            name="province"
            label={t("dashboard.province")}
            wrapperClassName="col-span-2 sm:col-span-1"
            defaultValue={values.province}
            errors={asErrors(errors.province)}
            className={input}
            placeholder={{ label: t("dashboard.allProvinces") }}
            options={provinces.map((p) => ({ value: p.code, label: p.name }))}
          />
        ) : null}
        <button type="submit" className="col-span-2 rounded bg-brand-700 px-4 py-2 font-semibold text-white sm:col-span-1">
          {t("dashboard.show")}
        </button>
      </Form>

      {figures ? <Figures figures={figures} lang={lang} provinceNames={provinceNames} /> : null}
      {complaints ? (
        <section aria-labelledby="complaint-figures" className="rounded-lg border border-stone-200 bg-white p-3">
          <h2 id="complaint-figures" className="font-semibold">
            <a className="underline" href="/staff/complaints">{t("complaint.title")}</a>
          </h2>
          <dl className="mt-2 grid grid-cols-3 gap-2 text-center text-sm">
            <div>
              <dt className="text-stone-600">{t("complaint.figures.opened")}</dt>
              <dd className="text-lg font-semibold" data-figure="complaints-opened">{formatCount(complaints.opened, lang)}</dd>
            </div>
            <div>
              <dt className="text-stone-600">{t("complaint.figures.resolved")}</dt>
              <dd className="text-lg font-semibold" data-figure="complaints-resolved">{formatCount(complaints.resolved, lang)}</dd>
            </div>
            <div>
              <dt className="text-stone-600">{t("complaint.figures.median")}</dt>
              <dd className="text-lg font-semibold" data-figure="complaints-median">
                {complaints.medianHours === null ? "—" : t("complaint.hours", { hours: complaints.medianHours })}
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
    </div>
  );
}

function Figures({ figures, lang, provinceNames }: { figures: DashboardFigures; lang: Language; provinceNames: Record<string, string> }) {
  const t = useT();
  const count = (n: number) => <data value={n}>{formatCount(n, lang)}</data>;
  // Revenue is the longest number (hundreds of billions of đồng): it gets two columns.
  const tiles: { name: string; label: string; value: ReactNode; note?: string; wide?: boolean }[] = [
    { name: "revenue", label: t("dashboard.revenue"), value: <Price vnd={figures.revenueVnd} />, wide: true },
    { name: "transactions", label: t("dashboard.transactions"), value: count(figures.transactions) },
    { name: "average", label: t("dashboard.averageOrder"), value: <Price vnd={figures.averageOrderVnd} /> },
    { name: "producers", label: t("dashboard.activeProducers"), value: count(figures.activeProducers), note: t("dashboard.now") },
    { name: "certified", label: t("dashboard.certifiedProducts"), value: count(figures.certifiedProducts), note: t("dashboard.now") },
  ];
  const labels = { t, provinceName: (code: string) => provinceNames[code] ?? code };
  return (
    <>
      <dl className="grid grid-cols-2 gap-2 lg:grid-cols-6">
        {tiles.map((tile) => (
          <div key={tile.name} className={`rounded-lg border border-stone-200 bg-white p-3 ${tile.wide ? "col-span-2" : ""}`}>
            <dt className="text-sm text-stone-700">
              {tile.label}
              {tile.note ? <span className="text-stone-500"> ({tile.note})</span> : null}
            </dt>
            <dd className="text-xl font-bold break-words" data-figure={tile.name}>
              {tile.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-stone-700">{t("dashboard.intro")}</p>
      {/* On wide screens the 34 provinces run down the right, the three shorter charts down the left. */}
      <div className="grid gap-4 lg:grid-cols-2 lg:grid-rows-[auto_auto_1fr] lg:items-start">
        {CHARTS.map(({ chart, title, description }) => (
          <ChartSection
            key={chart}
            table={chartTable(chart, figures, labels)}
            title={t(title)}
            description={t(description)}
            csvHref={csvHref(chart, figures)}
            lang={lang}
          />
        ))}
      </div>
      <MarketSection figures={figures} lang={lang} labels={labels} />
    </>
  );
}

const MARKET_CHARTS: { chart: Chart; title: MessageKey; description: MessageKey }[] = [
  { chart: "marketMonth", title: "market.byMonth", description: "market.desc.month" },
  { chart: "marketProvince", title: "market.byProvince", description: "market.desc.province" },
  { chart: "marketLocation", title: "market.byLocation", description: "market.desc.location" },
];

/** Chợ 4.0 (issue 16): stalls active and cashless market sales, in the same scope and period as the rest. */
function MarketSection({ figures, lang, labels }: { figures: DashboardFigures; lang: Language; labels: { t: ReturnType<typeof useT>; provinceName: (code: string) => string } }) {
  const t = useT();
  const market = figures.market;
  const tiles = [
    { name: "market-value", label: t("market.value"), value: <Price vnd={market.valueVnd} /> },
    { name: "market-transactions", label: t("market.transactions"), value: <data value={market.transactions}>{formatCount(market.transactions, lang)}</data> },
    { name: "market-stalls", label: t("market.activeStalls"), value: <data value={market.activeStalls}>{formatCount(market.activeStalls, lang)}</data> },
  ];
  return (
    <section aria-labelledby="market-heading" className="space-y-3">
      <h2 id="market-heading" className="text-xl font-bold">
        {t("market.title")}
      </h2>
      <p className="text-sm text-stone-700">{t("market.intro")}</p>
      <dl className="grid grid-cols-2 gap-2 lg:grid-cols-3">
        {tiles.map((tile, i) => (
          <div key={tile.name} className={`rounded-lg border border-stone-200 bg-white p-3 ${i === 0 ? "col-span-2 lg:col-span-1" : ""}`}>
            <dt className="text-sm text-stone-700">{tile.label}</dt>
            <dd className="text-xl font-bold break-words" data-figure={tile.name}>
              {tile.value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
        {MARKET_CHARTS.map(({ chart, title, description }) => (
          <ChartSection key={chart} table={chartTable(chart, figures, labels)} title={t(title)} description={t(description)} csvHref={csvHref(chart, figures)} lang={lang} />
        ))}
      </div>
    </section>
  );
}

function csvHref(chart: Chart, figures: DashboardFigures): string {
  const params = new URLSearchParams({ chart, from: figures.range.from, to: figures.range.to });
  if (figures.province) params.set("province", figures.province);
  return `/staff/dashboard.csv?${params}`;
}

function ChartSection({
  table,
  title,
  description,
  csvHref,
  lang,
}: {
  table: ChartTable;
  title: string;
  description: string;
  csvHref: string;
  lang: Language;
}) {
  const t = useT();
  const id = `chart-${table.chart}`;
  const format = (value: number, column: number) => (table.money[column] ? compactVnd(value, lang) : formatCount(value, lang));
  const bars = table.rows.map((row) => ({
    label: row.label,
    value: row.values[table.barValue]!,
    valueLabel:
      format(row.values[table.barValue]!, table.barValue) +
      (table.noteValue !== undefined ? ` (${format(row.values[table.noteValue]!, table.noteValue)})` : ""),
  }));
  const totals = table.header.slice(1).map((_, column) => table.rows.reduce((sum, row) => sum + row.values[column]!, 0));
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={`min-w-0 space-y-2 rounded-lg border border-stone-200 bg-white p-3 ${table.chart === "province" ? "lg:row-span-3" : ""}`}
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <BarChart id={id} title={title} description={description} bars={bars} tickLabel={(v) => format(v, table.barValue)} />
      <details>
        <summary className="cursor-pointer font-medium">{t("dashboard.table")}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-sm" id={`${id}-table`}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-stone-300 text-left">
                {table.header.map((heading, i) => (
                  <th key={heading} scope="col" className={`py-1 pr-2 ${i > 0 ? "text-right" : ""}`}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key} data-key={row.key} className="border-b border-stone-100">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {table.chart === "month" ? <time dateTime={row.key}>{formatMonth(row.key)}</time> : row.label}
                  </th>
                  {row.values.map((value, column) => (
                    <td key={column} className="py-1 pl-2 text-right tabular-nums">
                      {table.money[column] ? <Price vnd={value} /> : <data value={value}>{formatCount(value, lang)}</data>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" className="py-1 pr-2 text-left">
                  {t("dashboard.total")}
                </th>
                {totals.map((value, column) => (
                  <td key={column} className="py-1 pl-2 text-right tabular-nums">
                    {table.money[column] ? formatVnd(value) : formatCount(value, lang)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
      <p>
        <a href={csvHref} download>
          {t("dashboard.csvOf", { chart: title })}
        </a>
      </p>
    </section>
  );
}
