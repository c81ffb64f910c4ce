import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../../panel/store/batcher';

/** A scheduler that records what was asked of it; `fire` runs one recorded callback. */
function recorder() {
  const asked: { kind: 'frame' | 'timeout'; ms?: number; cb: () => void }[] = [];
  return {
    asked,
    scheduler: {
      frame: (cb: () => void) => void asked.push({ kind: 'frame', cb }),
      timeout: (cb: () => void, ms: number) => void asked.push({ kind: 'timeout', ms, cb }),
    },
  };
}

describe('createBatcher', () => {
  it('hands a burst over in one batch at the next frame, then waits out the gap before the next', () => {
    let clock = 1000;
    const batches: number[][] = [];
    const r = recorder();
    const b = createBatcher<number>(
      (items) => batches.push(items),
      r.scheduler,
      100,
      50,
      () => clock,
    );
    b.push(1);
    b.push(2);
    expect(r.asked.map((a) => a.kind)).toEqual(['frame', 'timeout']);
    r.asked[0]!.cb();
    r.asked[1]!.cb(); // the fallback after the frame delivered: nothing twice
    expect(batches).toEqual([[1, 2]]);

    clock += 10;
    b.push(3);
    // 10 ms after a batch: no frame, a timeout for the 40 ms left of the gap.
    expect(r.asked.slice(2).map((a) => [a.kind, a.ms])).toEqual([['timeout', 40]]);
    b.push(4);
    expect(r.asked).toHaveLength(3);
    clock += 40;
    r.asked[2]!.cb();
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);

    clock += 500;
    b.push(5);
    expect(r.asked.slice(3).map((a) => a.kind)).toEqual(['frame', 'timeout']);
  });
});
