import { describe, expect, it } from "vitest";
import { preferencesSchema } from "./preferences-form";

describe("the message choices form", () => {
  it("reads a choice per kind", () => {
    expect(preferencesSchema.parse({ review_received: "off", order_paid: "email", part_shipped: "" })).toEqual({ review_received: "off", order_paid: "email", part_shipped: "" });
  });

  it("refuses an unknown kind or choice", () => {
    expect(preferencesSchema.safeParse({ review_received: "fax" }).success).toBe(false);
    expect(preferencesSchema.safeParse({ __proto__x: "off" }).success).toBe(false);
  });
});
