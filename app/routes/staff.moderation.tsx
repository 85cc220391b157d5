import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/ui/form-alert";
import { requireStaff } from "~/domain/accounts/staff.server";
import { dismissReport, heldListings, openReports, setListingHold } from "~/domain/catalog/moderation.server";
import { moderationSchema } from "~/domain/catalog/reports";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";
import { todayInVietnam } from "~/domain/shared/dates";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { redirectWithFlash } from "~/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return { reports: openReports(staff), held: heldListings(staff) };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: moderationSchema });
  // Which row's form answered, so its note field alone shows the error.
  const target = String(submission.payload.reportId ?? submission.payload.productId ?? "");
  if (submission.status !== "success") return data({ target, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const outcome =
    value.intent === "dismiss"
      ? dismissReport(staff, value.reportId, value.note)
      : setListingHold(staff, value.productId, value.intent === "hide", value.note, value.intent === "hide" ? (value.reportId ?? null) : null);
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  return redirectWithFlash("/staff/moderation", value.intent === "dismiss" ? "flash.report.dismiss" : value.intent === "hide" ? "flash.listing.hide" : "flash.listing.restore");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.moderation")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

function NoteForm({ intent, fields, label, danger }: { intent: string; fields: Record<string, number>; label: MessageKey; danger?: boolean }) {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const mine = actionData && actionData.target === String(fields.reportId ?? fields.productId) && actionData.result.initialValue?.intent === intent;
  const error = mine ? ((actionData.result.error as Record<string, string[] | null> | null)?.note?.[0] as MessageKey | undefined) : undefined;
  const id = `note-${intent}-${fields.reportId ?? fields.productId}`;
  return (
    <Form method="post" className="mt-2 space-y-1" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="block text-sm">
        {t("moderation.note")}
      </label>
      <input id={id} name="note" maxLength={500} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="w-full rounded border border-stone-300 px-2 py-1" />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {t(error)}
        </p>
      ) : null}
      <button type="submit" className={danger ? "rounded border border-red-700 px-3 py-1 text-red-800" : "rounded border border-brand-700 px-3 py-1 text-brand-800"}>
        {t(label)}
      </button>
    </Form>
  );
}

export default function Moderation() {
  const { reports, held } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  const formError = useActionData<typeof action>()?.result.error?.[""]?.[0];
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.moderation")}</h1>
      <FormAlert message={formError} />
      <section aria-labelledby="reports" className="space-y-2">
        <h2 id="reports" className="text-lg font-semibold">
          {t("moderation.reports")}
        </h2>
        {reports.length === 0 ? <p>{t("moderation.none")}</p> : null}
        <ul className="space-y-2">
          {reports.map((r) => (
            <li key={r.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <p>
                <Link to={`/products/${r.productSlug}`} className="font-medium">
                  {r.productName}
                </Link>{" "}
                <span className="text-sm text-stone-600">· {r.producerName}</span>
              </p>
              <p className="text-sm">
                <strong>{t(`report.reason.${r.reason as "other"}`)}</strong>
                {r.details ? ` — ${r.details}` : ""}
              </p>
              <div className="grid gap-2 sm:grid-cols-2">
                {!r.held ? <NoteForm intent="hide" fields={{ reportId: r.id, productId: r.productId }} label="moderation.hide" danger /> : null}
                <NoteForm intent="dismiss" fields={{ reportId: r.id }} label="moderation.dismiss" />
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="hidden" className="space-y-2">
        <h2 id="hidden" className="text-lg font-semibold">
          {t("moderation.hidden")}
        </h2>
        {held.length === 0 ? <p>{t("moderation.noneHidden")}</p> : null}
        <ul className="space-y-2">
          {held.map((p) => (
            <li key={p.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <p className="font-medium">
                {p.name} <span className="text-sm font-normal text-stone-600">· {p.producerName}</span>
              </p>
              <p className="text-sm text-stone-700">
                {t("moderation.heldSince", { date: format.dateTime(p.heldAt, { day: true }) })}: {p.heldReason}
              </p>
              {p.reviewRequestedAt !== null ? (
                <p className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">
                  {t("moderation.reviewRequested", { date: format.dateTime(p.reviewRequestedAt, { day: true }) })}
                </p>
              ) : null}
              <NoteForm intent="restore" fields={{ productId: p.id }} label="moderation.restore" />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
