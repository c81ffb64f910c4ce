/**
 * Collects items and hands them over in one batch per animation frame, so a burst of
 * 2,000 requests costs a handful of store updates, not 2,000 renders. A hidden DevTools
 * panel gets no animation frames, hence the timeout fallback.
 */
export interface Scheduler {
  frame(cb: () => void): void;
  timeout(cb: () => void, ms: number): void;
}

export function createBatcher<T>(flush: (items: T[]) => void, scheduler: Scheduler, fallbackMs = 100) {
  let pending: T[] = [];
  let scheduled = false;
  const run = () => {
    if (!scheduled) return;
    scheduled = false;
    const items = pending;
    pending = [];
    if (items.length > 0) flush(items);
  };
  return {
    push(item: T) {
      pending.push(item);
      if (scheduled) return;
      scheduled = true;
      scheduler.frame(run);
      scheduler.timeout(run, fallbackMs);
    },
    /** Delivers whatever is pending now (tests, navigation). */
    flushNow: () => {
      scheduled = true;
      run();
    },
  };
}
