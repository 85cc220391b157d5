import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/domain/accounts/sessions.server";
import { forgetActingFor } from "~/domain/producers/portal-actor.server";

// Signing out changes state, so only a POST does it; a GET (a link, a prefetch) just goes home.
export async function action({ request }: ActionFunctionArgs) {
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(request));
  headers.append("Set-Cookie", await forgetActingFor());
  return redirect("/", { status: 303, headers });
}

export function loader() {
  return redirect("/");
}
