import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage, useCaughtStatus } from "~/components/error-page";
import { PortalFrame, sellerSections } from "~/components/section-nav";
import { portalHeader, type PortalHeader } from "~/domain/producers/portal-actor.server";
import { useT } from "~/i18n/use-t";
import { withMoreMessages } from "~/i18n/more-messages";

// The portal's messages, for this layout and every page under it.
export const handle = withMoreMessages;

// The portal's header and navigation, once for every /seller page. This check guards the header only:
// each page's loader and action checks access itself (a layout loader runs beside its children's,
// and a `.data?_routes=` request runs a child's alone; docs/decisions/0017-portal-layout-routes.md).
export async function loader({ request }: LoaderFunctionArgs) {
  return portalHeader(request);
}

export default function SellerLayout() {
  const header = useLoaderData<typeof loader>();
  const home = useMatches().at(-1)?.id === "routes/seller._index";
  return (
    <SellerFrame header={header} home={home}>
      <Outlet />
    </SellerFrame>
  );
}

/** A page's error (404, 403…) inside the portal's frame when the portal's own header could be read. */
export function ErrorBoundary() {
  const status = useCaughtStatus();
  const header = useRouteLoaderData<typeof loader>("routes/seller");
  const page = <ErrorPage status={status} />;
  return header ? <SellerFrame header={header} home={false}>{page}</SellerFrame> : page;
}

function SellerFrame({ header, home, children }: { header: PortalHeader; home: boolean; children: ReactNode }) {
  const t = useT();
  const identity = header.asHelper && header.producer ? (
    <p className="rounded bg-sky-50 p-3 text-sky-900">
      {t("helpers.actingFor", { name: header.producer.name })} · <Link to="/seller">{t("helpers.switch")}</Link>
    </p>
  ) : header.producer && !home ? (
    // The home's own card names the producer (with its verification status).
    <p className="text-sm text-stone-700">
      <strong className="text-stone-900">{header.producer.name}</strong>
    </p>
  ) : null;
  return (
    <PortalFrame identity={identity} navLabel="portal.sellerNav" sections={sellerSections(header)} home={home}>
      {children}
    </PortalFrame>
  );
}
