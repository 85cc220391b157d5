import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/print-button";
import { provinceNames } from "~/domain/catalog/places.server";
import { stallSign } from "~/domain/market/stalls.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { getLanguage } from "~/i18n/language.server";
import { withMoreMessages } from "~/i18n/more-messages";
import { useT } from "~/i18n/use-t";
import { requestOrigin } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

// A sibling of the portal, not its child: printed, only the sign is left (no portal header or navigation).
export const handle = withMoreMessages;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const sign = stallSign(actor);
  if (!sign) throw redirect("/seller/stall");
  const size = new URL(request.url).searchParams.get("size") === "a6" ? "a6" : "a5";
  const province = provinceNames(await getLanguage(request))[sign.producer.provinceCode] ?? sign.producer.provinceCode;
  return { sign, size, province, producerUrl: `${requestOrigin(request)}/producers/${sign.producer.slug}` } as const;
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("stall.sign")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

/**
 * The stall sign (A5 or A6), in black on white for a mono printer: the stall's VietQR to the producer's
 * own account (the buyer types the amount), the producer's name, province and OCOP stars, and a QR
 * to its page on Chợ OCOP.
 */
export default function StallSign() {
  const { sign, size, province, producerUrl } = useLoaderData<typeof loader>();
  const t = useT();
  const a6 = size === "a6";
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center gap-3">
        <Link to="/seller/stall">{t("stall.back")}</Link>
        <Link to="?size=a5" aria-current={a6 ? undefined : "page"}>
          A5
        </Link>
        <Link to="?size=a6" aria-current={a6 ? "page" : undefined}>
          A6
        </Link>
        <PrintButton label={t("stall.print")} />
      </div>
      {sign.payload === null ? (
        <p role="status" className="no-print rounded bg-amber-50 p-3 text-amber-900">
          {t("stall.noAccount")}
        </p>
      ) : null}
      <article
        data-sign={size}
        className={`mx-auto flex max-w-full flex-col items-center gap-2 border-4 border-black bg-white p-4 text-center text-black ${a6 ? "w-[105mm]" : "w-[148mm]"} print:mx-0 print:break-inside-avoid`}
      >
        <p className={`font-extrabold uppercase ${a6 ? "text-lg" : "text-2xl"}`}>{t("stall.signTitle")}</p>
        <p className={`font-bold leading-tight ${a6 ? "text-xl" : "text-3xl"}`}>{sign.producer.name}</p>
        <p className={a6 ? "text-sm" : "text-lg"}>
          {sign.marketName ? `${sign.marketName} · ` : ""}
          {province}
        </p>
        {sign.stars ? (
          <p className={`font-bold ${a6 ? "text-base" : "text-xl"}`}>
            OCOP <span aria-hidden="true">{"★".repeat(sign.stars)}</span>
            <span className="sr-only">{t("product.ocopStars", { stars: sign.stars })}</span>
          </p>
        ) : null}
        {sign.payload ? (
          <img src="/seller/stall/sign/qr.svg?kind=pay" alt={t("stall.signQrAlt")} data-qr="pay" className={`aspect-square h-auto w-full ${a6 ? "max-w-[70mm]" : "max-w-[100mm]"}`} />
        ) : null}
        {sign.account ? (
          <p className={a6 ? "text-xs" : "text-sm"}>
            {sign.account.bank} · <span className="font-mono font-bold">{sign.account.accountNo}</span> · {sign.account.holder}
          </p>
        ) : null}
        <p className={a6 ? "text-xs" : "text-sm"}>
          {t("stall.signHint")} <span className="font-mono">{sign.code}</span>
        </p>
        <div className="flex items-center gap-2 border-t-2 border-black pt-2 text-left">
          <img src="/seller/stall/sign/qr.svg?kind=producer" alt={t("stall.producerQrAlt")} className="h-[22mm] w-[22mm] shrink-0" />
          <p className="text-xs">
            {t("stall.signProducer")}
            <span className="block break-all">{producerUrl}</span>
          </p>
        </div>
      </article>
    </div>
  );
}
