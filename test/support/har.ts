import type { Har, HarEntry, HarNameValue } from '../../lib/har/types';

/** Headers as a plain object; an array value repeats the header (two ACAO, several Set-Cookie). */
export type HeaderSpec = Record<string, string | string[]>;

export interface EntrySpec {
  method?: string;
  url: string;
  requestHeaders?: HeaderSpec;
  requestBody?: string;
  requestMimeType?: string;
  status: number;
  statusText?: string;
  responseHeaders?: HeaderSpec;
  body?: string;
  mimeType?: string;
  /** Chrome's `_error`, e.g. "net::ERR_FAILED" for CORS-blocked requests. */
  error?: string;
  resourceType?: string;
  startedDateTime?: string;
  initiator?: { type?: string; url?: string };
}

export function headerList(spec: HeaderSpec | undefined): HarNameValue[] {
  const out: HarNameValue[] = [];
  for (const [name, value] of Object.entries(spec ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) out.push({ name, value: v });
  }
  return out;
}

/** Builds a Chrome-shaped HAR entry from a compact spec (tests and fixtures). */
export function makeEntry(spec: EntrySpec, i = 0): HarEntry {
  const url = spec.url;
  let queryString: HarNameValue[] = [];
  try {
    queryString = [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    queryString = [];
  }
  const body = spec.body;
  return {
    startedDateTime: spec.startedDateTime ?? new Date(Date.UTC(2026, 10, 21, 12, 0, i)).toISOString(),
    time: 12,
    _resourceType: spec.resourceType ?? (spec.method === 'OPTIONS' ? 'preflight' : 'fetch'),
    ...(spec.initiator ? { _initiator: spec.initiator } : {}),
    request: {
      method: spec.method ?? 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      headers: headerList(spec.requestHeaders),
      queryString,
      cookies: [],
      headersSize: -1,
      bodySize: spec.requestBody ? spec.requestBody.length : 0,
      ...(spec.requestBody !== undefined
        ? { postData: { mimeType: spec.requestMimeType ?? 'application/json', text: spec.requestBody } }
        : {}),
    },
    response: {
      status: spec.status,
      statusText: spec.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      headers: headerList(spec.responseHeaders),
      cookies: [],
      content: {
        size: body?.length ?? 0,
        mimeType: spec.mimeType ?? 'application/json',
        ...(body !== undefined ? { text: body } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: body?.length ?? 0,
      _error: spec.error ?? null,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
  } as HarEntry;
}

export function makeHar(specs: EntrySpec[]): Har {
  return {
    log: { version: '1.2', creator: { name: 'why403-test', version: '1' }, pages: [], entries: specs.map(makeEntry) },
  };
}
