import { bodyMayFlag, parseViolations, violationEntry, type HarEntry, preflightFails, toExchange } from '../../lib';
import { createBatcher, type Scheduler } from '../store/batcher';
import type { PanelStore } from '../store/panel-store';
import { createBodyLoader, MAY_FLAG_GAP_MS, type ImportedBodies } from './bodies';
import type { CapturedRequest, PanelHost } from './host';

/** How often the page's CSP violations are collected. */
export const VIOLATION_POLL_MS = 1000;

function keyOf(e: HarEntry): string {
  return `${e.startedDateTime} ${e.request?.method} ${e.request?.url}`;
}

/** Grace before a response-less getHAR() entry counts as never finishing (it may be in flight). */
const SWEEP_GRACE_MS = 1000;

/**
 * A request the browser will never report as finished: no response at all (status 0, no HTTP
 * version, no response headers). Firefox logs the request behind a refused preflight this way.
 */
function neverFinished(e: HarEntry, now: number): boolean {
  const res = e.response;
  const started = Date.parse(String(e.startedDateTime ?? ''));
  return (
    !!res &&
    (res.status === 0 || res.status === undefined) &&
    !res.httpVersion &&
    (!Array.isArray(res.headers) || res.headers.length === 0) &&
    Number.isFinite(started) &&
    now - started >= SWEEP_GRACE_MS
  );
}

/**
 * Wires a host (real DevTools or a test fake) to a store: live requests are batched per
 * frame, the log from before the panel opened is backfilled once, navigations clear the log
 * unless "Preserve log" is on. What it remembers of the capture (requests seen, bodies to read)
 * resets in one place: when the engine announces a clear, whoever asked for it.
 */
export function connectHost(host: PanelHost, store: PanelStore, scheduler: Scheduler) {
  const { engine } = store.getState();
  const bodies = createBodyLoader(store, (next) => scheduler.timeout(next, MAY_FLAG_GAP_MS));
  /** Everything listed since the last clear, so a sweep of getHAR() adds no duplicates. */
  const seen = new Set<string>();
  let clearedAt = 0;
  let stopped = false;
  let sweeping = false;
  /** Until the backfill is in, live requests wait here (they may also be in getHAR()'s answer). */
  let early: CapturedRequest[] | null = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  /** `seen` of a capture an import set aside (it comes back if the import fails). */
  let seenAside: string[] | null = null;
  const stopFollowingClears = engine.onChange((change) => {
    if (change.kind === 'unstashed') {
      if (change.restored && seenAside) for (const k of seenAside) seen.add(k);
      seenAside = null;
      return;
    }
    if (change.kind !== 'cleared') return;
    seenAside = change.stashed ? [...seen] : null;
    seen.clear();
    clearedAt = Date.now();
  });

  /**
   * Requests that finish while a file is imported wait for its end: then they follow the file's
   * entries, or the capture the file was to replace if it fails (nothing lost either way).
   */
  const held: CapturedRequest[] = [];
  const stopWaitingForImports = store.subscribe((s, before) => {
    if (before.importing && !s.importing && held.length > 0) ingest(held.splice(0));
  });

  function ingest(requests: CapturedRequest[]): void {
    if (store.getState().importing) {
      held.push(...requests);
      return;
    }
    for (const r of requests) seen.add(keyOf(r.entry));
    const indices = store.getState().addEntries(requests.map((r) => r.entry));
    // Read the body now when the entry is flagged; soon when its body could flag it (lib: bodyMayFlag).
    indices.forEach((index, i) => {
      const x = engine.exchange(index);
      const flagged = engine.diagnoses.kept(index) !== undefined;
      bodies.track(index, requests[i]!, flagged ? 'now' : x && bodyMayFlag(x) ? 'paced' : 'on-demand');
    });
  }
  const batcher = createBatcher<CapturedRequest>(ingest, scheduler);

  function onRequest(r: CapturedRequest): void {
    lookLaterIfPreflightFailed(r);
    if (early) early.push(r);
    else batcher.push(r);
  }

  function onNavigated(url: string): void {
    batcher.flushNow();
    const preserve = store.getState().preserveLog;
    store.getState().navigated(url);
    // DevTools does not report the redirect hops of a navigation (a login that set the
    // session cookie) as finished requests; its log has them. Keep their Set-Cookies as context.
    if (!preserve) {
      host
        .backfill()
        .then((log) => store.getState().addContext(log.map((r) => r.entry)))
        .catch(() => undefined);
    }
  }

  async function backfillOnce(): Promise<void> {
    const past = await host.backfill().catch(() => [] as CapturedRequest[]);
    const pastKeys = new Set(past.map((p) => keyOf(p.entry)));
    // Requests that finished while getHAR() was answering may be in both lists.
    const fresh = (early ?? []).filter((r) => !pastKeys.has(keyOf(r.entry)));
    early = null;
    if (past.length + fresh.length > 0) ingest([...past, ...fresh]);
  }

  /**
   * A refused preflight guards a request the browser may never report (Firefox): look for it in
   * getHAR() once it has had time to settle. Once per refused preflight: every getHAR() call
   * costs, and Firefox's log has been seen losing requests that run while it answers.
   */
  function lookLaterIfPreflightFailed(r: CapturedRequest): void {
    const delay = host.sweepMs;
    if (!delay || String(r.entry.request?.method).toUpperCase() !== 'OPTIONS') return;
    if (!preflightFails(toExchange(r.entry, -1))) return;
    const t = setTimeout(() => {
      timers.delete(t);
      void ready.then(sweep);
    }, delay);
    timers.add(t);
  }

  async function sweep(): Promise<void> {
    if (sweeping) return;
    sweeping = true;
    try {
      const now = Date.now();
      const missed = (await host.backfill()).filter((r) => {
        const started = Date.parse(String(r.entry.startedDateTime ?? ''));
        return !seen.has(keyOf(r.entry)) && neverFinished(r.entry, now) && !(started < clearedAt);
      });
      batcher.flushNow();
      const fresh = missed.filter((r) => !seen.has(keyOf(r.entry)));
      if (fresh.length > 0) ingest(fresh);
    } catch {
      // getHAR() can fail while DevTools navigates; the next sweep catches up.
    } finally {
      sweeping = false;
    }
  }

  /**
   * CSP-blocked calls never reach devtools.network: poll the page's violation reports and list
   * each one as a synthesized row (docs/browser-blocks.md). The poll re-arms after navigations.
   */
  function pollViolations(): void {
    if (stopped || !host.violations) return;
    host
      .violations()
      .then((raw) => {
        if (stopped) return;
        for (const v of parseViolations(raw, Date.now())) batcher.push({ entry: violationEntry(v) });
      })
      .catch(() => undefined)
      .finally(() => scheduler.timeout(pollViolations, VIOLATION_POLL_MS));
  }

  const unsubscribe = host.subscribe(onRequest, onNavigated);
  const ready = backfillOnce();
  void ready.then(pollViolations);

  return {
    ready,
    /** Looks for requests the browser never reported as finished (see PanelHost.sweepMs). */
    sweep: () => ready.then(sweep),
    loadBody: (index: number) => bodies.load(index),
    /** An imported file's bodies are read back from it (the import worker keeps it). */
    importedFrom: (file: ImportedBodies, positions: ReadonlyMap<number, number>) =>
      bodies.importedFrom(file, positions),
    clear: () => store.getState().clear(),
    disconnect: () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      unsubscribe();
      stopFollowingClears();
      stopWaitingForImports();
    },
  };
}

export type Connection = ReturnType<typeof connectHost>;
