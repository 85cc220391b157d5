import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { devOutboxMessages } from "~/domain/messages/outbox.server";
import { withMoreMessages } from "~/i18n/more-messages";
import { useFormat, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export const handle = withMoreMessages;

/** The development outbox (PRODUCT.md §5, Additions): what would have gone out, while nothing goes out. */
export function loader() {
  const rows = devOutboxMessages();
  if (!rows) throw new Response("Not found", { status: 404 });
  return {
    messages: rows.map((m) => ({
      id: m.id,
      kind: m.kind,
      channel: m.channel,
      name: m.recipientName,
      address: m.recipientAddress,
      status: m.status,
      subject: m.subject,
      body: m.body,
      link: m.link,
      createdAt: m.createdAt,
      reason: m.providerReason,
    })),
  };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("outbox.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function DevOutbox() {
  const { messages } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("outbox.title")}</h1>
      <p className="text-sm text-stone-700">{t("outbox.intro")}</p>
      {messages.length === 0 ? <p>{t("outbox.none")}</p> : null}
      <ol className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-3" data-message-kind={m.kind}>
            <p className="text-sm text-stone-700">
              {format.dateTime(m.createdAt)} · {t(`outbox.channel.${m.channel}`)} · {t(`outbox.status.${m.status}`)}
            </p>
            <p>
              {t("outbox.to")}: <span className="font-semibold">{m.name}</span> <span className="font-mono">{m.address}</span>
            </p>
            <p className="font-semibold">{m.subject}</p>
            <p className="whitespace-pre-line break-words">{m.body.slice(0, m.body.length - m.link.length).trimEnd()}</p>
            <a href={m.link} className="break-all">
              {m.link}
            </a>
            {m.reason ? <p className="text-sm text-red-800">{m.reason}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
