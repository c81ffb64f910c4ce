import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har, type HarEntry } from '../../../lib';
import { isBrowserBlocked } from '../../../lib/diagnose/flag';
import { preflightFails } from '../../../lib/cors';
import { LogIndex } from '../../../lib/core/log-index';
import { toExchange } from '../../../lib/model/exchange';

// Real captures, unmodified copies of /work/shared/samples (see its README):
// - firefox153-devtools-shapes.json: Firefox ESR 153, page on 127.0.0.1:35393 calling localhost:33129,
//   what the panel got from onRequestFinished and what getHAR() returned.
// - chrome156-cors.har: Chromium 156's getHAR() for the same kinds of calls.
type Shapes = {
  onRequestFinished: Record<string, HarEntry>;
  getHAR: { creator: unknown; entries: Record<string, HarEntry> };
};
const shapes = JSON.parse(
  readFileSync(new URL('../../fixtures/har/firefox153-devtools-shapes.json', import.meta.url), 'utf8'),
) as Shapes;
const chrome = JSON.parse(
  readFileSync(new URL('../../fixtures/har/chrome156-cors.har', import.meta.url), 'utf8'),
) as Har;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const names = Object.keys(shapes.getHAR.entries);
const harOf = (entries: HarEntry[]): Har => ({
  log: { version: '1.2', creator: { name: 'Firefox', version: '153' }, entries },
});
const firefoxHar = (skip: string[] = []) =>
  harOf(names.filter((n) => !skip.includes(n)).map((n) => clone(shapes.getHAR.entries[n]!)));

function byName(har: Har) {
  const all = diagnose(har, { all: true });
  return (url: string, method: string) => {
    const i = har.log.entries.findIndex((e) => e.request.url.endsWith(url) && e.request.method === method);
    return all.find((d) => d.index === i)!;
  };
}

