import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/**
 * The status of the error an error boundary caught: a thrown Response's (403, 404…), or 500 for an
 * unexpected error, which is logged here and never shown (no stack trace reaches the page).
 */
export function useCaughtStatus(): number {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) return error.status;
  console.error(error);
  return 500;
}

/** The error page, in the visitor's language, for the root's and the portal layouts' error boundaries. */
export function ErrorPage({ status }: { status: number }) {
  const t = useT();
  const [title, text] =
    status === 404
      ? [t("error.notFoundTitle"), t("error.notFoundText")]
      : status === 403
        ? [t("error.forbiddenTitle"), t("error.forbiddenText")]
        : status === 400
          ? [t("error.badRequestTitle"), t("error.badRequestText")]
          : status === 413
            ? [t("error.tooLargeTitle"), t("error.tooLargeText")]
            : status === 405
              ? [t("error.methodNotAllowedTitle"), t("error.methodNotAllowedText")]
              : [t("error.title"), t("error.text")];
  return (
    <section className="mx-auto max-w-lg py-12 text-center">
      <p className="text-5xl font-bold text-brand-700">{status}</p>
      <h1 className="mt-4 text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-stone-700">{text}</p>
      <Link to="/" className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 text-white no-underline">
        {t("error.backHome")}
      </Link>
    </section>
  );
}
