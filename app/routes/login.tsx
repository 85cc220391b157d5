import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Honeypot } from "~/components/honeypot";
import { FormAlert } from "~/components/ui/form-alert";
import { Field } from "~/components/ui/field";
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
  return null;
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
  const errors = result?.error ?? {};
  const formError = errors[""]?.[0];
  const login = typeof result?.initialValue?.login === "string" ? result.initialValue.login : undefined;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("account.loginTitle")}</h1>
      <FormAlert message={formError} />
      <Form method="post" className="relative space-y-4 rounded-lg border border-stone-200 bg-white p-4" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field name="login" label={t("account.loginField")} hint={t("account.loginHint")} autoComplete="username" inputMode="email" defaultValue={login} errors={errors.login} maxLength={254} />
        <Field name="password" type="password" label={t("account.password")} autoComplete="current-password" errors={errors.password} maxLength={128} />
        <Honeypot />
        <button type="submit" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
          {t("account.login")}
        </button>
      </Form>
      <p>
        {t("account.noAccount")} <Link to="/signup">{t("account.signup")}</Link>
      </p>
    </div>
  );
}
