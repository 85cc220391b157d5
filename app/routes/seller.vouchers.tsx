import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, RadioGroupField } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { useConformForm } from "~/components/ui/use-conform-form";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { disableVoucherSchema, voucherIntentSchema, voucherSchema } from "~/domain/promotions/promotion-forms";
import { createVoucher, disableVoucher, vouchersOf } from "~/domain/promotions/vouchers.server";
import { addDays, todayInVietnam } from "~/domain/shared/dates";
import { formatVnd } from "~/domain/shared/money";
import { redirectWithFlash } from "~/flash.server";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const today = todayInVietnam();
  return {
    producerId: actor.producer.id,
    vouchers: vouchersOf(actor.producer.id),
    today,
    defaultEnd: addDays(today, 30),
    constraint: getZodConstraint(voucherSchema),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const step = parseWithZod(formData, { schema: voucherIntentSchema });
  if (step.status === "success" && step.value.intent === "disable") {
    const submission = parseWithZod(formData, { schema: disableVoucherSchema });
    // A button with a hidden field: a failure is a forged request, not a typing slip.
    if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
    if (!disableVoucher(actor, submission.value.voucherId)) throw new Response("Not found", { status: 404 });
    return redirectWithFlash("/seller/vouchers", "voucher.disabledNotice");
  }
  const submission = parseWithZod(formData, { schema: voucherSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = createVoucher(actor, submission.value);
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: { code: ["voucher.error.codeTaken"] } }) }, { status: 400 });
  return redirectWithFlash("/seller/vouchers", "voucher.created");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("seller.vouchers")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Vouchers() {
  const { producerId, vouchers, today, defaultEnd, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const format = useFormat();
  const [form, fields] = useConformForm<typeof voucherSchema>({
    lastResult: result,
    constraint,
    defaultValue: { kind: "fixed", amountVnd: "20000", minOrderVnd: "0", totalUses: "100", perBuyer: "1", startsOn: today, endsOn: defaultEnd },
  });
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("seller.vouchers")}</h1>
      <p className="text-stone-700">{t("voucher.intro")}</p>
      <section aria-labelledby="codes" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="codes" className="sr-only">
          {t("seller.vouchers")}
        </h2>
        {vouchers.length === 0 ? <p>{t("voucher.none")}</p> : null}
        <ul className="divide-y divide-stone-100">
          {vouchers.map((v) => (
            <li key={v.id} id={`voucher-${v.id}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <strong className="font-mono tracking-wider">{v.code}</strong>{" "}
                {v.kind === "percent"
                  ? `${t("campaign.terms.percent", { percent: v.percent ?? 0 })}${v.capVnd ? `, ${t("campaign.terms.cap", { amount: formatVnd(v.capVnd) })}` : ""}`
                  : t("campaign.terms.fixed", { amount: formatVnd(v.amountVnd ?? 0) })}
                <span className="block text-sm text-stone-600">
                  {format.date(v.startsOn)} – {format.date(v.endsOn)} · {t("voucher.uses", { used: v.used, total: v.totalUses })}
                  {v.minOrderVnd > 0 ? ` · ${t("voucher.minOrder")}: ${formatVnd(v.minOrderVnd)}` : ""}
                </span>
              </span>
              {v.disabledAt ? (
                <span className="rounded bg-stone-100 px-2 text-sm">{t("voucher.disabled")}</span>
              ) : (
                <Form method="post" action={`?for=${producerId}`}>
                  <input type="hidden" name="intent" value="disable" />
                  <input type="hidden" name="voucherId" value={v.id} />
                  <button type="submit" className="rounded border border-red-700 px-3 py-1 text-red-800">
                    {t("voucher.disable")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>
      <h2 className="text-lg font-semibold">{t("voucher.new")}</h2>
      <Form method="post" action={`?for=${producerId}`} {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <input type="hidden" name="intent" value="create" />
        <FormAlert message={form.errors} />
        <Field meta={fields.code} label={t("voucher.code")} hint={t("voucher.codeHint")} maxLength={16} autoCapitalize="characters" />
        <RadioGroupField meta={fields.kind} legend={t("voucher.kind")} options={(["fixed", "percent"] as const).map((kind) => ({ value: kind, label: t(`campaign.kind.${kind}`) }))} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field meta={fields.amountVnd} label={t("voucher.amount")} inputMode="numeric" maxLength={14} />
          <Field meta={fields.percent} label={t("voucher.percent")} inputMode="numeric" maxLength={2} />
          <Field meta={fields.capVnd} label={t("voucher.cap")} inputMode="numeric" maxLength={14} />
          <Field meta={fields.minOrderVnd} label={t("voucher.minOrder")} inputMode="numeric" maxLength={14} />
          <Field meta={fields.totalUses} label={t("voucher.totalUses")} inputMode="numeric" maxLength={6} />
          <Field meta={fields.perBuyer} label={t("voucher.perBuyer")} inputMode="numeric" maxLength={3} />
          <Field meta={fields.startsOn} type="date" label={t("voucher.startsOn")} />
          <Field meta={fields.endsOn} type="date" label={t("voucher.endsOn")} />
        </div>
        <button type="submit" className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white sm:w-auto">
          {t("voucher.create")}
        </button>
      </Form>
    </div>
  );
}
