import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TaxStatement } from "~/components/tax-statement";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { requestedYear } from "~/domain/tax/declaration-request";
import { yearlyStatement } from "~/domain/tax/declarations.server";
import { metaTranslator, type RootMatch } from "~/seo";

/** `/seller/tax-statement?year=YYYY`: the producer's own statement of tax withheld, to print and keep. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  const year = requestedYear(new URL(request.url).searchParams);
  if (year === null) throw new Response("Not found", { status: 404 });
  const statement = yearlyStatement(actor.producer.id, year, { ownProducerId: actor.producer.id });
  if (!statement) throw new Response("Not found", { status: 404 });
  return { statement };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("tax.withheld.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SellerTaxStatement() {
  const { statement } = useLoaderData<typeof loader>();
  return <TaxStatement statement={statement} />;
}
