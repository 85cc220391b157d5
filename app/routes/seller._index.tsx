import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { SectionCards, sellerSections } from "~/components/section-nav";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { requireRole } from "~/domain/accounts/permissions.server";
import { unansweredCount } from "~/domain/catalog/questions.server";
import { partsAwaitingConfirmation } from "~/domain/orders/inbox.server";
import { producerHistory } from "~/domain/producers/activity.server";
import { helperHomeSchema } from "~/domain/producers/helpers-form";
import { producersServedBy, redeemInvite } from "~/domain/producers/helpers.server";
import { payoutReminder } from "~/domain/producers/payout-account.server";
import { actFor } from "~/domain/producers/portal-actor.server";
import { ownProducer } from "~/domain/producers/profile.server";
import { formatVnd } from "~/domain/shared/money";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import type { loader as portalLoader } from "./seller";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["producer", "helper"]);
  const producer = ownProducer(user);
  return {
    producer: producer && { name: producer.name, slug: producer.slug, status: producer.verificationStatus, note: producer.verificationNote },
    newPaidOrders: producer ? partsAwaitingConfirmation(producer.id) : 0,
    // How a producer learns of new questions until the message outbox exists (issue 20).
    unansweredQuestions: producer ? unansweredCount(producer.id) : 0,
    payoutReminder: producer ? payoutReminder(producer) : null,
    history: producer ? producerHistory(producer.id, 20) : [],
    served: producersServedBy(user),
  };
}

/** A helper redeems an invite code, or chooses which producer to work for. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ["helper"]);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: helperHomeSchema });
  if (submission.status !== "success") {
    const codeError = submission.reply().error?.code?.[0];
    return data({ formError: codeError ? undefined : INVALID, codeError }, { status: 400 });
  }
  const form = submission.value;
  if (form.intent === "redeem") {
    const outcome = redeemInvite(user, form.code ?? "", context.clientIp ?? "unknown");
    if (!outcome.ok && outcome.tooMany) return data({ formError: outcome.message, codeError: undefined }, { status: 429 });
    if (!outcome.ok) return data({ formError: undefined, codeError: outcome.message }, { status: 400 });
    return redirect("/seller", { status: 303 });
  }
  const cookie = await actFor(user, form.producerId);
  return redirect("/seller/products", { status: 303, headers: { "Set-Cookie": cookie } });
}

const INVALID: MessageKey = "form.invalid";

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("seller.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SellerHome() {
  const { producer, history, served, newPaidOrders, unansweredQuestions, payoutReminder } = useLoaderData<typeof loader>();
  // Who is in the portal, and for which producer, is the layout's to know (routes/seller.tsx).
  const header = useRouteLoaderData<typeof portalLoader>("routes/seller");
  const role = header?.role;
  const sections = header ? sellerSections(header).slice(1) : [];
  const failed = useActionData<typeof action>();
  const codeError = failed?.codeError;
  const t = useT();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("seller.title")}</h1>
      {role === "helper" ? (
        <>
          {header?.producer ? <SectionCards label="portal.sellerNav" sections={sections} /> : null}
          <section aria-labelledby="served" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="served" className="text-lg font-semibold">
              {t("helpers.serving")}
            </h2>
            {served.length === 0 ? <p>{t("helpers.servingNone")}</p> : null}
            <ul className="space-y-2">
              {served.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <strong>{p.name}</strong> <span className="text-sm text-stone-600">· {t(`seller.status.${p.status}`)}</span>
                  </span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="actFor" />
                    <input type="hidden" name="producerId" value={p.id} />
                    <button type="submit" className="rounded bg-brand-700 px-3 py-2 font-medium text-white">
                      {t("helpers.actFor")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
          <Form method="post" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <h2 className="text-lg font-semibold">{t("helpers.redeem")}</h2>
            <FormAlert message={failed?.formError} />
            <input type="hidden" name="intent" value="redeem" />
            <Field name="code" label={t("helpers.code")} autoComplete="off" autoCapitalize="characters" maxLength={20} errors={codeError ? [codeError] : undefined} />
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
              {t("helpers.redeemSubmit")}
            </button>
          </Form>
        </>
      ) : producer ? (
        <>
          {payoutReminder ? <PayoutReminder owedVnd={payoutReminder.owedVnd} /> : null}
          <section aria-labelledby="profile" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="profile" className="text-lg font-semibold">
              {producer.name}
            </h2>
            <p>
              <span className="text-stone-600">{t("seller.status")}: </span>
              <strong>{t(`seller.status.${producer.status}`)}</strong>
            </p>
            {producer.note ? (
              <p className="rounded bg-amber-50 p-3 text-amber-900">
                {t("seller.staffNote")}: <span className="whitespace-pre-line">{producer.note}</span>
              </p>
            ) : null}
            {producer.status !== "approved" ? <p className="text-sm text-stone-700">{t("seller.pendingNote")}</p> : null}
          </section>
          <SectionCards label="portal.sellerNav" sections={sections} badges={{
              "/seller/orders": newPaidOrders > 0 ? t("inbox.newPaid", { count: newPaidOrders }) : null,
              "/seller/questions": unansweredQuestions > 0 ? t("sellerQuestions.badge", { count: unansweredQuestions }) : null,
            }} />
        </>
      ) : (
        <section className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
          <p>{t("seller.noProfile")}</p>
          <Link to="/seller/profile" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">
            {t("seller.createProfile")}
          </Link>
        </section>
      )}
      {history.length > 0 ? (
        <section aria-labelledby="history">
          <h2 id="history" className="text-lg font-semibold">
            {t("activity.title")}
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {history.map((h) => (
              <li key={h.id}>
                <time dateTime={new Date(h.createdAt).toISOString()} className="text-stone-600">
                  {format.dateTime(h.createdAt)}
                </time>{" "}
                · {h.actorName}: {t(`activity.${h.action}`)} {h.subject ? `“${h.subject}”` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/**
 * The reminder to add a payout account: a quiet card while nothing is owed, an urgent one (with the
 * amount waiting) once delivered orders have left money payable to the producer.
 */
function PayoutReminder({ owedVnd }: { owedVnd: number }) {
  const t = useT();
  const owed = owedVnd > 0;
  return (
    <section
      aria-labelledby="payout-reminder"
      data-payout-reminder={owed ? "owed" : "soon"}
      className={owed ? "space-y-2 rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-amber-950" : "space-y-2 rounded-lg border border-stone-200 bg-white p-4"}
    >
      <h2 id="payout-reminder" className="text-lg font-semibold">
        {t("payoutAccount.reminder.title")}
      </h2>
      {owed ? (
        <p className="font-medium">{t("payoutAccount.reminder.owed", { amount: formatVnd(owedVnd) })}</p>
      ) : (
        <p className="text-stone-700">{t("payoutAccount.reminder.text")}</p>
      )}
      <Link to="/seller/payout-account" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">
        {t("payoutAccount.reminder.action")}
      </Link>
    </section>
  );
}
