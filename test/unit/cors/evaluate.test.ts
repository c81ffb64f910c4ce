import { describe, expect, it } from 'vitest';
import { API, PAGE, blocked, ex, exNoVerdict, kinds, preflight, verdict } from './helpers';

const ACAO = { 'Access-Control-Allow-Origin': PAGE };

describe('evaluateCors: when CORS applies', () => {
  it('never flags same-origin requests, even blocked ones', () => {
    const x = ex({
      url: `${PAGE}/api`,
      status: 403,
      requestHeaders: { Referer: `${PAGE}/`, 'Sec-Fetch-Mode': 'cors' },
    });
    expect(verdict(x)).toMatchObject({ applies: false, failures: [] });
    const y = ex({
      method: 'POST',
      url: `${PAGE}/api`,
      status: 0,
      error: 'net::ERR_FAILED',
      requestHeaders: { Origin: PAGE },
    });
    expect(verdict(y).applies).toBe(false);
  });

  it('ignores navigations and no-cors requests', () => {
    expect(
      verdict(
        ex({
          url: API,
          status: 403,
          resourceType: 'document',
          requestHeaders: { Referer: `${PAGE}/`, 'Sec-Fetch-Mode': 'navigate' },
        }),
      ).applies,
    ).toBe(false);
    expect(
      verdict(
        ex({
          url: API,
          status: 200,
          resourceType: 'image',
          requestHeaders: { Referer: `${PAGE}/`, 'Sec-Fetch-Mode': 'no-cors' },
        }),
      ).applies,
    ).toBe(false);
  });

  it('trusts Chrome when it recorded no error', () => {
    const v = verdict(ex({ url: API, status: 403, requestHeaders: { Origin: PAGE } }));
    expect(v).toMatchObject({ applies: true, blocked: false, failures: [] });
  });

  it('reads the page origin from Referer when Origin is missing (provisional headers)', () => {
    const v = verdict(
      ex({
        method: 'GET',
        url: API,
        status: 200,
        error: 'net::ERR_FAILED',
        requestHeaders: { Referer: `${PAGE}/some/page?token=secret` },
      }),
    );
    expect(v.origin).toBe(PAGE);
    expect(v.originFrom).toMatch(/Referer/);
    expect(kinds(v)).toEqual(['missing_allow_origin']);
  });

  it('treats Origin: null as cross-origin and accepts ACAO: null for it', () => {
    const spec = { status: 200, requestHeaders: { Origin: 'null' } };
    expect(kinds(verdict(ex(blocked(spec))))).toEqual(['missing_allow_origin']);
    expect(kinds(verdict(ex(blocked({ ...spec, responseHeaders: { 'Access-Control-Allow-Origin': PAGE } }))))).toEqual([
      'allow_origin_mismatch',
    ]);
    // ACAO: null matches; what is left to explain the block is credentials mode, inferred.
    const v = verdict(ex(blocked({ ...spec, responseHeaders: { 'Access-Control-Allow-Origin': 'null' } })));
    expect(kinds(v)).toEqual(['invalid_allow_credentials']);
    expect(v.failures[0]!.inferred).toBeDefined();
  });
});

