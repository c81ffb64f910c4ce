import type { HarEntry } from './types';

type Parts = {
  request?: Partial<HarEntry['request']>;
  response?: Partial<HarEntry['response']>;
} & Omit<Partial<HarEntry>, 'request' | 'response'> & {
    /** HAR's custom fields (`_resourceType`, `_why403`…). */
    [custom: `_${string}`]: unknown;
  };

/**
 * A valid HAR 1.2 entry with every required field empty, and `parts` laid over it: for entries
 * the engine makes itself (a CSP report turned into a row, a body read on its own for secrets),
 * so each does not spell out the same two dozen fields.
 */
export function blankEntry(parts: Parts = {}): HarEntry {
  const { request, response, ...rest } = parts;
  return {
    startedDateTime: new Date(0).toISOString(),
    time: 0,
    ...rest,
    request: {
      method: 'GET',
      url: '',
      httpVersion: '',
      headers: [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
      ...request,
    },
    response: {
      status: 0,
      statusText: '',
      httpVersion: '',
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...response,
    },
    timings: { send: 0, wait: 0, receive: 0 },
    ...(rest.timings ? { timings: rest.timings } : {}),
  } as HarEntry;
}
