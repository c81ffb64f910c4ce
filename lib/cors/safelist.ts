// The Fetch standard's CORS-safelisted methods and request headers
// (https://fetch.spec.whatwg.org/#cors-safelisted-request-header) with Chromium's value rules.

/** `GET`, `HEAD`, `POST`. Chromium upper-cases before comparing; fetch() already normalises these. */
export function isSafelistedMethod(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD' || m === 'POST';
}

// Forbidden request-header names: the browser owns them, script cannot set them, a preflight
// never lists them (https://fetch.spec.whatwg.org/#forbidden-request-header). The replay
// editor reads the same list (lib/replay/forbidden.ts).
export const FORBIDDEN_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'access-control-request-private-network',
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
  'via',
]);

// Headers Chrome adds itself and that a HAR shows on the request: never the page's doing,
// so they never cause a preflight (DevTools' "Disable cache" adds Cache-Control/Pragma,
// HTTP/2+ adds Priority, the cache adds validators, Chromium safelists client hints).
const BROWSER_ADDED = new Set([
  'user-agent',
  'priority',
  'cache-control',
  'pragma',
  'if-none-match',
  'if-modified-since',
  'x-client-data',
  'upgrade-insecure-requests',
  'purpose',
  'intervention',
  'device-memory',
  'dpr',
  'width',
  'viewport-width',
  'rtt',
  'downlink',
  'ect',
  'save-data',
  'x-devtools-emulate-network-conditions-client-id',
]);

/** Set by the browser, not by the page: ignored when deciding whether a preflight was needed. */
export function isBrowserOwnedHeader(lowerName: string): boolean {
  return (
    FORBIDDEN_REQUEST_HEADERS.has(lowerName) ||
    BROWSER_ADDED.has(lowerName) ||
    lowerName.startsWith('sec-') ||
    lowerName.startsWith('proxy-')
  );
}

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte: C0 controls but tab, DEL, and these.
// eslint-disable-next-line no-control-regex
const UNSAFE_BYTE = /[\u0000-\u0008\u000a-\u001f\u007f"():<>?@[\\\]{}]/;
const hasUnsafeByte = (value: string): boolean => UNSAFE_BYTE.test(value);

const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;
const SAFE_MIME = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Whether one header is CORS-safelisted, name and value (128-byte limit included). */
export function isSafelistedHeader(lowerName: string, value: string): boolean {
  if (new TextEncoder().encode(value).length > 128) return false;
  switch (lowerName) {
    case 'accept':
      return !hasUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return LANGUAGE_VALUE.test(value);
    case 'content-type': {
      if (hasUnsafeByte(value)) return false;
      const essence = value.split(';')[0]!.trim().toLowerCase();
      return SAFE_MIME.has(essence);
    }
    case 'range':
      // A "simple range": one range, no suffix form, no whitespace (bytes=0- or bytes=0-99).
      return /^bytes=\d+-\d*$/i.test(value);
    default:
      return false;
  }
}

/**
 * The request-header names a preflight must allow, as the browser would list them in
 * Access-Control-Request-Headers: lower-cased, sorted, unique. Safelisted values that together
 * exceed 1024 bytes become unsafe too (https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names).
 */
export function unsafeHeaderNames(headers: readonly { name: string; value: string }[]): string[] {
  const unsafe = new Set<string>();
  const safelisted = new Set<string>();
  let safeSize = 0;
  for (const h of headers) {
    if (typeof h?.name !== 'string' || h.name.startsWith(':')) continue;
    const name = h.name.trim().toLowerCase();
    if (!name || isBrowserOwnedHeader(name)) continue;
    const value = String(h.value ?? '');
    if (isSafelistedHeader(name, value)) {
      safelisted.add(name);
      safeSize += new TextEncoder().encode(value).length;
    } else {
      unsafe.add(name);
    }
  }
  if (safeSize > 1024) for (const n of safelisted) unsafe.add(n);
  return [...unsafe].sort();
}
