import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useLocation } from "@remix-run/react";
import type { askQuestionSchema } from "~/domain/catalog/questions";
import { QUESTION_REPORT_REASONS } from "~/domain/catalog/question-reasons";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";
import { Honeypot } from "./honeypot";
import { FieldError } from "./ui/field-error";
import { TextareaField } from "./ui/field";
import { FormAlert } from "./ui/form-alert";
import type { QuestionView } from "~/domain/catalog/questions.server";
import { useConformForm, type FormConstraint } from "./ui/use-conform-form";

/** A question as the product page shows it (the domain's view; a type, so nothing of the server comes along). */
type ShownQuestion = QuestionView;

/** A reply of the product page's action to one of these forms, and which form (or question) it is for. */
export type QuestionFormReply =
  | { form: "ask"; result: SubmissionResult<string[]> }
  | { form: "reportQuestion"; target: string; result: SubmissionResult<string[]> };

/**
 * The product page's "Hỏi đáp": answered questions for everyone, the viewer's own waiting ones, and
 * the form to ask (a sign-in link for a visitor who is not signed in). Works without JavaScript.
 */
export function ProductQuestions({
  answered,
  waiting,
  signedIn,
  loginHref,
  constraint,
  reply,
}: {
  answered: ShownQuestion[];
  waiting: ShownQuestion[];
  signedIn: boolean;
  loginHref: string;
  constraint: FormConstraint;
  reply: QuestionFormReply | null;
}) {
  const t = useT();
  // A new page (the redirect after a question is sent) starts the form afresh: with JavaScript the
  // page is not reloaded, and the question just sent would stay typed in the box.
  const { key } = useLocation();
  return (
    <section id="hoi-dap" aria-labelledby="questions" className="space-y-3">
      <h2 id="questions" className="text-lg font-semibold">
        {t("questions.title")}
      </h2>
      {waiting.length > 0 ? (
        <ul className="space-y-2">
          {waiting.map((q) => (
            <li key={q.id} className="rounded border border-amber-300 bg-amber-50 p-3" data-question-waiting>
              <p className="text-sm font-medium text-amber-900">{t("questions.yours")}</p>
              <p className="whitespace-pre-line">{q.body}</p>
              <p className="mt-1 text-sm font-medium text-amber-900">{t("questions.waiting")}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {answered.length === 0 ? (
        <p className="text-sm text-stone-700">{t("questions.none")}</p>
      ) : (
        <ul className="space-y-3">
          {answered.map((q) => (
            <li key={q.id} className="rounded border border-stone-200 bg-white p-3" data-question={q.id}>
              <AnsweredQuestion question={q} />
              {signedIn ? <ReportQuestion questionId={q.id} reply={reply?.form === "reportQuestion" && reply.target === String(q.id) ? reply.result : null} /> : null}
            </li>
          ))}
        </ul>
      )}
      {signedIn ? (
        <AskQuestion key={key} constraint={constraint} lastResult={reply?.form === "ask" ? reply.result : null} />
      ) : (
        <Link to={loginHref} className="inline-flex min-h-11 items-center rounded border border-brand-700 px-4 font-medium text-brand-800 no-underline hover:bg-brand-50">
          {t("questions.signIn")}
        </Link>
      )}
    </section>
  );
}

function AnsweredQuestion({ question: q }: { question: ShownQuestion }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <p className="text-sm text-stone-600">
        {t("questions.asker", { name: q.askerName })} ·{" "}
        <time dateTime={new Date(q.createdAt).toISOString()}>{format.dateTime(q.createdAt, { day: true })}</time>
      </p>
      <p className="font-medium whitespace-pre-line">{q.body}</p>
      <div className="mt-2 border-l-4 border-brand-600 pl-3">
        <p className="text-sm font-semibold text-brand-800">
          {t("questions.answer")} {q.answerEditedAt !== null ? <span className="font-normal text-stone-600">{t("questions.edited")}</span> : null}
        </p>
        <p className="whitespace-pre-line">{q.answer}</p>
      </div>
    </>
  );
}

function AskQuestion({ constraint, lastResult }: { constraint: FormConstraint; lastResult: SubmissionResult<string[]> | null }) {
  const t = useT();
  const [form, fields] = useConformForm<typeof askQuestionSchema>({ id: "ask-question", lastResult, constraint });
  return (
    <Form method="post" {...getFormProps(form)} className="relative space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h3 className="font-semibold">{t("questions.ask")}</h3>
      <FormAlert message={form.errors} />
      <input type="hidden" name="intent" value="ask" />
      <TextareaField meta={fields.question} label={t("questions.askLabel")} hint={t("questions.askHint")} rows={3} />
      <Honeypot id="f-question-website" />
      <button type="submit" className="min-h-11 w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white sm:w-auto">
        {t("questions.send")}
      </button>
    </Form>
  );
}

function ReportQuestion({ questionId, reply }: { questionId: number; reply: SubmissionResult<string[]> | null }) {
  const t = useT();
  const errors = (reply?.error ?? {}) as Record<string, string[] | null | undefined>;
  const reasonError = errors.reason?.[0] as MessageKey | undefined;
  const formError = errors[""]?.[0];
  const errorId = `q${questionId}-reason-error`;
  return (
    <details open={Boolean(reply)} className="mt-2 text-sm">
      <summary className="cursor-pointer py-2 text-stone-600">{t("questions.report")}</summary>
      <Form method="post" className="mt-2 space-y-2" noValidate>
        <FormAlert message={formError} />
        <input type="hidden" name="intent" value="reportQuestion" />
        <input type="hidden" name="questionId" value={questionId} />
        <fieldset aria-describedby={reasonError ? errorId : undefined}>
          <legend className="font-medium">{t("questionReport.reason")}</legend>
          {QUESTION_REPORT_REASONS.map((reason) => (
            <label key={reason} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="reason" value={reason} /> {t(`questionReport.reason.${reason}`)}
            </label>
          ))}
        </fieldset>
        <FieldError id={errorId} message={reasonError && t(reasonError)} />
        <button type="submit" className="min-h-11 rounded border border-stone-400 px-3">
          {t("questions.reportSend")}
        </button>
      </Form>
    </details>
  );
}
