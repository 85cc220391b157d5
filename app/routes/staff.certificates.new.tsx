import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { getFormProps } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, SelectField, useFieldError } from "~/components/ui/field";
import { useConformForm } from "~/components/ui/use-conform-form";
import { FieldError } from "~/components/ui/field-error";
import { requireStaff } from "~/domain/accounts/staff.server";
import { recordCertificateSchema } from "~/domain/certification/certificate-form";
import { certifiableProducers, producerForCertification, recordCertificate } from "~/domain/certification/certificates.server";
import { todayInVietnam } from "~/domain/shared/dates";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { redirectWithFlash } from "~/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const chosen = Number(new URL(request.url).searchParams.get("producer"));
  const producer = Number.isSafeInteger(chosen) && chosen > 0 ? producerForCertification(staff, chosen) : null;
  return {
    producers: certifiableProducers(staff),
    producer,
    today: todayInVietnam(),
    central: staff.role === "central_staff",
    constraint: getZodConstraint(recordCertificateSchema),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: recordCertificateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = recordCertificate(staff, submission.value);
  if (!outcome.ok) {
    if ("notFound" in outcome) throw new Response("Not found", { status: 404 });
    return data({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) }, { status: 400 });
  }
  return redirectWithFlash(`/staff/certificates/${outcome.id}`, "flash.certificate.record");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("cert.new")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};


export default function NewCertificate() {
  const { producers, producer, today, central, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const [form, fields] = useConformForm<typeof recordCertificateSchema>({ lastResult: result, constraint });
  const productsError = useFieldError(fields.productIds.errors);
  const starsError = useFieldError(fields.stars.errors);
  const sentProducts = fields.productIds.initialValue;
  const chosenProducts = new Set(Array.isArray(sentProducts) ? sentProducts : typeof sentProducts === "string" ? [sentProducts] : []);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("cert.new")}</h1>
      {/* Step one: the producer, so the form lists its products and scans (works without JS). */}
      <Form method="get" className="flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-4">
        <SelectField
          name="producer"
          label={t("cert.chooseProducer")}
          wrapperClassName="min-w-48 flex-1"
          defaultValue={producer?.id ?? ""}
          placeholder={{ label: "—" }}
          options={producers.map((p) => ({ value: String(p.id), label: p.name }))}
        />
        <button type="submit" className="rounded border border-brand-700 px-3 py-2 text-brand-800">
          {t("cert.chooseProducerSubmit")}
        </button>
      </Form>
      {producer ? (
        // Posted to ?producer= so a refused form comes back with the same producer's products and scans.
        <Form method="post" action={`?producer=${producer.id}`} {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <input type="hidden" name="producerId" value={producer.id} />
          <h2 className="text-lg font-semibold">{producer.name}</h2>
          {producer.evidence.length > 0 ? (
            <section aria-labelledby="evidence">
              <h3 id="evidence" className="font-medium">
                {t("cert.evidence")}
              </h3>
              <ul className="mt-1 grid grid-cols-3 gap-2">
                {producer.evidence.map((e) => (
                  <li key={e.id}>
                    <a href={`/evidence/${e.id}`}>
                      <img src={`/evidence/${e.id}`} alt={e.note || t("cert.evidence")} width={e.width} height={e.height} className="h-24 w-full rounded object-cover" />
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <fieldset aria-describedby={productsError ? "f-productIds-error" : undefined}>
            <legend className="font-medium">{t("cert.products")}</legend>
            {producer.products.map((p) => (
              <label key={p.id} className="mt-1 flex items-center gap-2">
                <input type="checkbox" name="productIds" value={p.id} defaultChecked={chosenProducts.has(String(p.id))} /> {p.name}
              </label>
            ))}
          </fieldset>
          <FieldError id="f-productIds-error" message={productsError} />
          <fieldset aria-describedby={starsError ? "f-stars-error" : undefined}>
            <legend className="font-medium">{t("cert.stars")}</legend>
            <div className="flex gap-4">
              {(central ? [3, 4, 5] : [3, 4]).map((n) => (
                <label key={n} className="flex items-center gap-1">
                  <input type="radio" name="stars" value={n} defaultChecked={fields.stars.initialValue === String(n)} /> {n}★
                </label>
              ))}
            </div>
          </fieldset>
          <FieldError id="f-stars-error" message={starsError} />
          <Field meta={fields.score} label={t("cert.score")} inputMode="numeric" maxLength={3} />
          <Field meta={fields.number} label={t("cert.number")} />
          <Field meta={fields.decisionDate} type="date" label={t("cert.decisionDate")} hint={t("cert.expiryNote")} max={today} />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("cert.record")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
