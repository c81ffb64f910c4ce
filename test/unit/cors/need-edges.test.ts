// What the browser decides before it sends anything: whether a request needs a preflight
// (the Fetch standard's CORS-safelisted request headers and their byte limits,
// https://fetch.spec.whatwg.org/#cors-safelisted-request-header), what the preflight lists,
// and what Why403 infers when the preflight is not in the capture. Each test sits at an edge a
// one-character change in the code would move: a wrong edge is a wrong "needs a preflight".
import { describe, expect, it } from 'vitest';
import {
  httpOrigin,
  isBrowserOwnedHeader,
  isCorsMode,
  isSafelistedHeader,
  pageOriginOf,
  preflightNeed,
  rawMethod,
  unsafeHeaderNames,
} from '../../../lib/cors';
import { inferWithoutPreflight } from '../../../lib/cors/infer';
import { allowOriginValue, parseList, quoteValue } from '../../../lib/cors/lists';
import type { PreflightNeed } from '../../../lib/cors/types';
import { API, PAGE, ex, preflight } from './helpers';

describe('CORS-unsafe request-header bytes (Accept, Content-Type)', () => {
  it('refuses each byte the standard names, and no other printable byte', () => {
    for (const c of '"():<>?@[\\]{}') expect(isSafelistedHeader('accept', `text/html${c}`), c).toBe(false);
    for (const c of "!#$%&'*+,-./;=^_`|~ ") expect(isSafelistedHeader('accept', `text/html${c}`), c).toBe(true);
  });

  it('refuses control bytes but a tab, and DEL', () => {
    expect(isSafelistedHeader('accept', 'a\tb')).toBe(true);
    for (const c of ['\u0000', '\u0008', '\u000a', '\u000d', '\u001f', '\u007f'])
      expect(isSafelistedHeader('accept', `a${c}b`), JSON.stringify(c)).toBe(false);
    expect(isSafelistedHeader('accept', 'a\u0080b')).toBe(true);
  });

  it('applies the same bytes to Content-Type, whose parameters are checked too', () => {
    expect(isSafelistedHeader('content-type', 'text/plain; charset="utf-8"')).toBe(false);
    expect(isSafelistedHeader('content-type', 'text/plain; a=b\u0001')).toBe(false);
    expect(isSafelistedHeader('content-type', ' Text/Plain ; charset=utf-8')).toBe(true);
    expect(isSafelistedHeader('content-type', 'text/plainx')).toBe(false);
    expect(isSafelistedHeader('content-type', 'text/plain, application/json')).toBe(false);
  });

  it('counts the 128-byte limit in UTF-8 bytes, not characters', () => {
    expect(isSafelistedHeader('accept', 'é'.repeat(64))).toBe(true);
    expect(isSafelistedHeader('accept', 'é'.repeat(64) + 'a')).toBe(false);
    // 65 characters, 129 bytes: a limit counted in characters would let it through.
    expect(isSafelistedHeader('content-language', 'e'.repeat(129))).toBe(false);
  });
});

describe('Accept-Language, Content-Language and Range values', () => {
  it('allows a language value made only of letters, digits, space and *,-.;=', () => {
    expect(isSafelistedHeader('accept-language', 'en-US,en;q=0.9, *')).toBe(true);
    expect(isSafelistedHeader('content-language', '')).toBe(true);
    for (const v of ['en_US', 'en/US', 'en\tUS', 'é', 'en"', 'x\n'])
      expect(isSafelistedHeader('accept-language', v), JSON.stringify(v)).toBe(false);
  });

  it('allows one simple byte range only, any case of "bytes"', () => {
    expect(isSafelistedHeader('range', 'BYTES=10-20')).toBe(true);
    for (const v of ['bytes=0-1 ', ' bytes=0-1', 'xbytes=0-1', 'bytes=0-1x', 'bytes=a-', 'bytes=-', 'items=0-1'])
      expect(isSafelistedHeader('range', v), v).toBe(false);
  });

  it('safelists no other header, whatever its value', () => {
    for (const name of ['x-requested-with', 'authorization', 'content-length', 'if-match'])
      expect(isSafelistedHeader(name, 'text/plain')).toBe(false);
  });
});

describe('headers the browser owns', () => {
  it('owns sec-* and proxy-* by prefix, not names that merely start alike', () => {
    expect(isBrowserOwnedHeader('sec-anything')).toBe(true);
    expect(isBrowserOwnedHeader('proxy-authorization')).toBe(true);
    for (const n of ['secret', 'x-sec-token', 'proxyname', 'x-proxy-id'])
      expect(isBrowserOwnedHeader(n), n).toBe(false);
  });
});

