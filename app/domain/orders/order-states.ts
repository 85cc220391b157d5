/**
 * Life of one producer's part of an order, kept as data (PRODUCT.md §3, "Cart, checkout, orders")
 * so the rules can be read, tested exhaustively and shown to people in one place.
 */

export const PART_STATUSES = [
  "awaiting_payment",
  "paid",
  "confirmed",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export const PART_ACTIONS = ["pay", "expire", "confirm", "ship", "deliver", "cancel", "refund"] as const;
export type PartAction = (typeof PART_ACTIONS)[number];

export type OrderStatus = "awaiting_payment" | "in_progress" | "completed" | "cancelled" | "refunded";

/**
 * Every legal move; anything missing is illegal.
 * `cancelled → refund` exists for parts cancelled after the money arrived (or whose transfer came late):
 * the table cannot see payments, so callers must check that money was actually received before refunding.
 */
export const PART_MOVES: Record<PartStatus, Partial<Record<PartAction, PartStatus>>> = {
  awaiting_payment: { pay: "paid", expire: "cancelled", cancel: "cancelled" },
  paid: { confirm: "confirmed", cancel: "cancelled", refund: "refunded" },
  confirmed: { ship: "shipped", cancel: "cancelled", refund: "refunded" },
  shipped: { deliver: "delivered", refund: "refunded" },
  delivered: { refund: "refunded" },
  cancelled: { refund: "refunded" },
  refunded: {},
};

export class IllegalMoveError extends Error {
  readonly from: PartStatus;
  readonly action: PartAction;

  constructor(from: PartStatus, action: PartAction) {
    super(`An order part that is ${from} cannot ${action}`);
    this.name = "IllegalMoveError";
    this.from = from;
    this.action = action;
  }
}

/** Status after `action`, or IllegalMoveError when the table has no such move. */
export function nextPartStatus(from: PartStatus, action: PartAction): PartStatus {
  const to = PART_MOVES[from][action];
  if (to === undefined) throw new IllegalMoveError(from, action);
  return to;
}

/** Actions legal from `from`, in PART_ACTIONS order so buttons appear in a stable order. */
export function allowedActions(from: PartStatus): PartAction[] {
  return PART_ACTIONS.filter((action) => PART_MOVES[from][action] !== undefined);
}

/**
 * True when nothing can happen to the part any more. Only `refunded`: a cancelled or delivered part
 * may still be refunded.
 */
export function isFinal(status: PartStatus): boolean {
  return allowedActions(status).length === 0;
}

/** Overall status of an order from its parts (one part per producer; an order has at least one). */
export function orderStatusOf(partStatuses: readonly PartStatus[]): OrderStatus {
  if (partStatuses.length === 0) throw new Error("An order has at least one part");
  const all = (...statuses: PartStatus[]) => partStatuses.every((status) => statuses.includes(status));
  const some = (status: PartStatus) => partStatuses.includes(status);

  if (all("awaiting_payment")) return "awaiting_payment";
  if (all("cancelled")) return "cancelled";
  if (all("refunded")) return "refunded";
  if (all("delivered", "cancelled", "refunded") && some("delivered")) return "completed";
  if (all("cancelled", "refunded")) return some("refunded") ? "refunded" : "cancelled";
  return "in_progress";
}
