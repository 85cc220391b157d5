import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/domain/accounts/staff.server";
import { provinceNames } from "~/domain/catalog/places.server";
import { toCsv } from "~/domain/reports/csv";
import { chartCsv, chartTable, csvFileName, isChart } from "~/domain/reports/dashboard";
import { dashboardFigures, dashboardRequest } from "~/domain/reports/dashboard.server";
import { en } from "~/i18n/en";
import { getLanguage } from "~/i18n/language.server";
import { translator } from "~/i18n/translate";
import { vi } from "~/i18n/vi";
import { viMore } from "~/i18n/vi-more";

/** `/staff/dashboard.csv?chart=month|province|group|stars&from&to(&province)`: one chart's table as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const lang = await getLanguage(request);
  // A resource route renders no page, so it names its catalog itself.
  const t = translator(lang === "en" ? en : { ...vi, ...viMore });
  const params = new URL(request.url).searchParams;
  const chart = params.get("chart");
  const { query, errors } = dashboardRequest(staff, params);
  const problem = !isChart(chart) ? "dashboard.error.chart" : (errors.from ?? errors.to ?? errors.province);
  if (problem || !query || !isChart(chart)) {
    return new Response(`${t(problem ?? "dashboard.error.summary")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const figures = dashboardFigures(staff, query);
  const names = provinceNames(lang);
  const { header, rows } = chartCsv(chartTable(chart, figures, { t, provinceName: (code) => names[code] ?? code }));
  // UTF-8 with a byte order mark, without which Excel reads the Vietnamese as Windows-1252.
  return new Response(`\uFEFF${toCsv(header, rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(chart, query.range, figures.province)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
