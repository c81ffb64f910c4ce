import type { Exchange } from '../model/exchange';
import { parseList } from './lists';
import { isSafelistedHeader, isSafelistedMethod, unsafeHeaderNames } from './safelist';
import type { PreflightNeed } from './types';

/** The method exactly as recorded: Exchange.method is upper-cased, but ACAM matching is case-sensitive. */
export function rawMethod(x: Exchange): string {
  const m = x.entry.request?.method;
  return typeof m === 'string' && m.trim() ? m.trim() : x.method;
}

/**
 * What the preflight had to allow. A captured preflight says it outright (its ACRM and ACRH);
 * otherwise it is recomputed from the request's headers, minus those the browser adds itself.
 */
export function preflightNeed(x: Exchange, preflight: Exchange | null): PreflightNeed {
  if (preflight) {
    const method = preflight.req.get('access-control-request-method')?.trim() || rawMethod(x);
    const headers = parseList(preflight.req, 'access-control-request-headers').items.map((h) => h.toLowerCase());
    return {
      needed: true,
      method,
      methodSafelisted: isSafelistedMethod(method),
      headers: [...new Set(headers)],
      from: 'preflight',
    };
  }
  const method = rawMethod(x);
  // Stryker disable next-line ArrayDeclaration: unsafeHeaderNames skips an item that is not a { name, value }
  const recorded = Array.isArray(x.entry.request?.headers) ? x.entry.request.headers : [];
  const headers = unsafeHeaderNames(recorded);
  // Provisional headers of a request that never left may omit Content-Type; the body's type stands in.
  const bodyType = x.entry.request?.postData?.mimeType;
  if (
    !x.req.has('content-type') &&
    typeof bodyType === 'string' &&
    bodyType &&
    !isSafelistedHeader('content-type', bodyType)
  ) {
    headers.push('content-type');
    headers.sort();
  }
  const methodSafelisted = isSafelistedMethod(method);
  return { needed: !methodSafelisted || headers.length > 0, method, methodSafelisted, headers, from: 'request' };
}
