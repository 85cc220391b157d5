import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

/**
 * A test that makes the code under test call `console.error` fails: an error logged and swallowed
 * is a bug the assertions did not see. A test that expects a logged error spies on it itself.
 */
let spy: MockInstance<typeof console.error>;
const logged: unknown[][] = [];

beforeEach(() => {
  logged.length = 0;
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});

afterEach(() => {
  spy.mockRestore();
  if (logged.length > 0) {
    const first = logged[0]!.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(" ");
    throw new Error(`console.error was called ${logged.length} time(s); first: ${first}`);
  }
});
