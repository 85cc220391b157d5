import { SellerDisclosureBlock } from "~/components/seller-disclosure";
import { sellerDisclosure } from "~/domain/producers/identity.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Honeypot } from "~/components/honeypot";
import { ProductQuestions } from "~/components/product-questions";
import { FieldError } from "~/components/ui/field-error";
import { FormAlert } from "~/components/ui/form-alert";
import { requireUser } from "~/domain/accounts/permissions.server";
import { currentUser } from "~/domain/accounts/sessions.server";
import { askQuestionSchema, productPageIntentSchema, reportQuestionSchema } from "~/domain/catalog/questions";
import { askQuestion, productQuestionsFor, reportQuestion } from "~/domain/catalog/questions.server";
import { redirectWithFlash } from "~/flash.server";
import { reportListing } from "~/domain/catalog/moderation.server";
import { REPORT_REASONS } from "~/domain/catalog/report-reasons";
import { reportSchema } from "~/domain/catalog/reports";
import type { MessageKey } from "~/i18n/vi";
import { readForm } from "~/request.server";
import { AddToCart } from "~/components/add-to-cart";
import { ProductGrid } from "~/components/product-card";
import { responsivePhoto } from "~/domain/shared/photo-urls";
import { CertificateBlock } from "~/components/certificate-block";
import { OcopBadge } from "~/components/ui/ocop-badge";
import { PriceRange } from "~/components/ui/price";
import { provinceNames } from "~/domain/catalog/places.server";
import { productJsonLd } from "~/domain/catalog/product-json-ld";
import { unitLabel } from "~/domain/catalog/units";
import { hasSizeChoice } from "~/domain/catalog/variants";
import { productBySlug, relatedProducts } from "~/domain/catalog/storefront.server";
import { latestReviews } from "~/domain/orders/reviews.server";
import { formatWeight } from "~/domain/shared/weight";
import { getLanguage } from "~/i18n/language.server";
import { useLanguage, useT } from "~/i18n/use-t";
import { requestOrigin } from "~/request.server";
import { jsonLd, metaTranslator, pageMeta, type RootMatch } from "~/seo";
import { campaignsOfProduct } from "~/domain/promotions/campaigns.server";

export { publicPage as headers } from "~/page-cache/cache-policy";
export { staticPage as handle } from "~/hydration";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const product = productBySlug(params.slug ?? "");
  if (!product) throw new Response("Not found", { status: 404 });
  const lang = await getLanguage(request);
  const origin = requestOrigin(request);
  const url = `${origin}/products/${product.slug}`;
  const user = await currentUser(request);
  return {
    product,
    url,
    origin,
    seller: sellerDisclosure(product.producer.slug),
    related: relatedProducts(product),
    campaigns: campaignsOfProduct(product.id),
    reviews: latestReviews(product.id),
    questions: productQuestionsFor(product.id, user?.id ?? null),
    signedIn: user !== null,
    questionConstraint: getZodConstraint(askQuestionSchema),
    provinceNames: provinceNames(lang),
    jsonLd: jsonLd(productJsonLd(product, url, origin)),
  };
}

