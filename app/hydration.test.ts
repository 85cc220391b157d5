import { describe, expect, it } from "vitest";
import { hydrates, staticPage } from "./hydration";

describe("hydrates", () => {
  it("ships the framework unless a matched route is a static page", () => {
    expect(hydrates([{ handle: undefined }, { handle: { messages: ["more"] } }])).toBe(true);
    expect(hydrates([{ handle: undefined }, { handle: staticPage }])).toBe(false);
    expect(hydrates([])).toBe(true);
  });
});
