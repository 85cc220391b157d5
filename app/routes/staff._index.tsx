import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff, staffProvince } from "~/domain/accounts/staff.server";
import { provinceNames } from "~/domain/catalog/places.server";
import { verificationQueue } from "~/domain/producers/verification.server";
import { paymentsToResolve } from "~/domain/payments/resolution.server";
import { getLanguage } from "~/i18n/language.server";
import { withMoreMessages } from "~/i18n/more-messages";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export const handle = withMoreMessages;

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const province = staffProvince(staff);
  return {
    province: province ? provinceNames(await getLanguage(request))[province] : null,
    waiting: { producers: verificationQueue(staff).length, payments: paymentsToResolve(staff).length },
  };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

const SECTIONS: { to: string; label: MessageKey; waiting?: "producers" | "payments" }[] = [
  { to: "/staff/producers", label: "staff.producers", waiting: "producers" },
  { to: "/staff/certificates", label: "staff.certificates" },
  { to: "/staff/collections", label: "staff.collections" },
  { to: "/staff/moderation", label: "staff.moderation" },
  { to: "/staff/payments", label: "staffPay.title", waiting: "payments" },
  { to: "/staff/payouts", label: "staff.payouts" },
  { to: "/staff/dashboard", label: "staff.dashboard" },
  { to: "/staff/audit", label: "staff.audit" },
];

export default function StaffHome() {
  const { province, waiting } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.title")}</h1>
      <p className="text-stone-700">{province ? t("staff.scopeProvince", { province }) : t("staff.scopeAll")}</p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <Link to={section.to} className="flex items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white p-4 font-medium no-underline hover:bg-brand-50">
              {t(section.label)}
              {section.waiting && waiting[section.waiting] > 0 ? (
                <span className="rounded-full bg-amber-100 px-2 text-sm text-amber-900">{t("staff.waiting", { count: waiting[section.waiting] })}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
