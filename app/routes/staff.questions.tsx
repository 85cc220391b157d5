import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/ui/form-alert";
import { Field } from "~/components/ui/field";
import { requireStaff } from "~/domain/accounts/staff.server";
import { questionModerationSchema } from "~/domain/catalog/questions";
import { moderateQuestion, questionsForStaff, type StaffQuestion } from "~/domain/catalog/questions.server";
import { redirectWithFlash } from "~/flash.server";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return questionsForStaff(staff);
}

/** Staff hide a question, show it again, or keep a reported one; only in their province (403 otherwise). */
export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: questionModerationSchema });
  // Which question's form answered (and which of its forms), so that form alone shows the error.
  const target = `${String(submission.payload.intent ?? "")}-${String(submission.payload.questionId ?? "")}`;
  if (submission.status !== "success") return data({ target, result: submission.reply() }, { status: 400 });
  const { intent, questionId, note } = submission.value;
  const outcome = moderateQuestion(staff, questionId, intent, note);
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  return redirectWithFlash("/staff/questions", `flash.question.${intent}`);
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("questions.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffQuestions() {
  const { reported, recent } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("questions.title")}</h1>
      <p className="text-stone-700">{t("staffQuestions.intro")}</p>
      <section aria-labelledby="reported" className="space-y-2">
        <h2 id="reported" className="text-lg font-semibold">
          {t("staffQuestions.reported")}
        </h2>
        {reported.length === 0 ? <p>{t("staffQuestions.noneReported")}</p> : null}
        <ul className="space-y-2">
          {reported.map((q) => (
            <QuestionRow key={q.id} question={q} prefix="reported" />
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent" className="space-y-2">
        <h2 id="recent" className="text-lg font-semibold">
          {t("staffQuestions.recent")}
        </h2>
        {recent.length === 0 ? <p>{t("staffQuestions.noneRecent")}</p> : null}
        <ul className="space-y-2">
          {recent.map((q) => (
            <QuestionRow key={q.id} question={q} prefix="recent" />
          ))}
        </ul>
      </section>
    </div>
  );
}

function QuestionRow({ question: q, prefix }: { question: StaffQuestion; prefix: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <li className="space-y-1 rounded-lg border border-stone-200 bg-white p-3" data-staff-question={q.id}>
      <p className="text-sm text-stone-600">
        <Link to={`/products/${q.productSlug}`} className="font-medium">
          {q.productName}
        </Link>{" "}
        · {q.producerName} · {t("questions.asker", { name: q.askerName })} · {format.dateTime(q.createdAt)}
        {q.openReports > 0 ? <strong className="ml-1 rounded bg-red-100 px-2 text-red-900">{t("staffQuestions.reports", { count: q.openReports })}</strong> : null}
      </p>
      <p className="font-medium whitespace-pre-line">{q.body}</p>
      {q.answer !== null ? (
        <p className="border-l-4 border-brand-600 pl-3 whitespace-pre-line">{q.answer}</p>
      ) : (
        <p className="text-sm text-stone-600">{t("staffQuestions.noAnswer")}</p>
      )}
      {q.hiddenAt !== null ? (
        <>
          <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{t("staffQuestions.hiddenNote", { reason: q.hiddenReason ?? "" })}</p>
          <NoteForm intent="unhide" question={q} prefix={prefix} label="staffQuestions.unhide" />
        </>
      ) : (
        <div className="grid gap-2 sm:grid-cols-2">
          <NoteForm intent="hide" question={q} prefix={prefix} label="staffQuestions.hide" danger />
          {q.openReports > 0 ? <NoteForm intent="keep" question={q} prefix={prefix} label="staffQuestions.keep" /> : null}
        </div>
      )}
    </li>
  );
}

function NoteForm({ intent, question, prefix, label, danger }: { intent: "hide" | "unhide" | "keep"; question: StaffQuestion; prefix: string; label: MessageKey; danger?: boolean }) {
  const t = useT();
  const reply = useActionData<typeof action>();
  const mine = reply?.target === `${intent}-${question.id}` ? reply.result : null;
  const errors = (mine?.error ?? {}) as Record<string, string[] | null | undefined>;
  return (
    <Form method="post" className="mt-2 space-y-1" noValidate>
      <FormAlert message={errors[""]} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="questionId" value={question.id} />
      <Field name="note" id={`note-${prefix}-${intent}-${question.id}`} label={t("moderation.note")} maxLength={500} errors={errors.note} />
      <button type="submit" className={danger ? "min-h-11 rounded border border-red-700 px-3 text-red-800" : "min-h-11 rounded border border-brand-700 px-3 text-brand-800"}>
        {t(label)}
      </button>
    </Form>
  );
}
