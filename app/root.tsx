import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage, useCaughtStatus } from "~/components/error-page";
import { FlashBanner } from "~/components/flash-banner";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { useNonce } from "~/csp-nonce";
import storefrontScript from "~/enhance/storefront.js?url";
import { hydrates } from "~/hydration";
import { currentUser } from "~/domain/accounts/sessions.server";
import { adminUnitsSnapshot } from "~/domain/catalog/places.server";
import { cartCount, cartOwner } from "~/domain/orders/cart.server";
import { takeFlash } from "~/flash.server";
import { getLanguage } from "~/i18n/language.server";
import { messagesToShip } from "~/i18n/messages.server";
import { useT } from "~/i18n/use-t";
import { metaTranslator } from "~/seo";
import { requestOrigin } from "~/request.server";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/site.webmanifest" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await currentUser(request);
  const lang = await getLanguage(request);
  // The confirmation of the form just sent, shown by this page and removed for the next.
  const { flash, setCookie } = await takeFlash(request, lang);
  return data(
    {
      user: user && { fullName: user.fullName, role: user.role },
      cartCount: cartCount(await cartOwner(request, user?.id ?? null)),
      lang,
      messages: messagesToShip(lang),
      origin: requestOrigin(request),
      path: url.pathname + url.search,
      adminUnitsSnapshot: adminUnitsSnapshot(),
      flash,
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

// Pages set their own meta; this one only titles the error pages rendered by the boundary below.
export const meta: MetaFunction<typeof loader> = ({ error, matches }) => {
  if (!error) return [];
  const t = metaTranslator(matches);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? t("error.notFoundTitle") : status === 405 ? t("error.methodNotAllowedTitle") : t("error.title");
  return [{ title: `${title} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = data?.lang ?? "vi";
  const t = useT();
  const nonce = useNonce();
  const hydrated = hydrates(useMatches());
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f6437" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          {t("nav.skip")}
        </a>
        <SiteHeader lang={lang} path={data?.path ?? "/"} user={data?.user ?? null} cartCount={data?.cartCount ?? 0} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-4 sm:py-6">
          <FlashBanner flash={data?.flash ?? null} />
          {children}
        </main>
        <SiteFooter lang={lang} snapshot={data?.adminUnitsSnapshot} />
        {hydrated ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          // A storefront page: whole without JS, and a few KB of plain enhancement instead of React (ADR 0022).
          <script type="module" src={storefrontScript} nonce={nonce} />
        )}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage status={useCaughtStatus()} />;
}
