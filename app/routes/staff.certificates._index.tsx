import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { OcopBadge } from "~/components/ui/ocop-badge";
import { requireStaff } from "~/domain/accounts/staff.server";
import { certificatesForStaff } from "~/domain/certification/certificates.server";
import { useFormat, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

const EXPIRING_DAYS = 90;

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const expiring = new URL(request.url).searchParams.get("expiring") === "1";
  return { certificates: certificatesForStaff(staff, expiring ? { expiringWithinDays: EXPIRING_DAYS } : {}) };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.certificates")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Certificates() {
  const { certificates } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const expiring = params.get("expiring") === "1";
  const t = useT();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("staff.certificates")}</h1>
        <Link to="/staff/certificates/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">
          {t("cert.new")}
        </Link>
      </div>
      <nav className="flex gap-4" aria-label={t("cert.list")}>
        <Link to="/staff/certificates" aria-current={expiring ? undefined : "page"} className={expiring ? "" : "font-bold"}>
          {t("cert.all")}
        </Link>
        <Link to="/staff/certificates?expiring=1" aria-current={expiring ? "page" : undefined} className={expiring ? "font-bold" : ""}>
          {t("cert.expiring")}
        </Link>
      </nav>
      {certificates.length === 0 ? <p>{t("cert.none")}</p> : null}
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {certificates.map((c) => (
          <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 p-3">
            <div className="min-w-0">
              <Link to={`/staff/certificates/${c.id}`} className="font-mono font-semibold">
                {c.number}
              </Link>{" "}
              <span className="text-sm text-stone-600">
                · {c.producerName} · {c.products}
              </span>
              <p className="text-sm">
                {t(`cert.status.${c.status}`)} · {t("cert.expiresOn")} {format.date(c.expiresOn)}
              </p>
            </div>
            <OcopBadge stars={c.stars} />
          </li>
        ))}
      </ul>
    </div>
  );
}
