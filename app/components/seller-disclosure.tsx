import type { SellerDisclosure } from "~/domain/producers/identity.server";
import { useT } from "~/i18n/use-t";

/** The seller's legal identity and the platform's policies, as the law asks shops to show them. */
export function SellerDisclosureBlock({ seller }: { seller: SellerDisclosure }) {
  const t = useT();
  return (
    <div className="mt-2 space-y-1 text-sm text-stone-700" data-seller-disclosure>
      {seller.legalName ? (
        <p>
          <span className="font-medium">{t("seller.legalName")}:</span> {seller.legalName}
        </p>
      ) : null}
      {seller.taxCode ? (
        <p>
          <span className="font-medium">{t(seller.personal ? "seller.personalId" : "seller.taxCode")}:</span> <span className="font-mono">{seller.taxCode}</span>
          {seller.verified ? <span className="ml-1 text-brand-700">✓ {t("seller.identityVerified")}</span> : null}
        </p>
      ) : null}
      <p>
        <span className="font-medium">{t("seller.policies")}:</span> <a href="/policies/delivery">{t("policy.delivery")}</a> ·{" "}
        <a href="/policies/returns">{t("policy.returns")}</a> · <a href="/policies/complaints">{t("policy.complaints")}</a>
      </p>
    </div>
  );
}