describe('unsafeHeaderNames: the 1024-byte total', () => {
  it('exactly 1024 bytes of safelisted values stay safe; one byte more makes them all unsafe', () => {
    const full = Array.from({ length: 8 }, (_, i) => ({
      name: i % 2 ? 'Accept' : 'Content-Language',
      value: 'a'.repeat(128),
    }));
    expect(unsafeHeaderNames(full)).toEqual([]);
    expect(unsafeHeaderNames([...full, { name: 'Accept-Language', value: 'a' }])).toEqual([
      'accept',
      'accept-language',
      'content-language',
    ]);
  });

  it('a header recorded without a value counts as empty, adding nothing to the total', () => {
    const full = Array.from({ length: 8 }, () => ({ name: 'Accept', value: 'a'.repeat(128) }));
    const odd = [...full, { name: 'Accept', value: null }] as unknown as { name: string; value: string }[];
    expect(unsafeHeaderNames(odd)).toEqual([]);
  });

  it('counts the total in UTF-8 bytes', () => {
    // 9 × 60 characters = 540 characters, but 1080 bytes.
    const h = Array.from({ length: 9 }, () => ({ name: 'Accept', value: 'é'.repeat(60) }));
    expect(unsafeHeaderNames(h)).toEqual(['accept']);
  });

  it('unsafe headers do not count towards the total, and browser-owned ones are never listed', () => {
    const h = [
      { name: 'X-Big', value: 'a'.repeat(2000) },
      { name: 'Cookie', value: 'a'.repeat(2000) },
      { name: 'Accept', value: '*/*' },
    ];
    expect(unsafeHeaderNames(h)).toEqual(['x-big']);
  });

  it('trims names, skips HTTP/2 pseudo-headers and empty names, reads non-string values as text', () => {
    const h = [
      { name: ' X-Trace ', value: '1' },
      { name: ':path', value: '/x' },
      { name: '   ', value: 'x' },
      { name: 'Content-Type', value: 42 },
    ] as unknown as { name: string; value: string }[];
    expect(unsafeHeaderNames(h)).toEqual(['content-type', 'x-trace']);
  });
});

describe('preflightNeed', () => {
  it('keeps the method exactly as recorded (ACAM matching is case-sensitive)', () => {
    const x = ex({ method: 'patch', url: API, status: 0 });
    expect(rawMethod(x)).toBe('patch');
    expect(preflightNeed(x, null)).toEqual({
      needed: true,
      method: 'patch',
      methodSafelisted: false,
      headers: [],
      from: 'request',
    });
    expect(rawMethod(ex({ method: ' put ', url: API, status: 0 }))).toBe('put');
    // Nothing usable recorded: the method the exchange was read with.
    for (const odd of ['   ', 42, undefined]) {
      const y = ex({ url: API, status: 0 });
      (y.entry.request as { method: unknown }).method = odd;
      expect(rawMethod(y)).toBe(y.method);
      expect(y.method).not.toBe('');
    }
  });

  it('an entry recorded without its request needs what its method needs, and does not throw', () => {
    const y = ex({ method: 'PUT', url: API, status: 0 });
    (y.entry as { request?: unknown }).request = undefined;
    expect(preflightNeed(y, null)).toEqual({
      needed: true,
      method: 'PUT',
      methodSafelisted: false,
      headers: [],
      from: 'request',
    });
  });

  it('a safelisted method with safelisted headers needs none; one unsafe header is enough', () => {
    expect(preflightNeed(ex({ method: 'GET', url: API, status: 0, requestHeaders: { Accept: '*/*' } }), null)).toEqual({
      needed: false,
      method: 'GET',
      methodSafelisted: true,
      headers: [],
      from: 'request',
    });
    expect(
      preflightNeed(ex({ method: 'GET', url: API, status: 0, requestHeaders: { 'X-A': '1' } }), null),
    ).toMatchObject({ needed: true, headers: ['x-a'] });
  });

  it('reads a captured preflight: its ACRM trimmed, its ACRH lower-cased once each, in order', () => {
    const p = ex(preflight(' PUT ', 'X-B, x-a,X-B', 204), 1);
    const x = ex({ method: 'GET', url: API, status: 0 });
    expect(preflightNeed(x, p)).toEqual({
      needed: true,
      method: 'PUT',
      methodSafelisted: false,
      headers: ['x-b', 'x-a'],
      from: 'preflight',
    });
  });

  it('a preflight without ACRM stands for the request’s own method', () => {
    const p = ex({ method: 'OPTIONS', url: API, status: 204, requestHeaders: { Origin: PAGE } }, 1);
    expect(preflightNeed(ex({ method: 'delete', url: API, status: 0 }), p)).toMatchObject({
      needed: true,
      method: 'delete',
      methodSafelisted: false,
      headers: [],
    });
  });

  it('the body’s type stands in for a Content-Type the provisional headers left out, in sorted place', () => {
    const need = (headers: Record<string, string>, mime: string) =>
      preflightNeed(
        ex({ method: 'POST', url: API, status: 0, requestHeaders: headers, requestBody: 'x', requestMimeType: mime }),
        null,
      ).headers;
    expect(need({ 'X-A': '1' }, 'application/json')).toEqual(['content-type', 'x-a']);
    expect(need({}, 'text/plain;charset=UTF-8')).toEqual([]);
    expect(need({}, '')).toEqual([]);
    // A hostile capture's body type that is not text is no evidence (and no crash).
    expect(need({}, 42 as unknown as string)).toEqual([]);
    // A recorded Content-Type is what was sent; the body's type does not override it.
    expect(need({ 'Content-Type': 'text/plain' }, 'application/json')).toEqual([]);
  });
});

