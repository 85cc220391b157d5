import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CopyButton } from "~/components/copy-button";
import { Field } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { StallSaleForm } from "~/components/stall-sale-form";
import { stallSettingsSchema } from "~/domain/market/stall-form";
import { saveStallSettings, stallPage } from "~/domain/market/stalls.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { useT } from "~/i18n/use-t";
import { readForm, requestOrigin } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const page = stallPage(actor);
  const origin = requestOrigin(request);
  return {
    ...page,
    producerId: actor.producer.id,
    asHelper: actor.asHelper,
    webhookBase: page.stall ? `${origin}/webhooks/stall/${page.stall.webhookToken}` : null,
  };
}

/** The stall's own settings: open it, name the market, connect SePay or Casso. Sales post to /seller/stall/sales. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: stallSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  saveStallSettings(actor, submission.value);
  return redirect("/seller/stall", { status: 303 });
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("stall.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

const BIG_BUTTON = "w-full rounded-lg px-4 py-4 text-lg font-bold";

export default function Stall() {
  const { stall, account, paysPlatform, today, goods, producerId, asHelper, webhookBase } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const t = useT();
  const forProducer = portalFormAction(producerId);

  if (!stall) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">{t("stall.title")}</h1>
        <p>{t("stall.intro")}</p>
        <Form method="post" action={forProducer}>
          <input type="hidden" name="intent" value="open" />
          <button type="submit" className={`${BIG_BUTTON} bg-brand-700 text-white`}>
            {t("stall.open")}
          </button>
        </Form>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("stall.title")}</h1>
        <span className="text-sm text-stone-700">
          {t("stall.code")}: <span className="font-mono">{stall.code}</span>
        </span>
      </div>
      <FormAlert message={result?.error?.[""]} />
      {paysPlatform ? (
        <p role="status" className="rounded bg-sky-50 p-3 text-sky-900">
          {t("stall.platformNote")}
        </p>
      ) : null}
      {!account ? (
        <p role="status" className="rounded bg-amber-50 p-3 text-amber-900">
          {asHelper ? t("stall.noAccountHelper") : t("stall.noAccount")}{" "}
          {asHelper ? null : <Link to="/seller/payout-account">{t("payoutAccount.title")}</Link>}
        </p>
      ) : null}

      <StallSaleForm forProducer={forProducer} hasAccount={Boolean(account)} goods={goods} />

      <section aria-labelledby="today" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="today" className="text-lg font-semibold">
          {t("stall.today")}
        </h2>
        <dl className="grid grid-cols-3 gap-2 text-center">
          <div>
            <dt className="text-sm text-stone-700">{t("stall.byQr")}</dt>
            <dd className="font-bold" data-total="qr">
              <Price vnd={today.qrVnd} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-700">{t("stall.byCash")}</dt>
            <dd className="font-bold" data-total="cash">
              <Price vnd={today.cashVnd} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-700">{t("stall.total")}</dt>
            <dd className="font-bold" data-total="all">
              <Price vnd={today.totalVnd} />
            </dd>
          </div>
        </dl>
        <p className="flex flex-wrap gap-4">
          <Link to="/seller/stall/sales">{t("stall.book")}</Link>
          <Link to="/seller/stall/sign" reloadDocument>
            {t("stall.printSign")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="market" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="market" className="text-lg font-semibold">
          {t("stall.market")}
        </h2>
        <Form method="post" action={forProducer} className="space-y-2">
          <input type="hidden" name="intent" value="market" />
          <Field name="marketName" label={t("stall.marketName")} hint={t("stall.marketHint")} defaultValue={stall.marketName ?? ""} maxLength={120} errors={result?.error?.marketName} />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("stall.save")}
          </button>
        </Form>
      </section>

      {webhookBase && !paysPlatform ? <Connect stall={stall} webhookBase={webhookBase} forProducer={forProducer} cassoError={result?.error?.cassoChecksumKey ?? undefined} /> : null}
    </div>
  );
}

function Connect({ stall, webhookBase, forProducer, cassoError }: { stall: { sepayApiKey: string; cassoConnected: boolean }; webhookBase: string; forProducer: string; cassoError?: string[] }) {
  const t = useT();
  const sepayUrl = `${webhookBase}/sepay`;
  const cassoUrl = `${webhookBase}/casso`;
  return (
    <section aria-labelledby="connect" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="connect" className="text-lg font-semibold">
        {t("stall.connect")}
      </h2>
      <p className="text-sm text-stone-700">{t("stall.connectIntro")}</p>
      <details>
        <summary className="cursor-pointer font-medium">SePay</summary>
        <ol className="mt-2 list-decimal space-y-2 pl-5 text-sm">
          <li>{t("stall.sepay.step1")}</li>
          <li>{t("stall.sepay.step2")}</li>
          <li>
            {t("stall.sepay.step3")}
            <code className="mt-1 block break-all rounded bg-stone-100 p-2" data-webhook="sepay">
              {sepayUrl}
            </code>
            <CopyButton text={sepayUrl} what={t("stall.webhookUrl")} />
          </li>
          <li>
            {t("stall.sepay.step4")}
            <code className="mt-1 block break-all rounded bg-stone-100 p-2" data-secret="sepay">
              {stall.sepayApiKey}
            </code>
            <CopyButton text={stall.sepayApiKey} what={t("stall.apiKey")} />
          </li>
          <li>{t("stall.sepay.step5")}</li>
        </ol>
        <Form method="post" action={forProducer} className="mt-2">
          <input type="hidden" name="intent" value="newSepayKey" />
          <button type="submit" className="rounded border border-stone-400 px-3 py-2 text-sm">
            {t("stall.sepay.newKey")}
          </button>
        </Form>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">
          Casso {stall.cassoConnected ? <span className="text-sm text-green-800">· {t("stall.connected")}</span> : null}
        </summary>
        <ol className="mt-2 list-decimal space-y-2 pl-5 text-sm">
          <li>{t("stall.casso.step1")}</li>
          <li>
            {t("stall.casso.step2")}
            <code className="mt-1 block break-all rounded bg-stone-100 p-2" data-webhook="casso">
              {cassoUrl}
            </code>
            <CopyButton text={cassoUrl} what={t("stall.webhookUrl")} />
          </li>
          <li>{t("stall.casso.step3")}</li>
        </ol>
        <Form method="post" action={forProducer} className="mt-2 space-y-2">
          <input type="hidden" name="intent" value="casso" />
          <Field name="cassoChecksumKey" label={t("stall.casso.key")} autoComplete="off" maxLength={200} errors={cassoError} />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("stall.save")}
          </button>
        </Form>
      </details>
    </section>
  );
}