/**
 * The page's forms: a shopper reports the listing (fake certificate, wrong information…) for staff
 * to check (no intent, as it always was), asks the producer a question (`ask`), or reports a question
 * (`reportQuestion`). Asking and reporting a question need an account: one is sent to sign in first.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const slug = params.slug ?? "";
  const clientIp = context.clientIp ?? "unknown";
  // Never fails: an unknown or missing intent is the listing report, as the form always was.
  const step = parseWithZod(formData, { schema: productPageIntentSchema });
  const intent = step.status === "success" ? step.value.intent : "report";

  if (intent === "ask") {
    const user = await requireUser(request);
    const submission = parseWithZod(formData, { schema: askQuestionSchema });
    if (submission.status !== "success") return data({ form: "ask" as const, result: submission.reply() }, { status: 400 });
    const outcome = askQuestion(user, slug, submission.value.question, clientIp);
    if (outcome === "not_found") throw new Response("Not found", { status: 404 });
    if (outcome === "too_many") return data({ form: "ask" as const, result: submission.reply({ fieldErrors: { question: ["question.error.tooMany"] } }) }, { status: 429 });
    if (outcome === "own_product") return data({ form: "ask" as const, result: submission.reply({ fieldErrors: { question: ["question.error.ownProduct"] } }) }, { status: 403 });
    return redirectWithFlash(`/products/${slug}#hoi-dap`, "flash.question.asked");
  }

  if (intent === "reportQuestion") {
    const user = await requireUser(request);
    const submission = parseWithZod(formData, { schema: reportQuestionSchema });
    const target = String(submission.payload.questionId ?? "");
    if (submission.status !== "success") return data({ form: "reportQuestion" as const, target, result: submission.reply() }, { status: 400 });
    const outcome = reportQuestion(user, slug, submission.value, clientIp);
    if (outcome === "not_found") throw new Response("Not found", { status: 404 });
    if (outcome === "too_many") return data({ form: "reportQuestion" as const, target, result: submission.reply({ formErrors: ["questionReport.error.tooMany"] }) }, { status: 429 });
    // A second report by the same person is thanked the same way and not counted again.
    return redirectWithFlash(`/products/${slug}#hoi-dap`, "flash.question.reported");
  }

  const submission = parseWithZod(formData, { schema: reportSchema });
  if (submission.status !== "success") return data({ form: "report" as const, result: submission.reply() }, { status: 400 });
  const user = await currentUser(request);
  const outcome = reportListing(slug, submission.value, { userId: user?.id ?? null, clientIp });
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  if (outcome === "too_many") return data({ form: "report" as const, result: submission.reply({ formErrors: ["report.error.tooMany"] }) }, { status: 429 });
  return redirect(`/products/${slug}?reported=1#report`, 303);
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: t("error.notFoundTitle") }];
  const { product, url, origin } = data;
  const stars = product.certificate ? ` — OCOP ${product.certificate.stars}★` : "";
  const photo = product.photos[0];
  return pageMeta({
    title: `${product.name}${stars} | ${t("site.name")}`,
    description: product.description.slice(0, 160),
    url,
    image: photo ? `${origin}/media/${photo.file}` : undefined,
    type: "product",
    lang: t.lang,
  });
};

export default function ProductPage() {
  const { product, seller, related, reviews, questions, signedIn, questionConstraint, provinceNames, campaigns, jsonLd: structuredData } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const [cover, ...morePhotos] = product.photos;
  const province = provinceNames[product.provinceCode];
  return (
    <div className="space-y-8">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: structuredData }} />
      <div id="san-pham" className="grid gap-6 md:grid-cols-2">
        <div className="space-y-2">
          {cover ? (
            <img
              src={`/media/${cover.file}`}
              alt={t("product.photoAlt", { name: product.name })}
              width={cover.width}
              height={cover.height}
              fetchPriority="high"
              className="aspect-square w-full rounded-lg bg-stone-100 object-cover"
            />
          ) : null}
          {morePhotos.length > 0 ? (
            <ul className="grid grid-cols-4 gap-2">
              {morePhotos.map((p) => (
                <li key={p.file}>
                  <img
                    {...responsivePhoto(p.file, p.width)}
                    sizes="(min-width: 768px) 9rem, 25vw"
                    alt={t("product.photoAlt", { name: product.name })}
                    width={p.width}
                    height={p.height}
                    loading="lazy"
                    className="aspect-square w-full rounded bg-stone-100 object-cover"
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </div>

        <div className="space-y-3">
          {product.certificate ? (
            <a href="#chung-nhan" className="no-underline">
              <OcopBadge stars={product.certificate.stars} size="lg" />
            </a>
          ) : null}
          <h1 className="text-2xl font-bold leading-tight">{product.name}</h1>
          {campaigns.map((c) => (
            <p key={c.slug}>
              <a href={`/campaigns/${c.slug}`} data-badge="campaign" className="inline-block rounded bg-rose-100 px-2 py-0.5 text-sm font-semibold text-rose-900 no-underline">
                {t("campaign.inCampaign", { title: c.title })}
              </a>
            </p>
          ))}
          <p>
            <PriceRange lowVnd={product.priceVnd} highVnd={product.maxPriceVnd} className="text-2xl font-bold text-brand-800" />{" "}
            <span className="text-stone-600">{t("product.perUnit", { unit: unitLabel(product.unit, lang) })}</span>
          </p>
          <p className={product.stock > 0 ? "text-brand-700" : "font-medium text-red-700"}>
            {product.stock > 0 ? t("product.inStock", { stock: product.stock, unit: unitLabel(product.unit, lang, product.stock) }) : t("product.outOfStock")}
          </p>
          <AddToCart sizes={product.sizes} unit={product.unit} />
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-600">{t("product.group")}</dt>
            <dd>
              <Link to={`/products?group=${product.groupCode}`}>{t(`group.${product.groupCode}`)}</Link>
            </dd>
            <dt className="text-stone-600">{t("product.origin")}</dt>
            <dd>
              {product.producer.wardName}, <Link to={`/products?province=${product.provinceCode}`}>{province}</Link>
            </dd>
            {/* A product in several sizes says each size's weight in its label ("Túi 5 kg"). */}
            {product.weightGrams > 0 && !hasSizeChoice(product.sizes) ? (
              <>
                <dt className="text-stone-600">{t("product.weight")}</dt>
                <dd>{formatWeight(product.weightGrams)}</dd>
              </>
            ) : null}
          </dl>
          <section aria-labelledby="description">
            <h2 id="description" className="font-semibold">
              {t("product.description")}
            </h2>
            <p className="whitespace-pre-line text-stone-800">{product.description}</p>
          </section>
        </div>
      </div>

      <CertificateBlock certificate={product.certificate} />

      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="producer" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="producer" className="text-lg font-semibold">
            {t("product.producer")}
          </h2>
          <p className="font-medium">{product.producer.name}</p>
          <p className="text-sm text-stone-600">
            {t(`entity.${product.producer.entityType}`)} · {product.producer.wardName}, {provinceNames[product.producer.provinceCode]}
          </p>
          {seller ? <SellerDisclosureBlock seller={seller} /> : null}
          <p className="mt-2 line-clamp-3 text-sm text-stone-800">{product.producer.story}</p>
          <Link to={`/producers/${product.producer.slug}`} className="mt-2 inline-block font-medium">
            {t("product.viewProducer")}
          </Link>
        </section>
        <section aria-labelledby="trace" className="flex gap-4 rounded-lg border border-stone-200 bg-white p-4">
          <img src={`/products/${product.slug}/qr.svg`} alt="" width={112} height={112} loading="lazy" className="h-28 w-28 shrink-0" />
          <div>
            <h2 id="trace" className="text-lg font-semibold">
              {t("product.trace")}
            </h2>
            <p className="text-sm text-stone-700">{t("product.traceText")}</p>
            <Link to={`/products/${product.slug}/label`} className="mt-2 inline-block font-medium">
              {t("product.printLabel")}
            </Link>
          </div>
        </section>
      </div>

      <section aria-labelledby="reviews">
        <h2 id="reviews" className="text-lg font-semibold">
          {t("product.reviews")}
        </h2>
        {reviews.length === 0 ? (
          <p className="text-sm text-stone-700">{t("product.noReviews")}</p>
        ) : (
          <>
            <p className="text-sm text-stone-700">
              {t("product.ratingSummary", { average: (product.ratingSum / product.ratingCount).toFixed(1), count: product.ratingCount })}
            </p>
            <ul className="mt-2 space-y-3">
              {reviews.map((review) => (
                <li key={review.id} className="rounded border border-stone-200 bg-white p-3">
                  <p className="text-sm">
                    <span aria-hidden="true" className="text-amber-700">
                      {"★".repeat(review.stars)}
                      {"☆".repeat(5 - review.stars)}
                    </span>
                    <span className="sr-only">{t("product.reviewStars", { stars: review.stars })}</span>{" "}
                    <strong>{review.authorName}</strong> · {t("product.verifiedBuyer")}
                  </p>
                  {review.body ? <p className="mt-1 whitespace-pre-line">{review.body}</p> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <ProductQuestions
        answered={questions.answered}
        waiting={questions.waiting}
        signedIn={signedIn}
        loginHref={`/login?redirectTo=${encodeURIComponent(`/products/${product.slug}#hoi-dap`)}`}
        constraint={questionConstraint}
        reply={reply && reply.form !== "report" ? reply : null}
      />

      <ReportListing />

      {related.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related" className="mb-3 text-lg font-semibold">
            {t("product.related")}
          </h2>
          <ProductGrid products={related} provinceNames={provinceNames} />
        </section>
      ) : null}
    </div>
  );
}

function ReportListing() {
  const reply = useActionData<typeof action>();
  const result = reply?.form === "report" ? reply.result : undefined;
  const [params] = useSearchParams();
  const t = useT();
  const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
  const reasonError = errors.reason?.[0] as MessageKey | undefined;
  const detailsError = errors.details?.[0] as MessageKey | undefined;
  const formError = errors[""]?.[0];
  if (params.get("reported") === "1") {
    return (
      <p id="report" role="status" className="text-sm text-brand-800">
        {t("report.thanks")}
      </p>
    );
  }
  return (
    <details id="report" open={Boolean(result)} className="text-sm">
      <summary className="cursor-pointer text-stone-700">{t("report.title")}</summary>
      <Form method="post" className="relative mt-2 max-w-md space-y-2" noValidate>
        <FormAlert message={formError} />
        <fieldset aria-describedby={reasonError ? "f-reason-error" : undefined}>
          <legend className="font-medium">{t("report.reason")}</legend>
          {REPORT_REASONS.map((reason) => (
            <label key={reason} className="mt-1 flex items-center gap-2">
              <input type="radio" name="reason" value={reason} /> {t(`report.reason.${reason}`)}
            </label>
          ))}
        </fieldset>
        <FieldError id="f-reason-error" message={reasonError && t(reasonError)} />
        <label htmlFor="f-details" className="block font-medium">
          {t("report.details")}
        </label>
        <textarea
          id="f-details"
          name="details"
          rows={3}
          maxLength={1000}
          className="w-full rounded border border-stone-300 px-2 py-1"
          aria-invalid={detailsError ? true : undefined}
          aria-describedby={detailsError ? "f-details-error" : undefined}
        />
        <FieldError id="f-details-error" message={detailsError && t(detailsError)} />
        <Honeypot />
        <button type="submit" className="rounded border border-stone-400 px-3 py-1">
          {t("report.send")}
        </button>
      </Form>
    </details>
  );
}
