/**
 * Life of a buyer's complaint about a delivered part (issue 19), kept as data like the parts'
 * (order-states.ts): every legal move is in COMPLAINT_MOVES, anything missing is illegal.
 *
 * The producer answers an open complaint within 48 hours: refund, take the goods back then refund,
 * or reject with a reason. A rejection, or silence past the deadline (the sweep), puts it before the
 * province's staff, who decide. The buyer may withdraw it while it is not decided.
 */
export const COMPLAINT_STATUSES = ["awaiting_producer", "awaiting_return", "with_staff", "refunded", "rejected", "withdrawn"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_ACTIONS = [
  "producer_refund",
  "producer_return",
  "producer_reject",
  "deadline_passed",
  "return_received",
  "staff_refund",
  "staff_reject",
  "buyer_withdraw",
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export const COMPLAINT_MOVES: Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>> = {
  awaiting_producer: {
    producer_refund: "refunded",
    producer_return: "awaiting_return",
    producer_reject: "with_staff",
    deadline_passed: "with_staff",
    buyer_withdraw: "withdrawn",
  },
  // The goods are on their way back; staff may still decide if the return stalls.
  awaiting_return: { return_received: "refunded", staff_refund: "refunded", staff_reject: "rejected", buyer_withdraw: "withdrawn" },
  with_staff: { staff_refund: "refunded", staff_reject: "rejected", buyer_withdraw: "withdrawn" },
  refunded: {},
  rejected: {},
  withdrawn: {},
};

export class IllegalComplaintMoveError extends Error {
  constructor(
    readonly from: ComplaintStatus,
    readonly action: ComplaintAction,
  ) {
    super(`A complaint that is ${from} cannot ${action}`);
    this.name = "IllegalComplaintMoveError";
  }
}

export function nextComplaintStatus(from: ComplaintStatus, action: ComplaintAction): ComplaintStatus {
  const to = COMPLAINT_MOVES[from][action];
  if (to === undefined) throw new IllegalComplaintMoveError(from, action);
  return to;
}

export function complaintActions(from: ComplaintStatus): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((action) => COMPLAINT_MOVES[from][action] !== undefined);
}

/** Open: the producer's payable for the part stays held. */
export function isComplaintOpen(status: ComplaintStatus): boolean {
  return complaintActions(status).length > 0;
}

/** Statuses a move ends in refunds the part through the staff refund path. */
export function refundsMoney(to: ComplaintStatus): boolean {
  return to === "refunded";
}

export const COMPLAINT_REASONS = ["damaged", "wrong_item", "missing_item", "not_as_described", "spoiled", "other"] as const;
export type ComplaintReason = (typeof COMPLAINT_REASONS)[number];

/** How long after delivery a buyer may complain, and how long the producer has to answer. */
export const COMPLAINT_WINDOW_MS = 7 * 24 * 3_600_000;
export const ANSWER_WINDOW_MS = 48 * 3_600_000;
export const MAX_COMPLAINT_PHOTOS = 5;
