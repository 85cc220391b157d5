import { describe, expect, it } from "vitest";
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  IllegalComplaintMoveError,
  isComplaintOpen,
  nextComplaintStatus,
  type ComplaintAction,
  type ComplaintStatus,
} from "./complaint-states";

/** Every legal move written out by hand; every other status × action pair must be refused. */
const EXPECTED: [ComplaintStatus, ComplaintAction, ComplaintStatus][] = [
  ["awaiting_producer", "producer_refund", "refunded"],
  ["awaiting_producer", "producer_return", "awaiting_return"],
  ["awaiting_producer", "producer_reject", "with_staff"],
  ["awaiting_producer", "deadline_passed", "with_staff"],
  ["awaiting_producer", "buyer_withdraw", "withdrawn"],
  ["awaiting_return", "return_received", "refunded"],
  ["awaiting_return", "staff_refund", "refunded"],
  ["awaiting_return", "staff_reject", "rejected"],
  ["awaiting_return", "buyer_withdraw", "withdrawn"],
  ["with_staff", "staff_refund", "refunded"],
  ["with_staff", "staff_reject", "rejected"],
  ["with_staff", "buyer_withdraw", "withdrawn"],
];

describe("the complaint state machine", () => {
  for (const from of COMPLAINT_STATUSES) {
    for (const action of COMPLAINT_ACTIONS) {
      const legal = EXPECTED.find(([f, a]) => f === from && a === action);
      it(`${from} × ${action} → ${legal ? legal[2] : "refused"}`, () => {
        if (legal) expect(nextComplaintStatus(from, action)).toBe(legal[2]);
        else expect(() => nextComplaintStatus(from, action)).toThrow(IllegalComplaintMoveError);
      });
    }
  }

  it("is open exactly while a move is left", () => {
    expect(COMPLAINT_STATUSES.filter(isComplaintOpen)).toEqual(["awaiting_producer", "awaiting_return", "with_staff"]);
  });
});
