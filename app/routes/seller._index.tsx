import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/accounts/permissions.server";
import { producerHistory } from "~/domain/producers/activity.server";
import { ownProducer } from "~/domain/producers/profile.server";
import { useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  const producer = ownProducer(user);
  return {
    producer: producer && { name: producer.name, slug: producer.slug, status: producer.verificationStatus },
    history: producer ? producerHistory(producer.id, 20) : [],
  };
}

export const meta: MetaFunction<typeof loader, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("seller.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SellerHome() {
  const { producer, history } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("seller.title")}</h1>
      {producer ? (
        <section aria-labelledby="profile" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="profile" className="text-lg font-semibold">
            {producer.name}
          </h2>
          <p>
            <span className="text-stone-600">{t("seller.status")}: </span>
            <strong>{t(`seller.status.${producer.status}`)}</strong>
          </p>
          {producer.status !== "approved" ? <p className="text-sm text-stone-700">{t("seller.pendingNote")}</p> : null}
          <p className="flex flex-wrap gap-4">
            <Link to="/seller/products" className="font-medium">
              {t("listing.products")}
            </Link>
            <Link to="/seller/profile" className="font-medium">
              {t("seller.editProfile")}
            </Link>
          </p>
        </section>
      ) : (
        <section className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
          <p>{t("seller.noProfile")}</p>
          <Link to="/seller/profile" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">
            {t("seller.createProfile")}
          </Link>
        </section>
      )}
      {history.length > 0 ? (
        <section aria-labelledby="history">
          <h2 id="history" className="text-lg font-semibold">
            {t("activity.title")}
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {history.map((h) => (
              <li key={h.id}>
                <time dateTime={new Date(h.createdAt).toISOString()} className="text-stone-600">
                  {new Date(h.createdAt).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "short", timeStyle: "short" })}
                </time>{" "}
                · {h.actorName}: {t(`activity.${h.action}`)} {h.subject ? `“${h.subject}”` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
