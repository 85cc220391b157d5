import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProductGrid } from "~/components/product-card";
import { provinceNames } from "~/domain/catalog/places.server";
import { producerBySlug } from "~/domain/catalog/storefront.server";
import { sellerDisclosure } from "~/domain/producers/identity.server";
import { SellerDisclosureBlock } from "~/components/seller-disclosure";
import { getLanguage } from "~/i18n/language.server";
import { useT } from "~/i18n/use-t";
import { requestOrigin } from "~/request.server";
import { metaTranslator, pageMeta, type RootMatch } from "~/seo";

export { publicPage as headers } from "~/page-cache/cache-policy";
export { staticPage as handle } from "~/hydration";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const producer = producerBySlug(params.slug ?? "");
  if (!producer) throw new Response("Not found", { status: 404 });
  const lang = await getLanguage(request);
  return { producer, seller: sellerDisclosure(producer.slug), provinceNames: provinceNames(lang), origin: requestOrigin(request) };
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: t("error.notFoundTitle") }];
  const { producer, origin } = data;
  const photo = producer.photos[0];
  return pageMeta({
    title: `${producer.name} | ${t("site.name")}`,
    description: producer.story.slice(0, 160),
    url: `${origin}/producers/${producer.slug}`,
    image: photo ? `${origin}/media/${photo.file}` : undefined,
    type: "profile",
    lang: t.lang,
  });
};

export default function ProducerPage() {
  const { producer, seller, provinceNames } = useLoaderData<typeof loader>();
  const t = useT();
  const certified = producer.products.filter((p) => p.stars !== null).length;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          {t(`entity.${producer.entityType}`)} · <span className="font-medium text-brand-700">✓ {t("producer.verified")}</span>
        </p>
        <h1 className="text-2xl font-bold">{producer.name}</h1>
        <p className="text-stone-700">
          {producer.wardName}, {provinceNames[producer.provinceCode]}
        </p>
        {seller ? <SellerDisclosureBlock seller={seller} /> : null}
        {certified > 0 ? <p className="text-sm text-amber-900">{t("producer.certifiedCount", { count: certified })}</p> : null}
      </header>
      {producer.photos.length > 0 ? (
        <ul className="flex gap-2 overflow-x-auto">
          {producer.photos.map((p, i) => (
            <li key={p.file} className="shrink-0">
              <img
                src={`/media/${p.file}`}
                alt={`${producer.name} (${i + 1})`}
                width={p.width}
                height={p.height}
                loading={i === 0 ? "eager" : "lazy"}
                className="h-48 w-auto rounded-lg bg-stone-100 object-cover sm:h-64"
              />
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="story" className="max-w-3xl">
        <h2 id="story" className="text-lg font-semibold">
          {t("producer.story")}
        </h2>
        <p className="whitespace-pre-line text-stone-800">{producer.story}</p>
        <p className="mt-2 text-sm text-stone-700">
          <span className="font-medium">{t("producer.address")}:</span> {producer.addressLine}, {producer.wardName},{" "}
          {provinceNames[producer.provinceCode]}
        </p>
      </section>
      <section aria-labelledby="products">
        <h2 id="products" className="mb-3 text-lg font-semibold">
          {t("producer.products")}
        </h2>
        {producer.products.length > 0 ? (
          <ProductGrid products={producer.products} provinceNames={provinceNames} />
        ) : (
          <p>{t("producer.noProducts")}</p>
        )}
      </section>
    </div>
  );
}
