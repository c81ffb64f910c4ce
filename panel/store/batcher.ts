/**
 * Collects items and hands them over in one batch per animation frame, so a burst of
 * 2,000 requests costs a handful of store updates, not 2,000 renders. A hidden DevTools
 * panel gets no animation frames, hence the timeout fallback. Batches are at least `minGapMs`
 * apart: during a burst a render per frame (60 a second) took CPU the page's own requests
 * needed on a small machine (issue 19), while a row showing 50 ms later goes unnoticed.
 */
export interface Scheduler {
  frame(cb: () => void): void;
  timeout(cb: () => void, ms: number): void;
}

export function createBatcher<T>(
  flush: (items: T[]) => void,
  scheduler: Scheduler,
  fallbackMs = 100,
  minGapMs = 50,
  now: () => number = Date.now,
) {
  let pending: T[] = [];
  let scheduled = false;
  let lastFlush = -Infinity;
  const run = () => {
    if (!scheduled) return;
    scheduled = false;
    lastFlush = now();
    const items = pending;
    pending = [];
    if (items.length > 0) flush(items);
  };
  return {
    push(item: T) {
      pending.push(item);
      if (scheduled) return;
      scheduled = true;
      const wait = lastFlush + minGapMs - now();
      if (wait > 0) return scheduler.timeout(run, wait);
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
