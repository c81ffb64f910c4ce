import { describe, expect, it } from 'vitest';
import { checkPreflight, preflightNeed } from '../../../lib/cors';
import { API, PAGE, ex, preflight } from './helpers';

function run(
  method: string,
  acrh: string | null,
  status: number,
  headers: Record<string, string | string[]>,
  credentialed = false,
  extra = {},
) {
  const p = ex(preflight(method, acrh, status, headers, extra), 1);
  const x = ex({ method, url: API, status: 0, error: 'net::ERR_FAILED' });
  return checkPreflight(p, preflightNeed(x, p), PAGE, credentialed).map((f) => f.kind);
}

const OK = { 'Access-Control-Allow-Origin': PAGE };

describe('checkPreflight (Chromium order)', () => {
  it('passes a complete answer', () => {
    expect(
      run('PUT', 'authorization,content-type', 204, {
        ...OK,
        'Access-Control-Allow-Methods': 'GET, PUT',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      }),
    ).toEqual([]);
  });

  it('reports a redirect first, even without ACAO', () => {
    expect(run('PUT', null, 301, { Location: `${API}/` })).toEqual(['preflight_redirect']);
    expect(run('PUT', null, 302, {}, false, {})).toEqual(['missing_allow_origin']);
  });

  it('a redirect is a redirect status with a target: 301, 302, 303, 307, 308, not any 3xx', () => {
    // The Fetch standard's "redirect status" is exactly these five, and Chromium follows (so, for a preflight,
    // refuses as a redirect) only them (net::HttpResponseHeaders::IsRedirectResponseCode: "Users probably want to
    // see 300 (multiple choice) pages"). Any other 3xx is an answer whose status is not ok.
    const to = { ...OK, 'Access-Control-Allow-Methods': 'PUT', Location: `${API}/` };
    for (const status of [301, 302, 303, 307, 308])
      expect(run('PUT', null, status, to)).toEqual(['preflight_redirect']);
    for (const status of [300, 304, 305, 306, 399])
      expect(run('PUT', null, status, to)).toEqual(['preflight_invalid_status']);
    // Outside 3xx a Location header is no redirect: the status is what fails.
    expect(run('PUT', null, 299, to)).toEqual([]);
    expect(run('PUT', null, 400, to)).toEqual(['preflight_invalid_status']);
    // The target only in the HAR's redirectURL (no Location header) is still a redirect.
    const p = ex(preflight('PUT', null, 307, OK), 1);
    p.entry.response.redirectURL = `${API}/`;
    const x = ex({ method: 'PUT', url: API, status: 0, error: 'net::ERR_FAILED' });
    const [check] = checkPreflight(p, preflightNeed(x, p), PAGE, false);
    expect(check).toMatchObject({ kind: 'preflight_redirect', stage: 'preflight', value: `${API}/` });
  });

  it("says each failure was the preflight's, with the value it received", () => {
    const p = ex(
      preflight(
        'PUT',
        'x-trace',
        403,
        { ...OK, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': 'x y' },
        {
          requestHeaders: {
            Origin: PAGE,
            'Access-Control-Request-Method': 'PUT',
            'Access-Control-Request-Private-Network': 'true',
          },
        },
      ),
      1,
    );
    const x = ex({ method: 'PUT', url: API, status: 0, error: 'net::ERR_FAILED', requestHeaders: { 'X-Trace': '1' } });
    const checks = checkPreflight(p, preflightNeed(x, p), PAGE, false);
    expect(checks.map((c) => c.kind)).toEqual([
      'preflight_invalid_status',
      'local_network',
      'header_not_allowed',
      'method_not_allowed',
    ]);
    expect(checks.every((c) => c.stage === 'preflight')).toBe(true);
    expect(checks.find((c) => c.kind === 'local_network')!.value).toBeNull();
    expect(checks.find((c) => c.kind === 'preflight_invalid_status')!.value).toBe('403');
  });

  it('a credentialed preflight with a bad ACAC goes on to the other checks; an ACAO failure stops them', () => {
    expect(run('PUT', null, 403, OK, true)).toEqual([
      'invalid_allow_credentials',
      'preflight_invalid_status',
      'method_not_allowed',
    ]);
    expect(run('PUT', null, 403, {}, true)).toEqual(['missing_allow_origin']);
  });

  it('ok status is 200 to 299, both ends included', () => {
    const allowed = { ...OK, 'Access-Control-Allow-Methods': 'PUT' };
    expect(run('PUT', null, 200, allowed)).toEqual([]);
    expect(run('PUT', null, 299, allowed)).toEqual([]);
    expect(run('PUT', null, 199, allowed)).toEqual(['preflight_invalid_status']);
    expect(run('PUT', null, 300, allowed)).toEqual(['preflight_invalid_status']);
  });

  it('checks ACAO before the status: 403/401/405 without ACAO is missing_allow_origin only', () => {
    for (const s of [401, 403, 405, 500]) expect(run('DELETE', 'x-custom', s, {})).toEqual(['missing_allow_origin']);
  });

  it('reports a non-2xx with a matching ACAO as preflight_invalid_status', () => {
    expect(run('DELETE', null, 403, OK)).toEqual(['preflight_invalid_status', 'method_not_allowed']);
    expect(run('GET', null, 404, OK)).toEqual(['preflight_invalid_status']);
  });

  it('reports ACAO mismatches and several ACAO values on the preflight', () => {
    expect(run('PUT', null, 204, { 'Access-Control-Allow-Origin': 'https://other.example' })).toEqual([
      'allow_origin_mismatch',
    ]);
    expect(run('PUT', null, 204, { 'Access-Control-Allow-Origin': [PAGE, PAGE] })).toEqual(['multiple_allow_origin']);
  });

  it('checks ACAC on the preflight of a credentialed request, then goes on', () => {
    expect(run('PUT', null, 204, { ...OK, 'Access-Control-Allow-Methods': 'PUT' }, true)).toEqual([
      'invalid_allow_credentials',
    ]);
    expect(
      run('PUT', null, 204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' }, true),
    ).toEqual(['wildcard_with_credentials']);
  });

  it('matches methods case-sensitively; safelisted methods always pass; `*` only without credentials', () => {
    expect(run('PATCH', null, 204, { ...OK, 'Access-Control-Allow-Methods': 'patch' })).toEqual(['method_not_allowed']);
    expect(run('patch', null, 204, { ...OK, 'Access-Control-Allow-Methods': 'PATCH' })).toEqual(['method_not_allowed']);
    expect(run('PATCH', null, 204, { ...OK, 'Access-Control-Allow-Methods': 'GET,PATCH' })).toEqual([]);
    expect(run('POST', 'x-a', 204, { ...OK, 'Access-Control-Allow-Headers': 'x-a' })).toEqual([]);
    expect(run('DELETE', null, 204, { ...OK, 'Access-Control-Allow-Methods': '*' })).toEqual([]);
    expect(
      run(
        'DELETE',
        null,
        204,
        { ...OK, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': '*' },
        true,
      ),
    ).toEqual(['method_not_allowed']);
  });

  it('matches headers case-insensitively and names the first missing one', () => {
    const p = ex(
      preflight('GET', 'authorization,x-api-key', 204, { ...OK, 'Access-Control-Allow-Headers': 'X-API-KEY' }),
      1,
    );
    const x = ex({ url: API, status: 0, error: 'net::ERR_FAILED' });
    const [f] = checkPreflight(p, preflightNeed(x, p), PAGE, false);
    expect(f).toMatchObject({
      kind: 'header_not_allowed',
      subject: 'authorization',
      missing: ['authorization'],
      value: 'X-API-KEY',
    });
  });

  it('never lets `*` cover Authorization, and ignores `*` for credentialed requests', () => {
    expect(run('GET', 'authorization', 204, { ...OK, 'Access-Control-Allow-Headers': '*' })).toEqual([
      'header_not_allowed',
    ]);
    expect(run('GET', 'x-custom', 204, { ...OK, 'Access-Control-Allow-Headers': '*' })).toEqual([]);
    expect(run('GET', 'authorization', 204, { ...OK, 'Access-Control-Allow-Headers': '*, Authorization' })).toEqual([]);
    expect(
      run(
        'GET',
        'x-custom',
        204,
        { ...OK, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Headers': '*' },
        true,
      ),
    ).toEqual(['header_not_allowed']);
  });

  it('reports unparsable ACAM/ACAH (Chrome: "Cannot parse …") before the method check', () => {
    expect(run('PUT', null, 204, { ...OK, 'Access-Control-Allow-Methods': 'GET PUT' })).toEqual(['method_not_allowed']);
    expect(run('GET', 'x-a', 204, { ...OK, 'Access-Control-Allow-Headers': 'x-a; x-b' })).toEqual([
      'header_not_allowed',
    ]);
  });

  it('tolerates empty items, whitespace and repeated ACAM/ACAH headers', () => {
    expect(
      run('PUT', 'x-a, x-b', 204, {
        ...OK,
        'Access-Control-Allow-Methods': ['GET,,', ' PUT '],
        'Access-Control-Allow-Headers': ['x-a', ' X-B '],
      }),
    ).toEqual([]);
    expect(
      run('PUT', 'x-a', 204, { ...OK, 'Access-Control-Allow-Methods': '', 'Access-Control-Allow-Headers': '' }),
    ).toEqual(['method_not_allowed', 'header_not_allowed']);
  });

  it('checks the Private Network Access answer after the status', () => {
    const pna = { 'Access-Control-Request-Private-Network': 'true' };
    const p = (h: Record<string, string>) =>
      ex(
        preflight('GET', null, 204, h, {
          requestHeaders: { Origin: PAGE, 'Access-Control-Request-Method': 'GET', ...pna },
        }),
        1,
      );
    const x = ex({ url: API, status: 0, error: 'net::ERR_FAILED' });
    expect(checkPreflight(p(OK), preflightNeed(x, null), PAGE, false).map((f) => f.kind)).toEqual(['local_network']);
    expect(
      checkPreflight(p({ ...OK, 'Access-Control-Allow-Private-Network': 'true' }), preflightNeed(x, null), PAGE, false),
    ).toEqual([]);
  });
});
