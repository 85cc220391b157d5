import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { helpersSchema } from "~/domain/producers/helpers-form";
import { activeHelpers, createInvite, revokeHelper } from "~/domain/producers/helpers.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return { helpers: activeHelpers(actor) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: helpersSchema });
  // Both forms are buttons with hidden fields: a failure here is a forged request, not a typing slip.
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  if (submission.value.intent === "invite") return { code: createInvite(actor) };
  revokeHelper(actor, submission.value.grantId);
  return { code: null };
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("helpers.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Helpers() {
  const { helpers } = useLoaderData<typeof loader>();
  const code = useActionData<typeof action>()?.code;
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("helpers.title")}</h1>
      <p className="text-stone-700">{t("helpers.intro")}</p>
      <Form method="post" className="rounded-lg border border-stone-200 bg-white p-4">
        <input type="hidden" name="intent" value="invite" />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("helpers.createInvite")}
        </button>
        {code ? (
          <p role="status" className="mt-3">
            {t("helpers.newCode")} <strong className="font-mono text-2xl tracking-widest">{code}</strong>
          </p>
        ) : null}
      </Form>
      <section aria-labelledby="active" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="active" className="text-lg font-semibold">
          {t("helpers.active")}
        </h2>
        {helpers.length === 0 ? <p>{t("helpers.none")}</p> : null}
        <ul className="mt-2 space-y-2">
          {helpers.map((h) => (
            <li key={h.grantId} className="flex items-center justify-between gap-2">
              <span>{h.name}</span>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="grantId" value={h.grantId} />
                <button type="submit" className="rounded border border-red-700 px-3 py-1 text-red-800">
                  {t("helpers.revoke")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
