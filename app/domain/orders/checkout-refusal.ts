import type { MessageKey } from "~/i18n/vi";
import type { VoucherProblem } from "../promotions/discounts";

/** Why checkout placed no order (checkout.server.ts's placeOrder). */
export type CheckoutProblem =
  | { problem: "empty" }
  | { problem: "lines"; lines: { name: string; unit: string; available: number }[] }
  | { problem: "tooLarge" }
  | { problem: "methodLimit" }
  | { problem: "priceChanged" }
  | { problem: "openOrders"; by: "phone" | "address" }
  | { problem: "unitCap"; lines: { name: string; unit: string; allowed: number }[] }
  | { problem: "field"; field: "provinceCode" | "wardCode" | "paymentMethod" }
  | { problem: "voucher"; reason: VoucherProblem };

export type Shortage = { name: string; unit: string; available: number };
export type Capped = { name: string; unit: string; allowed: number };

/** What the checkout page tells the shopper about a refusal, and the HTTP status that goes with it. */
export interface CheckoutRefusal {
  /** Set when one field is wrong: the message shows by it; otherwise at the top of the form. */
  field: "provinceCode" | "wardCode" | "paymentMethod" | "voucherCode" | null;
  message: MessageKey;
  /** 400 for a wrong field or an order too large, 409 when stock, price or caps changed under the cart, 429 for too many open orders. */
  status: 400 | 409 | 429;
  /** Lines short of stock, each with what is left. */
  shortages: Shortage[];
  /** Lines over the per-phone unit cap, each with what may still be held. */
  capped: Capped[];
}

const FIELD_MESSAGE: Record<"provinceCode" | "wardCode" | "paymentMethod", MessageKey> = {
  provinceCode: "checkout.error.province",
  wardCode: "checkout.error.ward",
  paymentMethod: "checkout.error.paymentMethod",
};

/** Why a typed voucher code cannot be used (ADR 0019), as the shopper reads it by the field. */
export const VOUCHER_MESSAGE: Record<VoucherProblem, MessageKey> = {
  unknown: "voucher.error.unknown",
  notRunning: "voucher.error.notRunning",
  usedUp: "voucher.error.usedUp",
  perBuyer: "voucher.error.perBuyer",
  notApplicable: "voucher.error.notApplicable",
  minimum: "voucher.error.minimum",
};

/** The refusal as the shopper reads it. An empty cart is not a refusal to word: the page sends the shopper back to the cart. */
export function checkoutRefusal(refused: Exclude<CheckoutProblem, { problem: "empty" }>): CheckoutRefusal {
  const none = { field: null, shortages: [], capped: [] };
  switch (refused.problem) {
    case "field":
      return { ...none, field: refused.field, message: FIELD_MESSAGE[refused.field], status: 400 };
    case "openOrders":
      return { ...none, message: refused.by === "phone" ? "checkout.error.openOrdersPhone" : "checkout.error.openOrdersAddress", status: 429 };
    case "lines":
      return { ...none, message: "checkout.error.stock", status: 409, shortages: refused.lines };
    case "unitCap":
      return { ...none, message: "checkout.error.unitCap", status: 409, capped: refused.lines };
    case "priceChanged":
      return { ...none, message: "checkout.error.priceChanged", status: 409 };
    case "voucher":
      return { ...none, field: "voucherCode", message: VOUCHER_MESSAGE[refused.reason], status: 400 };
    case "tooLarge":
      return { ...none, message: "checkout.error.tooLarge", status: 400 };
    case "methodLimit":
      return { ...none, field: "paymentMethod", message: "checkout.error.walletLimit", status: 400 };
  }
}
