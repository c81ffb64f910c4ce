import type { CapturedRequest, PanelHost } from '../../panel/capture/host';
import { connectHost } from '../../panel/capture/connect';
import type { Scheduler } from '../../panel/store/batcher';
import { createPanelStore } from '../../panel/store/panel-store';

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

/** A store connected to a fake DevTools whose backfill is in: live requests are then batched by `tick`. */
export async function connectedStore() {
  const fake = createFakeHost();
  const store = createPanelStore();
  const tick = manualScheduler();
  const conn = connectHost(fake.host, store, tick.scheduler);
  fake.releaseBackfill();
  await conn.ready;
  return { fake, store, tick, conn };
}
