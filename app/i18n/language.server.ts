import { createCookie } from "@remix-run/node";
import { isLanguage, type Language } from "./translate";

/** The chosen language; not a secret and not tied to an account, so a plain cookie. */
export const languageCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function getLanguage(request: Request): Promise<Language> {
  const value: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(value) ? value : "vi";
}
