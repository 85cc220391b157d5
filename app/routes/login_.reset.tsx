import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Honeypot } from "~/components/honeypot";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { useConformForm } from "~/components/ui/use-conform-form";
import { resetPasswordSchema } from "~/domain/accounts/password-reset-form";
import { resetPasswordWithCode } from "~/domain/accounts/password-reset.server";
import { redirectWithFlash } from "~/flash.server";
import { withMoreMessages } from "~/i18n/more-messages";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export const handle = withMoreMessages;

export function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  return { constraint: getZodConstraint(resetPasswordSchema), login: (params.get("login") ?? "").slice(0, 254), sent: params.get("sent") === "1" };
}

const OUTCOME = { wrong: "reset.error.wrong", locked: "reset.error.locked", too_many: "reset.error.tooMany" } as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: resetPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const { login, code, password } = submission.value;
  const outcome = await resetPasswordWithCode(login, code, password, context.clientIp ?? "unknown");
  if (outcome !== "ok") {
    return data({ result: submission.reply({ formErrors: [OUTCOME[outcome]], hideFields: ["password"] }) }, { status: outcome === "too_many" ? 429 : 400 });
  }
  return redirectWithFlash("/login", "flash.password.reset");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("reset.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function ResetPassword() {
  const { constraint, login, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const [form, fields] = useConformForm<typeof resetPasswordSchema>({ lastResult: result, constraint, defaultValue: { login } });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("reset.title")}</h1>
      {sent && !result ? <p role="status">{t("reset.sentNotice")}</p> : null}
      <FormAlert message={form.errors} />
      <Form method="post" {...getFormProps(form)} className="relative space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <Field meta={fields.login} label={t("account.loginField")} autoComplete="username" inputMode="email" />
        <Field meta={fields.code} label={t("reset.code")} autoComplete="one-time-code" inputMode="numeric" />
        <Field meta={fields.password} type="password" label={t("reset.newPassword")} autoComplete="new-password" />
        <Honeypot />
        <button type="submit" className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white">
          {t("reset.submit")}
        </button>
      </Form>
      <p>
        <Link to="/login/forgot">{t("reset.again")}</Link>
      </p>
    </div>
  );
}
