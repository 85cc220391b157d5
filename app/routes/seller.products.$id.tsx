import { getZodConstraint } from "@conform-to/zod";
import { productDetailsSchema, productSchema } from "~/domain/catalog/product-form";
import { variantsOf } from "~/domain/catalog/variants.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ListingForm } from "~/components/listing-form";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { submitListingForm } from "~/domain/catalog/listing-form.server";
import { MAX_PHOTO_BYTES } from "~/domain/shared/photos.server";
import { uploadReader } from "~/upload.server";
import { certifiedFieldsLocked } from "~/domain/catalog/certified-fields";
import { listingPhotos, ownListing } from "~/domain/catalog/listings.server";
import { todayInVietnam } from "~/domain/shared/dates";
import { useFormat, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";
import { idParam } from "~/request.server";
import { redirectWithFlash } from "~/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const { product } = ownListing(actor, idParam(params.id));
  const sizeCount = variantsOf(product.id).length;
  return {
    product,
    sizeCount,
    photos: listingPhotos(product.id),
    certifiedLocked: certifiedFieldsLocked(product, todayInVietnam()),
    constraint: getZodConstraint(sizeCount > 1 ? productDetailsSchema : productSchema),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const productId = idParam(params.id);
  const outcome = await submitListingForm(actor, productId, uploadReader(request, "photo", MAX_PHOTO_BYTES));
  if (!outcome.ok) return data({ result: outcome.result }, { status: outcome.status ?? 400 });
  return redirectWithFlash(`/seller/products/${productId}`, "flash.product.saved");
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("listing.edit")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function EditListing() {
  const { product, sizeCount, photos, certifiedLocked, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{product.name}</h1>
      <p>
        <span className="text-stone-600">{t("listing.status")}: </span>
        <strong>{product.heldAt !== null ? t("listing.status.held") : t(`listing.status.${product.status}`)}</strong>
        {product.status === "live" ? (
          <>
            {" · "}
            <Link to={`/products/${product.slug}`}>{t("listing.view")}</Link>
          </>
        ) : null}
      </p>
      {product.heldAt !== null ? (
        <section aria-labelledby="held" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 id="held" className="font-semibold text-amber-900">
            {t("listing.held")}
          </h2>
          <p className="mt-1">
            {t("listing.heldReason")}: <strong>{product.heldReason}</strong>
          </p>
          <p className="mt-1 text-sm text-stone-700">{t("listing.heldHelp")}</p>
          {product.holdReviewRequestedAt !== null ? (
            <p role="status" className="mt-2 text-sm font-medium text-amber-900">
              {t("listing.reviewRequested", { date: format.dateTime(product.holdReviewRequestedAt, { day: true }) })}
            </p>
          ) : (
            <Form method="post" className="mt-2">
              <button type="submit" name="intent" value="requestReview" className="rounded border border-amber-700 bg-white px-4 py-2 font-medium text-amber-900">
                {t("listing.requestReview")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
      {photos.length > 0 ? (
        <section aria-labelledby="photos">
          <h2 id="photos" className="font-semibold">
            {t("listing.photos")}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {photos.map((p, i) => (
              <li key={p.id}>
                <img src={`/media/${p.file}`} alt={`${product.name} (${i + 1})`} width={p.width} height={p.height} className="h-24 w-24 rounded object-cover" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ListingForm
        producerId={product.producerId}
        saved={product}
        result={result}
        constraint={constraint}
        canHide={product.status !== "hidden"}
        certifiedStars={certifiedLocked ? product.badgeStars : null}
        photoCount={photos.length}
        sizes={{ href: `/seller/products/${product.id}/sizes`, count: sizeCount }}
      />
    </div>
  );
}
