import { ErrorPage } from "~/components/error-page";

// Any URL no other route claims is a 404 page inside the site's layout (the root boundary renders it).
export function loader() {
  throw new Response("Not found", { status: 404 });
}

// A UI route, not a resource route, so the 404 is an HTML page; the loader always throws first.
export default function NotFound() {
  return <ErrorPage status={404} />;
}
