import { isForbiddenHeader } from './forbidden';
import type { ReplayRequest } from './types';

/** Largest body a replay brings back for display and diagnosis. */
export const REPLAY_BODY_CAP = 256 * 1024;

/**
 * devtools.inspectedWindow.eval returns synchronously and cannot await a promise, so the page
 * script starts the fetch and parks its outcome in a slot; `pagePollScript` collects it.
 * Everything user-typed enters the script through JSON.stringify, never by concatenation.
 */
export function pageReplayScript(id: string, req: ReplayRequest, timeoutMs: number): string {
  const init = {
    method: req.method,
    headers: req.headers
      .filter((h) => h.name.trim() && !isForbiddenHeader(h.name))
      .map((h) => [h.name.trim(), h.value]),
    body: req.body,
    credentials: req.credentials,
    cache: 'no-store',
  };
  return `(() => {
  const slots = (globalThis.__why403Replays ||= {});
  const id = ${JSON.stringify(id)};
  const init = ${JSON.stringify(init)};
  if (init.body === null || init.method === 'GET' || init.method === 'HEAD') delete init.body;
  // The pair the browser adds itself for cache: 'no-store' (Fetch standard), captured with the
  // original: set by script they would be author headers, not CORS-safelisted, and cost a
  // preflight the original request never had. The browser still sends them.
  init.headers = init.headers.filter(([n, v]) => !/^(cache-control|pragma)$/i.test(n) || String(v).trim().toLowerCase() !== 'no-cache');
  const ctrl = new AbortController();
  init.signal = ctrl.signal;
  const timer = setTimeout(() => ctrl.abort(), ${Math.max(1, timeoutMs)});
  const t0 = performance.now();
  slots[id] = null;
  fetch(${JSON.stringify(req.url)}, init).then(async (r) => {
    const text = await r.text();
    slots[id] = { kind: 'response', status: r.status, statusText: r.statusText,
      headers: [...r.headers].map(([name, value]) => ({ name, value })),
      body: text.slice(0, ${REPLAY_BODY_CAP}), bodyTruncated: text.length > ${REPLAY_BODY_CAP}, ms: performance.now() - t0 };
  }, (e) => {
    const timedOut = e && e.name === 'AbortError';
    slots[id] = { kind: 'network-error', message: timedOut ? 'No answer within ${Math.round(timeoutMs / 1000)} s' : String(e && e.message || e),
      cors: !timedOut && e instanceof TypeError, timedOut, ms: performance.now() - t0 };
  }).finally(() => clearTimeout(timer));
  return true;
})()`;
}

/** Returns the parked outcome once (and frees the slot), or null while the fetch runs. */
export function pagePollScript(id: string): string {
  return `(() => {
  const slots = globalThis.__why403Replays || {};
  const key = ${JSON.stringify(id)};
  const v = slots[key];
  if (v) delete slots[key];
  return v || null;
})()`;
}

/** Headers the page's fetch will not send (forbidden request-headers): shown as "not sent". */
export function headersPageCannotSend(req: ReplayRequest): string[] {
  // A blank name is not a forbidden one.
  return req.headers.filter((h) => isForbiddenHeader(h.name)).map((h) => h.name.trim());
}
