/**
 * Lets every request that is waiting run before going on. `setImmediate` runs after the I/O
 * callbacks already due, so a long job paused this way gives a health probe or a page its turn.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs a generator of steps to its end, giving the event loop a turn between two steps. */
export async function runInSteps<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToEventLoop();
  }
}
