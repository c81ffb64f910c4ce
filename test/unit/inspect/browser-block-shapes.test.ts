import { describe, expect, it } from 'vitest';
import { browserBlockOf, reportedViolation } from '../../../lib/inspect/browser-block';
import { parseViolations, violationEntry } from '../../../lib/inspect/csp-violation';
import { orbBlocked } from '../../../lib/inspect/orb';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

// What the browser itself stopped, read from the shapes each browser leaves in a capture
// (docs/browser-blocks.md): Chromium's net errors, the headers alone (Firefox), a CSP report.

const x = (spec: Partial<EntrySpec>) =>
  toExchange(makeEntry({ url: 'https://cdn.example.net/a.png', status: 0, ...spec }), 0);

describe('CORP / COEP (Fetch, cross-origin resource policy check)', () => {
  it("reads Chromium's net errors, and which of them COEP caused", () => {
    expect(browserBlockOf(x({ error: 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin' }))).toEqual({
      kind: 'corp',
      error: 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin',
      corp: null,
      coep: false,
      from: 'error',
    });
    const coep = browserBlockOf(
      x({
        error: 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOriginAfterDefaultedToSameOriginByCoep',
        responseHeaders: { 'Cross-Origin-Resource-Policy': 'same-site' },
      }),
    );
    expect(coep).toMatchObject({ kind: 'corp', coep: true, corp: 'same-site' });
    expect(browserBlockOf(x({ error: 'net::ERR_BLOCKED_BY_CLIENT' }))).toBeNull();
  });

  // Without an error string (Firefox), the headers decide: a no-cors response whose CORP forbids the page.
  const noCors = (corp: string, page: string, url = 'https://cdn.example.net/a.png') =>
    browserBlockOf(
      x({
        url,
        status: 200,
        requestHeaders: { 'Sec-Fetch-Mode': 'no-cors', Origin: page },
        responseHeaders: { 'Cross-Origin-Resource-Policy': corp },
      }),
    );

  it('CORP same-origin withholds from any other origin, not from its own', () => {
    expect(noCors(' Same-Origin ', 'https://app.example.com')).toMatchObject({
      kind: 'corp',
      from: 'headers',
      error: null,
    });
    expect(noCors('same-origin', 'https://cdn.example.net')).toBeNull();
  });

  it('CORP same-site withholds from another site, or from the same site over another scheme', () => {
    expect(noCors('same-site', 'https://www.example.net')).toBeNull();
    expect(noCors('same-site', 'https://app.example.com')).toMatchObject({ kind: 'corp' });
    expect(noCors('same-site', 'http://www.example.net')).toMatchObject({ kind: 'corp' });
  });

  it('CORP cross-origin withholds nothing, and a cors-mode request is CORS business, not CORP', () => {
    expect(noCors('cross-origin', 'https://app.example.com')).toBeNull();
    const cors = browserBlockOf(
      x({
        status: 200,
        requestHeaders: { 'Sec-Fetch-Mode': 'cors', Origin: 'https://app.example.com' },
        responseHeaders: { 'Cross-Origin-Resource-Policy': 'same-origin' },
      }),
    );
    expect(cors).toBeNull();
  });

  it('a preflight is never a browser block', () => {
    expect(browserBlockOf(x({ method: 'OPTIONS', error: 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin' }))).toBeNull();
  });
});

describe('mixed content (Mixed Content §4.4)', () => {
  const httpFrom = (spec: Partial<EntrySpec>) => browserBlockOf(x({ url: 'http://api.example.com/v1', ...spec }));

  it("reads Chromium's empty _error, an https page, or a MIXED net error as a blocked http call", () => {
    expect(httpFrom({ error: '' })).toEqual({ kind: 'mixed', error: '' });
    expect(httpFrom({ requestHeaders: { Referer: 'https://app.example.com/' } })).toEqual({
      kind: 'mixed',
      error: null,
    });
    expect(httpFrom({ error: 'net::ERR_BLOCKED_BY_MIXED_CONTENT' })).toMatchObject({ kind: 'mixed' });
  });

  it('says "no net error" as null when the writer keeps no _error field at all (Firefox, Playwright)', () => {
    const entry = makeEntry({
      url: 'http://api.example.com/v1',
      status: 0,
      requestHeaders: { Referer: 'https://app.example.com/' },
    });
    delete (entry.response as { _error?: unknown })._error;
    expect(browserBlockOf(toExchange(entry, 0))).toEqual({ kind: 'mixed', error: null });
  });

  it('never for a loopback host (potentially trustworthy), an answered call, or an http page', () => {
    for (const url of ['http://localhost:8080/', 'http://api.localhost/', 'http://127.0.0.1:3000/', 'http://[::1]/'])
      expect(browserBlockOf(x({ url, error: '' }))).toBeNull();
    expect(httpFrom({ status: 200, requestHeaders: { Referer: 'https://app.example.com/' } })).toBeNull();
    expect(httpFrom({ requestHeaders: { Referer: 'http://app.example.com/' } })).toBeNull();
    expect(httpFrom({ error: 'net::ERR_CONNECTION_REFUSED' })).toBeNull();
  });
});

describe('CSP reports (report-uri, application/csp-report)', () => {
  // The example report of CSP Level 2 §4.4 / MDN "CSP violation reports".
  const report = {
    'csp-report': {
      'document-uri': 'http://example.com/signup.html',
      referrer: '',
      'blocked-uri': 'http://example.com/css/style.css',
      'violated-directive': 'style-src cdn.example.com',
      'original-policy': "default-src 'none'; style-src cdn.example.com; report-uri /_/csp-reports",
      disposition: 'enforce',
      'source-file': 'http://example.com/signup.html',
      'line-number': 12,
    },
  };
  const post = (body: unknown, type = 'application/csp-report', method = 'POST') =>
    toExchange(
      makeEntry({
        method,
        url: 'https://example.com/_/csp-reports',
        status: 204,
        requestHeaders: { 'Content-Type': type },
        requestBody: typeof body === 'string' ? body : JSON.stringify(body),
      }),
      0,
    );

  it('reads the browser report: what was blocked, by which directive, where', () => {
    expect(reportedViolation(post(report))).toEqual({
      blockedURL: 'http://example.com/css/style.css',
      directive: 'style-src cdn.example.com',
      policy: "default-src 'none'; style-src cdn.example.com; report-uri /_/csp-reports",
      disposition: 'enforce',
      documentURL: 'http://example.com/signup.html',
      sourceFile: 'http://example.com/signup.html',
      line: 12,
    });
    expect(browserBlockOf(post(report))).toMatchObject({ kind: 'csp', from: 'report' });
  });

  it('prefers effective-directive (CSP3), and takes a report-only violation as no block', () => {
    const csp3 = { 'csp-report': { ...report['csp-report'], 'effective-directive': 'style-src-elem' } };
    expect(reportedViolation(post(csp3))!.directive).toBe('style-src-elem');
    const reportOnly = { 'csp-report': { ...report['csp-report'], disposition: 'report' } };
    expect(reportedViolation(post(reportOnly))!.disposition).toBe('report');
    expect(browserBlockOf(post(reportOnly))).toBeNull();
  });

  it('reads nothing from another POST, a non-URL blocked-uri, or a broken body', () => {
    expect(reportedViolation(post(report, 'application/json'))).toBeNull();
    expect(reportedViolation(post(report, 'application/csp-report', 'PUT'))).toBeNull();
    expect(reportedViolation(post({ 'csp-report': { ...report['csp-report'], 'blocked-uri': 'inline' } }))).toBeNull();
    expect(reportedViolation(post({ 'csp-report': { ...report['csp-report'], 'violated-directive': '' } }))).toBeNull();
    expect(reportedViolation(post('{not json'))).toBeNull();
    expect(reportedViolation(post({ other: 1 }))).toBeNull();
    expect(reportedViolation(post('null'))).toBeNull();
  });
});

describe('CSP violations the panel collected from the page (hostile input)', () => {
  const T = Date.UTC(2026, 10, 21, 12);
  const ok = {
    blockedURL: 'https://api.other.com/v1?x=1&x=2',
    directive: ' connect-src ',
    policy: "connect-src 'self'",
    disposition: '',
    documentURL: 'https://app.example.com/',
    sourceFile: 'https://app.example.com/app.js',
    line: 42,
    at: T - 5,
  };

  it('keeps a well-formed violation, trimmed, with defaults for what the page left out', () => {
    expect(parseViolations([ok], T)).toEqual([{ ...ok, directive: 'connect-src', disposition: 'enforce' }]);
    expect(parseViolations([{ ...ok, line: 'x', at: -1 }], T)[0]).toMatchObject({ line: 0, at: T });
    expect(parseViolations([{ ...ok, line: Infinity, at: NaN }], T)[0]).toMatchObject({ line: 0, at: T });
  });

  it('drops what is not a blocked http(s) URL with a directive name', () => {
    for (const bad of [
      null,
      'x',
      { ...ok, blockedURL: 'inline' },
      { ...ok, blockedURL: 'data:image/png;base64,AAAA' },
      { ...ok, directive: 'connect-src; evil' },
      { ...ok, directive: 42 },
    ])
      expect(parseViolations([bad], T)).toEqual([]);
    expect(parseViolations('not an array', T)).toEqual([]);
    expect(
      parseViolations(
        Array.from({ length: 600 }, () => ok),
        T,
      ),
    ).toHaveLength(500);
  });

  it('synthesizes an entry the engine reads as the blocked call', () => {
    const [v] = parseViolations([ok], T);
    const e = toExchange(violationEntry(v!), 0);
    expect(e).toMatchObject({
      method: 'GET',
      rawUrl: 'https://api.other.com/v1?x=1&x=2',
      status: 0,
      netError: 'blocked:csp',
      resourceType: 'fetch',
      startedAt: T - 5,
      pageOrigin: 'https://app.example.com',
    });
    expect(e.entry.request.queryString).toEqual([
      { name: 'x', value: '1' },
      { name: 'x', value: '2' },
    ]);
    expect(browserBlockOf(e)).toMatchObject({
      kind: 'csp',
      from: 'violation',
      violation: { directive: 'connect-src', line: 42 },
    });
  });

  it.each([
    ['img-src', 'image'],
    ['Script-Src-Elem', 'script'],
    ['frame-src', 'document'],
    ['navigate-to', 'other'],
  ])('files a %s violation as a %s request', (directive, type) => {
    expect(violationEntry({ ...ok, directive, documentURL: '' }).request.headers).toEqual([]);
    expect(violationEntry({ ...ok, directive })._resourceType).toBe(type);
  });
});

describe('ORB (Chromium opaque response blocking)', () => {
  it('is read from the net error only, never on a preflight', () => {
    expect(orbBlocked(x({ error: 'net::ERR_BLOCKED_BY_ORB' }))).toBe(true);
    expect(orbBlocked(x({ error: 'net::ERR_FAILED' }))).toBe(false);
    expect(orbBlocked(x({}))).toBe(false);
    expect(orbBlocked(x({ method: 'OPTIONS', error: 'net::ERR_BLOCKED_BY_ORB' }))).toBe(false);
  });
});