describe('Firefox 153 getHAR(): the same causes as Chrome for the same server behaviour', () => {
  const ff = byName(firefoxHar());
  const ch = byName(chrome);
  const top = (d: { causes: { id: string }[] }) => d.causes[0]?.id;

  it('has no browser verdict at all (no _error, no _resourceType)', () => {
    for (const e of Object.values(shapes.getHAR.entries)) {
      expect('_error' in e.response).toBe(false);
      expect('_resourceType' in e).toBe(false);
    }
  });

  it('same-origin 403 and 401: flagged, never CORS', () => {
    for (const [url, status] of [
      ['/api/forbidden', 403],
      ['/api/unauthorized', 401],
    ] as const) {
      const d = ff(url, 'GET');
      expect(d).toMatchObject({ status, flagged: true, cors: false });
      expect(d.causes.some((c) => c.id.startsWith('cors.'))).toBe(false);
    }
  });

  it('a simple cross-origin GET answered 200 without ACAO is CORS-blocked, like Chrome', () => {
    const d = ff('/api/nocors', 'GET');
    expect(d).toMatchObject({ status: 200, flagged: true, cors: true });
    expect(top(d)).toBe('cors.missing_allow_origin');
    expect(top(d)).toBe(top(ch('/api/nocors-simple', 'GET')));
    const details = d.causes[0]!.evidence.map((e) => e.detail);
    expect(details).toContain('Origin: http://127.0.0.1:35393');
    expect(details).toContain('Access-Control-Allow-Origin: (absent)');
    expect(d.causes[0]!.fixes.join(' ')).toContain('Access-Control-Allow-Origin: http://127.0.0.1:35393');
  });

  it('the preflight is recognised by Access-Control-Request-Method + Origin; only the failing one is listed, as CORS', () => {
    const log = new LogIndex(firefoxHar());
    const preflights = log.exchanges.filter((x) => x.isPreflight).map((x) => `${x.method} ${x.url?.pathname}`);
    expect(preflights).toEqual(['OPTIONS /api/preflighted', 'OPTIONS /api/preflight-fail']);
    const listed = diagnose(firefoxHar()).filter((d) => d.method === 'OPTIONS');
    expect(listed.map((d) => new URL(d.url).pathname)).toEqual(['/api/preflight-fail']);
    expect(listed[0]!.causes.every((c) => c.id.startsWith('cors.'))).toBe(true);
  });

  it('tells a refused preflight from a passing one on its own headers (the panel then looks in getHAR)', () => {
    const at = (n: string) => toExchange(clone(shapes.onRequestFinished[n]!), 0);
    expect(preflightFails(at('preflightOk'))).toBe(false);
    expect(preflightFails(at('preflightFailed'))).toBe(true);
    expect(preflightFails(at('corsBlockedGet'))).toBe(false);
  });

  it('a PUT whose preflight passed and whose 403 carries ACAO is a 403, not CORS', () => {
    const d = ff('/api/preflighted', 'PUT');
    expect(d).toMatchObject({ status: 403, flagged: true, cors: false });
    expect(d.preflightIndex).toBe(names.indexOf('preflightOk'));
    expect(d.causes.some((c) => c.id.startsWith('cors.'))).toBe(false);
  });

  it('the request behind a refused preflight (getHAR only, status 0) is explained from the preflight', () => {
    const d = ff('/api/preflight-fail', 'PUT');
    expect(d).toMatchObject({ status: 0, flagged: true, cors: true });
    expect(d.preflightIndex).toBe(names.indexOf('preflightFailed'));
    expect(top(d)).toBe('cors.missing_allow_origin');
    expect(top(d)).toBe(top(ch('/api/preflight-fail', 'DELETE')));
    const c = d.causes[0]!;
    const details = c.evidence.map((e) => e.detail).join('\n');
    expect(details).toContain('404');
    expect(details).toContain('Access-Control-Request-Method: PUT');
    expect(c.summary).toMatch(/preflight/i);
    expect(c.fixes.join(' ')).toContain('Access-Control-Allow-Methods: PUT');
    // Deduced from headers, not read from the browser: rated below what Chrome reports itself.
    expect(c.confidence).toBeLessThanOrEqual(0.85);
  });

  it('onRequestFinished never delivers that request: only getHAR() has it', () => {
    const live = Object.values(shapes.onRequestFinished);
    expect(live.some((e) => e.request.method === 'PUT' && e.request.url.endsWith('/api/preflight-fail'))).toBe(false);
    const behind = shapes.getHAR.entries['requestAfterFailedPreflight']!;
    expect(behind.response).toMatchObject({ status: 0, httpVersion: '', headers: [] });
    expect(behind.timings).toEqual({});
  });

  it('what onRequestFinished delivered diagnoses the same as getHAR() (bodies aside)', () => {
    const live = harOf(Object.values(clone(shapes.onRequestFinished)));
    const liveTop = diagnose(live).map((d) => [d.method, d.url, d.cors, d.causes[0]?.id]);
    const harTop = diagnose(firefoxHar(['requestAfterFailedPreflight'])).map((d) => [
      d.method,
      d.url,
      d.cors,
      d.causes[0]?.id,
    ]);
    expect(liveTop).toEqual(harTop);
  });
});

