import { describe, expect, expectTypeOf, it } from "vitest";
import type { orders } from "~/db/schema";
import {
  awaitsPayment,
  awaitsTransfer,
  IllegalPaymentMoveError,
  isFinalPayment,
  isRefundable,
  nextPaymentStatus,
  PAYMENT_MOVES,
  PAYMENT_STATUSES,
  payableByCard,
  paymentMoveAllowed,
  refundMethod,
  REFUNDABLE_STATUSES,
  sellerMayMarkTransferReceived,
  staffPaymentAction,
  statusAfterRefund,
  statusesMovingTo,
  wasPaid,
  type PaymentStatus,
} from "./payment-states";

/**
 * The whole machine written out independently of PAYMENT_MOVES: one row per status (from), one column
 * per status (to), "x" where the move is legal.
 */
const COLUMNS = ["unpaid", "paid", "failed", "expired", "refunded", "partially_refunded"] as const;
const EXPECTED: Record<PaymentStatus, readonly ("x" | "-")[]> = {
  //                   unpaid paid failed expired refunded partially_refunded
  unpaid:             ["-",   "x", "x",   "x",    "-",     "-"],
  paid:               ["-",   "-", "-",   "-",    "x",     "x"],
  failed:             ["-",   "-", "-",   "-",    "-",     "-"],
  expired:            ["-",   "-", "-",   "-",    "-",     "-"],
  refunded:           ["-",   "-", "-",   "-",    "-",     "-"],
  partially_refunded: ["-",   "-", "-",   "-",    "x",     "x"],
};

const catchError = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe("payment state machine", () => {
  it("lists the six statuses the orders table stores", () => {
    expect([...PAYMENT_STATUSES].sort()).toEqual([...COLUMNS].sort());
    expect(Object.keys(PAYMENT_MOVES).sort()).toEqual([...COLUMNS].sort());
    expectTypeOf<PaymentStatus>().toEqualTypeOf<(typeof orders.$inferSelect)["paymentStatus"]>();
  });

  describe.each(PAYMENT_STATUSES)("from %s", (from) => {
    it.each(COLUMNS.map((to, column) => [to, EXPECTED[from][column]!] as const))("to %s: %s", (to, legal) => {
      expect(paymentMoveAllowed(from, to)).toBe(legal === "x");
      if (legal === "x") {
        expect(nextPaymentStatus(from, to)).toBe(to);
      } else {
        const thrown = catchError(() => nextPaymentStatus(from, to));
        expect(thrown).toBeInstanceOf(IllegalPaymentMoveError);
        expect(thrown).toMatchObject({ from, to, name: "IllegalPaymentMoveError", message: `A payment that is ${from} cannot become ${to}` });
      }
    });

    it("is final exactly when no move leaves it", () => {
      expect(isFinalPayment(from)).toBe(EXPECTED[from].every((cell) => cell === "-"));
    });
  });

  it("names the statuses a move may start from, for a compare-and-set update", () => {
    expect(statusesMovingTo("paid")).toEqual(["unpaid"]);
    expect(statusesMovingTo("expired")).toEqual(["unpaid"]);
    expect(statusesMovingTo("failed")).toEqual(["unpaid"]);
    expect(statusesMovingTo("refunded")).toEqual(["paid", "partially_refunded"]);
    expect(statusesMovingTo("partially_refunded")).toEqual(["paid", "partially_refunded"]);
    expect(statusesMovingTo("unpaid")).toEqual([]);
  });
});

describe("payment rules", () => {
  const table = (rule: (status: PaymentStatus) => unknown) => Object.fromEntries(PAYMENT_STATUSES.map((status) => [status, rule(status)]));

  it("awaits payment only while unpaid", () => {
    expect(table(awaitsPayment)).toEqual({ unpaid: true, paid: false, failed: false, expired: false, refunded: false, partially_refunded: false });
  });

  it("was paid once the money arrived, refunded or not", () => {
    expect(table(wasPaid)).toEqual({ unpaid: false, paid: true, failed: false, expired: false, refunded: true, partially_refunded: true });
  });

  it("is refundable while some money is still held", () => {
    expect(table(isRefundable)).toEqual({ unpaid: false, paid: true, failed: false, expired: false, refunded: false, partially_refunded: true });
    expect([...REFUNDABLE_STATUSES]).toEqual(PAYMENT_STATUSES.filter(isRefundable));
  });

  it("offers staff a mark-received button while unpaid and a refund form while money is held", () => {
    expect(table(staffPaymentAction)).toEqual({
      unpaid: "markPaid",
      paid: "refund",
      failed: null,
      expired: null,
      refunded: null,
      partially_refunded: "refund",
    });
  });

  it("refunds a card or wallet payment through the provider that took it, a transfer by a bank refund", () => {
    expect(refundMethod("stripe")).toBe("stripe");
    expect(refundMethod("vnpay")).toBe("vnpay");
    expect(refundMethod("momo")).toBe("momo");
    expect(refundMethod("vietqr")).toBe("bank");
    expect(refundMethod("payos")).toBe("bank");
  });

  it("is refunded once everything paid went back, partially before", () => {
    expect(statusAfterRefund("paid", 250_000, 100_000)).toBe("partially_refunded");
    expect(statusAfterRefund("paid", 250_000, 250_000)).toBe("refunded");
    expect(statusAfterRefund("partially_refunded", 250_000, 200_000)).toBe("partially_refunded");
    expect(statusAfterRefund("partially_refunded", 250_000, 250_000)).toBe("refunded");
    for (const from of ["unpaid", "failed", "expired", "refunded"] as const) {
      expect(catchError(() => statusAfterRefund(from, 250_000, 250_000))).toBeInstanceOf(IllegalPaymentMoveError);
    }
  });

  it("shows the bank details only for an unpaid transfer order", () => {
    for (const paymentStatus of PAYMENT_STATUSES) {
      expect(awaitsTransfer({ paymentStatus, paymentMethod: "vietqr" })).toBe(paymentStatus === "unpaid");
      expect(awaitsTransfer({ paymentStatus, paymentMethod: "stripe" })).toBe(false);
    }
  });

  it("sends to Stripe only an unpaid card order in time, with Stripe switched on", () => {
    const now = 1_800_000_000_000;
    const order = { paymentStatus: "unpaid" as PaymentStatus, paymentMethod: "stripe" as const, expiresAt: now + 1 };
    expect(payableByCard(order, { now, stripeOn: true })).toBe(true);
    expect(payableByCard(order, { now, stripeOn: false })).toBe(false);
    expect(payableByCard({ ...order, expiresAt: now }, { now, stripeOn: true })).toBe(false);
    expect(payableByCard({ ...order, paymentMethod: "vietqr" }, { now, stripeOn: true })).toBe(false);
    for (const paymentStatus of PAYMENT_STATUSES.filter((s) => s !== "unpaid")) {
      expect(payableByCard({ ...order, paymentStatus }, { now, stripeOn: true })).toBe(false);
    }
  });

  it("lets a seller mark a transfer received only in the demo, for a transfer order of its own goods alone", () => {
    const cases = [
      [{ demoPayments: true, paymentMethod: "vietqr", sharedWithOtherProducers: false }, true],
      [{ demoPayments: false, paymentMethod: "vietqr", sharedWithOtherProducers: false }, false],
      [{ demoPayments: true, paymentMethod: "stripe", sharedWithOtherProducers: false }, false],
      [{ demoPayments: true, paymentMethod: "vietqr", sharedWithOtherProducers: true }, false],
    ] as const;
    for (const [facts, allowed] of cases) expect(sellerMayMarkTransferReceived(facts)).toBe(allowed);
  });
});
