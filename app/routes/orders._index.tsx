import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Price } from "~/components/ui/price";
import { requireUser } from "~/domain/accounts/permissions.server";
import { orderStatusOf, type PartStatus } from "~/domain/orders/order-states";
import { ordersOfUser } from "~/domain/orders/order-view.server";
import { useFormat, useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";
import { withMoreMessages } from "~/i18n/more-messages";

export const handle = withMoreMessages;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    orders: ordersOfUser(user.id).map(({ partStatuses, ...order }) => ({
      ...order,
      status: orderStatusOf(partStatuses.split(",") as PartStatus[]),
    })),
  };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("orders.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function MyOrders() {
  const { orders } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("orders.title")}</h1>
      {orders.length === 0 ? (
        <p>
          {t("orders.none")} <Link to="/products">{t("cart.browse")}</Link>
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {orders.map((order) => (
            <li key={order.code} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span>
                <Link to={`/orders/${order.code}`} className="font-mono font-semibold">
                  {order.code}
                </Link>{" "}
                <span className="text-sm text-stone-600">
                  {format.dateTime(order.createdAt, { day: true })}
                </span>
                {order.unread > 0 ? (
                  <span className="ml-2 rounded-full bg-amber-100 px-2 text-sm text-amber-900">{t("orders.updates", { count: order.unread })}</span>
                ) : null}
              </span>
              <span className="text-sm">
                {t(`order.status.${order.status}`)} · <Price vnd={order.totalVnd} className="font-semibold" />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
