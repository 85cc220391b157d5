import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { currentPolicy, isPolicyTopic } from "~/domain/policies/policies.server";
import { getLanguage } from "~/i18n/language.server";
import { withMoreMessages } from "~/i18n/more-messages";
import { useFormat, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export const handle = withMoreMessages;

/** `/policies/delivery|returns|complaints`: the platform's policy on a topic, newest version, in the visitor's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const topic = params.topic ?? "";
  const policy = isPolicyTopic(topic) ? currentPolicy(topic) : null;
  if (!policy) throw new Response("Not found", { status: 404 });
  const en = (await getLanguage(request)) === "en";
  return { title: en ? policy.titleEn : policy.titleVi, body: en ? policy.bodyEn : policy.bodyVi, version: policy.version, publishedAt: policy.createdAt };
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data?.title ?? t("error.notFoundTitle")} | ${t("site.name")}` }];
};

export default function PolicyPage() {
  const { title, body, version, publishedAt } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <article className="mx-auto max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-sm text-stone-600">{t("policy.version", { version, date: format.dateTime(publishedAt, { day: true }) })}</p>
      <div className="whitespace-pre-line text-stone-800">{body}</div>
    </article>
  );
}
