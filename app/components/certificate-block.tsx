import type { CertificateDetails } from "~/domain/catalog/storefront.server";
import { useFormat, useT } from "~/i18n/use-t";
import { OcopBadge } from "./ui/ocop-badge";

/** The verifiable facts behind a badge: number, issuer, dates. The anchor target of every badge link. */
export function CertificateBlock({ certificate }: { certificate: CertificateDetails | null }) {
  const t = useT();
  const format = useFormat();
  return (
    <section id="chung-nhan" aria-labelledby="certificate" className="rounded-lg border border-amber-200 bg-amber-50/50 p-4">
      <h2 id="certificate" className="text-lg font-semibold">
        {t("product.certificate")}
      </h2>
      {certificate ? (
        <>
          <div className="my-2">
            <OcopBadge stars={certificate.stars} size="lg" />
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-600">{t("product.certNumber")}</dt>
            <dd className="font-mono">{certificate.number}</dd>
            <dt className="text-stone-600">{t("product.certIssuer")}</dt>
            <dd>
              {certificate.issuerName} ({t(`product.certLevel.${certificate.issuerLevel}`)})
            </dd>
            <dt className="text-stone-600">{t("product.certDecisionDate")}</dt>
            <dd>
              <time dateTime={certificate.decisionDate}>{format.date(certificate.decisionDate)}</time>
            </dd>
            <dt className="text-stone-600">{t("product.certExpiresOn")}</dt>
            <dd>
              <time dateTime={certificate.expiresOn}>{format.date(certificate.expiresOn)}</time>
            </dd>
            <dt className="text-stone-600">{t("product.certStatus")}</dt>
            <dd className="font-medium text-brand-700">{t("product.certValid")}</dd>
          </dl>
          {certificate.isDemo ? <p className="mt-2 text-xs text-stone-600">{t("product.certDemo")}</p> : null}
        </>
      ) : (
        <p className="text-sm text-stone-700">{t("product.noCertificate")}</p>
      )}
    </section>
  );
}
