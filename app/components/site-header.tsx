import { Form, Link } from "@remix-run/react";
import type { Language } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { SearchBox } from "./search-box";

export function SiteHeader({
  lang,
  path,
  user,
  cartCount,
}: {
  lang: Language;
  path: string;
  user: { fullName: string; role: string } | null;
  cartCount: number;
}) {
  const t = useT();
  return (
    <header className="no-print border-b border-brand-800 bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link to="/" className="flex items-center gap-2 text-lg font-bold text-white no-underline">
          {/* Drawn inline (the favicon's star): one request fewer before the header is complete. */}
          <svg aria-hidden="true" focusable="false" width={28} height={28} viewBox="0 0 64 64">
            <circle cx="32" cy="32" r="30" fill="#fff" />
            <circle cx="32" cy="32" r="26" fill="#0f6437" />
            <path fill="#fbbf24" d="M32 12l5.9 12 13.1 1.9-9.5 9.3 2.2 13.1L32 42.1l-11.7 6.2 2.2-13.1-9.5-9.3 13.1-1.9z" />
          </svg>
          {t("site.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm *:whitespace-nowrap sm:order-3">
          <Link to="/products" className="text-white">
            {t("nav.products")}
          </Link>
          <Link to="/cart" className="text-white">
            {t("nav.cart")}
            {cartCount > 0 ? <span className="ml-1 rounded-full bg-white px-1.5 text-xs font-bold text-brand-800">{cartCount}</span> : null}
          </Link>
          {user?.role === "shopper" ? (
            <Link to="/orders" className="text-white">
              {t("nav.orders")}
            </Link>
          ) : null}
          {user?.role === "staff" || user?.role === "central_staff" ? (
            <Link to="/staff" className="text-white">
              {t("nav.staff")}
            </Link>
          ) : null}
          {user?.role === "producer" || user?.role === "helper" ? (
            <Link to="/seller" className="text-white">
              {t("seller.title")}
            </Link>
          ) : null}
          {user === null || user.role === "shopper" ? (
            <Link to="/signup?role=producer" className="text-white">
              {t("sell.short")}
            </Link>
          ) : null}
          {user ? (
            <Form method="post" action="/logout" reloadDocument className="flex items-center gap-2">
              <span className="hidden sm:inline">{t("account.signedInAs", { name: user.fullName })}</span>
              <button type="submit" className="text-white underline">
                {t("account.logout")}
              </button>
            </Form>
          ) : (
            <Link to={`/login?redirectTo=${encodeURIComponent(path)}`} className="text-white">
              {t("account.login")}
            </Link>
          )}
          <Form method="post" action="/lang" reloadDocument>
            <input type="hidden" name="lang" value={lang === "vi" ? "en" : "vi"} />
            <input type="hidden" name="redirectTo" value={path} />
            <button
              type="submit"
              lang={lang === "vi" ? "en" : "vi"}
              className="rounded border border-white/60 px-2 py-1 text-white hover:bg-white/10"
            >
              {t("nav.switchTo")}
            </button>
          </Form>
        </nav>
        <div className="w-full sm:order-2 sm:w-auto sm:flex-1">
          <SearchBox lang={lang} />
        </div>
      </div>
    </header>
  );
}
