import { Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";

/** One section of a portal: where it is and what the navigation calls it. */
export interface Section {
  to: string;
  label: MessageKey;
}

/** The staff console's sections, its home first (the layout and the home's cards both list these). */
export const STAFF_SECTIONS: readonly Section[] = [
  { to: "/staff", label: "staff.title" },
  { to: "/staff/producers", label: "staff.producers" },
  { to: "/staff/certificates", label: "staff.certificates" },
  { to: "/staff/collections", label: "staff.collections" },
  { to: "/staff/campaigns", label: "staff.campaigns" },
  { to: "/staff/moderation", label: "staff.moderation" },
  { to: "/staff/questions", label: "questions.title" },
  { to: "/staff/payments", label: "staffPay.title" },
  { to: "/staff/payouts", label: "staff.payouts" },
  { to: "/staff/shipments", label: "staff.stuck.title" },
  { to: "/staff/messages", label: "staffMsg.title" },
  { to: "/staff/complaints", label: "nav.complaints" },
  { to: "/staff/tax", label: "nav.declaration" },
  { to: "/staff/dashboard", label: "staff.dashboard" },
  { to: "/staff/audit", label: "staff.audit" },
];

/**
 * The producer portal's sections for whoever is in it: a producer's own profile, payout account and
 * helpers pages are not a helper's, and without a producer to work for (no profile yet, or a helper who has not
 * chosen) only the home (and, for a producer, the profile to create) lead anywhere.
 */
export function sellerSections(header: { role: "producer" | "helper"; producer: unknown }): Section[] {
  const home: Section = { to: "/seller", label: "seller.title" };
  const profile: Section = { to: "/seller/profile", label: "profile.title" };
  if (!header.producer) return header.role === "producer" ? [home, profile] : [home];
  return [
    home,
    // Chợ 4.0: one tap from the portal's home, for a phone held in one hand at a busy stall.
    { to: "/seller/stall", label: "stall.title" },
    { to: "/seller/orders", label: "inbox.title" },
    { to: "/seller/complaints", label: "nav.complaints" },
    { to: "/seller/products", label: "listing.products" },
    { to: "/seller/questions", label: "questions.title" },
    { to: "/seller/import", label: "portal.import" },
    { to: "/seller/media", label: "evidence.title" },
    { to: "/seller/vouchers", label: "seller.vouchers" },
    { to: "/seller/identity", label: "identity.title" },
    // Who may work for the producer, like its account and profile, is the producer's own to decide.
    ...(header.role === "producer"
      ? [profile, { to: "/seller/payout-account", label: "payoutAccount.title" } as const, { to: "/seller/helpers", label: "helpers.title" } as const]
      : []),
  ];
}

/**
 * What a portal page shows above its own content: who is working (and for whom), then the section
 * navigation. On a portal's home the sections are the page itself (big cards, `SectionCards`), so
 * the compact row is left out there.
 */
export function PortalFrame({
  identity,
  navLabel,
  sections,
  home,
  children,
}: {
  identity: ReactNode;
  navLabel: MessageKey;
  sections: readonly Section[];
  home: boolean;
  children: ReactNode;
}) {
  return (
    <div className="space-y-4">
      {identity}
      {home ? null : <SectionNav label={navLabel} sections={sections} />}
      {children}
    </div>
  );
}

/**
 * The compact row of sections: one line of pills that scrolls sideways on a phone (the current
 * section scrolled into view) and wraps on a wider screen. NavLink marks the current one aria-current="page",
 * a section's pages below it included (/staff/certificates/12 is under "Chứng nhận OCOP").
 */
export function SectionNav({ label, sections }: { label: MessageKey; sections: readonly Section[] }) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const current = list.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list.current && current) list.current.scrollLeft = Math.max(0, current.offsetLeft - 16);
  }, [pathname]);
  return (
    <nav aria-label={t(label)} className="no-print -mx-4 sm:mx-0">
      <ul ref={list} className="relative flex gap-2 overflow-x-auto px-4 py-1 sm:flex-wrap sm:px-0">
        {sections.map((section, i) => (
          <li key={section.to} className="shrink-0">
            <NavLink
              to={section.to}
              // The home is current on itself only, every other section on its pages too.
              end={i === 0}
              prefetch="intent"
              className={({ isActive }) =>
                `flex min-h-11 items-center whitespace-nowrap rounded-full border px-4 text-sm no-underline ${
                  isActive ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-stone-300 bg-white text-stone-800 hover:border-brand-700 hover:bg-brand-50"
                }`
              }
            >
              {t(section.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The sections as the home page's big cards (easy to hit on a cheap phone), each with what waits
 * there: `badges` maps a section's path to a short count ("2 đang chờ"). A real space separates
 * label and badge, so the link's accessible name reads "Xác minh nhà sản xuất 2 đang chờ".
 */
export function SectionCards({ label, sections, badges = {} }: { label: MessageKey; sections: readonly Section[]; badges?: Record<string, string | null> }) {
  const t = useT();
  return (
    <nav aria-label={t(label)}>
      <ul className="grid gap-2 sm:grid-cols-2">
        {sections.map((section) => {
          const badge = badges[section.to];
          return (
            <li key={section.to}>
              <Link to={section.to} className="flex min-h-14 items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white p-4 font-medium no-underline hover:bg-brand-50">
                {t(section.label)}
                {badge ? " " : null}
                {badge ? <span className="rounded-full bg-amber-100 px-2 text-sm text-amber-900">{badge}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
