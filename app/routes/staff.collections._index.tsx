import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CollectionForm } from "~/components/collection-form";
import { requireStaff } from "~/domain/accounts/staff.server";
import { collectionFormAction } from "~/collection-form-action.server";
import { collectionEditor } from "~/domain/catalog/collection-editor.server";
import { newDraft } from "~/domain/catalog/collection-draft";
import { collectionsForStaff } from "~/domain/catalog/collections.server";
import { provinceNames } from "~/domain/catalog/places.server";
import { todayInVietnam } from "~/domain/shared/dates";
import { getLanguage } from "~/i18n/language.server";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return {
    collections: collectionsForStaff(staff),
    editor: collectionEditor(staff, new URL(request.url), newDraft(todayInVietnam())),
    provinceNames: provinceNames(await getLanguage(request)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  return collectionFormAction(staff, null, formData);
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.collections")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Collections() {
  const { collections, editor, provinceNames } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.collections")}</h1>
      {collections.length === 0 ? <p>{t("collection.none")}</p> : null}
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {collections.map((c) => (
          <li key={c.id} className="p-3">
            <Link to={`/staff/collections/${c.id}`} className="font-medium">
              {c.title}
            </Link>
            <p className="text-sm text-stone-600">
              {format.date(c.startsOn)} – {c.endsOn ? format.date(c.endsOn) : "…"} · {t("collection.count", { count: c.products })}
            </p>
          </li>
        ))}
      </ul>
      <h2 id="new-collection" className="text-lg font-semibold">
        {t("collection.new")}
      </h2>
      <CollectionForm
        draft={actionData?.draft ?? editor.draft}
        chosen={actionData?.chosen ?? editor.chosen}
        q={editor.q}
        results={editor.results}
        full={actionData?.full ?? false}
        errors={(actionData?.result?.error ?? {}) as Record<string, string[] | null | undefined>}
        productsError={actionData?.refusal ? t(actionData.refusal.message, { slugs: actionData.refusal.slugs }) : null}
        provinceNames={provinceNames}
        headingLevel={3}
      />
    </div>
  );
}