describe('evaluateCors: the actual response', () => {
  it('keeps the real status and reports the ACAO failure', () => {
    const v = verdict(ex(blocked({ status: 403, responseHeaders: { 'Content-Type': 'application/json' } })));
    expect(kinds(v)).toEqual(['missing_allow_origin']);
    expect(v.failures[0]).toMatchObject({ stage: 'response', confidence: 0.93 });
  });

  it('reads credentials mode from cookies sent', () => {
    const x = ex(
      blocked({
        status: 200,
        requestHeaders: { Cookie: 'sid=abc; theme=dark' },
        responseHeaders: { 'Access-Control-Allow-Origin': '*' },
      }),
    );
    const v = verdict(x, null, ['sid', 'theme']);
    expect(v.credentials).toBe('include');
    expect(kinds(v)).toEqual(['wildcard_with_credentials']);
    expect(v.credentialsEvidence).toContain('sid');
    expect(v.credentialsEvidence).not.toContain('abc');
  });

  it('names up to six cookies sent as the evidence of credentials, then says there were more', () => {
    const x = ex(blocked({ status: 200, responseHeaders: { 'Access-Control-Allow-Origin': '*' } }));
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(verdict(x, null, six).credentialsEvidence).toBe('Cookie sent (a, b, c, d, e, f)');
    expect(verdict(x, null, [...six, 'g']).credentialsEvidence).toBe('Cookie sent (a, b, c, d, e, f, …)');
    expect(verdict(x, null, []).credentialsEvidence).toBeUndefined();
  });

  it('says why CORS does not apply: a preflight, a non-http URL, an unknown page origin', () => {
    const pre = ex(preflight('PUT', null, 204, ACAO), 1);
    expect(verdict(pre)).toMatchObject({ applies: false, reason: 'a preflight is judged with the request it guards' });
    const ws = ex({ url: 'wss://api.example.net/live', status: 0, requestHeaders: { Origin: PAGE } });
    expect(verdict(ws)).toMatchObject({ applies: false, target: null, reason: 'not an http(s) URL' });
    const anon = ex({ url: API, status: 200, requestHeaders: { 'Sec-Fetch-Mode': 'cors' } });
    expect(verdict(anon)).toMatchObject({ applies: false, reason: 'the page origin is unknown' });
  });

  it('infers credentials mode when only it explains the block', () => {
    const v = verdict(ex(blocked({ status: 200, responseHeaders: { 'Access-Control-Allow-Origin': '*' } })));
    expect(kinds(v)).toEqual(['wildcard_with_credentials']);
    expect(v.failures[0]!.inferred).toMatch(/credentials/);
    expect(v.failures[0]!.confidence).toBeLessThan(0.8);
    const w = verdict(ex(blocked({ status: 200, responseHeaders: ACAO })));
    expect(kinds(w)).toEqual(['invalid_allow_credentials']);
  });

  it('does not count Authorization as credentials mode', () => {
    const x = ex(
      blocked({
        status: 200,
        requestHeaders: { Authorization: 'Bearer abc.def.ghi' },
        responseHeaders: { 'Access-Control-Allow-Origin': '*' },
      }),
    );
    expect(verdict(x).credentials).toBe('unknown');
  });

  it('evaluates captures without the browser verdict (Firefox) at lower confidence', () => {
    const v = verdict(
      exNoVerdict({ url: API, status: 403, requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' } }),
    );
    expect(v).toMatchObject({ blocked: true, verdictRecorded: false });
    expect(v.failures[0]!.confidence).toBeLessThanOrEqual(0.85);
    expect(
      verdict(exNoVerdict({ url: API, status: 403, requestHeaders: { Origin: PAGE }, responseHeaders: ACAO })).blocked,
    ).toBe(false);
  });
});

describe('evaluateCors: preflights', () => {
  it('stops at a failed captured preflight: the actual response is never checked', () => {
    const p = ex(preflight('DELETE', 'x-custom', 405, {}), 1);
    const x = ex({
      method: 'DELETE',
      url: API,
      status: 0,
      error: 'net::ERR_FAILED',
      requestHeaders: { Referer: `${PAGE}/`, 'X-Custom': '1' },
    });
    const v = verdict(x, p);
    expect(kinds(v)).toEqual(['missing_allow_origin']);
    expect(v.failures[0]!.stage).toBe('preflight');
    expect(v.need).toMatchObject({ method: 'DELETE', headers: ['x-custom'], from: 'preflight' });
  });

  it('rates the checks after the first one lower', () => {
    const p = ex(preflight('PUT', 'authorization', 204, { ...ACAO, 'Access-Control-Allow-Methods': 'GET' }), 1);
    const v = verdict(ex({ method: 'PUT', url: API, status: 0, error: 'net::ERR_FAILED' }), p);
    expect(kinds(v)).toEqual(['method_not_allowed', 'header_not_allowed']);
    expect(v.failures.map((f) => f.confidence)).toEqual([0.93, 0.6]);
  });

  it('infers a preflight failure when none was captured and the request needed one', () => {
    const cases: Record<string, string>[] = [
      { Authorization: 'Bearer t' },
      { 'X-API-Key': 'k' },
      { 'Content-Type': 'application/json' },
    ];
    for (const headers of cases) {
      const v = verdict(ex(blocked({ method: 'POST', status: 0, requestHeaders: headers })));
      expect(v.need.needed).toBe(true);
      expect(kinds(v)).toEqual(['missing_allow_origin', 'header_not_allowed']);
      expect(v.failures[0]!.inferred).toMatch(/no preflight was captured/);
      expect(v.failures[0]!.confidence).toBeGreaterThanOrEqual(0.6);
      expect(v.failures[0]!.confidence).toBeLessThanOrEqual(0.75);
    }
    expect(kinds(verdict(ex(blocked({ method: 'PATCH', status: 0 }))))).toEqual([
      'missing_allow_origin',
      'method_not_allowed',
    ]);
  });

  it('uses the body type when provisional headers omit Content-Type', () => {
    const v = verdict(
      ex(blocked({ method: 'POST', status: 0, requestBody: '{}', requestMimeType: 'application/json' })),
    );
    expect(v.need.headers).toEqual(['content-type']);
  });

  it('checks the actual response once the preflight passed', () => {
    const p = ex(
      preflight('PUT', 'content-type', 204, {
        ...ACAO,
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Headers': 'content-type',
      }),
      1,
    );
    const v = verdict(ex(blocked({ method: 'PUT', status: 500 })), p);
    expect(kinds(v)).toEqual(['missing_allow_origin']);
    expect(v.failures[0]!.stage).toBe('response');
  });
});

describe('evaluateCors: local network', () => {
  const local = 'http://192.168.1.20/api';
  it('reports Chrome’s Local Network Access error first', () => {
    const v = verdict(
      ex({
        url: local,
        status: 0,
        error: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS',
        requestHeaders: { Origin: PAGE },
      }),
    );
    expect(kinds(v)).toEqual(['local_network']);
    expect(v.failures[0]!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('infers it from address spaces when nothing else explains the block', () => {
    const p = ex(preflight('PUT', null, 204, { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' }, { url: local }), 1);
    const v = verdict(
      ex({ method: 'PUT', url: local, status: 0, error: 'net::ERR_FAILED', requestHeaders: { Origin: PAGE } }),
      p,
      ['sid'],
    );
    expect(kinds(v)).toContain('local_network');
  });

  it('does not flag a loopback page calling loopback', () => {
    const v = verdict(
      ex({
        url: 'http://127.0.0.1:8134/x',
        status: 200,
        error: 'net::ERR_FAILED',
        requestHeaders: { Origin: 'http://127.0.0.1:8133' },
      }),
    );
    expect(kinds(v)).toEqual(['missing_allow_origin']);
  });

  it('uses serverIPAddress for named targets', () => {
    const x = ex({
      url: 'https://nas.home.example/api',
      status: 200,
      error: 'net::ERR_FAILED',
      requestHeaders: { Origin: PAGE },
    });
    (x.entry as { serverIPAddress?: string }).serverIPAddress = '10.0.0.8';
    expect(kinds(verdict(x))).toEqual(['missing_allow_origin', 'local_network']);
  });
});
