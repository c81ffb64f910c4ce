import type { CapturedRequest, PanelHost } from '../../panel/capture/host';
import type { Scheduler } from '../../panel/store/batcher';

/** A scripted DevTools for store/capture tests. Never shipped: it lives under test/. */
export function createFakeHost(past: CapturedRequest[] = []) {
  let onRequest: ((r: CapturedRequest) => void) | null = null;
  let onNavigated: ((url: string) => void) | null = null;
  let releaseBackfill: () => void = () => {};
  const backfillGate = new Promise<void>((r) => (releaseBackfill = r));
  const host: PanelHost = {
    theme: 'light',
    subscribe(req, nav) {
      onRequest = req;
      onNavigated = nav;
      return () => {
        onRequest = null;
        onNavigated = null;
      };
    },
    backfill: () => backfillGate.then(() => past),
  };
  return {
    host,
    finish: (r: CapturedRequest) => onRequest?.(r),
    navigate: (url: string) => onNavigated?.(url),
    releaseBackfill: () => releaseBackfill(),
  };
}

/** A scheduler the test steps by hand: nothing flushes until it says so. */
export function manualScheduler() {
  const queued: (() => void)[] = [];
  const scheduler: Scheduler = {
    frame: (cb) => void queued.push(cb),
    timeout: (cb) => void queued.push(cb),
  };
  return {
    scheduler,
    runAll() {
      while (queued.length) queued.shift()!();
    },
    get pending() {
      return queued.length;
    },
  };
}
