import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/domain/accounts/sessions.server";
import { setMessageLocale } from "~/domain/messages/preferences.server";
import { languageSchema } from "~/i18n/language-form";
import { languageCookie } from "~/i18n/language.server";
import { readForm, safeRedirectPath } from "~/request.server";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: languageSchema });
  // The schema catches every bad value, so a submission always parses; the check keeps the types honest.
  const { lang, redirectTo } = submission.status === "success" ? submission.value : { lang: undefined, redirectTo: undefined };
  const to = safeRedirectPath(redirectTo ?? null);
  if (!lang) return redirect(to, { status: 303 });
  const user = await currentUser(request);
  if (user) setMessageLocale(user.id, lang);
  return redirect(to, { status: 303, headers: { "Set-Cookie": await languageCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
