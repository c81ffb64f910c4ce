import { FORBIDDEN_REQUEST_HEADERS } from '../cors/safelist';

// Fetch standard, "forbidden request-header": a page's fetch() silently drops these. The
// replay must either set them another way (direct mode, a declarativeNetRequest rule) or say
// they were not sent: never drop them silently.
// Chromium (156) still drops a script-set User-Agent without a word (checked in real DevTools),
// although the standard no longer forbids it: for a replay it is one fetch cannot set.
const FORBIDDEN = new Set([...FORBIDDEN_REQUEST_HEADERS, 'user-agent']);

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
