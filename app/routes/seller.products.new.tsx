import { getZodConstraint } from "@conform-to/zod";
import { productSchema } from "~/domain/catalog/product-form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ListingForm } from "~/components/listing-form";
import { FormAlert } from "~/components/ui/form-alert";
import { productCap } from "~/domain/catalog/bulk-listings.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { submitListingForm } from "~/domain/catalog/listing-form.server";
import { MAX_PHOTO_BYTES } from "~/domain/shared/photos.server";
import { uploadReader } from "~/upload.server";
import { formatCount } from "~/i18n/translate";
import { useLanguage, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";
import { redirectWithFlash } from "~/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return { producerId: actor.producer.id, productCap: productCap(actor.producer), constraint: getZodConstraint(productSchema) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const outcome = await submitListingForm(actor, null, uploadReader(request, "photo", MAX_PHOTO_BYTES));
  if (!outcome.ok) return data({ result: outcome.result }, { status: 400 });
  // The list, with the new product and its photo at the top (and in view), is the proof it was saved.
  return redirectWithFlash(`/seller/products#product-${outcome.productId}`, "flash.product.created");
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("listing.new")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function NewListing() {
  const result = useActionData<typeof action>()?.result;
  const { producerId, productCap, constraint } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("listing.new")}</h1>
      <FormAlert message={result?.error?.[""]?.[0]} params={{ cap: formatCount(productCap, lang) }} />
      <ListingForm producerId={producerId} result={result} constraint={constraint} />
    </div>
  );
}