describe('inferWithoutPreflight: no preflight in the capture', () => {
  const need = (p: Partial<PreflightNeed>): PreflightNeed => ({
    needed: true,
    method: 'POST',
    methodSafelisted: true,
    headers: [],
    from: 'request',
    ...p,
  });

  it('a simple request: only the actual response’s missing ACAO, as a possibility', () => {
    const out = inferWithoutPreflight(need({ needed: false }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'missing_allow_origin', stage: 'response', value: null, confidence: 0.6 });
    expect(out[0]!.message).toBe("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    expect(out[0]!.inferred).toBe(
      'the browser blocked this simple request and recorded no response headers to check; a missing ' +
        'Access-Control-Allow-Origin is the usual reason',
    );
  });

  it('names what needed the preflight, one header or several, and the method', () => {
    const out = inferWithoutPreflight(need({ method: 'PUT', methodSafelisted: false, headers: ['x-a', 'x-b'] }));
    expect(out.map((f) => [f.kind, f.stage, f.confidence])).toEqual([
      ['missing_allow_origin', 'preflight', 0.65],
      ['header_not_allowed', 'preflight', 0.6],
      ['method_not_allowed', 'preflight', 0.58],
    ]);
    expect(out[0]!.inferred).toBe(
      'the request needed a preflight (method PUT; headers x-a, x-b) and was blocked with status 0, but no ' +
        "preflight was captured (Firefox HAR, Chrome's preflight cache, or a capture started late); most often " +
        'the server answers OPTIONS without CORS headers',
    );
    expect(out[0]!.message).toBe(
      "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header " +
        'is present on the requested resource.',
    );
    expect(out[1]).toMatchObject({
      subject: 'x-a',
      missing: ['x-a', 'x-b'],
      message: 'Request header field x-a is not allowed by Access-Control-Allow-Headers in preflight response.',
    });
    expect(out[1]!.inferred).toMatch(/; the preflight may have left x-a, x-b out of Access-Control-Allow-Headers$/);
    expect(out[2]).toMatchObject({
      subject: 'PUT',
      message: 'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.',
    });
    expect(out[2]!.inferred).toMatch(/; the preflight may have left PUT out of Access-Control-Allow-Methods$/);

    const one = inferWithoutPreflight(need({ headers: ['authorization'] }));
    expect(one.map((f) => f.kind)).toEqual(['missing_allow_origin', 'header_not_allowed']);
    expect(one[0]!.inferred).toMatch(/^the request needed a preflight \(header authorization\) and/);

    const method = inferWithoutPreflight(need({ method: 'DELETE', methodSafelisted: false }));
    expect(method.map((f) => f.kind)).toEqual(['missing_allow_origin', 'method_not_allowed']);
    expect(method[0]!.inferred).toMatch(/^the request needed a preflight \(method DELETE\) and/);
  });
});

