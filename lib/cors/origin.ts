import type { Exchange } from '../model/exchange';

export interface PageOrigin {
  /** Serialised origin ("https://app.example.com", or "null" for an opaque origin), or null when unknown. */
  origin: string | null;
  /** Where it was read, for evidence. */
  from: string;
}

/** The origin of an http(s) URL, or null. */
export function httpOrigin(value: string | undefined | null): string | null {
  // Stryker disable next-line ConditionalExpression: an empty or missing value fails to parse below, to the same null
  if (!value) return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origin of the page that made the request. Browsers send `Origin` on cross-origin CORS
 * requests; a request that never left (status 0) shows only Chrome's provisional headers,
 * often just `Referer`, so its preflight's `Origin` and the Referer's origin are fallbacks.
 */
export function pageOriginOf(x: Exchange, preflight: Exchange | null, pageUrl?: string | null): PageOrigin {
  const raw = x.req.get('origin')?.trim();
  if (raw === 'null')
    return { origin: 'null', from: 'Origin: null (opaque origin: sandboxed iframe, file: or data: page)' };
  const fromHeader = httpOrigin(raw);
  if (fromHeader) return { origin: fromHeader, from: 'Origin header' };
  const pre = preflight?.req.get('origin')?.trim();
  if (pre === 'null') return { origin: 'null', from: `the preflight's Origin: null (entry #${preflight!.index})` };
  const fromPreflight = httpOrigin(pre);
  if (fromPreflight)
    return { origin: fromPreflight, from: `the preflight's Origin header (entry #${preflight!.index})` };
  const fromReferer = httpOrigin(x.req.get('referer'));
  if (fromReferer) return { origin: fromReferer, from: 'the Referer header (no Origin header recorded)' };
  const fromPage = httpOrigin(pageUrl);
  if (fromPage) return { origin: fromPage, from: "the HAR's page URL" };
  return { origin: null, from: 'unknown: no Origin, Referer or page URL recorded' };
}

/** Cross-origin as the Fetch standard means it; an opaque ("null") origin is never same-origin. */
export function isCrossOrigin(origin: string, target: string): boolean {
  return origin === 'null' || origin !== target;
}

/**
 * Whether the request ran in CORS mode. `Sec-Fetch-Mode` says so outright; without it
 * (provisional headers, other browsers), fetch/XHR/fonts are CORS and so is anything that
 * carried an Origin header other than a navigation.
 */
export function isCorsMode(x: Exchange): boolean {
  const mode = x.req.get('sec-fetch-mode')?.trim().toLowerCase();
  if (mode) return mode === 'cors';
  const type = x.resourceType;
  if (type === 'document' || type === 'websocket' || type === 'ping' || type === 'csp_violation_report') return false;
  if (type === 'fetch' || type === 'xhr' || type === 'font' || type === 'eventsource') return true;
  return x.req.has('origin');
}
