import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { auditLog } from "~/domain/accounts/audit.server";
import { requireStaff, staffProvince } from "~/domain/accounts/staff.server";
import "~/i18n/more-messages";
import { useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const filter = (name: string) => {
    const value = params.get(name)?.trim();
    return value && value.length <= 100 ? value : undefined;
  };
  const filters = { action: filter("action"), subjectType: filter("subjectType"), subjectId: filter("subjectId") };
  return { entries: auditLog(staffProvince(staff), filters), filters };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.audit")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function AuditLog() {
  const { entries, filters } = useLoaderData<typeof loader>();
  const t = useT();
  const input = "mt-1 w-full rounded border border-stone-300 px-2 py-1";
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <p>
        <Link to="/staff">{t("staff.title")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("staff.audit")}</h1>
      <Form method="get" className="grid gap-2 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-4 sm:items-end">
        <label className="text-sm">
          {t("audit.action")}
          <input name="action" defaultValue={filters.action} placeholder="certificate.revoke" className={input} />
        </label>
        <label className="text-sm">
          {t("audit.subjectType")}
          <input name="subjectType" defaultValue={filters.subjectType} placeholder="producer" className={input} />
        </label>
        <label className="text-sm">
          {t("audit.subjectId")}
          <input name="subjectId" defaultValue={filters.subjectId} className={input} />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-2 font-semibold text-white">
          {t("audit.filter")}
        </button>
      </Form>
      {entries.length === 0 ? <p>{t("audit.none")}</p> : null}
      <ol className="space-y-2">
        {entries.map((e) => (
          <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
            <p className="flex flex-wrap justify-between gap-2">
              <span>
                <strong>{e.actorName}</strong> · <code>{e.action}</code> · {e.subjectType} {e.subjectId}
              </span>
              <time dateTime={new Date(e.createdAt).toISOString()} className="text-stone-600">
                {new Date(e.createdAt).toLocaleString("vi-VN", { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Ho_Chi_Minh" })}
              </time>
            </p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 break-all font-mono text-xs">
              <dt className="text-stone-600">{t("audit.before")}</dt>
              <dd>{e.before ?? "—"}</dd>
              <dt className="text-stone-600">{t("audit.after")}</dt>
              <dd>{e.after ?? "—"}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
