import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SectionCards, STAFF_SECTIONS } from "~/components/section-nav";
import { requireStaff } from "~/domain/accounts/staff.server";
import { reportedQuestionCount } from "~/domain/catalog/questions.server";
import { verificationQueue } from "~/domain/producers/verification.server";
import { paymentsToResolve } from "~/domain/payments/resolution.server";
import { useT } from "~/i18n/use-t";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return { waiting: { producers: verificationQueue(staff).length, payments: paymentsToResolve(staff).length, questions: reportedQuestionCount(staff) } };
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffHome() {
  const { waiting } = useLoaderData<typeof loader>();
  const t = useT();
  const count = (n: number) => (n > 0 ? t("staff.waiting", { count: n }) : null);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.title")}</h1>
      {/* The console's sections as big cards; the layout's scope line says where this staff member acts. */}
      <SectionCards
        label="portal.staffNav"
        sections={STAFF_SECTIONS.slice(1)}
        badges={{ "/staff/producers": count(waiting.producers), "/staff/payments": count(waiting.payments), "/staff/questions": count(waiting.questions) }}
      />
    </div>
  );
}
