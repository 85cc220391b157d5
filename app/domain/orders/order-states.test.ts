import { describe, expect, it } from "vitest";
import {
  allowedActions,
  IllegalMoveError,
  isFinal,
  nextPartStatus,
  orderStatusOf,
  PART_ACTIONS,
  PART_MOVES,
  PART_STATUSES,
  type PartAction,
  type PartStatus,
} from "./order-states";

/**
 * The whole machine written out independently of PART_MOVES: one row per status, one column per action,
 * "-" where the move is illegal.
 */
const COLUMNS = ["pay", "expire", "confirm", "ship", "deliver", "cancel", "refund"] as const;
const EXPECTED: Record<PartStatus, readonly (PartStatus | "-")[]> = {
  //                 pay     expire       confirm      ship       deliver      cancel       refund
  awaiting_payment: ["paid", "cancelled", "-",         "-",       "-",         "cancelled", "-"],
  paid:             ["-",    "-",         "confirmed", "-",       "-",         "cancelled", "refunded"],
  confirmed:        ["-",    "-",         "-",         "shipped", "-",         "cancelled", "refunded"],
  shipped:          ["-",    "-",         "-",         "-",       "delivered", "-",         "refunded"],
  delivered:        ["-",    "-",         "-",         "-",       "-",         "-",         "refunded"],
  cancelled:        ["-",    "-",         "-",         "-",       "-",         "-",         "refunded"],
  refunded:         ["-",    "-",         "-",         "-",       "-",         "-",         "-"],
};

describe("part state machine", () => {
  it("lists the seven statuses and seven actions", () => {
    expect([...PART_STATUSES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...PART_ACTIONS].sort()).toEqual([...COLUMNS].sort());
    expect(Object.keys(PART_MOVES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(PART_STATUSES)("from %s", (from) => {
    it.each(COLUMNS.map((action, column) => [action, EXPECTED[from][column]!] as const))("%s → %s", (action, expected) => {
      if (expected === "-") {
        expect(PART_MOVES[from][action]).toBeUndefined();
        let thrown: unknown;
        try {
          nextPartStatus(from, action);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(IllegalMoveError);
        expect(thrown).toBeInstanceOf(Error);
        expect(thrown).toMatchObject({ from, action, name: "IllegalMoveError" });
        expect((thrown as Error).message).toContain(from);
        expect((thrown as Error).message).toContain(action);
      } else {
        expect(nextPartStatus(from, action)).toBe(expected);
      }
    });

    it("allows exactly the legal actions", () => {
      const legal = COLUMNS.filter((_, column) => EXPECTED[from][column] !== "-");
      expect(allowedActions(from)).toEqual(legal);
    });
  });

  it("has refunded as its only final status", () => {
    const finals = PART_STATUSES.filter(isFinal);
    expect(finals).toEqual(["refunded"]);
    for (const status of ["cancelled", "delivered"] as const) expect(isFinal(status)).toBe(false);
  });

  it("reaches every status from awaiting_payment along the happy path", () => {
    const path: PartAction[] = ["pay", "confirm", "ship", "deliver", "refund"];
    let status: PartStatus = "awaiting_payment";
    const seen: PartStatus[] = [status];
    for (const action of path) seen.push((status = nextPartStatus(status, action)));
    expect(seen).toEqual(["awaiting_payment", "paid", "confirmed", "shipped", "delivered", "refunded"]);
  });
});

describe("orderStatusOf", () => {
  const cases: [PartStatus[], ReturnType<typeof orderStatusOf>][] = [
    [["awaiting_payment"], "awaiting_payment"],
    [["awaiting_payment", "awaiting_payment"], "awaiting_payment"],
    [["cancelled"], "cancelled"],
    [["cancelled", "cancelled"], "cancelled"],
    [["refunded"], "refunded"],
    [["refunded", "refunded"], "refunded"],
    [["delivered"], "completed"],
    [["delivered", "delivered"], "completed"],
    [["delivered", "cancelled"], "completed"],
    [["delivered", "refunded"], "completed"],
    [["delivered", "cancelled", "refunded"], "completed"],
    [["cancelled", "refunded"], "refunded"],
    [["refunded", "cancelled", "cancelled"], "refunded"],
    [["paid"], "in_progress"],
    [["confirmed"], "in_progress"],
    [["shipped"], "in_progress"],
    [["paid", "awaiting_payment"], "in_progress"],
    [["delivered", "shipped"], "in_progress"],
    [["delivered", "paid", "cancelled"], "in_progress"],
    [["confirmed", "refunded"], "in_progress"],
    // The order awaits payment only while every part does; one cancelled part alongside makes it in_progress.
    [["awaiting_payment", "cancelled"], "in_progress"],
  ];
  it.each(cases)("%j → %s", (parts, expected) => {
    expect(orderStatusOf(parts)).toBe(expected);
  });
  it("refuses an order without parts", () => {
    expect(() => orderStatusOf([])).toThrow(/at least one part/);
  });
});
