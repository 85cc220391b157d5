import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ListingForm } from "~/components/listing-form";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { submitListingForm } from "~/domain/catalog/listing-form.server";
import { hideListing, listingPhotos, ownListing } from "~/domain/catalog/listings.server";
import { useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";
import "~/i18n/more-messages";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const { product } = ownListing(actor, Number(params.id));
  return { product, photos: listingPhotos(product.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const productId = Number(params.id);
  // "Hide" is a plain form post of its own; everything else is the full multipart product form.
  if ((request.headers.get("Content-Type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    const form = await request.clone().formData();
    if (form.get("intent") === "hide") {
      hideListing(actor, productId);
      return redirect(`/seller/products/${productId}`, { status: 303 });
    }
  }
  const outcome = await submitListingForm(request, actor, productId);
  if (!outcome.ok) return data({ result: outcome.result }, { status: 400 });
  return redirect(`/seller/products/${productId}`, { status: 303 });
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("listing.edit")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function EditListing() {
  const { product, photos } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p>
        <Link to="/seller/products">{t("listing.products")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{product.name}</h1>
      <p>
        <span className="text-stone-600">{t("listing.status")}: </span>
        <strong>{t(`listing.status.${product.status}`)}</strong>
        {product.status === "live" ? (
          <>
            {" · "}
            <Link to={`/products/${product.slug}`}>{t("listing.view")}</Link>
          </>
        ) : null}
      </p>
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
      <ListingForm producerId={product.producerId} saved={product} result={result} canHide={product.status !== "hidden"} />
    </div>
  );
}
