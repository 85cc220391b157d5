import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { Field, SelectField } from "~/components/ui/field";
import { useConformForm } from "~/components/ui/use-conform-form";
import { FormAlert } from "~/components/ui/form-alert";
import { requireRole } from "~/domain/accounts/permissions.server";
import { bankByBin, banksByName } from "~/domain/payments/banks";
import { payoutAccountSchema } from "~/domain/producers/payout-account-form";
import { payoutAccountOf, savePayoutAccount } from "~/domain/producers/payout-account.server";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  const { hasProfile, account } = payoutAccountOf(user);
  return {
    hasProfile,
    // A BIN typed into the old profile form may not be on the list: shown as it is, chosen again.
    account: account && { ...account, bank: account.bankBin ? (bankByBin(account.bankBin) ?? null) : null },
    constraint: getZodConstraint(payoutAccountSchema),
    banks: banksByName().map((bank) => ({ value: bank.bin, label: `${bank.shortName} – ${bank.name}` })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: payoutAccountSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["currentPassword"] }) }, { status: 400 });
  const outcome = await savePayoutAccount(user, submission.value);
  if (!outcome.ok) {
    const result = outcome.field
      ? submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] }, hideFields: ["currentPassword"] })
      : submission.reply({ formErrors: [outcome.message], hideFields: ["currentPassword"] });
    return data({ result }, { status: outcome.status ?? 400 });
  }
  return redirectWithFlash("/seller", "payoutAccount.saved");
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("payoutAccount.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function PayoutAccount() {
  const { hasProfile, account, banks, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useConformForm<typeof payoutAccountSchema>({
    constraint,
    lastResult: result,
    defaultValue: { bankBin: account?.bank?.bin, bankAccountNo: account?.bankAccountNo ?? undefined, bankAccountName: account?.bankAccountName ?? undefined },
  });

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("payoutAccount.title")}</h1>
      <p className="text-stone-700">{t("payoutAccount.intro")}</p>
      {!hasProfile ? (
        <section className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
          <p>{t("payoutAccount.noProfile")}</p>
          <Link to="/seller/profile" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">
            {t("seller.createProfile")}
          </Link>
        </section>
      ) : (
        <>
          {account ? (
            <p className="rounded border border-stone-200 bg-stone-50 p-3" data-payout-account>
              <span className="text-stone-600">{t("payoutAccount.current")}: </span>
              <strong>
                {account.bank?.shortName ?? account.bankBin ?? "—"} · {account.bankAccountNo ?? "—"} · {account.bankAccountName ?? "—"}
              </strong>
            </p>
          ) : null}
          {account?.bankBin && !account.bank ? (
            <p role="status" className="rounded bg-amber-50 p-3 text-amber-900">
              {t("payoutAccount.unknownSavedBank", { bin: account.bankBin })}
            </p>
          ) : null}
          <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
            <FormAlert message={form.errors} />
            <SelectField
              meta={fields.bankBin}
              label={t("payoutAccount.bank")}
              hint={t("payoutAccount.bankHint")}
              placeholder={{ label: t("payoutAccount.chooseBank") }}
              options={banks}
            />
            <Field
              meta={fields.bankAccountNo}
              inputMode="numeric"
              autoComplete="off"
              label={t("payoutAccount.accountNo")}
              hint={t("payoutAccount.accountNoHint")}
              maxLength={30}
            />
            <Field
              meta={fields.bankAccountName}
              autoComplete="off"
              autoCapitalize="characters"
              label={t("payoutAccount.holder")}
              hint={t("payoutAccount.holderHint")}
              maxLength={200}
            />
            <Field
              meta={fields.currentPassword}
              type="password"
              autoComplete="current-password"
              label={t("payoutAccount.currentPassword")}
              hint={t("payoutAccount.currentPasswordHint")}
              maxLength={128}
            />
            <button type="submit" disabled={busy} className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60">
              {t("payoutAccount.save")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
