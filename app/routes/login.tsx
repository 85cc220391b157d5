import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Honeypot } from "~/components/honeypot";
import { FormAlert } from "~/components/ui/form-alert";
import { getFormProps } from "@conform-to/react";
import { Field } from "~/components/ui/field";
import { useConformForm } from "~/components/ui/use-conform-form";
import { verifyLogin } from "~/domain/accounts/accounts.server";
import { allowLoginAttempt } from "~/domain/accounts/auth-limits.server";
import { logInSchema } from "~/domain/accounts/forms";
import { afterSignIn } from "~/domain/accounts/permissions.server";
import { currentUser } from "~/domain/accounts/sessions.server";
import { useT } from "~/i18n/use-t";
import { signInHeaders } from "~/sign-in.server";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await currentUser(request);
  if (user) throw redirect(afterSignIn(user.role, new URL(request.url).searchParams.get("redirectTo")));
  return { constraint: getZodConstraint(logInSchema) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: logInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { login, password, redirectTo } = submission.value;
  if (!allowLoginAttempt(context.clientIp ?? "unknown", login)) {
    return data({ result: submission.reply({ formErrors: ["account.error.tooMany"], hideFields: ["password"] }) }, { status: 429 });
  }
  const user = await verifyLogin(login, password);
  if (!user) {
    return data({ result: submission.reply({ formErrors: ["account.error.wrongPassword"], hideFields: ["password"] }) }, { status: 400 });
  }
  return redirect(afterSignIn(user.role, redirectTo), {
    status: 303,
    headers: await signInHeaders(user.id, request),
  });
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("account.loginTitle")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function LogIn() {
  const result = useActionData<typeof action>()?.result;
  const [params] = useSearchParams();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useConformForm<typeof logInSchema>({ lastResult: result, constraint: useLoaderData<typeof loader>().constraint });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("account.loginTitle")}</h1>
      <FormAlert message={form.errors} />
      <Form method="post" {...getFormProps(form)} className="relative space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field meta={fields.login} label={t("account.loginField")} hint={t("account.loginHint")} autoComplete="username" inputMode="email" />
        <Field meta={fields.password} type="password" label={t("account.password")} autoComplete="current-password" />
        <Honeypot />
        <button type="submit" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
          {t("account.login")}
        </button>
      </Form>
      <p>
        <Link to="/login/forgot">{t("account.forgot")}</Link>
      </p>
      <p>
        {t("account.noAccount")} <Link to="/signup">{t("account.signup")}</Link>
      </p>
    </div>
  );
}
