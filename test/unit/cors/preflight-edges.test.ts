// The edges of the CORS-preflight fetch (https://fetch.spec.whatwg.org/#cors-preflight-fetch) as Chromium runs it
// (services/network/cors/preflight_controller.cc, net::HttpResponseHeaders::IsRedirect): what counts as a redirect,
// which Location is followed, and which response each refusal is blamed on.
import { describe, expect, it } from 'vitest';
import { checkPreflight, preflightNeed, redirectTarget } from '../../../lib/cors';
import type { EntrySpec } from '../../support/har';
import { API, PAGE, ex, preflight } from './helpers';

const OK = { 'Access-Control-Allow-Origin': PAGE };

function answer(status: number, headers: Record<string, string | string[]>, extra: Partial<EntrySpec> = {}) {
  return ex(preflight('PUT', 'x-trace', status, headers, extra), 1);
}

function checks(p: ReturnType<typeof answer>) {
  const x = ex({ method: 'PUT', url: API, status: 0, error: 'net::ERR_FAILED', requestHeaders: { 'X-Trace': '1' } });
  return checkPreflight(p, preflightNeed(x, p), PAGE, false);
}

describe('a redirected preflight', () => {
  it('a 302 without any target is no redirect: the browser has nowhere to go, the status is what fails', () => {
    // No Location header and no redirectURL: IsRedirect() is false, so the response is judged as a plain answer.
    const p = answer(302, { ...OK, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-trace' });
    expect(redirectTarget(p)).toBeNull();
    expect(checks(p).map((c) => c.kind)).toEqual(['preflight_invalid_status']);
    // The same when the HAR has no redirectURL field at all (it is optional in the model).
    delete p.entry.response.redirectURL;
    expect(redirectTarget(p)).toBeNull();
  });

  it('an empty Location does not count; the first non-empty one is the target', () => {
    const allowed = { ...OK, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-trace' };
    expect(checks(answer(307, { ...allowed, Location: '' })).map((c) => c.kind)).toEqual(['preflight_invalid_status']);
    expect(checks(answer(307, { ...allowed, Location: '   ' })).map((c) => c.kind)).toEqual([
      'preflight_invalid_status',
    ]);
    const two = answer(307, { ...allowed, Location: ['', 'https://login.example.com/sso'] });
    expect(checks(two)).toEqual([
      {
        kind: 'preflight_redirect',
        stage: 'preflight',
        value: 'https://login.example.com/sso',
        message:
          "Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.",
      },
    ]);
  });

  it('names the Location the server sent, without the whitespace around a field value (RFC 9110 §5.5)', () => {
    expect(redirectTarget(answer(301, { Location: '  https://api.example.net/v1/items/  ' }))).toBe(`${API}/`);
  });

  it('the Location header wins over the HAR’s redirectURL when both are there', () => {
    const p = answer(308, { Location: 'https://api.example.net/v2/items' });
    p.entry.response.redirectURL = 'https://elsewhere.example/';
    expect(redirectTarget(p)).toBe('https://api.example.net/v2/items');
  });
});

describe('which response each preflight refusal is blamed on', () => {
  it('every check of the preflight answer is the preflight’s: the ACAM and ACAH refusals, parsed or not', () => {
    const unparsable = checks(
      answer(204, { ...OK, 'Access-Control-Allow-Methods': 'GET PUT', 'Access-Control-Allow-Headers': 'x trace' }),
    );
    expect(unparsable.map((c) => [c.kind, c.stage])).toEqual([
      ['method_not_allowed', 'preflight'],
      ['header_not_allowed', 'preflight'],
    ]);
    const refused = checks(
      answer(204, { ...OK, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': 'content-type' }),
    );
    expect(refused.map((c) => [c.kind, c.stage])).toEqual([
      ['method_not_allowed', 'preflight'],
      ['header_not_allowed', 'preflight'],
    ]);
  });
});

describe('a private network preflight', () => {
  const asked = {
    requestHeaders: {
      Origin: PAGE,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Private-Network': 'true',
    },
  };
  const pna = (value: string) =>
    checks(answer(204, { ...OK, 'Access-Control-Allow-Private-Network': value }, asked)).map((c) => c.kind);

  it('`true` grants it, as a parsed field value: the whitespace a capture kept around it is not part of the value', () => {
    expect(pna('true')).toEqual([]);
    expect(pna(' true ')).toEqual([]);
  });

  // The header has one value, `true` (https://wicg.github.io/private-network-access/), compared as bytes like
  // Access-Control-Allow-Credentials' `true`.
  it('only lower-case `true` grants it', () => {
    expect(pna('TRUE')).toEqual(['local_network']);
    expect(pna('1')).toEqual(['local_network']);
  });
});
