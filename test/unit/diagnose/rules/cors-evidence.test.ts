// What a CORS cause quotes (lib/diagnose/rules/cors/evidence.ts), in reading order: who asked, what
// the browser recorded, the preflight's question and answer (absent headers named as absent), the
// response's CORS headers, and what was inferred. Real captures from the lab (test/fixtures/lab:
// express 4 with the cors package, nginx 1.22, recorded through DevTools so the preflights are kept),
// then hand-built edges: a query never quoted, a header sent twice, a redirect's Location.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../../lib';
import { LogIndex } from '../../../../lib/core/log-index';
import { preflightEvidence, responseEvidence, safeUrl } from '../../../../lib/diagnose/rules/cors/evidence';
import { makeHar, type EntrySpec } from '../../../support/har';

const lab = (file: string): Har => JSON.parse(readFileSync(`test/fixtures/lab/${file}`, 'utf8')) as Har;
const top = (file: string, index: number) =>
  diagnose(lab(file), { all: true }).find((d) => d.index === index)!.causes[0]!;
const details = (file: string, index: number) => top(file, index).evidence.map((e) => `${e.where} | ${e.detail}`);

describe('the call a failed preflight blocked', () => {
  it('a header the preflight did not allow: the page origin, the blocked call, the preflight asked and told', () => {
    expect(top('express/cors-header-not-allowed.har', 2).id).toBe('cors.header_not_allowed');
    expect(details('express/cors-header-not-allowed.har', 2)).toEqual([
      "request.header | page origin http://127.0.0.1:18000 (from the preflight's Origin header (entry #1))",
      'request.line | GET http://127.0.0.1:18090/api/v2/partner/orders',
      'browser | net::ERR_FAILED: the page saw a network error, not the response',
      'response.status | status 0: the request never completed (blocked at or before its preflight)',
      'preflight | OPTIONS http://127.0.0.1:18090/api/v2/partner/orders → 204 No Content (entry #1)',
      'preflight | Access-Control-Request-Method: GET',
      'preflight | Access-Control-Request-Headers: x-api-key',
      'preflight | response Access-Control-Allow-Origin: http://127.0.0.1:18000',
      'preflight | response Access-Control-Allow-Methods: GET,POST',
      'preflight | response Access-Control-Allow-Headers: Content-Type',
    ]);
  });

  it('a preflight without Access-Control-Allow-Origin: the header is named as absent', () => {
    const ev = details('nginx/devtools-preflight-no-acao.har', 3);
    expect(top('nginx/devtools-preflight-no-acao.har', 3).id).toBe('cors.missing_allow_origin');
    expect(ev).toContain('preflight | response Access-Control-Allow-Origin: (absent)');
    expect(ev).toContain('preflight | Access-Control-Request-Headers: authorization');
    expect(ev).toContain('preflight | response Access-Control-Allow-Headers: Authorization, Content-Type');
  });
});

describe('a response the browser withheld', () => {
  it('a wildcard to a credentialed call: the response header quoted, and the inference said', () => {
    expect(top('express/cors-wildcard-credentials.har', 2).id).toBe('cors.wildcard_with_credentials');
    expect(details('express/cors-wildcard-credentials.har', 2)).toEqual([
      'request.header | Origin: http://127.0.0.1:18000',
      'request.line | GET http://127.0.0.1:18090/api/widgets',
      'browser | net::ERR_FAILED: the page saw a network error, not the response',
      'response.status | 200 OK: received by the browser, withheld from the page',
      'response.header | Access-Control-Allow-Origin: *',
      'log | no Cookie header was recorded, but the block is explained only if the request ran with credentials mode "include" (fetch credentials: \'include\' or XHR withCredentials)',
    ]);
  });
});

describe('edges of what is quoted', () => {
  const ex = (spec: EntrySpec) => new LogIndex(makeHar([spec])).exchanges[0]!;

  it('a URL is quoted by origin and path: a query may carry keys', () => {
    expect(safeUrl(ex({ url: 'https://api.example.com/v1/items?api_key=sk_live_123', status: 200 }))).toBe(
      'https://api.example.com/v1/items?…',
    );
    expect(safeUrl(ex({ url: 'https://api.example.com/v1/items', status: 200 }))).toBe(
      'https://api.example.com/v1/items',
    );
    expect(safeUrl(ex({ url: 'not a url?token=abc', status: 200 }))).not.toContain('abc');
  });

  it('a header sent twice says so; a credentialed response names Allow-Credentials, absent or not', () => {
    const x = ex({
      url: 'https://api.example.com/v1/items',
      status: 200,
      responseHeaders: { 'Access-Control-Allow-Origin': ['https://a.example', 'https://b.example'] },
    });
    expect(responseEvidence(x, true).map((e) => e.detail)).toEqual([
      'Access-Control-Allow-Origin: https://a.example, https://b.example (sent 2 times)',
      'Access-Control-Allow-Credentials: (absent)',
    ]);
    expect(responseEvidence(x, false)).toHaveLength(1);
  });

  it("a preflight's redirect is quoted without its query, and a private-network question is kept", () => {
    const p = ex({
      method: 'OPTIONS',
      url: 'https://api.example.com/v1/items',
      status: 301,
      statusText: 'Moved Permanently',
      requestHeaders: {
        Origin: 'https://app.example.com',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Private-Network': 'true',
      },
      responseHeaders: {
        Location: 'https://login.example.com/sso?return=secret',
        'Access-Control-Allow-Private-Network': 'true',
      },
    });
    expect(preflightEvidence(p).map((e) => `${e.name} | ${e.detail}`)).toEqual([
      '#0 | OPTIONS https://api.example.com/v1/items → 301 Moved Permanently (entry #0)',
      'access-control-request-method | Access-Control-Request-Method: PUT',
      'access-control-request-private-network | Access-Control-Request-Private-Network: true',
      'access-control-allow-origin | response Access-Control-Allow-Origin: (absent)',
      'access-control-allow-private-network | response Access-Control-Allow-Private-Network: true',
      'location | Location: https://login.example.com/sso',
    ]);
  });
});
