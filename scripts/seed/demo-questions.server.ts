import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import * as schema from "~/db/schema";

const HOUR = 3_600_000;

/** Questions a shopper asks of any OCOP product, and how a producer would answer them. */
const ANSWERED: { question: string; answer: string }[] = [
  {
    question: "Sản phẩm này bảo quản được bao lâu sau khi mở bao bì ạ?",
    answer: "Dạ, sau khi mở anh chị đậy kín, để nơi khô ráo thoáng mát và dùng trong khoảng 3 tháng là ngon nhất ạ.",
  },
  {
    question: "Cơ sở có giao ra Hà Nội không, thường mất mấy ngày?",
    answer: "Dạ có ạ. Hàng gửi qua bưu điện, thường 3–4 ngày là tới Hà Nội, đơn trước 10 giờ sáng gửi ngay trong ngày.",
  },
  {
    question: "Mua làm quà biếu thì có hộp quà không ạ?",
    answer: "Dạ có hộp quà giấy kraft in logo OCOP, anh chị ghi chú khi đặt hàng, cơ sở đóng hộp miễn phí ạ.",
  },
  {
    question: "Sản phẩm có dùng chất bảo quản không ạ?",
    answer: "Dạ không ạ. Cơ sở làm theo cách truyền thống, không dùng chất bảo quản, anh chị xem hạn dùng in trên bao bì giúp cơ sở.",
  },
];

/** The one left for producer@demo.local to answer in its portal. */
const WAITING = "Cơ sở có bán sỉ cho cửa hàng đặc sản không? Lấy 20 hộp thì giá thế nào ạ?";

/**
 * A few answered questions on the demo cooperative's products and one waiting for its answer, all
 * asked by the demo shopper and answered by producer@demo.local. The cooperative is the only demo
 * producer with an account (the others are listings without a login), and an answer is always some
 * account's (product_questions_answered), so the answered ones are all on its goods.
 */
export function seedDemoQuestions(db: Db, { now, producerId, shopperId }: { now: number; producerId: number; shopperId: number }) {
  const own = db
    .select({ id: schema.products.id, ownerUserId: schema.producers.ownerUserId })
    .from(schema.products)
    .innerJoin(schema.producers, eq(schema.producers.id, schema.products.producerId))
    .where(and(eq(schema.products.producerId, producerId), eq(schema.products.status, "live"), isNotNull(schema.producers.ownerUserId)))
    .orderBy(asc(schema.products.id))
    .limit(3)
    .all();
  const first = own[0];
  if (!first) return;
  // The first product gets two answered questions, the next ones one each.
  [first, ...own].forEach((product, i) => {
    const qa = ANSWERED[i % ANSWERED.length]!;
    const askedAt = now - (10 - i) * 24 * HOUR;
    db.insert(schema.productQuestions)
      .values({
        productId: product.id,
        askerUserId: shopperId,
        body: qa.question,
        answer: qa.answer,
        answeredByUserId: product.ownerUserId,
        answeredAt: askedAt + 5 * HOUR,
        createdAt: askedAt,
      })
      .run();
  });
  db.insert(schema.productQuestions).values({ productId: first.id, askerUserId: shopperId, body: WAITING, createdAt: now - 2 * HOUR }).run();
}
