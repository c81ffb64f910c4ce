// Headers that differ between any two requests and say nothing about why one was refused:
// clocks, trace and correlation ids, client hints, caching validators, body length.
const VOLATILE = new Set([
  'date',
  'user-agent',
  'x-client-data',
  'traceparent',
  'tracestate',
  'baggage',
  'sentry-trace',
  'x-request-id',
  'x-correlation-id',
  'x-amzn-trace-id',
  'x-cloud-trace-context',
  'request-id',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-parentspanid',
  'x-b3-sampled',
  'b3',
  'x-datadog-trace-id',
  'x-datadog-parent-id',
  'x-datadog-sampling-priority',
  'x-datadog-origin',
  'content-length',
  'if-none-match',
  'if-modified-since',
  'cache-control',
  'pragma',
  'priority',
  'x-amz-date',
]);

export function isVolatileHeader(name: string): boolean {
  const n = name.toLowerCase();
  return VOLATILE.has(n) || n.startsWith('sec-ch-') || n.startsWith(':');
}

/** Headers compared in their own area (auth, cookies, origin), not as plain headers. */
export const OWN_AREA = new Map<string, 'auth' | 'cookie' | 'origin'>([
  ['authorization', 'auth'],
  ['proxy-authorization', 'auth'],
  ['cookie', 'cookie'],
  ['origin', 'origin'],
]);
