import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError } from "~/components/ui/field-error";
import { Field } from "~/components/ui/field";
import { MAX_EVIDENCE_NOTE } from "~/domain/producers/evidence-note";
import { evidenceOf, photosOf, submitMediaForm } from "~/domain/producers/media.server";
import { MAX_PHOTO_BYTES } from "~/domain/shared/photos.server";
import { uploadReader } from "~/upload.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return { producerId: actor.producer.id, photos: photosOf(actor), evidence: evidenceOf(actor) };
}

/** Uploads a photo of the producer (`intent=photo`) or a certificate scan (`intent=evidence`). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const outcome = await submitMediaForm(actor, uploadReader(request, "photo", MAX_PHOTO_BYTES));
  if (!outcome.ok) return data({ intent: outcome.intent, field: outcome.field, error: outcome.error }, { status: 400 });
  return redirect("/seller/media", { status: 303 });
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("evidence.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

function PhotoInput({ id, error }: { id: string; error?: MessageKey }) {
  const t = useT();
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {t("media.photoField")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-stone-600">
        {t("listing.photoHint")}
      </p>
      <input id={id} name="photo" type="file" accept="image/*" capture="environment" className="mt-1 block w-full"
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} />
      <FieldError id={`${id}-error`} message={error && t(error)} />
    </div>
  );
}

export default function ProducerMedia() {
  const { producerId, photos, evidence } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errorFor = (intent: "photo" | "evidence", field: "photo" | "note" = "photo") =>
    failed?.intent === intent && failed.field === field ? (failed.error as MessageKey) : undefined;
  const noteError = errorFor("evidence", "note");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <section aria-labelledby="evidence" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h1 id="evidence" className="text-2xl font-bold">
          {t("evidence.title")}
        </h1>
        <p className="text-stone-700">{t("evidence.intro")}</p>
        <Form method="post" action={portalFormAction(producerId)} encType="multipart/form-data" className="space-y-3">
          <input type="hidden" name="intent" value="evidence" />
          <PhotoInput id="f-evidence-photo" error={errorFor("evidence")} />
          <Field name="note" label={t("evidence.note")} maxLength={MAX_EVIDENCE_NOTE} errors={noteError ? [noteError] : undefined} />
          <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {t("evidence.upload")}
          </button>
        </Form>
        <h2 className="font-semibold">{t("evidence.uploaded")}</h2>
        {evidence.length === 0 ? <p className="text-sm">{t("evidence.none")}</p> : null}
        <ul className="grid grid-cols-3 gap-2">
          {evidence.map((e) => (
            <li key={e.id} className="text-xs">
              <img src={`/evidence/${e.id}`} alt={e.note || t("evidence.title")} width={e.width} height={e.height} className="aspect-square w-full rounded object-cover" />
              {e.note ? <p className="mt-1 break-words">{e.note}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="photos" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="photos" className="text-lg font-semibold">
          {t("media.producerPhotos")}
        </h2>
        <ul className="grid grid-cols-3 gap-2">
          {photos.map((p, i) => (
            <li key={p.id}>
              <img src={`/media/${p.file}`} alt={`${t("media.producerPhotos")} ${i + 1}`} width={p.width} height={p.height} className="aspect-square w-full rounded object-cover" />
            </li>
          ))}
        </ul>
        <Form method="post" action={portalFormAction(producerId)} encType="multipart/form-data" className="space-y-3">
          <input type="hidden" name="intent" value="photo" />
          <PhotoInput id="f-producer-photo" error={errorFor("photo")} />
          <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {t("media.addProducerPhoto")}
          </button>
        </Form>
      </section>
    </div>
  );
}
