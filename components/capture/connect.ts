import { bodyMayFlag, type HarEntry } from '../../lib';
import { createBatcher, type Scheduler } from '../store/batcher';
import type { PanelStore } from '../store/panel-store';
import { createBodyLoader } from './bodies';
import type { CapturedRequest, PanelHost } from './host';

function sameRequest(a: HarEntry, b: HarEntry): boolean {
  return (
    a.startedDateTime === b.startedDateTime &&
    a.request?.url === b.request?.url &&
    a.request?.method === b.request?.method
  );
}

/**
 * Wires a host (real DevTools or a test fake) to a store: live requests are batched per
 * frame, the log from before the panel opened is backfilled once, navigations clear the log
 * unless "Preserve log" is on.
 */
export function connectHost(host: PanelHost, store: PanelStore, scheduler: Scheduler) {
  const bodies = createBodyLoader(store);
  let backfilling = true;
  const early: CapturedRequest[] = [];

  const ingest = (requests: CapturedRequest[]) => {
    const indices = store.getState().addEntries(requests.map((r) => r.entry));
    const { engine } = store.getState();
    // Read the body now when the entry is flagged, or when its body could flag it (lib: bodyMayFlag).
    indices.forEach((index, i) => {
      const x = engine.exchange(index);
      bodies.track(index, requests[i]!, (engine.diagnoses.get(index)?.flagged ?? false) || (!!x && bodyMayFlag(x)));
    });
  };
  const batcher = createBatcher<CapturedRequest>(ingest, scheduler);

  const unsubscribe = host.subscribe(
    (r) => (backfilling ? early.push(r) : batcher.push(r)),
    (url) => {
      batcher.flushNow();
      const preserve = store.getState().preserveLog;
      if (!preserve) bodies.reset();
      store.getState().navigated(url);
      // DevTools does not report the redirect hops of a navigation (a login that set the
      // session cookie) as finished requests; its log has them. Keep their Set-Cookies as context.
      if (!preserve) {
        host
          .backfill()
          .then((log) => store.getState().addContext(log.map((r) => r.entry)))
          .catch(() => undefined);
      }
    },
  );

  const ready = host
    .backfill()
    .catch(() => [] as CapturedRequest[])
    .then((past) => {
      // Requests that finished while getHAR() was answering may be in both lists.
      const fresh = early.filter((r) => !past.some((p) => sameRequest(p.entry, r.entry)));
      backfilling = false;
      if (past.length + fresh.length > 0) ingest([...past, ...fresh]);
    });

  return {
    ready,
    loadBody: (index: number) => bodies.load(index),
    clear: () => {
      bodies.reset();
      store.getState().clear();
    },
    disconnect: unsubscribe,
  };
}

export type Connection = ReturnType<typeof connectHost>;
