import { preflightNeed } from '../cors/need';
import { checkPreflight } from '../cors/preflight';
import { reasonFirst } from '../cors/reason-first';
import { httpOrigin, isCrossOrigin } from '../cors/origin';
import type { CorsCheck } from '../cors/types';
import type { LogIndex } from '../core/log-index';
import type { Exchange } from '../model/exchange';

/**
 * A preflight whose own CORS check fails: no or another origin's `Access-Control-Allow-Origin`, a
 * non-2xx status, a redirect, or a method or header it was asked for and does not allow. In a
 * capture's list it may look like a success (204), yet it is why the browser blocked the call
 * behind it, so it is flagged itself as well as on that call (docs/causes.md). Read from the
 * preflight alone: what it was asked (ACRM, ACRH) and what it answered, in Chromium's order
 * (checkPreflight), a CORS layer's own list ahead of the status it answered with (reasonFirst). Credentials are taken as not included, the lenient reading (a `*` counts),
 * since a preflight never carries them and cannot tell; a preflight that got no response (status
 * 0: refused, offline) is the network's doing, not CORS's.
 */
export function failedPreflight(x: Exchange): CorsCheck | null {
  if (!x.isPreflight || x.status <= 0 || !x.url) return null;
  const origin = httpOrigin(x.req.get('origin'));
  if (!origin || !isCrossOrigin(origin, x.url.origin)) return null;
  // Not credentialed, so checkAccess never returns invalid_allow_credentials here.
  return reasonFirst(checkPreflight(x, preflightNeed(x, x), origin, false), x)[0] ?? null;
}

/**
 * The call this preflight guarded: the request to the same URL with the method it asked for, nearest in
 * time. A start time that did not parse puts a request last; among equals, the first in the log wins.
 */
export function guardedCall(p: Exchange, log: LogIndex): Exchange | null {
  const method = p.req.get('access-control-request-method')?.trim().toUpperCase();
  let best: Exchange | null = null;
  let bestGap = Infinity;
  for (const y of log.exchanges) {
    // p itself is a preflight, so it is skipped with the others.
    if (y.isPreflight || y.rawUrl !== p.rawUrl || (method && y.method !== method)) continue;
    const gap = p.startedAt !== null && y.startedAt !== null ? Math.abs(y.startedAt - p.startedAt) : Infinity;
    if (!best || gap < bestGap) {
      best = y;
      bestGap = gap;
    }
  }
  return best;
}
