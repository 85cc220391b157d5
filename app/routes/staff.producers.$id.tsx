import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ProfileChangesList } from "~/components/profile-changes-list";
import { FieldError } from "~/components/ui/field-error";
import { requireStaff } from "~/domain/accounts/staff.server";
import { provinceNames } from "~/domain/catalog/places.server";
import type { EntityType } from "~/domain/producers/entity-types";
import { verificationSchema } from "~/domain/producers/verification";
import { VERIFICATION_DECISIONS } from "~/domain/producers/verification-decisions";
import { decideVerification, producerForReview } from "~/domain/producers/verification.server";
import { bankName } from "~/domain/payments/banks";
import { getLanguage } from "~/i18n/language.server";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";
import { idParam, readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { redirectWithFlash } from "~/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const producer = producerForReview(staff, idParam(params.id));
  if (!producer) throw new Response("Not found", { status: 404 });
  const names = provinceNames(await getLanguage(request));
  return { producer, provinceName: names[producer.provinceCode] ?? "", provinceNames: names };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const id = idParam(params.id);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: verificationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = decideVerification(staff, id, submission.value.decision, submission.value.note ?? null);
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  return redirectWithFlash("/staff/producers", `flash.producer.${submission.value.decision}`);
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data?.producer.name ?? t("staff.producers")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

const DECISION_LABEL: Record<(typeof VERIFICATION_DECISIONS)[number], MessageKey> = {
  approve: "verify.approve",
  changes: "verify.changes",
  reject: "verify.reject",
};

export default function ReviewProducer() {
  const { producer, provinceName, provinceNames } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
  const noteError = errors.note?.[0] as MessageKey | undefined;
  const decisionError = errors.decision?.[0] as MessageKey | undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{producer.name}</h1>
      <p>{t("verify.current", { status: t(`seller.status.${producer.status as "pending"}`) })}</p>
      <ProfileChangesList changes={producer.changes} provinceNames={provinceNames} />
      <p>
        <a className="underline" href={`/staff/producers/${producer.id}/identity`}>
          {t("identity.title")}
        </a>
      </p>
      <section aria-labelledby="details" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="details" className="text-lg font-semibold">
          {t("verify.details")}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-stone-600">{t("profile.entityType")}</dt>
          <dd>{t(`entity.${producer.entityType as EntityType}`)}</dd>
          <dt className="text-stone-600">{t("verify.owner")}</dt>
          <dd>{producer.ownerName ?? "—"}</dd>
          <dt className="text-stone-600">{t("verify.address")}</dt>
          <dd>
            {producer.addressLine}, {producer.wardName}, {provinceName}
          </dd>
          <dt className="text-stone-600">{t("verify.phone")}</dt>
          <dd>{producer.phone ?? "—"}</dd>
          <dt className="text-stone-600">{t("verify.bank")}</dt>
          <dd>{producer.bankBin ? `${bankName(producer.bankBin)} · ${producer.bankAccountNo ?? ""} · ${producer.bankAccountName ?? ""}` : "—"}</dd>
          <dt className="text-stone-600">{t("verify.story")}</dt>
          <dd className="whitespace-pre-line">{producer.story || "—"}</dd>
        </dl>
      </section>
      <section aria-labelledby="evidence" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="evidence" className="text-lg font-semibold">
          {t("verify.evidenceTitle")}
        </h2>
        {producer.evidence.length === 0 ? <p className="text-sm">{t("verify.noEvidence")}</p> : null}
        <ul className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
          {producer.evidence.map((e) => (
            <li key={e.id}>
              <a href={`/evidence/${e.id}`}>
                <img src={`/evidence/${e.id}`} alt={e.note || t("verify.evidenceTitle")} width={e.width} height={e.height} className="h-32 w-full rounded object-cover" />
              </a>
              {e.note ? <p className="text-xs text-stone-600">{e.note}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="products" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="products" className="text-lg font-semibold">
          {t("verify.products")}
        </h2>
        <ul className="mt-2 text-sm">
          {producer.products.map((p) => (
            <li key={p.id}>
              {p.name} · {t(`listing.status.${p.status as "live"}`)}
            </li>
          ))}
        </ul>
      </section>
      <Form method="post" className="space-y-3 rounded-lg border border-brand-700 bg-white p-4" noValidate>
        <fieldset aria-describedby={decisionError ? "f-decision-error" : undefined}>
          <legend className="text-lg font-semibold">{t("verify.decision")}</legend>
          {VERIFICATION_DECISIONS.map((decision) => (
            <label key={decision} className="mt-1 flex items-center gap-2">
              <input type="radio" name="decision" value={decision} /> {t(DECISION_LABEL[decision])}
            </label>
          ))}
        </fieldset>
        <FieldError id="f-decision-error" message={decisionError && t(decisionError)} />
        <div>
          <label htmlFor="f-note" className="block font-medium">
            {t("verify.note")}
          </label>
          <textarea
            id="f-note"
            name="note"
            rows={3}
            maxLength={1000}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? "f-note-error" : undefined}
            className="mt-1 w-full rounded border border-stone-300 px-3 py-2"
          />
          <FieldError id="f-note-error" message={noteError && t(noteError)} />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("verify.submit")}
        </button>
      </Form>
    </div>
  );
}
