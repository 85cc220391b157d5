import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CollectionForm } from "~/components/collection-form";
import { requireStaff } from "~/domain/accounts/staff.server";
import { handleCollectionForm } from "~/domain/catalog/collection-action.server";
import { collectionForStaff } from "~/domain/catalog/collections.server";
import "~/i18n/more-messages";
import { useT } from "~/i18n/use-t";
import { idParam, readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const collection = collectionForStaff(staff, idParam(params.id));
  if (!collection) throw new Response("Not found", { status: 404 });
  return { collection };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  return handleCollectionForm(staff, idParam(params.id), formData);
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data?.collection.title ?? t("staff.collections")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function EditCollection() {
  const { collection } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const sent = (actionData?.result.initialValue ?? null) as Record<string, string> | null;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/staff/collections">{t("staff.collections")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("collection.edit")}</h1>
      <CollectionForm
        values={sent ?? { ...collection, products: collection.slugs.join("\n") }}
        errors={(actionData?.result.error ?? {}) as Record<string, string[] | null | undefined>}
        productsError={actionData?.refusal ? t(actionData.refusal.message, { slugs: actionData.refusal.slugs }) : null}
      />
    </div>
  );
}
