import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { requireStaff } from "~/domain/accounts/staff.server";
import { bankName } from "~/domain/payments/banks";
import { payableProducers, payoutSchema, recordPayout } from "~/domain/payments/payouts.server";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { redirectWithFlash } from "~/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return { producers: payableProducers(staff) };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: payoutSchema });
  // Which producer's row answered, so its fields alone show the errors (a bad id matches no row).
  const producerId = Number(submission.payload.producerId);
  if (submission.status !== "success") return data({ producerId, result: submission.reply() }, { status: 400 });
  const outcome = recordPayout(staff, submission.value);
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  if (outcome === "no_account") return data({ producerId, result: submission.reply({ formErrors: ["payout.error.noAccount"] }) }, { status: 409 });
  if (outcome === "over_balance") {
    return data({ producerId, result: submission.reply({ fieldErrors: { amount: ["payout.error.overBalance"] } }) }, { status: 400 });
  }
  if (outcome === "duplicate") {
    return data({ producerId, result: submission.reply({ fieldErrors: { reference: ["payout.error.duplicate"] } }) }, { status: 409 });
  }
  return redirectWithFlash("/staff/payouts", "flash.payout.recorded");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.payouts")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Payouts() {
  const { producers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.payouts")}</h1>
      {producers.length === 0 ? <p>{t("payout.none")}</p> : null}
      <ul className="space-y-2">
        {producers.map((p) => {
          const errors = (actionData?.producerId === p.id ? actionData.result.error ?? {} : {}) as Record<string, string[] | null | undefined>;
          return (
            <li key={p.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <p className="flex flex-wrap justify-between gap-2">
                <strong>{p.name}</strong>
                <span>
                  {t("inbox.payable")}: <Price vnd={p.payableVnd} className="font-semibold" />
                </span>
              </p>
              {p.hasAccount ? (
                <>
                  <p className="text-sm text-stone-600">{`${bankName(p.bankBin ?? "")} · ${p.bankAccountNo ?? ""} · ${p.bankAccountName ?? ""}`}</p>
                  <Form method="post" className="mt-2 grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start" noValidate>
                    <input type="hidden" name="producerId" value={p.id} />
                    <Field id={`amount-${p.id}`} name="amount" label={t("payout.amount")} inputMode="numeric" defaultValue={p.payableVnd} errors={errors.amount} />
                    <Field id={`reference-${p.id}`} name="reference" label={t("payout.reference")} maxLength={100} errors={errors.reference} />
                    <button type="submit" className="rounded bg-brand-700 px-3 py-2 font-semibold text-white sm:mt-6">
                      {t("payout.record")}
                    </button>
                  </Form>
                </>
              ) : (
                // No form: a payout needs an account it was transferred to (the domain refuses it too).
                <div data-no-payout-account>
                  <p className="font-medium text-amber-900">{t("payout.noBank")}</p>
                  <p className="text-sm text-stone-600">{t("payout.noBankHint")}</p>
                  <FormAlert message={errors[""]?.[0]} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
