import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CollectionForm } from "~/components/collection-form";
import { requireStaff } from "~/domain/accounts/staff.server";
import { collectionFormAction } from "~/collection-form-action.server";
import { collectionEditor } from "~/domain/catalog/collection-editor.server";
import { savedDraft } from "~/domain/catalog/collection-draft";
import { collectionForStaff } from "~/domain/catalog/collections.server";
import { provinceNames } from "~/domain/catalog/places.server";
import { getLanguage } from "~/i18n/language.server";
import { useT } from "~/i18n/use-t";
import { idParam, readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const collection = collectionForStaff(staff, idParam(params.id));
  if (!collection) throw new Response("Not found", { status: 404 });
  return {
    title: collection.title,
    editor: collectionEditor(staff, new URL(request.url), savedDraft(collection)),
    provinceNames: provinceNames(await getLanguage(request)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  return collectionFormAction(staff, idParam(params.id), formData);
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data?.title ?? t("staff.collections")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function EditCollection() {
  const { editor, provinceNames } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("collection.edit")}</h1>
      <CollectionForm
        draft={actionData?.draft ?? editor.draft}
        chosen={actionData?.chosen ?? editor.chosen}
        q={editor.q}
        results={editor.results}
        full={actionData?.full ?? false}
        errors={(actionData?.result?.error ?? {}) as Record<string, string[] | null | undefined>}
        productsError={actionData?.refusal ? t(actionData.refusal.message, { slugs: actionData.refusal.slugs }) : null}
        provinceNames={provinceNames}
        headingLevel={2}
      />
    </div>
  );
}
