import type { Exchange } from '../model/exchange';
import { checkAccess } from './access';
import { preflightNeed } from './need';
import { isCorsMode, isCrossOrigin } from './origin';
import { checkPreflight } from './preflight';

/**
 * Whether the capture records the browser's own verdict. Chrome writes `response._error` on
 * every entry (null when the request was fine); Firefox, proxies and most HAR tools never do.
 */
export function recordsVerdict(x: Exchange): boolean {
  // Reports also read HARs the reader did not repair: an entry may lack its response.
  const res = x.entry.response as unknown;
  return typeof res === 'object' && res !== null && '_error' in res;
}

/** The page origin a browser put on the request itself: `Origin`, else the preflight's `Origin`. */
function sentOrigin(x: Exchange, preflight: Exchange | null): string | null {
  for (const raw of [x.req.get('origin'), preflight?.req.get('origin')]) {
    const v = raw?.trim();
    if (v === 'null') return 'null';
    // Stryker disable next-line ConditionalExpression: an absent or empty Origin fails to parse below, to the same `continue`
    if (!v) continue;
    try {
      const u = new URL(v);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
    } catch {
      // An unparsable Origin is no evidence of anything.
    }
  }
  return null;
}

/**
 * Without Sec-Fetch-Mode and a resource type, an Origin header alone does not prove CORS mode:
 * a cross-site form POST (a navigation) carries one too. It asks for HTML; fetch/XHR rarely do.
 */
function looksLikeNavigation(x: Exchange): boolean {
  if (x.req.has('sec-fetch-mode') || x.resourceType) return false;
  // An absent Accept reads as "undefined", which asks for nothing.
  return /^\s*text\/html/i.test(String(x.req.get('accept')));
}

/**
 * A CORS failure read from the headers, for captures without the browser's verdict (Firefox).
 * Evidence is required: a cross-origin request in CORS mode whose captured preflight fails the
 * CORS-preflight checks, or whose recorded response fails the CORS check. A request that never got
 * a response (status 0) and has no failing preflight is NOT a CORS failure: offline, DNS, TLS,
 * a refused connection or an ad-blocker look exactly the same. A no-cors request (image, script,
 * stylesheet without `crossorigin`) is never blocked by CORS, whatever the response says.
 */
export function failsCorsUnrecorded(x: Exchange, preflight: Exchange | null, credentialed: boolean): boolean {
  if (x.isPreflight || !x.url) return false;
  if (x.url.protocol !== 'http:' && x.url.protocol !== 'https:') return false;
  if (!preflight && (!isCorsMode(x) || looksLikeNavigation(x))) return false;
  if (preflight && x.req.get('sec-fetch-mode') && !isCorsMode(x)) return false;
  const origin = sentOrigin(x, preflight);
  // Browsers put Origin on every cross-origin CORS request; without it there is no evidence.
  if (origin === null || !isCrossOrigin(origin, x.url.origin)) return false;
  if (preflight && checkPreflight(preflight, preflightNeed(x, preflight), origin, credentialed).length > 0) return true;
  const responded = x.status !== 0 || x.res.size > 0;
  // 304: the page gets the cached response (with its CORS headers), not this header set.
  if (!responded || x.status === 304 || (x.status >= 100 && x.status < 200)) return false;
  // Stryker disable next-line StringLiteral: the stage only words the message; whether a check fails does not depend on it
  return checkAccess(x.res, origin, credentialed, 'response') !== null;
}

/**
 * A captured preflight that fails the CORS-preflight checks on its own headers (its ACRM/ACRH
 * say what it had to allow). Firefox then never reports the request it guarded as finished.
 */
export function preflightFails(p: Exchange): boolean {
  if (!p.isPreflight) return false;
  const origin = sentOrigin(p, null);
  return checkPreflight(p, preflightNeed(p, p), origin, false).length > 0;
}
