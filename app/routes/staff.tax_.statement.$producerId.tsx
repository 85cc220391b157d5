import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TaxStatement } from "~/components/tax-statement";
import { requireStaff } from "~/domain/accounts/staff.server";
import { requestedYear } from "~/domain/tax/declaration-request";
import { yearlyStatement } from "~/domain/tax/declarations.server";
import { metaTranslator, type RootMatch } from "~/seo";

/** `/staff/tax/statement/:producerId?year=YYYY`: a seller's yearly statement, for staff of its province. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const year = requestedYear(new URL(request.url).searchParams);
  const producerId = Number(params.producerId);
  if (year === null || !Number.isSafeInteger(producerId)) throw new Response("Not found", { status: 404 });
  // Another province's seller is as unknown as a missing one.
  const statement = yearlyStatement(producerId, year, { staff });
  if (!statement) throw new Response("Not found", { status: 404 });
  return { statement };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("nav.declaration")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffTaxStatement() {
  const { statement } = useLoaderData<typeof loader>();
  return <TaxStatement statement={statement} />;
}
