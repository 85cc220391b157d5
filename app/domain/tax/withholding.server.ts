import { eq, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { orderDiscounts, orderItems, producers, products } from "~/db/schema";
import { todayInVietnam } from "../shared/dates";
import type { TaxCategory } from "./withholding-rates";
import { isWithheldFrom, NOTHING_WITHHELD, splitBase, taxCategoryOfGroup, withholdingFor, type Withholding } from "./withholding";

const producerTaxFacts = once(() =>
  getDb()
    .select({ entityType: producers.entityType, residency: producers.taxResidency })
    .from(producers)
    .where(eq(producers.id, sql.placeholder("producerId")))
    .prepare(),
);

const linesOfPart = once(() =>
  getDb()
    .select({ group: products.groupCode, lineTotalVnd: orderItems.lineTotalVnd })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.partId, sql.placeholder("partId")))
    .prepare(),
);

// The producer's own vouchers lower its revenue; the platform's campaigns do not (the platform pays them, ADR 0019).
const producerDiscountsOfPart = once(() =>
  getDb()
    .select({ vnd: sql<number>`coalesce(sum(${orderDiscounts.amountVnd}), 0)` })
    .from(orderDiscounts)
    .where(sql`${orderDiscounts.partId} = ${sql.placeholder("partId")} AND ${orderDiscounts.payer} = 'producer' AND ${orderDiscounts.target} = 'goods'`)
    .prepare(),
);

export interface PartForTax {
  id: number;
  producerId: number;
}

/**
 * Tax to withhold when the payment for a part is accepted (ADR 0029). The base is the seller's
 * revenue from the goods: the lines at their prices, less the producer's own vouchers, before the
 * platform's commission (a platform campaign's discount is paid to the producer, so it stays in). The
 * shipping fee passes through to carriers and is left out. Zero for enterprises and cooperatives.
 */
export function withholdingForPart(part: PartForTax, now: number): Withholding {
  const producer = producerTaxFacts().get({ producerId: part.producerId });
  if (!producer || !isWithheldFrom(producer.entityType)) return NOTHING_WITHHELD;
  const weights: Partial<Record<TaxCategory, number>> = {};
  let linesVnd = 0;
  for (const line of linesOfPart().all({ partId: part.id })) {
    const category = taxCategoryOfGroup(line.group);
    weights[category] = (weights[category] ?? 0) + line.lineTotalVnd;
    linesVnd += line.lineTotalVnd;
  }
  const revenueVnd = Math.max(0, linesVnd - (producerDiscountsOfPart().get({ partId: part.id })?.vnd ?? 0));
  return withholdingFor({
    entityType: producer.entityType,
    residency: producer.residency,
    date: todayInVietnam(new Date(now)),
    bases: splitBase(revenueVnd, weights),
  });
}
