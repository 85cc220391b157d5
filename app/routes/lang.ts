import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { languageCookie } from "~/i18n/language.server";
import { isLanguage } from "~/i18n/translate";
import { readForm, safeRedirectPath } from "~/request.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (!form) throw new Response("Bad request", { status: 400 });
  const lang = form.get("lang");
  const to = safeRedirectPath(form.get("redirectTo"));
  if (!isLanguage(lang)) return redirect(to, { status: 303 });
  return redirect(to, { status: 303, headers: { "Set-Cookie": await languageCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
