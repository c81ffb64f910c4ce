// The edges of what a CORS cause says (lib/diagnose/rules/cors/kinds.ts, wording.ts, verdict.ts): a list the
// browser cannot parse, an allow list that was not sent at all, the header each title quotes, and which cookies
// in the HAR make a request credentialed. The checks are the Fetch standard's
// (https://fetch.spec.whatwg.org/#cors-preflight-fetch: the methods and headers lists are parsed with "extract
// header list values", and a parse failure is a network error whatever the request asked for), in Chromium's
// console words (services/network/public/cpp/cors/cors_error_string.cc).
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { RuleContext } from '../../../../lib/core/context';
import { LogIndex } from '../../../../lib/core/log-index';
import { corsVerdictOf } from '../../../../lib/diagnose/rules/cors/verdict';
import type { Har, HarCookie } from '../../../../lib/har/types';
import { makeHar, type EntrySpec } from '../../../support/har';
import { API, PAGE, blocked, preflight } from '../../cors/helpers';

const corsCause = (entries: EntrySpec[]) =>
  diagnose(makeHar(entries), { all: true })
    .at(-1)!
    .causes.find((c) => c.id.startsWith('cors.'))!;

const ACAO = { 'Access-Control-Allow-Origin': PAGE };

describe('allow lists the browser cannot parse', () => {
  it('Access-Control-Allow-Headers unparsable on a call that set no header: said unparsable, not "the page set" nothing', () => {
    // A PUT needs the preflight for its method alone; the answer allows PUT but its header list is no list.
    const c = corsCause([
      preflight('PUT', null, 204, {
        ...ACAO,
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Headers': 'x trace',
      }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(c.id).toBe('cors.header_not_allowed');
    expect(c.title).toBe('Access-Control-Allow-Headers cannot be parsed');
    expect(c.summary).toBe(
      `Chrome blocked it: "Response to preflight request doesn't pass access control check: Cannot parse ` +
        `Access-Control-Allow-Headers response header field in preflight response." Access-Control-Allow-Headers was ` +
        `'x trace', which is not a comma-separated list of header names: the browser cannot parse it, so it refuses ` +
        'the preflight whatever the page asked for.',
    );
    expect(c.fixes).toEqual(['Send "Access-Control-Allow-Headers: x, trace" on the OPTIONS response.']);
  });

  it('an unparsable list that left out what was asked: the fix is a list that parses, with it added', () => {
    const m = corsCause([
      preflight('PUT', null, 204, { ...ACAO, 'Access-Control-Allow-Methods': 'GET PUT' }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(m.title).toBe('Access-Control-Allow-Methods does not allow PUT');
    expect(m.fixes).toEqual(['Send "Access-Control-Allow-Methods: GET, PUT" on the OPTIONS response.']);
    const h = corsCause([
      preflight('GET', 'x-api-key', 204, { ...ACAO, 'Access-Control-Allow-Headers': 'content-type;x-trace' }),
      blocked({ method: 'GET', status: 0, requestHeaders: { 'X-Api-Key': 'k' } }),
    ]);
    expect(h.title).toBe('Access-Control-Allow-Headers does not allow x-api-key');
    expect(h.fixes).toEqual([
      'Send "Access-Control-Allow-Headers: content-type, x-trace, x-api-key" on the OPTIONS response.',
    ]);
  });
});

describe('no note on a list that was refused only because it cannot be parsed', () => {
  // Chromium refuses an unparsable list before it looks for the method or a header in it: a list that names the
  // method exactly, or holds `*` for a call without credentials, is wrong only in its syntax.
  it('the method named exactly in it: nothing about case', () => {
    const c = corsCause([
      preflight('PUT', null, 204, { ...ACAO, 'Access-Control-Allow-Methods': 'PUT, GET POST' }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(c.summary).toMatch(/" The preflight asked for PUT and Access-Control-Allow-Methods was 'PUT, GET POST'\.$/);
  });

  it('`*` in it for a call without credentials: nothing about `*`', () => {
    const m = corsCause([
      preflight('PUT', null, 204, { ...ACAO, 'Access-Control-Allow-Methods': '*, GET POST' }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(m.summary).toMatch(/Access-Control-Allow-Methods was '\*, GET POST'\.$/);
    const h = corsCause([
      preflight('GET', 'x-trace', 204, { ...ACAO, 'Access-Control-Allow-Headers': '*, x y' }),
      blocked({ method: 'GET', status: 0, requestHeaders: { 'X-Trace': '1' } }),
    ]);
    expect(h.summary).toMatch(/Access-Control-Allow-Headers was '\*, x y'\.$/);
  });
});

describe('the headers a preflight answer left out', () => {
  it('every one is named, in the order the preflight asked for them', () => {
    const c = corsCause([
      preflight('GET', 'authorization,x-api-key', 204, { ...ACAO, 'Access-Control-Allow-Headers': 'content-type' }),
      blocked({ method: 'GET', status: 0, requestHeaders: { Authorization: 'Bearer x', 'X-Api-Key': 'k' } }),
    ]);
    expect(c.title).toBe('Access-Control-Allow-Headers does not allow authorization');
    expect(c.summary).toMatch(
      /" The page set authorization, x-api-key, which needs the preflight's permission, and Access-Control-Allow-Headers was 'content-type'\.$/,
    );
    expect(c.fixes).toEqual([
      'Send "Access-Control-Allow-Headers: content-type, authorization, x-api-key" on the OPTIONS response.',
    ]);
  });
});

describe('a block whose page origin the capture did not keep', () => {
  it('says "the page origin" where the origin would be named', () => {
    const c = corsCause([
      {
        url: API,
        status: 200,
        error: 'net::ERR_FAILED',
        mimeType: 'x-unknown',
        requestHeaders: { 'Sec-Fetch-Mode': 'cors' },
      },
    ]);
    expect(c.id).toBe('cors.missing_allow_origin');
    expect(c.summary).toMatch(
      / The response came back without Access-Control-Allow-Origin, so the browser hid it from the page origin\.$/,
    );
  });
});

describe('an allow list the preflight did not send', () => {
  it('no Access-Control-Allow-Methods for a PUT: said absent, and the fix names only the method', () => {
    const c = corsCause([preflight('PUT', null, 204, ACAO), blocked({ method: 'PUT', status: 0 })]);
    expect(c.id).toBe('cors.method_not_allowed');
    expect(c.summary).toMatch(/" The preflight asked for PUT and Access-Control-Allow-Methods was absent\.$/);
    expect(c.fixes).toEqual(['Send "Access-Control-Allow-Methods: PUT" on the OPTIONS response.']);
  });

  it('a method sent in lower case: fetch sends it as written, so the fix offers the upper-case name too', () => {
    const c = corsCause([preflight('patch', null, 204, ACAO), blocked({ method: 'patch', status: 0 })]);
    expect(c.title).toBe('Access-Control-Allow-Methods does not allow patch');
    expect(c.fixes).toEqual([
      'Send "Access-Control-Allow-Methods: patch" on the OPTIONS response.',
      'Or send the method as "PATCH": fetch upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so "patch" goes out as written.',
    ]);
  });
});

describe('the Access-Control-Allow-Origin each title quotes', () => {
  it('another origin: the value received and the page origin it should have been', () => {
    const c = corsCause([
      blocked({
        method: 'GET',
        status: 200,
        responseHeaders: { 'Access-Control-Allow-Origin': 'https://other.example' },
      }),
    ]);
    expect(c.title).toBe(`Access-Control-Allow-Origin on the response is 'https://other.example', not ${PAGE}`);
  });

  it('several values: all of them quoted', () => {
    const c = corsCause([
      blocked({ method: 'GET', status: 200, responseHeaders: { 'Access-Control-Allow-Origin': [PAGE, '*'] } }),
    ]);
    expect(c.summary).toMatch(
      new RegExp(`Access-Control-Allow-Origin must hold exactly one origin; it was '${PAGE}, \\*', usually two layers`),
    );
  });
});

describe('a redirected preflight', () => {
  it('names where it was sent, without the query', () => {
    const c = corsCause([
      preflight('PUT', null, 307, { Location: 'https://login.example.com/sso?next=%2Fv1%2Fitems' }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(c.summary).toMatch(
      /" The preflight was redirected to https:\/\/login\.example\.com\/sso; browsers never follow redirects on a preflight\./,
    );
    expect(c.fixes[0]).toBe(
      "Call the final URL directly (https://login.example.com/sso): fix the trailing slash, the http→https hop or the host in the page's configuration.",
    );
  });

  it('a 300 with a Location is no redirect for the browser: the preflight failed on its status', () => {
    const c = corsCause([
      preflight('PUT', null, 300, { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', Location: `${API}/` }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(c.id).toBe('cors.preflight_invalid_status');
    expect(c.title).toBe('The preflight (OPTIONS) was answered 300');
  });
});

describe('the cookies that make a request credentialed', () => {
  const wildcard = blocked({ method: 'GET', status: 200, responseHeaders: { 'Access-Control-Allow-Origin': '*' } });

  function withCookies(cookies: unknown) {
    const har = makeHar([wildcard]);
    const request = har.log.entries[0]!.request;
    if (cookies === undefined) delete request.cookies;
    else request.cookies = cookies as HarCookie[];
    return diagnose(har, { all: true })[0]!.causes[0]!;
  }

  it('a capture without request.cookies (HAR tools that leave it out) is read from the headers alone', () => {
    const c = withCookies(undefined);
    expect(c.id).toBe('cors.wildcard_with_credentials');
    // Nothing says the call carried cookies, so credentials mode is inferred, not read.
    expect(c.summary).toMatch(/^Likely, not recorded: no Cookie header was recorded/);
  });

  it('a cookie whose name is not text names no cookie', () => {
    const c = withCookies([{ name: 42, value: 'x' }]);
    expect(c.summary).toMatch(/^Likely, not recorded: no Cookie header was recorded/);
    const named = withCookies([{ name: 'sid', value: 'x' }]);
    expect(named.summary).toMatch(/^Chrome blocked it: /);
    expect(named.evidence.map((e) => e.detail)).toContain('Cookie sent (sid): credentials mode "include"');
  });

  it('reads HARs the reader did not repair: no request at all, or a null among the cookies', () => {
    const bare = { log: { entries: [{ response: { status: 403, headers: [] } }] } } as unknown as Har;
    const log = new LogIndex(bare);
    expect(corsVerdictOf(new RuleContext(log.exchanges[0]!, log))).toMatchObject({
      applies: false,
      credentials: 'unknown',
    });
    const har = makeHar([wildcard]);
    har.log.entries[0]!.request.cookies = [null, { name: 'sid', value: '1' }] as unknown as HarCookie[];
    const withNull = new LogIndex(har);
    expect(corsVerdictOf(new RuleContext(withNull.exchanges[0]!, withNull))).toMatchObject({
      credentials: 'include',
      credentialsEvidence: 'Cookie sent (sid)',
    });
  });
});
