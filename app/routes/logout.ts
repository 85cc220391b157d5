import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/domain/accounts/sessions.server";

// Signing out changes state, so only a POST does it; a GET (a link, a prefetch) just goes home.
export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { status: 303, headers: { "Set-Cookie": await endSession(request) } });
}

export function loader() {
  return redirect("/");
}
