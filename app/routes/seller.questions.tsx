import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { TextareaField } from "~/components/ui/field";
import { FormAlert } from "~/components/ui/form-alert";
import { useConformForm, type FormConstraint } from "~/components/ui/use-conform-form";
import { answerSchema } from "~/domain/catalog/questions";
import { answerQuestion, questionsForProducer, type PortalQuestion } from "~/domain/catalog/questions.server";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";
import { portalFormAction } from "~/domain/producers/portal-form-action";
import { redirectWithFlash } from "~/flash.server";
import { useFormat, useT } from "~/i18n/use-t";
import { readForm } from "~/request.server";
import { metaTranslator, type RootMatch } from "~/seo";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePortalActor(request);
  return { producerId: actor.producer.id, ...questionsForProducer(actor), constraint: getZodConstraint(answerSchema) };
}

/** The producer (or its helper) answers a question on one of its products, or edits its answer. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePortalActor(request);
  const formData = await readForm(request);
  if (!formData) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: answerSchema });
  // Which question's form answered, so its field alone shows the error.
  const target = String(submission.payload.questionId ?? "");
  if (submission.status !== "success") return data({ target, result: submission.reply() }, { status: 400 });
  const outcome = answerQuestion(actor, submission.value.questionId, submission.value.answer);
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  return redirectWithFlash(`/seller/questions#q-${submission.value.questionId}`, outcome === "edited" ? "flash.question.edited" : "flash.question.answered");
}

export const meta: MetaFunction<unknown, RootMatch> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("questions.title")} | ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SellerQuestions() {
  const { waiting, answered, producerId, constraint } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("questions.title")}</h1>
      <p className="text-stone-700">{t("sellerQuestions.intro")}</p>
      <section aria-labelledby="waiting" className="space-y-3">
        <h2 id="waiting" className="text-lg font-semibold">
          {t("sellerQuestions.waiting")} ({waiting.length})
        </h2>
        {waiting.length === 0 ? <p className="rounded border border-stone-200 bg-white p-3">{t("sellerQuestions.noneWaiting")}</p> : null}
        <ul className="space-y-3">
          {waiting.map((q) => (
            <li key={q.id} id={`q-${q.id}`} className="space-y-3 rounded-lg border-2 border-amber-400 bg-white p-4">
              <QuestionHeading question={q} />
              <AnswerForm question={q} producerId={producerId} constraint={constraint} />
            </li>
          ))}
        </ul>
      </section>
      {answered.length > 0 ? (
        <section aria-labelledby="answered" className="space-y-3">
          <h2 id="answered" className="text-lg font-semibold">
            {t("sellerQuestions.answered")}
          </h2>
          <ul className="space-y-3">
            {answered.map((q) => (
              <li key={q.id} id={`q-${q.id}`} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
                <QuestionHeading question={q} />
                <div className="border-l-4 border-brand-600 pl-3">
                  <p className="whitespace-pre-line">{q.answer}</p>
                </div>
                {q.hiddenAt !== null ? (
                  <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{t("sellerQuestions.hidden", { reason: q.hiddenReason ?? "" })}</p>
                ) : (
                  <EditAnswer question={q} producerId={producerId} constraint={constraint} />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function QuestionHeading({ question: q }: { question: PortalQuestion }) {
  const t = useT();
  const format = useFormat();
  return (
    <div>
      <p className="text-sm text-stone-600">
        <Link to={`/products/${q.productSlug}`}>{q.productName}</Link> · {t("questions.asker", { name: q.askerName })} ·{" "}
        <time dateTime={new Date(q.createdAt).toISOString()}>{format.dateTime(q.createdAt)}</time>
      </p>
      <p className="mt-1 text-lg font-medium whitespace-pre-line">{q.body}</p>
    </div>
  );
}

/** A wrong answer in the open, fixed where it is: the edit form opens when its last post failed. */
function EditAnswer({ question, producerId, constraint }: { question: PortalQuestion; producerId: number; constraint: FormConstraint }) {
  const t = useT();
  const reply = useActionData<typeof action>();
  // Closed again on the page after a saved edit (with JavaScript the page is not reloaded).
  const { key } = useLocation();
  return (
    <details key={key} open={reply?.target === String(question.id)}>
      <summary className="cursor-pointer py-3 font-medium text-brand-800">{t("sellerQuestions.edit")}</summary>
      <AnswerForm question={question} producerId={producerId} constraint={constraint} editing />
    </details>
  );
}

function AnswerForm({ question, producerId, constraint, editing = false }: { question: PortalQuestion; producerId: number; constraint: FormConstraint; editing?: boolean }) {
  const t = useT();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("questionId") === String(question.id);
  const [form, fields] = useConformForm<typeof answerSchema>({
    id: `answer-${question.id}`,
    lastResult: reply?.target === String(question.id) ? reply.result : null,
    constraint,
    defaultValue: { questionId: String(question.id), answer: question.answer ?? undefined },
  });
  return (
    <Form method="post" action={portalFormAction(producerId)} {...getFormProps(form)} className="space-y-3">
      <FormAlert message={form.errors} />
      <input type="hidden" name="questionId" value={question.id} />
      <TextareaField meta={fields.answer} id={`f-answer-${question.id}`} label={t("sellerQuestions.answerLabel")} rows={4} />
      <button type="submit" disabled={busy} className="min-h-12 w-full rounded bg-brand-700 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60">
        {t(editing ? "sellerQuestions.editSend" : "sellerQuestions.answerSend")}
      </button>
    </Form>
  );
}
