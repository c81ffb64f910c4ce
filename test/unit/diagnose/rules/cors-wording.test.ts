import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { makeHar, type EntrySpec } from '../../../support/har';
import { API, PAGE, blocked, preflight } from '../../cors/helpers';

// What the user reads for each CORS failure the Fetch standard defines
// (https://fetch.spec.whatwg.org/#cors-check: one Access-Control-Allow-Origin equal to the
// origin; https://fetch.spec.whatwg.org/#cors-preflight-fetch: the preflight is not redirected,
// and lists the method and the non-safelisted headers; https://fetch.spec.whatwg.org/#concept-method-normalize:
// only DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased). The blocked entries are shaped as
// Chrome records them (net::ERR_FAILED, test/unit/cors/helpers.ts).

const top = (entries: EntrySpec[]) => diagnose(makeHar(entries), { all: true }).at(-1)!.causes[0]!;

describe('CORS: what the user reads', () => {
  it('an Access-Control-Allow-Origin with a trailing slash: the value and the origin are both quoted', () => {
    const c = top([
      blocked({ method: 'GET', status: 200, responseHeaders: { 'Access-Control-Allow-Origin': `${PAGE}/` } }),
    ]);
    expect(c.id).toBe('cors.allow_origin_mismatch');
    expect(c.title).toBe(
      "Access-Control-Allow-Origin on the response is 'https://app.example.com/', not https://app.example.com",
    );
    expect(c.fixes).toHaveLength(1);
  });

  it('allowing the origin `null` adds the warning that it admits any sandboxed document', () => {
    const c = top([
      blocked({ method: 'GET', status: 200, responseHeaders: { 'Access-Control-Allow-Origin': 'null' } }),
    ]);
    expect(c.id).toBe('cors.allow_origin_mismatch');
    expect(c.fixes[1]).toBe(
      'Serve the page from a real origin: allowing the origin `null` would admit any sandboxed or file: documents.',
    );
  });

  it('two Access-Control-Allow-Origin headers (app and proxy each adding one): the joined value is quoted', () => {
    const c = top([
      blocked({ method: 'GET', status: 200, responseHeaders: { 'Access-Control-Allow-Origin': [PAGE, PAGE] } }),
    ]);
    expect(c.id).toBe('cors.multiple_allow_origin');
    expect(c.title).toBe('Access-Control-Allow-Origin on the response holds several values');
    expect(c.summary).toMatch(/it was 'https:\/\/app\.example\.com, https:\/\/app\.example\.com', usually two layers/);
    expect(c.fixes[0]).toBe('Send exactly one "Access-Control-Allow-Origin: https://app.example.com".');
  });

  it('a redirected preflight names where it went, without the query', () => {
    const c = top([
      preflight('PUT', 'content-type', 301, { Location: `${API}/?lang=en` }),
      blocked({ method: 'PUT', status: 0, requestHeaders: { 'Content-Type': 'application/json' } }),
    ]);
    expect(c.id).toBe('cors.preflight_redirect');
    expect(c.summary).toMatch(
      /The preflight was redirected to https:\/\/api\.example\.net\/v1\/items\/; browsers never follow redirects on a preflight\.$/,
    );
    expect(c.fixes[0]).toMatch(/^Call the final URL directly \(https:\/\/api\.example\.net\/v1\/items\/\): /);
  });

  it('a lower-case "patch" the preflight did not allow: absent header said, and the upper-case fix offered', () => {
    const c = top([
      preflight('patch', null, 204, { 'Access-Control-Allow-Origin': PAGE }),
      blocked({ method: 'patch', status: 0 }),
    ]);
    expect(c.id).toBe('cors.method_not_allowed');
    expect(c.title).toBe('Access-Control-Allow-Methods does not allow patch');
    expect(c.summary).toMatch(/The preflight asked for patch and Access-Control-Allow-Methods was absent\.$/);
    expect(c.fixes).toEqual([
      'Send "Access-Control-Allow-Methods: patch" on the OPTIONS response.',
      'Or send the method as "PATCH": fetch upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so "patch" goes out as written.',
    ]);
  });

  it('a JSON Content-Type the preflight did not allow: the header line to send keeps what was allowed, plus the text/plain way out', () => {
    const c = top([
      preflight('POST', 'content-type,x-request-id', 204, {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Headers': 'x-request-id',
      }),
      blocked({
        method: 'POST',
        status: 0,
        requestHeaders: { 'Content-Type': 'application/json', 'X-Request-Id': '1' },
      }),
    ]);
    expect(c.id).toBe('cors.header_not_allowed');
    expect(c.summary).toMatch(
      /The page set content-type, which needs the preflight's permission, and Access-Control-Allow-Headers was 'x-request-id'\./,
    );
    expect(c.fixes).toEqual([
      'Send "Access-Control-Allow-Headers: x-request-id, content-type" on the OPTIONS response.',
      'Or, when the body is not JSON, send it as text/plain or form data: only those Content-Types need no preflight.',
    ]);
  });
});
