import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Honeypot } from "~/components/honeypot";
import { FormAlert } from "~/components/ui/form-alert";
import { getFormProps } from "@conform-to/react";
import { Field, RadioGroupField } from "~/components/ui/field";
import { useConformForm } from "~/components/ui/use-conform-form";
import { signUp } from "~/domain/accounts/accounts.server";
import { signUpSchema } from "~/domain/accounts/forms";
import { useLanguage, useT } from "~/i18n/use-t";
import { signInHeaders } from "~/sign-in.server";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { settings } from "~/settings.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: signUpSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const outcome = await signUp(submission.value, context.clientIp ?? "unknown");
  if ("tooMany" in outcome) {
    return data({ result: submission.reply({ formErrors: ["account.error.tooMany"], hideFields: ["password"] }) }, { status: 429 });
  }
  if (!outcome.ok) {
    return data({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] }, hideFields: ["password"] }) }, { status: 400 });
  }
  // A new producer goes straight to step one (where the business is), then its first product.
  const next = { shopper: "/", producer: "/seller/profile", helper: "/seller" }[submission.value.role];
  return redirect(next, { status: 303, headers: await signInHeaders(outcome.userId, request) });
}

export async function loader() {
  return { commissionPercent: settings.commissionPercent, constraint: getZodConstraint(signUpSchema) };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("account.signupTitle")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

const ROLES = ["shopper", "producer", "helper"] as const;

export default function SignUp() {
  const result = useActionData<typeof action>()?.result;
  const { commissionPercent, constraint } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLanguage();
  const busy = useNavigation().state === "submitting";
  const asked = params.get("role");
  const [form, fields] = useConformForm<typeof signUpSchema>({ lastResult: result, constraint, defaultValue: { role: ROLES.find((r) => r === asked) ?? "shopper" } });
  const role = fields.role.initialValue;
  const sentLogin = fields.login.initialValue;
  // A phone number first (most farmers have no email), with the numeric keyboard; email on request.
  const withEmail = typeof sentLogin === "string" ? sentLogin.includes("@") : params.get("with") === "email";
  const otherWay = new URLSearchParams(params);
  if (withEmail) otherWay.delete("with");
  else otherWay.set("with", "email");
  return (
    <div className="mx-auto max-w-md space-y-4">
      {role === "producer" ? (
        <header className="space-y-1">
          <h1 className="text-2xl font-bold">{t("sell.title")}</h1>
          <p>{t("sell.cost", { percent: commissionPercent.toLocaleString(lang === "en" ? "en-US" : "vi-VN") })}</p>
          <p className="text-stone-700">{t("sell.verify")}</p>
        </header>
      ) : (
        <h1 className="text-2xl font-bold">{t("account.signupTitle")}</h1>
      )}
      <FormAlert message={form.errors} />
      <Form method="post" {...getFormProps(form)} className="relative space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <Field meta={fields.fullName} label={t("account.fullName")} autoComplete="name" maxLength={100} />
        <div>
          {withEmail ? (
            <Field meta={fields.login} type="email" label={t("account.email")} hint={t("account.emailHint")} autoComplete="email" inputMode="email" maxLength={254} />
          ) : (
            <Field meta={fields.login} type="tel" label={t("account.phone")} hint={t("account.phoneHint")} autoComplete="tel" inputMode="numeric" maxLength={20} />
          )}
          <Link to={`?${otherWay.toString()}`} replace className="mt-1 inline-block text-sm">
            {withEmail ? t("account.usePhone") : t("account.useEmail")}
          </Link>
        </div>
        <Field meta={fields.password} type="password" label={t("account.password")} hint={t("account.passwordHint")} autoComplete="new-password" />
        <RadioGroupField meta={fields.role} legend={t("account.role")} options={ROLES.map((r) => ({ value: r, label: t(`account.role.${r}`) }))} />
        <Honeypot />
        <button type="submit" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
          {role === "producer" ? t("sell.start") : t("account.signup")}
        </button>
      </Form>
      <p>
        {t("account.haveAccount")} <Link to="/login">{t("account.login")}</Link>
      </p>
    </div>
  );
}
