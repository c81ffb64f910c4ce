// Fetch standard, "forbidden request-header": a page's fetch() silently drops these. The
// replay must either set them another way (direct mode, a declarativeNetRequest rule) or say
// they were not sent: never drop them silently.
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  // No longer forbidden by the standard, but Chromium (156) still drops a script-set
  // User-Agent without a word (checked in real DevTools): treat it as one fetch cannot set.
  'user-agent',
  'via',
]);

export function isForbiddenHeader(name: string): boolean {
  const n = name.trim().toLowerCase();
  return FORBIDDEN.has(n) || n.startsWith('proxy-') || n.startsWith('sec-');
}

/** Headers a replay never carries over from the capture: the browser sets them itself. */
const DROP_ON_PREFILL = new Set([
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'accept-encoding',
]);

export function dropOnPrefill(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith(':') || DROP_ON_PREFILL.has(n) || n.startsWith('sec-fetch-') || n.startsWith('sec-ch-');
}
