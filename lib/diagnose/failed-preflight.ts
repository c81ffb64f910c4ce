import { checkAccess } from '../cors/access';
import { httpOrigin, isCrossOrigin } from '../cors/origin';
import type { CorsCheck } from '../cors/types';
import type { LogIndex } from '../core/log-index';
import type { Exchange } from '../model/exchange';

/**
 * A preflight the server answered 2xx whose own CORS check fails: no `Access-Control-Allow-Origin`, or one
 * naming another origin. In a capture's list it looks like a success (204), yet it is why the browser blocked
 * the call behind it, so it is flagged itself as well as on that call (docs/causes.md). Only the origin-level
 * check counts here: it needs nothing from the actual request (preflights never carry credentials).
 */
export function failedOkPreflight(x: Exchange): CorsCheck | null {
  if (!x.isPreflight || x.status < 200 || x.status > 299 || !x.url) return null;
  const origin = httpOrigin(x.req.get('origin'));
  if (!origin || !isCrossOrigin(origin, x.url.origin)) return null;
  const access = checkAccess(x.res, origin, false, 'preflight');
  return access && access.kind !== 'invalid_allow_credentials' ? access : null;
}

/** The call this preflight guarded: the next request to the same URL with the method it asked for. */
export function guardedCall(p: Exchange, log: LogIndex): Exchange | null {
  const method = p.req.get('access-control-request-method')?.trim().toUpperCase();
  let best: Exchange | null = null;
  for (const y of log.exchanges) {
    if (y === p || y.isPreflight || y.rawUrl !== p.rawUrl || (method && y.method !== method)) continue;
    const gap = p.startedAt !== null && y.startedAt !== null ? Math.abs(y.startedAt - p.startedAt) : 0;
    const bestGap =
      best && p.startedAt !== null && best.startedAt !== null ? Math.abs(best.startedAt - p.startedAt) : Infinity;
    if (!best || gap < bestGap) best = y;
  }
  return best;
}
