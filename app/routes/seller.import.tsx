import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError } from "~/components/ui/field-error";
import { importSheet, MAX_IMPORT_BYTES } from "~/domain/catalog/bulk-import.server";
import { uploadReader } from "~/upload.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import type { MessageKey } from "~/i18n/vi";
import { formatCount } from "~/i18n/translate";
import { useLanguage, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return { producerId: actor.producer.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const outcome = await importSheet(actor, uploadReader(request, "file", MAX_IMPORT_BYTES));
  const failed = outcome.status === "refused" || (outcome.imported === 0 && outcome.errors.length > 0);
  return data(outcome, { status: outcome.status === "refused" && outcome.tooMany ? 429 : failed ? 400 : 200 });
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("import.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function BulkImport() {
  const outcome = useActionData<typeof action>();
  const { producerId } = useLoaderData<typeof loader>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const lang = useLanguage();
  const refused = outcome?.status === "refused" ? (outcome.message as MessageKey) : undefined;
  const refusedParams = outcome?.status === "refused" && outcome.params
    ? Object.fromEntries(Object.entries(outcome.params).map(([k, n]) => [k, formatCount(n, lang)]))
    : undefined;
  const checked = outcome?.status === "checked" ? outcome : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("import.title")}</h1>
      <p className="text-stone-700">{t("import.intro")}</p>
      <p>
        <a href="/seller/import/template.csv" download>
          {t("import.template")}
        </a>
      </p>
      <Form method="post" action={portalFormAction(producerId)} encType="multipart/form-data" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <div>
          <label htmlFor="f-file" className="block font-medium">
            {t("import.file")}
          </label>
          <input id="f-file" name="file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="mt-1 block w-full" aria-invalid={refused ? true : undefined} aria-describedby={refused ? "f-file-error" : undefined} />
          <FieldError id="f-file-error" message={refused && t(refused, refusedParams)} />
        </div>
        <fieldset>
          <legend className="font-medium">{t("import.mode")}</legend>
          {(["all", "valid"] as const).map((mode) => (
            <label key={mode} className="mt-2 flex items-center gap-2">
              <input type="radio" name="mode" value={mode} defaultChecked={mode === "all"} className="h-5 w-5" />
              {t(`import.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <p className="text-sm text-stone-700">{t("import.drafts")}</p>
        <button type="submit" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
          {t("import.submit")}
        </button>
        <div aria-live="polite">
          {busy ? (
            <p className="space-y-1">
              <progress className="w-full" aria-label={t("import.progress")} />
              <span className="block text-sm text-stone-700">{t("import.progress")}</span>
            </p>
          ) : null}
        </div>
      </Form>
      {checked ? (
        <section aria-labelledby="result" className="space-y-3">
          <h2 id="result" role="status" className="text-lg font-semibold">
            {checked.imported > 0 || checked.errors.length === 0
              ? t("import.done", { imported: checked.imported, total: checked.total })
              : t("import.nothing", { count: checked.errors.length })}
          </h2>
          {checked.total > 0 ? <progress className="w-full" max={checked.total} value={checked.imported} aria-label={t("import.done", { imported: checked.imported, total: checked.total })} /> : null}
          {checked.errors.length > 0 ? (
            <table className="w-full border-collapse bg-white text-sm">
              <caption className="text-left font-semibold">{t("import.report")}</caption>
              <thead>
                <tr className="border-b border-stone-300 text-left">
                  <th scope="col" className="p-2">{t("import.row")}</th>
                  <th scope="col" className="p-2">{t("import.column")}</th>
                  <th scope="col" className="p-2">{t("import.message")}</th>
                </tr>
              </thead>
              <tbody>
                {checked.errors.map((e, i) => (
                  <tr key={i} className="border-b border-stone-200">
                    <td className="p-2">{e.row}</td>
                    <td className="p-2">{e.column}</td>
                    <td className="p-2">{t(e.message as MessageKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
