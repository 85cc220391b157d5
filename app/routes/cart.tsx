import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/ui/form-alert";
import { Price } from "~/components/ui/price";
import { useHydrated } from "~/components/use-hydrated";
import { currentUser } from "~/domain/accounts/sessions.server";
import { unitLabel } from "~/domain/catalog/units";
import { groupByProducer, lineProblem, MAX_LINE_QUANTITY, type CartLine } from "~/domain/orders/cart";
import { cartChangeSchema } from "~/domain/orders/cart-form";
import { cartCount, cartLines, cartOwner, cartOwnerForWriting, changeCart, type CartProblem } from "~/domain/orders/cart.server";
import type { MessageKey } from "~/i18n/vi";
import { getLanguage } from "~/i18n/language.server";
import { useLanguage, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";
import { photoUrl, thumbName } from "~/domain/shared/photo-urls";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await currentUser(request);
  return { lines: cartLines(await cartOwner(request, user?.id ?? null)) };
}

const PROBLEM_MESSAGE: Record<CartProblem["problem"], MessageKey> = {
  unavailable: "cart.error.unavailable",
  stock: "cart.error.stock",
  full: "cart.error.full",
  chooseSize: "cart.error.chooseSize",
};

const NO_PARAMS: Record<string, string | number> = {};
const QUANTITY_MESSAGE: MessageKey = "cart.error.quantity";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = formData ? parseWithZod(formData, { schema: cartChangeSchema }) : null;
  if (submission?.status !== "success") {
    return data({ error: { variantId: null, productId: null, message: QUANTITY_MESSAGE, params: NO_PARAMS } }, { status: 400 });
  }
  const change = submission.value;
  const user = await currentUser(request);
  const { owner, setCookie } = await cartOwnerForWriting(request, user?.id ?? null);
  const problem = changeCart(owner, change);
  const headers = setCookie ? { "Set-Cookie": setCookie } : undefined;
  if (problem) {
    const params: Record<string, string | number> = problem.problem === "stock"
        ? { count: problem.available, unit: unitLabel(problem.unit, await getLanguage(request), problem.available) }
        : NO_PARAMS;
    return data(
      { error: { variantId: change.variantId ?? null, productId: change.productId ?? null, message: PROBLEM_MESSAGE[problem.problem], params } },
      { status: 400, headers },
    );
  }
  // With JS the page stays where it is (a fetcher); without JS the shopper lands on the cart.
  if (change.stay === "1") return data({ ok: true, count: cartCount(owner) }, { headers });
  return redirect("/cart", { status: 303, headers });
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("cart.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function CartPage() {
  const { lines } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const error = actionData && "error" in actionData ? actionData.error : null;
  const groups = groupByProducer(lines);
  const total = groups.reduce((sum, g) => sum + g.goodsTotalVnd, 0);
  const blocked = lines.some((line) => lineProblem(line) !== null);
  const errorOf = (line: CartLine) =>
    error && (error.variantId === line.variantId || (error.variantId === null && error.productId === line.productId)) ? error : null;
  const errorOutsideLines = error && !lines.some((line) => errorOf(line)) ? error : null;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("cart.title")}</h1>
      <FormAlert message={errorOutsideLines?.message} params={errorOutsideLines?.params} />
      {lines.length === 0 ? (
        <p>
          {t("cart.empty")} <Link to="/products">{t("cart.browse")}</Link>
        </p>
      ) : (
        <>
          {groups.map((group) => (
            <section key={group.producerId} className="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby={`producer-${group.producerId}`}>
              <h2 id={`producer-${group.producerId}`} className="font-semibold">
                {t("cart.from")} <Link to={`/producers/${group.producerSlug}`}>{group.producerName}</Link>
              </h2>
              <ul className="mt-2 divide-y divide-stone-100">
                {group.lines.map((line) => {
                  const lineError = errorOf(line);
                  return <CartLineRow key={line.variantId} line={line} error={lineError ? t(lineError.message, lineError.params) : null} />;
                })}
              </ul>
              <p className="mt-2 text-right">
                {t("cart.subtotal")}: <Price vnd={group.goodsTotalVnd} className="font-semibold" />
              </p>
            </section>
          ))}
          <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
            <p className="flex justify-between text-lg">
              <span>{t("cart.goodsTotal")}</span>
              <Price vnd={total} className="font-bold" />
            </p>
            <p className="text-sm text-stone-600">{t("cart.shippingLater", { count: groups.length })}</p>
            {blocked ? (
              <p className="text-red-700">{t("cart.fixProblems")}</p>
            ) : (
              <Link to="/checkout" className="block rounded bg-brand-700 px-4 py-3 text-center font-semibold text-white no-underline">
                {t("cart.checkout")}
              </Link>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function CartLineRow({ line, error }: { line: CartLine; error: string | null }) {
  const t = useT();
  const lang = useLanguage();
  const fetcher = useFetcher<typeof action>();
  const hydrated = useHydrated();
  // Optimistic: show the quantity being sent, and hide a line being removed.
  const sending = fetcher.formData;
  if (sending?.get("intent") === "remove") return null;
  const quantity = sending ? Number(sending.get("quantity")) : line.quantity;
  const fetcherError = fetcher.data && "error" in fetcher.data ? t(fetcher.data.error.message, fetcher.data.error.params) : null;
  const problem = lineProblem(line);
  const message =
    fetcherError ??
    error ??
    (problem === "unavailable" ? t("cart.error.unavailable") : problem === "stock" ? t("cart.error.stock", { count: line.stock, unit: unitLabel(line.unit, lang, line.stock) }) : null);
  const inputId = `qty-${line.variantId}`;
  return (
    <li className="flex flex-wrap items-start gap-3 py-3">
      {line.photo ? (
        <img src={photoUrl(thumbName(line.photo) ?? line.photo)} alt="" width={64} height={64} className="h-16 w-16 rounded object-cover" />
      ) : null}
      <div className="min-w-0 flex-1">
        <Link to={`/products/${line.slug}`} className="font-medium">
          {line.name}
        </Link>
        {line.variantLabel ? <p className="text-sm font-medium text-stone-800">{line.variantLabel}</p> : null}
        <p className="text-sm text-stone-600">
          <Price vnd={line.priceVnd} /> / {unitLabel(line.unit, lang)}
        </p>
        <fetcher.Form method="post" action="/cart" className="mt-1 flex flex-wrap items-center gap-2">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="variantId" value={line.variantId} />
          {hydrated ? <input type="hidden" name="stay" value="1" /> : null}
          <label htmlFor={inputId} className="text-sm">
            {t("cart.quantity")}
          </label>
          <input
            id={inputId}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_LINE_QUANTITY}
            defaultValue={quantity}
            key={quantity}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${inputId}-error` : undefined}
            className="w-20 rounded border border-stone-300 px-2 py-1"
          />
          <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-800">
            {t("cart.update")}
          </button>
        </fetcher.Form>
        {message ? (
          <p id={`${inputId}-error`} className="mt-1 text-sm text-red-700">
            {message}
          </p>
        ) : null}
      </div>
      <div className="text-right">
        <Price vnd={line.priceVnd * quantity} className="font-semibold" />
        <fetcher.Form method="post" action="/cart">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="variantId" value={line.variantId} />
          {hydrated ? <input type="hidden" name="stay" value="1" /> : null}
          <button type="submit" className="mt-1 text-sm text-red-700 underline">
            {t("cart.remove")}
          </button>
        </fetcher.Form>
      </div>
    </li>
  );
}
