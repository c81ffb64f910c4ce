import { evaluateCors } from '../../../lib/cors';
import type { CorsVerdict } from '../../../lib/cors/types';
import { isBrowserBlocked } from '../../../lib/diagnose/flag';
import { toExchange, type Exchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

export const PAGE = 'https://app.example.com';
export const API = 'https://api.example.net/v1/items';

export function ex(spec: EntrySpec, index = 0): Exchange {
  return toExchange(makeEntry(spec, index), index);
}

/** An exchange as a capture without the browser's verdict (Firefox, proxies) records it. */
export function exNoVerdict(spec: EntrySpec, index = 0): Exchange {
  const entry = makeEntry(spec, index);
  delete (entry.response as { _error?: unknown })._error;
  return toExchange(entry, index);
}

/** A Chrome-shaped preflight for `method` with `headers` (ACRH), answered as given. */
export function preflight(
  method: string,
  acrh: string | null,
  status: number,
  responseHeaders: Record<string, string | string[]> = {},
  extra: Partial<EntrySpec> = {},
): EntrySpec {
  return {
    method: 'OPTIONS',
    url: API,
    status,
    requestHeaders: {
      Origin: PAGE,
      'Access-Control-Request-Method': method,
      ...(acrh !== null ? { 'Access-Control-Request-Headers': acrh } : {}),
    },
    responseHeaders,
    resourceType: 'preflight',
    initiator: { type: 'preflight', url: API },
    ...extra,
  };
}

/** A Chrome-shaped blocked fetch (`_error: net::ERR_FAILED`). */
export function blocked(spec: Partial<EntrySpec> & { status: number }): EntrySpec {
  return {
    url: API,
    error: 'net::ERR_FAILED',
    mimeType: 'x-unknown',
    ...spec,
    requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors', ...spec.requestHeaders },
  };
}

export function verdict(x: Exchange, p: Exchange | null = null, cookieNames: string[] = []): CorsVerdict {
  return evaluateCors({ x, preflight: p, blocked: isBrowserBlocked(x, p), cookieNames });
}

export function kinds(v: CorsVerdict): string[] {
  return v.failures.map((f) => f.kind);
}
