import type { MetaFunction } from "@remix-run/node";
import { ErrorPage } from "~/components/error-page";

// Any URL no other route claims is a 404 page inside the site's layout.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export const meta: MetaFunction = () => [{ title: "404 | Chợ OCOP" }, { name: "robots", content: "noindex" }];

export default function NotFound() {
  return <ErrorPage status={404} />;
}
