/**
 * Long work in slices: a generator is stepped for a few milliseconds, then the event loop runs
 * (incoming requests, newer edits) before the next slice. Work whose input went stale is dropped
 * between slices instead of being finished.
 */

/** Time one slice may take before requests get their turn. */
export const SLICE_MS = 8;

/** Resolves after the event loop's next turn: requests already received are handled first. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Steps `steps` until it finishes or `budgetMs` has passed. */
export function runSlice<T>(steps: Generator<void, T, void>, budgetMs: number): IteratorResult<void, T> {
  const start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done || performance.now() - start >= budgetMs) return step;
  }
}

/** Runs `steps` to the end in slices; undefined when `stale()` said so between two slices. */
export async function runSliced<T>(steps: Generator<void, T, void>, stale: () => boolean, budgetMs = SLICE_MS): Promise<{ value: T } | undefined> {
  for (;;) {
    if (stale()) {
      steps.return(undefined as T);
      return undefined;
    }
    const step = runSlice(steps, budgetMs);
    if (step.done) return { value: step.value };
    await nextTurn();
  }
}
