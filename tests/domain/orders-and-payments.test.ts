import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { bankTransfers, orderParts, orders, products } from "~/db/schema";
import { PAYMENT_WINDOW_MS } from "~/domain/orders/checkout.server";
import { movePart, partsOfOrder } from "~/domain/orders/order-moves.server";
import { receiveBankTransfer } from "~/domain/payments/bank-transfer.server";
import { producerBalances } from "~/domain/ledger/ledger.server";
import { expireLapsedOrders } from "~/domain/payments/payments.server";
import { settings } from "~/settings.server";
import { aProducer, aProduct, anOrder } from "../factories";

const stockOf = (productId: number) => getDb().select({ stock: products.stock }).from(products).where(eq(products.id, productId)).get()!.stock;
const orderById = (id: number) => getDb().select().from(orders).where(eq(orders.id, id)).get()!;
let transfers = 0;
const transfer = (code: string, amount: number, transactionId = `tx-${++transfers}`) =>
  receiveBankTransfer({
    transactionId,
    amount,
    description: `CK ${code} thanh toan`,
    accountNumber: settings.vietQrAccount.accountNo,
    occurredAt: new Date().toISOString(),
  });

describe("an order and its stock", () => {
  it("takes the stock when placed and gives it back when the payment window lapses", () => {
    const producer = aProducer();
    const product = aProduct(producer, { stock: 5 });
    const placedAt = Date.now();
    const order = anOrder([{ productId: product.id, quantity: 3 }], {}, placedAt);
    expect(stockOf(product.id)).toBe(2);

    expect(expireLapsedOrders(placedAt + PAYMENT_WINDOW_MS - 1)).toBe(0);
    expect(stockOf(product.id)).toBe(2);
    expect(expireLapsedOrders(placedAt + PAYMENT_WINDOW_MS + 1)).toBeGreaterThanOrEqual(1);
    expect(stockOf(product.id)).toBe(5);
    expect(orderById(order.id).paymentStatus).toBe("expired");
  });

  it("splits a cart from two producers into one part each, with one shipping fee per part", () => {
    const nearby = aProducer({ provinceCode: "92" });
    const far = aProducer({ provinceCode: "01" });
    const fish = aProduct(nearby, { priceVnd: 120_000 });
    const tea = aProduct(far, { priceVnd: 80_000 });
    const order = anOrder([
      { productId: fish.id, quantity: 1 },
      { productId: tea.id, quantity: 2 },
    ]);
    const parts = getDb().select().from(orderParts).where(eq(orderParts.orderId, order.id)).all();
    expect(parts.map((p) => [p.producerId, p.goodsTotalVnd, p.shippingFeeVnd]).sort()).toEqual(
      [
        [nearby.id, 120_000, 20_000],
        [far.id, 160_000, 40_000],
      ].sort(),
    );
    expect(order.totalVnd).toBe(120_000 + 20_000 + 160_000 + 40_000);
  });
});

describe("a bank transfer", () => {
  it("pays the order it names with the exact amount, once, however often it is delivered", () => {
    // A cooperative declares its own tax (ADR 0029): its share is the order less commission alone.
    const producer = aProducer({ entityType: "cooperative" });
    const order = anOrder([{ productId: aProduct(producer, { priceVnd: 50_000 }).id, quantity: 2 }]);
    expect(transfer(order.code, order.totalVnd, "bank-77").outcome).toBe("applied");
    expect(transfer(order.code, order.totalVnd, "bank-77")).toMatchObject({ outcome: "applied", redelivered: true });
    expect(orderById(order.id).paymentStatus).toBe("paid");
    expect(getDb().select().from(bankTransfers).where(eq(bankTransfers.transactionId, "bank-77")).all()).toHaveLength(1);
    // The producer's share waits for delivery: pending, not yet payable.
    const share = order.totalVnd - partsOfOrder(order.id)[0]!.commissionVnd;
    expect(producerBalances(producer.id)).toEqual({ pendingVnd: share, payableVnd: 0, paidOutVnd: 0 });
  });

  it("keeps a short transfer for staff and leaves the order waiting", () => {
    const order = anOrder([{ productId: aProduct(aProducer()).id, quantity: 1 }]);
    expect(transfer(order.code, order.totalVnd - 1_000).outcome).toBe("short");
    expect(orderById(order.id).paymentStatus).toBe("unpaid");
    const kept = getDb().select().from(bankTransfers).where(eq(bankTransfers.orderId, order.id)).all();
    expect(kept.map((t) => [t.outcome, t.amountVnd])).toEqual([["short", order.totalVnd - 1_000]]);
  });

  it("a second transfer for a paid order is kept as a duplicate, not applied twice", () => {
    const producer = aProducer({ entityType: "cooperative" });
    const order = anOrder([{ productId: aProduct(producer).id, quantity: 1 }]);
    expect(transfer(order.code, order.totalVnd).outcome).toBe("applied");
    expect(transfer(order.code, order.totalVnd).outcome).toBe("duplicate");
    const share = order.totalVnd - partsOfOrder(order.id)[0]!.commissionVnd;
    expect(producerBalances(producer.id).pendingVnd).toBe(share);
  });
});

describe("a delivered part", () => {
  it("makes the producer's share payable, and only then", () => {
    // A cooperative declares its own tax (ADR 0029): its share is the part less commission alone.
    const producer = aProducer({ entityType: "cooperative" });
    const order = anOrder([{ productId: aProduct(producer, { priceVnd: 200_000 }).id, quantity: 1 }]);
    transfer(order.code, order.totalVnd);
    const producerActor = { source: "producer" as const, userId: producer.ownerUserId };
    let part = partsOfOrder(order.id)[0]!;
    const share = part.totalVnd - part.commissionVnd;
    for (const action of ["confirm", "ship"] as const) {
      movePart(part, action, producerActor, { carrier: "GHN", trackingNumber: "GHN123" });
      part = partsOfOrder(order.id)[0]!;
      expect(producerBalances(producer.id)).toEqual({ pendingVnd: share, payableVnd: 0, paidOutVnd: 0 });
    }
    movePart(part, "deliver", producerActor);
    expect(producerBalances(producer.id)).toEqual({ pendingVnd: 0, payableVnd: share, paidOutVnd: 0 });
  });
});
