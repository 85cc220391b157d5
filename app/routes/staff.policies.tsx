import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { requireRole } from "~/domain/accounts/permissions.server";
import { currentPolicy, policySchema, POLICY_TOPICS, publishPolicy } from "~/domain/policies/policies.server";
import { redirectWithFlash } from "~/flash.server";
import { useFormat, useMessage, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

/** `/staff/policies`: central staff publish new versions of the delivery, returns and complaints policies. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["central_staff"]);
  return { policies: POLICY_TOPICS.map((topic) => ({ topic, current: currentPolicy(topic) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, ["central_staff"]);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: policySchema });
  if (submission.status !== "success") return data({ topic: String(submission.payload.topic ?? ""), result: submission.reply() }, { status: 400 });
  if (!publishPolicy(staff, submission.value)) throw new Response("Forbidden", { status: 403 });
  return redirectWithFlash(`/staff/policies#policy-${submission.value.topic}`, "flash.policy.published");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("policy.staffTitle")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffPolicies() {
  const { policies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const message = useMessage();
  const format = useFormat();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("policy.staffTitle")}</h1>
      {policies.map(({ topic, current }) => {
        const result = actionData?.topic === topic ? actionData.result : undefined;
        const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>;
        const sent = (result?.initialValue ?? {}) as Record<string, string | undefined>;
        const textarea = (name: "bodyVi" | "bodyEn", label: string) => (
          <div>
            <label htmlFor={`${topic}-${name}`} className="block font-medium">
              {label}
            </label>
            <textarea id={`${topic}-${name}`} name={name} rows={6} required defaultValue={sent[name] ?? current?.[name] ?? ""} className="mt-1 block w-full rounded border border-stone-300 p-2" aria-describedby={errors[name] ? `${topic}-${name}-error` : undefined} />
            {errors[name] ? (
              <p id={`${topic}-${name}-error`} className="mt-1 text-sm text-red-700">
                {message(errors[name]?.[0])}
              </p>
            ) : null}
          </div>
        );
        return (
          <Form key={topic} id={`policy-${topic}`} method="post" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <h2 className="text-lg font-semibold">
              <a href={`/policies/${topic}`}>{t(`policy.${topic}`)}</a>
            </h2>
            {current ? <p className="text-sm text-stone-600">{t("policy.version", { version: current.version, date: format.dateTime(current.createdAt, { day: true }) })}</p> : null}
            <input type="hidden" name="topic" value={topic} />
            <Field name="titleVi" id={`${topic}-titleVi`} label={t("policy.titleVi")} defaultValue={sent.titleVi ?? current?.titleVi ?? ""} errors={errors.titleVi} required />
            {textarea("bodyVi", t("policy.bodyVi"))}
            <Field name="titleEn" id={`${topic}-titleEn`} label={t("policy.titleEn")} defaultValue={sent.titleEn ?? current?.titleEn ?? ""} errors={errors.titleEn} required />
            {textarea("bodyEn", t("policy.bodyEn"))}
            <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
              {t("policy.publish")}
            </button>
          </Form>
        );
      })}
    </div>
  );
}
