import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage, useCaughtStatus } from "~/components/error-page";
import { PortalFrame, STAFF_SECTIONS } from "~/components/section-nav";
import { requireStaff, staffProvince } from "~/domain/accounts/staff.server";
import { provinceNames } from "~/domain/catalog/places.server";
import { getLanguage } from "~/i18n/language.server";
import { useT } from "~/i18n/use-t";
import { withMoreMessages } from "~/i18n/more-messages";

// The portal's messages, for this layout and every page under it.
export const handle = withMoreMessages;

// The console's header and navigation, once for every /staff page. This check guards the header only:
// each page's loader and action checks access itself (a layout loader runs beside its children's,
// and a `.data?_routes=` request runs a child's alone; docs/decisions/0017-portal-layout-routes.md).
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const province = staffProvince(staff);
  return { name: staff.fullName, province: province ? (provinceNames(await getLanguage(request))[province] ?? province) : null };
}

type StaffHeader = Awaited<ReturnType<typeof loader>>;

export default function StaffLayout() {
  const header = useLoaderData<typeof loader>();
  const home = useMatches().at(-1)?.id === "routes/staff._index";
  return (
    <StaffFrame header={header} home={home}>
      <Outlet />
    </StaffFrame>
  );
}

/** A page's error (404, 403…) inside the console's frame when the console's own header could be read. */
export function ErrorBoundary() {
  const status = useCaughtStatus();
  const header = useRouteLoaderData<typeof loader>("routes/staff");
  const page = <ErrorPage status={status} />;
  return header ? <StaffFrame header={header} home={false}>{page}</StaffFrame> : page;
}

function StaffFrame({ header, home, children }: { header: StaffHeader; home: boolean; children: ReactNode }) {
  const t = useT();
  const identity = (
    <p className="text-sm text-stone-700">
      <strong className="text-stone-900">{header.name}</strong> · {header.province ? t("staff.scopeProvince", { province: header.province }) : t("staff.scopeAll")}
    </p>
  );
  return (
    <PortalFrame identity={identity} navLabel="portal.staffNav" sections={STAFF_SECTIONS} home={home}>
      {children}
    </PortalFrame>
  );
}
