import { aliasedTable, and, asc, count, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { productQuestions, producers, products, questionReports, users } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import { addressKey, rateLimiter } from "../accounts/rate-limit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { assertStaffMayActIn, staffProvince } from "../accounts/staff.server";
import { reviewerName } from "../orders/reviews";
import { recordActivity } from "../producers/activity.server";
import { helperMayActFor } from "../producers/helpers.server";
import type { PortalActor } from "../producers/portal-actor.server";
import { publicProduct } from "./catalog.server";
import type { QuestionReportReason } from "./question-reasons";
import { questionVisibleTo } from "./questions";
import { enqueueQuestionAsked } from "../messages/events.server";

const HOUR = 60 * 60_000;
/**
 * Questions: 5 an hour per account (a shopper with real questions asks one or two), 20 an hour per
 * address, because a whole village or a mobile carrier's NAT may share one; the account limit is
 * what stops one person, the address limit what stops a script with many accounts.
 */
const questionsPerUser = rateLimiter({ name: "questions.user", limit: 5, windowMs: HOUR });
const questionsPerAddress = rateLimiter({ name: "questions.address", limit: 20, windowMs: HOUR });
/** Reports of questions: 10 an hour per account, 20 per address (as the listing reports). */
const reportsPerUser = rateLimiter({ name: "questionReports.user", limit: 10, windowMs: HOUR });
const reportsPerAddress = rateLimiter({ name: "questionReports.address", limit: 20, windowMs: HOUR });

function withinLimits(limits: ReturnType<typeof rateLimiter>[], keys: string[], now: number): boolean {
  // Every limit counts the attempt, so a refused one still uses up the others' window.
  return limits.map((limit, i) => limit.attempt(keys[i]!, now)).every(Boolean);
}

const publicProductBySlug = once(() =>
  getDb()
    .select({ id: products.id, producerId: products.producerId, ownerUserId: producers.ownerUserId })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(and(eq(products.slug, sql.placeholder("slug")), publicProduct))
    .prepare(),
);

export type AskOutcome = "asked" | "not_found" | "own_product" | "too_many";

/**
 * A signed-in user asks about a product on sale. The producer gets a message (the outbox, ADR 0024,
 * written in the insert's transaction) and sees the question counted on the portal's home
 * ("Hỏi đáp", `unansweredCount`).
 */
export function askQuestion(user: SessionUser, slug: string, body: string, clientIp: string, now = Date.now()): AskOutcome {
  const product = publicProductBySlug().get({ slug });
  if (!product) return "not_found";
  if (product.ownerUserId === user.id) return "own_product";
  if (!withinLimits([questionsPerUser, questionsPerAddress], [String(user.id), addressKey(clientIp)], now)) return "too_many";
  getDb().transaction(
    (tx) => {
      const { id } = tx.insert(productQuestions).values({ productId: product.id, askerUserId: user.id, body, createdAt: now }).returning({ id: productQuestions.id }).get();
      enqueueQuestionAsked(tx, { id, productId: product.id, body }, now);
    },
    { behavior: "immediate" },
  );
  return "asked";
}

export interface QuestionView {
  id: number;
  body: string;
  askerName: string;
  answer: string | null;
  answeredAt: number | null;
  answerEditedAt: number | null;
  createdAt: number;
}

const asker = aliasedTable(users, "asker");
const questionColumns = {
  id: productQuestions.id,
  body: productQuestions.body,
  askerFullName: asker.fullName,
  answer: productQuestions.answer,
  answeredAt: productQuestions.answeredAt,
  answerEditedAt: productQuestions.answerEditedAt,
  createdAt: productQuestions.createdAt,
};

// Prepared once: every product page shows them (the partial index product_questions_page_idx serves it).
const answeredOfProduct = once(() =>
  getDb()
    .select(questionColumns)
    .from(productQuestions)
    .innerJoin(asker, eq(asker.id, productQuestions.askerUserId))
    .where(and(eq(productQuestions.productId, sql.placeholder("productId")), isNotNull(productQuestions.answeredAt), isNull(productQuestions.hiddenAt)))
    .orderBy(desc(productQuestions.answeredAt), desc(productQuestions.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

const waitingOfAsker = once(() =>
  getDb()
    .select(questionColumns)
    .from(productQuestions)
    .innerJoin(asker, eq(asker.id, productQuestions.askerUserId))
    .where(
      and(
        eq(productQuestions.askerUserId, sql.placeholder("userId")),
        eq(productQuestions.productId, sql.placeholder("productId")),
        isNull(productQuestions.answeredAt),
        isNull(productQuestions.hiddenAt),
      ),
    )
    .orderBy(desc(productQuestions.createdAt))
    .limit(5)
    .prepare(),
);

/** An asker is shown as on reviews: given name and family initial. */
function view({ askerFullName, ...row }: { askerFullName: string } & Omit<QuestionView, "askerName">): QuestionView {
  return { ...row, askerName: reviewerName(askerFullName) };
}

/**
 * The product page's questions: the newest answered ones everyone sees, and the viewer's own that
 * wait for an answer ("Đang chờ nhà sản xuất trả lời"), which only the asker sees.
 */
export function productQuestionsFor(productId: number, viewerUserId: number | null, limit = 10): { answered: QuestionView[]; waiting: QuestionView[] } {
  return {
    answered: answeredOfProduct().all({ productId, limit }).map(view),
    waiting: viewerUserId === null ? [] : waitingOfAsker().all({ productId, userId: viewerUserId }).map(view),
  };
}

export type ReportQuestionOutcome = "reported" | "already_reported" | "not_found" | "too_many";

/**
 * A signed-in user reports a question of the product page: once per question (a second report by
 * the same user is not counted again), only one the user can see on that page.
 */
export function reportQuestion(
  user: SessionUser,
  slug: string,
  report: { questionId: number; reason: QuestionReportReason },
  clientIp: string,
  now = Date.now(),
): ReportQuestionOutcome {
  const product = publicProductBySlug().get({ slug });
  if (!product) return "not_found";
  const question = getDb()
    .select({ askerUserId: productQuestions.askerUserId, answeredAt: productQuestions.answeredAt, hiddenAt: productQuestions.hiddenAt })
    .from(productQuestions)
    .where(and(eq(productQuestions.id, report.questionId), eq(productQuestions.productId, product.id)))
    .get();
  if (!question || !questionVisibleTo(question, user.id)) return "not_found";
  if (!withinLimits([reportsPerUser, reportsPerAddress], [String(user.id), addressKey(clientIp)], now)) return "too_many";
  const inserted = getDb()
    .insert(questionReports)
    .values({ questionId: report.questionId, reporterUserId: user.id, reason: report.reason, createdAt: now })
    // Once per question per user (question_reports_once_idx).
    .onConflictDoNothing()
    .run();
  return inserted.changes === 0 ? "already_reported" : "reported";
}

// ——— The producer's portal ———

export interface PortalQuestion extends QuestionView {
  productName: string;
  productSlug: string;
  hiddenAt: number | null;
  hiddenReason: string | null;
}

/** The questions on the producer's products: those waiting first (oldest first), then the latest answered. */
export function questionsForProducer(actor: PortalActor): { waiting: PortalQuestion[]; answered: PortalQuestion[] } {
  const rows = (answered: boolean) =>
    getDb()
      .select({ ...questionColumns, productName: products.name, productSlug: products.slug, hiddenAt: productQuestions.hiddenAt, hiddenReason: productQuestions.hiddenReason })
      .from(productQuestions)
      .innerJoin(products, eq(products.id, productQuestions.productId))
      .innerJoin(asker, eq(asker.id, productQuestions.askerUserId))
      .where(
        and(
          eq(products.producerId, actor.producer.id),
          answered ? isNotNull(productQuestions.answeredAt) : and(isNull(productQuestions.answeredAt), isNull(productQuestions.hiddenAt)),
        ),
      )
      .orderBy(answered ? desc(productQuestions.answeredAt) : asc(productQuestions.createdAt), asc(productQuestions.id))
      .limit(answered ? 50 : 200)
      .all()
      .map(({ askerFullName, ...row }) => ({ ...row, askerName: reviewerName(askerFullName) }));
  return { waiting: rows(false), answered: rows(true) };
}

/** How many questions on the producer's products wait for an answer: the portal home's count. */
export function unansweredCount(producerId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(productQuestions)
      .innerJoin(products, eq(products.id, productQuestions.productId))
      .where(and(eq(products.producerId, producerId), isNull(productQuestions.answeredAt), isNull(productQuestions.hiddenAt)))
      .get()?.n ?? 0
  );
}

/**
 * The producer, or a helper under a live grant, answers a question on one of the producer's own
 * products, or edits its answer. Anyone else's question is "not_found" (a 404: no hint that it
 * exists). The producer's history records who answered for whom.
 */
export function answerQuestion(actor: PortalActor, questionId: number, answer: string, now = Date.now()): "answered" | "edited" | "not_found" {
  // The actor comes from requirePortalActor, which checked the grant; checked again next to the data.
  if (actor.asHelper && !helperMayActFor(actor.user.id, actor.producer.id)) throw new Response("Forbidden", { status: 403 });
  return getDb().transaction(
    (tx) => {
      const question = tx
        .select({ id: productQuestions.id, answeredAt: productQuestions.answeredAt, productName: products.name })
        .from(productQuestions)
        .innerJoin(products, eq(products.id, productQuestions.productId))
        .where(and(eq(productQuestions.id, questionId), eq(products.producerId, actor.producer.id), isNull(productQuestions.hiddenAt)))
        .get();
      if (!question) return "not_found";
      const edited = question.answeredAt !== null;
      tx.update(productQuestions)
        .set(edited ? { answer, answeredByUserId: actor.user.id, answerEditedAt: now } : { answer, answeredByUserId: actor.user.id, answeredAt: now })
        .where(eq(productQuestions.id, questionId))
        .run();
      recordActivity(tx, {
        producerId: actor.producer.id,
        actorUserId: actor.user.id,
        action: edited ? "question.editAnswer" : "question.answer",
        subject: question.productName,
      });
      return edited ? "edited" : "answered";
    },
    { behavior: "immediate" },
  );
}

// ——— The staff console ———

export interface StaffQuestion extends PortalQuestion {
  producerName: string;
  /** Reports since staff last kept the question. */
  openReports: number;
}

const openReportCount = sql<number>`(SELECT count(*) FROM ${questionReports} WHERE ${questionReports.questionId} = ${productQuestions.id} AND ${questionReports.createdAt} > coalesce(${productQuestions.reportsClearedAt}, 0))`;

function staffQuestions(staff: SessionUser, reportedOnly: boolean): StaffQuestion[] {
  const province = staffProvince(staff);
  return getDb()
    .select({
      ...questionColumns,
      productName: products.name,
      productSlug: products.slug,
      producerName: producers.name,
      hiddenAt: productQuestions.hiddenAt,
      hiddenReason: productQuestions.hiddenReason,
      openReports: openReportCount.mapWith(Number),
    })
    .from(productQuestions)
    .innerJoin(products, eq(products.id, productQuestions.productId))
    .innerJoin(producers, eq(producers.id, products.producerId))
    .innerJoin(asker, eq(asker.id, productQuestions.askerUserId))
    .where(
      and(
        province === null ? undefined : eq(products.provinceCode, province),
        reportedOnly ? and(isNull(productQuestions.hiddenAt), gt(openReportCount, 0)) : undefined,
      ),
    )
    .orderBy(reportedOnly ? desc(openReportCount) : desc(productQuestions.createdAt), desc(productQuestions.id))
    .limit(reportedOnly ? 100 : 50)
    .all()
    .map(({ askerFullName, ...row }) => ({ ...row, askerName: reviewerName(askerFullName) }));
}

/** The staff member's province's questions (all for central staff): those reported, and the latest. */
export function questionsForStaff(staff: SessionUser): { reported: StaffQuestion[]; recent: StaffQuestion[] } {
  return { reported: staffQuestions(staff, true), recent: staffQuestions(staff, false) };
}

/** How many reported questions wait for the staff member: the console home's count. */
export function reportedQuestionCount(staff: SessionUser): number {
  const province = staffProvince(staff);
  return (
    getDb()
      .select({ n: count() })
      .from(productQuestions)
      .innerJoin(products, eq(products.id, productQuestions.productId))
      .where(and(province === null ? undefined : eq(products.provinceCode, province), isNull(productQuestions.hiddenAt), gt(openReportCount, 0)))
      .get()?.n ?? 0
  );
}

/**
 * Staff hide a question (and its answer) from the product page, show it again, or keep it and set
 * its reports aside, with a reason; provincial staff only on their province's products (403
 * otherwise). Each is in the staff audit log, in the transaction of the change.
 */
export function moderateQuestion(staff: SessionUser, questionId: number, intent: "hide" | "unhide" | "keep", note: string, now = Date.now()): "ok" | "not_found" {
  const question = getDb()
    .select({
      id: productQuestions.id,
      provinceCode: products.provinceCode,
      hiddenAt: productQuestions.hiddenAt,
      hiddenReason: productQuestions.hiddenReason,
      reportsClearedAt: productQuestions.reportsClearedAt,
    })
    .from(productQuestions)
    .innerJoin(products, eq(products.id, productQuestions.productId))
    .where(eq(productQuestions.id, questionId))
    .get();
  if (!question) return "not_found";
  assertStaffMayActIn(staff, question.provinceCode);
  const hidden = question.hiddenAt !== null;
  if ((intent === "hide" && hidden) || (intent === "unhide" && !hidden)) return "not_found";
  getDb().transaction(
    (tx) => {
      tx.update(productQuestions)
        .set(
          intent === "hide"
            ? { hiddenAt: now, hiddenByUserId: staff.id, hiddenReason: note, reportsClearedAt: now }
            : intent === "unhide"
              ? { hiddenAt: null, hiddenByUserId: null, hiddenReason: null, reportsClearedAt: now }
              : { reportsClearedAt: now },
        )
        .where(eq(productQuestions.id, questionId))
        .run();
      recordAudit(
        staff,
        {
          action: `question.${intent}`,
          subjectType: "question",
          subjectId: questionId,
          provinceCode: question.provinceCode,
          before: { hidden, hiddenReason: question.hiddenReason },
          after: { hidden: intent === "keep" ? hidden : intent === "hide", note },
        },
        now,
      );
    },
    { behavior: "immediate" },
  );
  return "ok";
}
