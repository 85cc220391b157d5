import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProfileChangesList } from "~/components/profile-changes-list";
import { requireStaff } from "~/domain/accounts/staff.server";
import { provinceNames } from "~/domain/catalog/places.server";
import type { EntityType } from "~/domain/producers/entity-types";
import { helpersByProducersOnline, verificationQueue } from "~/domain/producers/verification.server";
import { getLanguage } from "~/i18n/language.server";
import { useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return {
    queue: verificationQueue(staff),
    helpers: helpersByProducersOnline(staff),
    provinceNames: provinceNames(await getLanguage(request)),
  };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.producers")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function VerificationQueue() {
  const { queue, helpers, provinceNames } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.producers")}</h1>
      <section aria-labelledby="queue" className="space-y-2">
        <h2 id="queue" className="text-lg font-semibold">
          {t("verify.queue")}
        </h2>
        {queue.length === 0 ? <p>{t("verify.none")}</p> : null}
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {queue.map((p) => (
            <li key={p.id} className="p-3">
              <Link to={`/staff/producers/${p.id}`} className="font-medium">
                {p.name}
              </Link>
              <p className="text-sm text-stone-600">
                {t(`entity.${p.entityType as EntityType}`)} · {provinceNames[p.provinceCode]} · {t("verify.waitingProducts", { count: p.waitingProducts })} ·{" "}
                {t("verify.evidence", { count: p.evidence })}
              </p>
              <ProfileChangesList changes={p.changes} provinceNames={provinceNames} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="helpers" className="space-y-2">
        <h2 id="helpers" className="text-lg font-semibold">
          {t("verify.helpers")}
        </h2>
        {helpers.length === 0 ? (
          <p>{t("verify.noHelpers")}</p>
        ) : (
          <table className="w-full rounded-lg border border-stone-200 bg-white text-left text-sm">
            <thead>
              <tr>
                <th className="p-2">{t("verify.helperName")}</th>
                <th className="p-2 text-right">{t("verify.helperCount")}</th>
              </tr>
            </thead>
            <tbody>
              {helpers.map((h) => (
                <tr key={h.helperName} className="border-t border-stone-100">
                  <td className="p-2">{h.helperName}</td>
                  <td className="p-2 text-right">{h.producers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