describe('header lists as the browser reads them', () => {
  const res = (h: Record<string, string | string[]>) => ex({ url: API, status: 200, responseHeaders: h }).res;

  it('joins repeats into one list, skips empty items, and marks a non-token item invalid', () => {
    expect(
      parseList(res({ 'Access-Control-Allow-Methods': ['GET, ', ' PUT'] }), 'access-control-allow-methods'),
    ).toEqual({
      items: ['GET', 'PUT'],
      valid: true,
      raw: 'GET, ,  PUT',
    });
    expect(parseList(res({ 'Access-Control-Allow-Methods': 'GET POST' }), 'access-control-allow-methods')).toEqual({
      items: ['GET POST'],
      valid: false,
      raw: 'GET POST',
    });
    expect(parseList(res({}), 'access-control-allow-methods')).toEqual({ items: [], valid: true, raw: null });
  });

  it('reads ACAO repeats joined and trimmed, with their count', () => {
    expect(allowOriginValue(res({ 'Access-Control-Allow-Origin': [' https://a.example ', '*'] }))).toEqual({
      value: 'https://a.example, *',
      count: 2,
    });
    expect(allowOriginValue(res({}))).toEqual({ value: null, count: 0 });
  });

  it('quotes a value with control characters as spaces, says absent or empty, cuts at the cap', () => {
    expect(quoteValue(null)).toBe('(absent)');
    expect(quoteValue(undefined)).toBe('(absent)');
    expect(quoteValue(' \t\r\n')).toBe('(empty)');
    expect(quoteValue('a\u0000b\u001fc\u007fd\u0080')).toBe('a b c d\u0080');
    expect(quoteValue('x'.repeat(200))).toBe('x'.repeat(200));
    expect(quoteValue('x'.repeat(201))).toBe(`${'x'.repeat(200)}…`);
    expect(quoteValue('abcdef', 3)).toBe('abc…');
  });
});

describe('the page origin and CORS mode, from every source in turn', () => {
  const at = (h: Record<string, string>, resourceType?: string) =>
    ex({ url: API, status: 0, requestHeaders: h, ...(resourceType ? { resourceType } : {}) });

  it('reads http(s) origins only, trimmed', () => {
    expect(httpOrigin(' https://a.example:8443/x?y ')).toBe('https://a.example:8443');
    expect(httpOrigin('http://a.example')).toBe('http://a.example');
    // Unicode spaces too, which URL parsing alone would refuse.
    expect(httpOrigin('\u00a0https://a.example/\ufeff')).toBe('https://a.example');
    for (const v of ['', null, undefined, 'ftp://a.example', 'file:///x', 'a.example', 'https://'])
      expect(httpOrigin(v), String(v)).toBeNull();
  });

  it('falls back from Origin to the preflight’s Origin (or its "null"), the Referer, then the page URL', () => {
    const p = (origin: string) =>
      ex({ method: 'OPTIONS', url: API, status: 204, requestHeaders: { Origin: origin } }, 7);
    expect(pageOriginOf(at({}), p(' null '))).toEqual({
      origin: 'null',
      from: "the preflight's Origin: null (entry #7)",
    });
    expect(pageOriginOf(at({}), p('https://b.example'))).toEqual({
      origin: 'https://b.example',
      from: "the preflight's Origin header (entry #7)",
    });
    const bare = ex({ method: 'OPTIONS', url: API, status: 204 }, 7);
    expect(pageOriginOf(at({ Referer: 'https://c.example/p' }), bare).origin).toBe('https://c.example');
    expect(pageOriginOf(at({ Referer: 'https://c.example/p' }), p('garbage'))).toEqual({
      origin: 'https://c.example',
      from: 'the Referer header (no Origin header recorded)',
    });
    expect(pageOriginOf(at({}), null, 'https://d.example/page')).toEqual({
      origin: 'https://d.example',
      from: "the HAR's page URL",
    });
    expect(pageOriginOf(at({}), null, 'about:blank')).toEqual({
      origin: null,
      from: 'unknown: no Origin, Referer or page URL recorded',
    });
    expect(pageOriginOf(at({ Origin: PAGE }), p('https://b.example'))).toEqual({ origin: PAGE, from: 'Origin header' });
    expect(pageOriginOf(at({ Origin: 'null' }), p('https://b.example'))).toEqual({
      origin: 'null',
      from: 'Origin: null (opaque origin: sandboxed iframe, file: or data: page)',
    });
  });

  it('a navigation, WebSocket, ping or CSP report is never CORS mode, even with an Origin', () => {
    for (const t of ['document', 'websocket', 'ping', 'csp_violation_report'])
      expect(isCorsMode(at({ Origin: PAGE }, t)), t).toBe(false);
    for (const t of ['fetch', 'xhr', 'font', 'eventsource']) expect(isCorsMode(at({}, t)), t).toBe(true);
    expect(isCorsMode(at({}, 'image'))).toBe(false);
    expect(isCorsMode(at({ 'Sec-Fetch-Mode': ' Cors ' }, 'document'))).toBe(true);
    expect(isCorsMode(at({ 'Sec-Fetch-Mode': 'navigate', Origin: PAGE }, 'fetch'))).toBe(false);
  });
});
