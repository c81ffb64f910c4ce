import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { loadFixtures, type CauseFixture } from '../../support/fixtures';
import { makeHar } from '../../support/har';
import { API, PAGE, blocked, preflight } from './helpers';

/** The diagnosis of the last entry (the request; preflights come first in these logs). */
const top = (har: ReturnType<typeof makeHar>) => diagnose(har, { all: true }).at(-1)!;

describe('cors rules in diagnose()', () => {
  it('CORS hiding a real 403: both the CORS cause and the 403 cause, CORS first', () => {
    const har = makeHar([
      blocked({
        method: 'GET',
        status: 403,
        statusText: 'Forbidden',
        requestHeaders: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl' },
        responseHeaders: { 'Content-Type': 'application/json' },
      }),
    ]);
    const d = top(har);
    const ids = d.causes.map((c) => c.id);
    expect(ids[0]).toBe('cors.missing_allow_origin');
    expect(ids).toContain('permission.denied');
    expect(d.causes[0]!.summary.toLowerCase()).toContain('the cors error hides a real 403');
    expect(d.causes[0]!.fixes.join(' ')).toMatch(/error responses/);
    expect(JSON.stringify(d.causes)).not.toContain('c2lnbmF0dXJl');
  });

  it('CORS hiding a 429 or a 5xx says so', () => {
    const d = top(
      makeHar([blocked({ status: 429, statusText: 'Too Many Requests', responseHeaders: { 'Retry-After': '30' } })]),
    );
    expect(d.causes.map((c) => c.id)).toEqual(
      expect.arrayContaining(['cors.missing_allow_origin', 'rate_limit.exceeded']),
    );
    expect(d.causes[0]!.summary).toContain('hides a real 429');
    const e = top(makeHar([blocked({ status: 502, statusText: 'Bad Gateway' })]));
    expect(e.causes[0]!.summary).toContain('hides a real 502');
  });

  it('a preflight demanding auth: missing ACAO plus auth.missing', () => {
    const har = makeHar([
      preflight('GET', 'authorization', 401, { 'WWW-Authenticate': 'Bearer realm="api"' }),
      blocked({ method: 'GET', status: 0, requestHeaders: { Authorization: 'Bearer t' } }),
    ]);
    const d = top(har);
    expect(d.preflightIndex).toBe(0);
    expect(d.index).toBe(1);
    const ids = d.causes.map((c) => c.id);
    expect(ids[0]).toBe('cors.missing_allow_origin');
    expect(ids).toContain('auth.missing');
    const auth = d.causes.find((c) => c.id === 'auth.missing')!;
    expect(auth.summary).toMatch(/without cookies or Authorization/);
    expect(auth.fixes[0]).toMatch(/OPTIONS/);
  });

  it('a preflight 403 with a matching ACAO is preflight_invalid_status', () => {
    const har = makeHar([
      preflight('PUT', null, 403, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(top(har).causes.map((c) => c.id)[0]).toBe('cors.preflight_invalid_status');
  });

  it('names the missing header and the exact ACAH line to send', () => {
    const har = makeHar([
      preflight('POST', 'authorization,content-type', 204, {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Headers': 'Content-Type',
      }),
      blocked({
        method: 'POST',
        status: 0,
        requestHeaders: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      }),
    ]);
    const c = top(har).causes[0]!;
    expect(c.id).toBe('cors.header_not_allowed');
    expect(c.title).toContain('authorization');
    expect(c.fixes[0]).toContain('Access-Control-Allow-Headers: content-type, authorization');
    expect(c.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('never puts the request URL query (keys) into evidence', () => {
    const har = makeHar([blocked({ url: `${API}?key=AIzaSySECRETSECRET`, status: 200 })]);
    expect(JSON.stringify(top(har).causes)).not.toContain('AIzaSySECRET');
  });

  it('survives hostile header values', () => {
    const har = makeHar([
      blocked({
        status: 200,
        responseHeaders: {
          'Access-Control-Allow-Origin': ['\u0000\u0007', 'x'.repeat(100_000)],
          'Access-Control-Allow-Credentials': '\n',
        },
        requestHeaders: { Origin: '%%%', Referer: 'not a url' },
      }),
    ]);
    const d = top(har);
    expect(d.causes.length).toBeGreaterThan(0);
    for (const c of d.causes) for (const e of c.evidence) expect(e.detail.length).toBeLessThan(1000);
  });
});

describe('cors fixtures keep secrets out of evidence', () => {
  it('never quotes Authorization, Cookie or API key values', () => {
    const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'causes', 'cors');
    for (const { fixture, har } of loadFixtures<CauseFixture>(dir)) {
      const out = JSON.stringify(diagnose(har, { all: true }));
      for (const e of fixture.entries) {
        for (const [name, value] of Object.entries(e.requestHeaders ?? {})) {
          if (!/^(authorization|cookie|x-api-key)$/i.test(name)) continue;
          const secrets = /^cookie$/i.test(name)
            ? String(value)
                .split(';')
                .map((c) => c.split('=')[1] ?? '')
            : [String(value).replace(/^(Bearer|Basic) /, '')];
          for (const secret of secrets.filter((x) => x.length >= 4))
            expect(out, `${name} leaked`).not.toContain(secret.slice(-10));
        }
      }
    }
  });
});
