import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/domain/accounts/staff.server";
import { stuckShipments } from "~/domain/shipping/monitoring.server";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

/** Parcels without news from their carrier, or in trouble, in the staff member's province (issue 18). */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return stuckShipments(staff);
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.stuck.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffShipments() {
  const { days, parcels } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.stuck.title")}</h1>
      <p className="text-stone-700">{t("staff.stuck.intro", { days })}</p>
      {parcels.length === 0 ? <p>{t("staff.stuck.none")}</p> : null}
      <ul className="space-y-2">
        {parcels.map((p) => (
          <li key={p.partId} className="rounded-lg border border-stone-200 bg-white p-3 text-sm" data-stuck-part={p.partId}>
            <p className="flex flex-wrap justify-between gap-2">
              <span className="font-mono font-semibold">{p.orderCode}</span>
              {p.trouble ? <span className="rounded bg-red-100 px-2 text-red-900">{t("staff.stuck.trouble")}</span> : null}
            </p>
            <p>{p.producerName}</p>
            <p>
              {t("shipping.waybill", { carrier: p.carrierName, waybill: p.waybill ?? "" })} · {t(`shipping.state.${p.trackingState}` as MessageKey)}
            </p>
            <p className="text-stone-600">{t("staff.stuck.lastMoved", { date: format.dateTime(p.lastMovedAt) })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
