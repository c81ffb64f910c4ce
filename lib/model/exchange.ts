import type { HarEntry } from '../har/types';
import { readRequestBody, readResponseBody, type BodyView } from './body';
import { HeaderList, parseHttpDate } from './headers';

/** One HAR entry as the engine sees it: parsed once, read by every rule. */
export interface Exchange {
  index: number;
  entry: HarEntry;
  method: string;
  rawUrl: string;
  /** null when the URL does not parse; rules must cope. */
  url: URL | null;
  req: HeaderList;
  res: HeaderList;
  status: number;
  statusText: string;
  /** Browser-level failure (`net::ERR_FAILED` for CORS), from Chrome's `_error`. */
  netError: string | null;
  resourceType: string;
  isPreflight: boolean;
  /** When the request started (ms since epoch), or null. */
  startedAt: number | null;
  /** The server's clock: the response `Date`, else the request start. Token times compare to it. */
  clock: number | null;
  clockSource: 'response Date' | 'request start' | 'none';
  /** Origin of the page that made the request: `Origin`, else the `Referer`'s origin. */
  pageOrigin: string | null;
  body: BodyView;
  requestBody: string | null;
}

function originOf(value: string | undefined): string | null {
  // An absent value ("undefined") and an opaque origin ("null") do not parse as URLs.
  try {
    const u = new URL(String(value));
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function toExchange(entry: HarEntry, index: number): Exchange {
  const req = new HeaderList(Array.isArray(entry.request?.headers) ? entry.request.headers : []);
  const res = new HeaderList(Array.isArray(entry.response?.headers) ? entry.response.headers : []);
  const rawUrl = String(entry.request?.url ?? '');
  let url: URL | null = null;
  try {
    url = new URL(rawUrl);
  } catch {
    // not a URL: rules cope with null
  }
  const started = entry.startedDateTime ? Date.parse(entry.startedDateTime) : NaN;
  const startedAt = Number.isFinite(started) ? started : null;
  const date = parseHttpDate(res.get('date'));
  const resourceType = String(entry._resourceType ?? '').toLowerCase();
  const method = String(entry.request?.method ?? 'GET').toUpperCase();
  // Chrome's `_error`, else Playwright's `_failureText` (its HAR and traces): the same net:: codes.
  const failure = entry.response?._error || entry.response?._failureText;
  const netError = typeof failure === 'string' && failure ? failure : null;
  return {
    index,
    entry,
    method,
    rawUrl,
    url,
    req,
    res,
    // Playwright writes -1 where Chrome writes 0: no response reached the page.
    status: typeof entry.response?.status === 'number' ? Math.max(0, entry.response.status) : 0,
    statusText: String(entry.response?.statusText ?? ''),
    netError,
    resourceType,
    isPreflight:
      resourceType === 'preflight' ||
      entry._initiator?.type === 'preflight' ||
      (method === 'OPTIONS' && req.has('access-control-request-method') && req.has('origin')),
    startedAt,
    clock: date ?? startedAt,
    clockSource: date !== null ? 'response Date' : startedAt !== null ? 'request start' : 'none',
    pageOrigin: originOf(req.get('origin')) ?? originOf(req.get('referer')),
    body: readResponseBody(entry.response?.content),
    requestBody: readRequestBody(entry.request?.postData),
  };
}

/** "scheme://host:port/path" without query: what "the same endpoint" means. */
/** Whether `y` started before `x`: by start time when both have one and they differ, else by log order. */
export function startedBefore(y: Exchange, x: Exchange): boolean {
  if (y.startedAt !== null && x.startedAt !== null && y.startedAt !== x.startedAt) return y.startedAt < x.startedAt;
  return y.index < x.index;
}

export function endpointKey(x: Exchange): string {
  if (!x.url) return x.rawUrl.split('?')[0] ?? x.rawUrl;
  return `${x.url.origin}${x.url.pathname}`;
}

/** Re-reads the response body after the panel fetched it lazily with getContent(). */
export function refreshBody(x: Exchange): void {
  x.body = readResponseBody(x.entry.response?.content);
}
