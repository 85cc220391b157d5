import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Honeypot } from "~/components/honeypot";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { useConformForm } from "~/components/ui/use-conform-form";
import { forgotPasswordSchema } from "~/domain/accounts/password-reset-form";
import { requestPasswordReset } from "~/domain/accounts/password-reset.server";
import { withMoreMessages } from "~/i18n/more-messages";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export const handle = withMoreMessages;

export function loader() {
  return { constraint: getZodConstraint(forgotPasswordSchema) };
}

/** "Quên mật khẩu": the same answer whether the login has an account or not (no enumeration). */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: forgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = requestPasswordReset(submission.value.login, context.clientIp ?? "unknown");
  if (outcome === "too_many") return data({ result: submission.reply({ formErrors: ["reset.error.tooMany"] }) }, { status: 429 });
  return redirect(`/login/reset?${new URLSearchParams({ login: submission.value.login, sent: "1" })}`, 303);
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("reset.forgotTitle")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function ForgotPassword() {
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const [form, fields] = useConformForm<typeof forgotPasswordSchema>({ lastResult: result, constraint: useLoaderData<typeof loader>().constraint });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("reset.forgotTitle")}</h1>
      <p>{t("reset.forgotIntro")}</p>
      <FormAlert message={form.errors} />
      <Form method="post" {...getFormProps(form)} className="relative space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <Field meta={fields.login} label={t("account.loginField")} autoComplete="username" inputMode="email" />
        <Honeypot />
        <button type="submit" className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white">
          {t("reset.send")}
        </button>
      </Form>
    </div>
  );
}
