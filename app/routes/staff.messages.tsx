import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/ui/form-alert";
import { requireStaff } from "~/domain/accounts/staff.server";
import { resendSchema } from "~/domain/messages/staff-form";
import { messagesForStaff, resendMessage } from "~/domain/messages/staff-messages.server";
import { redirectWithFlash } from "~/flash.server";
import { withMoreMessages } from "~/i18n/more-messages";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export const handle = withMoreMessages;

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const failedOnly = new URL(request.url).searchParams.get("status") === "failed";
  return { messages: messagesForStaff(staff, { failedOnly }), failedOnly };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: resendSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ formErrors: ["staffMsg.error.notFound"] }) }, { status: 400 });
  const outcome = resendMessage(staff, submission.value.id);
  if (outcome !== "ok") {
    return data({ result: submission.reply({ formErrors: [outcome === "forbidden" ? "staffMsg.error.forbidden" : "staffMsg.error.notFound"] }) }, { status: outcome === "forbidden" ? 403 : 404 });
  }
  return redirectWithFlash("/staff/messages?status=failed", "flash.message.resent");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staffMsg.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffMessages() {
  const { messages, failedOnly } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const format = useFormat();
  const formError = actionData?.result.error?.[""]?.[0];
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staffMsg.title")}</h1>
      <p className="text-sm text-stone-700">{t("staffMsg.intro")}</p>
      <FormAlert message={formError} />
      <p className="flex gap-3">
        <Link to="/staff/messages" aria-current={failedOnly ? undefined : "page"} className={failedOnly ? "" : "font-semibold"}>
          {t("staffMsg.all")}
        </Link>
        <Link to="/staff/messages?status=failed" aria-current={failedOnly ? "page" : undefined} className={failedOnly ? "font-semibold" : ""}>
          {t("staffMsg.failedOnly")}
        </Link>
      </p>
      {messages.length === 0 ? <p>{t("staffMsg.none")}</p> : null}
      <ul className="space-y-2">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-3">
            <p className="flex flex-wrap justify-between gap-2 text-sm text-stone-700">
              <span>
                {format.dateTime(m.createdAt)} · {t(`outbox.channel.${m.channel}`)}
              </span>
              <span className={m.status === "failed" ? "rounded bg-red-100 px-2 text-red-900" : "rounded bg-stone-100 px-2"}>{t(`outbox.status.${m.status}`)}</span>
            </p>
            <p>
              <span className="font-semibold">{m.recipientName}</span> <span className="font-mono">{m.recipientAddress}</span>
            </p>
            <p>{m.subject}</p>
            {m.status === "failed" ? (
              <>
                <p className="text-sm text-red-800">
                  {t("staffMsg.reason")}: {m.providerReason ?? "—"} · {t("staffMsg.attempts", { count: m.attempts })}
                </p>
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value="resend" />
                  <input type="hidden" name="id" value={m.id} />
                  <button type="submit" className="rounded bg-brand-700 px-3 py-2 font-semibold text-white">
                    {t("staffMsg.resend")}
                  </button>
                </Form>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