describe('status 0 is not CORS without evidence (any browser)', () => {
  const behindName = 'requestAfterFailedPreflight';

  it('Firefox: the same status-0 request without its refused preflight in the log stays unflagged', () => {
    const har = firefoxHar(['preflightFailed']);
    const d = byName(har)('/api/preflight-fail', 'PUT');
    expect(d).toMatchObject({ status: 0, flagged: false, cors: false });
  });

  it('Firefox: a status-0 request whose captured preflight passed is a network failure, not CORS', () => {
    const ok = clone(shapes.getHAR.entries['preflightOk']!);
    const x = clone(shapes.getHAR.entries[behindName]!);
    ok.request.url = x.request.url;
    const log = new LogIndex(harOf([x, ok]));
    expect(isBrowserBlocked(log.exchanges[0]!, log.preflightFor(log.exchanges[0]!))).toBe(false);
  });

  it('Chrome: offline, DNS, refused, TLS and ad-blocker errors are not CORS, even cross-origin', () => {
    const blockedDelete = chrome.log.entries.find((e) => e.request.method === 'DELETE')!;
    for (const error of [
      'net::ERR_INTERNET_DISCONNECTED',
      'net::ERR_NAME_NOT_RESOLVED',
      'net::ERR_CONNECTION_REFUSED',
      'net::ERR_CERT_AUTHORITY_INVALID',
      'net::ERR_SSL_PROTOCOL_ERROR',
      'net::ERR_BLOCKED_BY_CLIENT',
    ]) {
      const e = clone(blockedDelete);
      e.response._error = error;
      const d = diagnose(harOf([e]), { all: true })[0]!;
      expect({ error, flagged: d.flagged, cors: d.cors }).toEqual({ error, flagged: false, cors: false });
    }
  });

  it('Chrome: a generic ERR_FAILED on a same-origin request is not CORS', () => {
    const e = clone(chrome.log.entries.find((e) => e.request.method === 'DELETE')!);
    e.request.url = 'http://127.0.0.1:8133/api/x';
    expect(isBrowserBlocked(toExchange(e, 0))).toBe(false);
  });

  it('Firefox: a cross-origin no-cors request (image) without ACAO is not a CORS failure', () => {
    const e = clone(shapes.getHAR.entries['corsBlockedGet']!);
    e.request.headers = e.request.headers
      .filter((h) => h.name !== 'Origin')
      .map((h) => (h.name === 'Sec-Fetch-Mode' ? { name: h.name, value: 'no-cors' } : h));
    expect(isBrowserBlocked(toExchange(e, 0))).toBe(false);
    // No Origin at all: without the header a browser puts on every CORS request, no evidence.
    const bare = clone(shapes.getHAR.entries['corsBlockedGet']!);
    bare.request.headers = bare.request.headers.filter((h) => !/^(origin|sec-fetch-mode)$/i.test(h.name));
    expect(isBrowserBlocked(toExchange(bare, 0))).toBe(false);
  });

  it('Firefox: a cross-origin response with a matching ACAO, or a navigation with Origin, is not blocked', () => {
    const ok = clone(shapes.getHAR.entries['corsBlockedGet']!);
    ok.response.headers.push({ name: 'access-control-allow-origin', value: 'http://127.0.0.1:35393' });
    expect(isBrowserBlocked(toExchange(ok, 0))).toBe(false);
    const star = clone(ok);
    star.response.headers.at(-1)!.value = '*';
    expect(isBrowserBlocked(toExchange(star, 0))).toBe(false);
    // The same wildcard with a cookie sent (credentials mode "include") fails the CORS check.
    star.request.headers.push({ name: 'Cookie', value: 'sid=1' });
    expect(isBrowserBlocked(toExchange(star, 0))).toBe(true);
    const nav = clone(shapes.getHAR.entries['corsBlockedGet']!);
    nav.request.method = 'POST';
    nav.request.headers = nav.request.headers.map((h) =>
      h.name === 'Sec-Fetch-Mode' ? { name: h.name, value: 'navigate' } : h,
    );
    expect(isBrowserBlocked(toExchange(nav, 0))).toBe(false);
  });

  it('an OPTIONS with Access-Control-Request-Method but no Origin is not a browser preflight', () => {
    const e = clone(shapes.getHAR.entries['preflightFailed']!);
    e.request.headers = e.request.headers.filter((h) => h.name !== 'Origin');
    expect(toExchange(e, 0).isPreflight).toBe(false);
    expect(toExchange(clone(shapes.getHAR.entries['preflightFailed']!), 0).isPreflight).toBe(true);
  });
});
