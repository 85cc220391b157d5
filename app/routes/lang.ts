import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { languageCookie } from "~/i18n/language.server";
import { isLanguage } from "~/i18n/translate";
import { safeRedirectPath } from "~/request.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  const to = safeRedirectPath(form.get("redirectTo"));
  if (!isLanguage(lang)) return redirect(to, { status: 303 });
  return redirect(to, { status: 303, headers: { "Set-Cookie": await languageCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
