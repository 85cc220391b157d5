import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Field, SelectField } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { auditLog } from "~/domain/accounts/audit.server";
import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECTS,
  auditChanges,
  auditSearch,
  isAuditAction,
  isAuditSubject,
  parseAuditFilters,
  type AuditValue,
} from "~/domain/accounts/audit-view";
import { requireStaff, staffProvince } from "~/domain/accounts/staff.server";
import { provinceNames } from "~/domain/catalog/places.server";
import { formatVnd } from "~/domain/shared/money";
import { getLanguage } from "~/i18n/language.server";
import type { Translate } from "~/i18n/translate";
import { useFormat, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const { filters, error } = parseAuditFilters(new URL(request.url).searchParams);
  const log = auditLog(staffProvince(staff), filters);
  const entries = log.entries.map((e) => ({ ...e, changes: auditChanges(e) }));
  const needsProvinces = entries.some((e) => e.changes.some((c) => c.field === "provinceCode"));
  return {
    ...log,
    entries,
    filters,
    error,
    provinces: needsProvinces ? provinceNames(await getLanguage(request)) : {},
  };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.audit")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

type Format = ReturnType<typeof useFormat>;

function valueText(value: AuditValue, t: Translate, provinces: Record<string, string>, format: Format): string {
  switch (value.kind) {
    case "none":
      return "—";
    case "text":
      return value.text;
    case "message":
      return t(value.key);
    case "money":
      return formatVnd(value.vnd);
    case "date":
      return format.date(value.iso);
    case "province":
      return provinces[value.code] ?? value.code;
    case "list":
      return value.items.length === 0 ? "—" : value.items.map((item) => valueText(item, t, provinces, format)).join(", ");
    case "item":
      return `${value.ref}: ${valueText(value.value, t, provinces, format)}`;
  }
}

/** Where a staff member opens the record an entry is about, when the console has a page for it. */
function subjectHref(subjectType: string, subjectId: string): string | null {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(subjectId)) return null;
  switch (subjectType) {
    case "producer":
      return `/staff/producers/${subjectId}`;
    case "certificate":
      return `/staff/certificates/${subjectId}`;
    case "collection":
      return `/staff/collections/${subjectId}`;
    case "campaign":
      return `/staff/campaigns/${subjectId}`;
    case "order":
      return `/staff/payments?order=${subjectId}`;
    default:
      return null;
  }
}

export default function AuditLog() {
  const { entries, filters, error, total, page, pages, provinces } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  const actionName = (action: string) => (isAuditAction(action) ? t(AUDIT_ACTIONS[action]) : action);
  const subjectName = (type: string) => (isAuditSubject(type) ? t(AUDIT_SUBJECTS[type]) : type);
  const filtered = Boolean(filters.action || filters.subjectType || filters.subjectId || filters.from || filters.to);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.audit")}</h1>
      <Form method="get" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("audit.filters")}>
        <SelectField
          name="action"
          label={t("audit.action")}
          defaultValue={filters.action ?? ""}
          placeholder={{ label: t("audit.allActions") }}
          options={Object.entries(AUDIT_ACTIONS).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectField
          name="subjectType"
          label={t("audit.subjectType")}
          defaultValue={filters.subjectType ?? ""}
          placeholder={{ label: t("audit.allSubjects") }}
          options={Object.entries(AUDIT_SUBJECTS).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <Field name="subjectId" label={t("audit.subjectId")} defaultValue={filters.subjectId} maxLength={100} />
        <Field name="from" type="date" label={t("audit.from")} defaultValue={filters.from} />
        <Field name="to" type="date" label={t("audit.to")} defaultValue={filters.to} errors={error ? [error] : undefined} />
        <div className="flex flex-wrap items-end gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("audit.filter")}
          </button>
          {filtered ? (
            <Link to="/staff/audit" className="py-2">
              {t("audit.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {error ? <FormAlert message={error} /> : null}
      <p className="text-stone-700">{total === 0 ? t("audit.none") : t("audit.count", { count: format.count(total) })}</p>
      <ol className="space-y-2">
        {entries.map((e) => {
          const href = subjectHref(e.subjectType, e.subjectId);
          const subject = `${subjectName(e.subjectType)} ${e.subjectId}`;
          return (
            <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <p className="font-semibold">{actionName(e.action)}</p>
                <time dateTime={new Date(e.createdAt).toISOString()} className="text-stone-600">
                  {format.dateTime(e.createdAt)}
                </time>
              </div>
              <p className="text-stone-700">
                {e.actorName} · {href ? <Link to={href}>{subject}</Link> : subject}
              </p>
              {e.changes.length > 0 ? (
                <dl className="mt-2 grid gap-x-3 gap-y-1 break-words sm:grid-cols-[minmax(8rem,auto)_1fr]">
                  {e.changes.map((c) => (
                    <div key={c.field} className="contents">
                      <dt className="text-stone-600">{c.label ? t(c.label) : c.field}</dt>
                      <dd className="mb-1 sm:mb-0">
                        {c.before ? (
                          <>
                            <span>{valueText(c.before, t, provinces, format)}</span> →{" "}
                          </>
                        ) : null}
                        <span className="font-medium">{valueText(c.after, t, provinces, format)}</span>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ol>
      {pages > 1 ? (
        <nav aria-label={t("audit.paging")} className="flex flex-wrap items-center justify-between gap-3">
          {page > 1 ? (
            <Link to={`/staff/audit${auditSearch(filters, page - 1)}`} rel="prev">
              ← {t("audit.prev")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-stone-700">{t("audit.page", { page, pages })}</span>
          {page < pages ? (
            <Link to={`/staff/audit${auditSearch(filters, page + 1)}`} rel="next">
              {t("audit.next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
