import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { unsubscribeByToken, unsubscribeKind } from "~/domain/messages/preferences.server";
import { withMoreMessages } from "~/i18n/more-messages";
import { useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export const handle = withMoreMessages;

const tokenOf = (request: Request) => new URL(request.url).searchParams.get("t") ?? "";

/** The e-mail's unsubscribe link, opened in a browser: a confirmation, since a GET changes nothing. */
export function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  const kind = unsubscribeKind(token);
  if (!kind) throw new Response("Not found", { status: 404 });
  return { kind, token };
}

/**
 * RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click` to the link itself; the
 * confirmation form posts here too. The token is in the URL, whatever the body says.
 */
export function action({ request }: ActionFunctionArgs) {
  const kind = unsubscribeByToken(tokenOf(request));
  if (!kind) throw new Response("Not found", { status: 404 });
  return { done: kind };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("unsubscribe.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Unsubscribe() {
  const { kind, token } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done;
  const t = useT();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("unsubscribe.title")}</h1>
      {done ? (
        <p role="status">{t("unsubscribe.done", { kind: t(`messageKind.${done}`) })}</p>
      ) : (
        <Form method="post" action={`/messages/unsubscribe?t=${encodeURIComponent(token)}`} className="space-y-3">
          <p>{t("unsubscribe.confirm", { kind: t(`messageKind.${kind}`) })}</p>
          <button type="submit" className="rounded bg-brand-700 px-3 py-2 font-semibold text-white">
            {t("unsubscribe.button")}
          </button>
        </Form>
      )}
    </div>
  );
}
