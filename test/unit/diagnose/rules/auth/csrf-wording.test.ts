// What csrf.invalid says, read from the request's shape (lib/diagnose/rules/auth/csrf.ts) and from a
// cross-origin form (csrf-origin.ts). The names are the frameworks' documented ones: Laravel's 419 "Page
// Expired", XSRF-TOKEN cookie and X-XSRF-TOKEN / X-CSRF-TOKEN headers and _token field
// (https://laravel.com/docs/csrf); Django's csrftoken cookie and X-CSRFToken header
// (https://docs.djangoproject.com/en/5.0/howto/csrf/); the csurf/csrf-csrf `_csrf` cookie read from
// CSRF-Token or X-CSRF-Token; Angular's and axios' double submit of XSRF-TOKEN into X-XSRF-TOKEN.
import { describe, expect, it } from 'vitest';
import { CONFIDENCE } from '../../../../../lib/core/confidence';
import type { Cause } from '../../../../../lib/core/causes';
import type { Rule } from '../../../../../lib/core/context';
import { csrfRule } from '../../../../../lib/diagnose/rules/auth/csrf';
import { csrfOriginRule } from '../../../../../lib/diagnose/rules/auth/csrf-origin';
import { makeHar, type EntrySpec } from '../../../../support/har';
import { ruleCauses } from './support';

// Each rule's own reading, before diagnose() merges it with others of the same id.
const of = (rule: Rule, spec: EntrySpec): Cause[] => ruleCauses(rule, makeHar([spec]));
const one = (rule: Rule, spec: EntrySpec): Cause => {
  const c = of(rule, spec);
  expect(c).toHaveLength(1);
  return c[0]!;
};

const URL = 'https://app.example.com/api/items';
const post = (headers: Record<string, string>, status = 403, extra: Partial<EntrySpec> = {}): EntrySpec => ({
  method: 'POST',
  url: URL,
  status,
  requestHeaders: headers,
  ...extra,
});
const lines = (c: Cause) => c.evidence.map((e) => `${e.where} ${e.name ?? '-'} | ${e.detail}`);

describe("Laravel's 419 Page Expired", () => {
  it('no token and no CSRF cookie: the headers and the field it looked for, and how to send them', () => {
    const c = one(csrfRule, post({ Cookie: 'laravel_session=abc' }, 419));
    expect(c.title).toBe('419 Page Expired: no CSRF token was sent');
    expect(c.summary).toBe(
      `419 is Laravel's "Page Expired": the request carried no X-CSRF-TOKEN / X-XSRF-TOKEN header and no _token field.`,
    );
    expect(c.confidence).toBe(CONFIDENCE.possiblePlus20);
    expect(c.fixes).toEqual([
      'Send the X-XSRF-TOKEN header from the XSRF-TOKEN cookie (axios does it for same-origin requests; ' +
        'enable withXSRFToken for cross-origin), or the X-CSRF-TOKEN meta tag value.',
    ]);
    expect(lines(c).slice(1)).toEqual([
      'request.header - | no CSRF header (X-CSRF-Token, X-XSRF-TOKEN, X-CSRFToken) sent',
    ]);
  });

  it('a token sent, in a header or the body, but 419 still: stale for the session, reload', () => {
    for (const spec of [
      post({ Cookie: 'XSRF-TOKEN=abcdef', 'X-CSRF-TOKEN': 'abc' }, 419),
      post({ Cookie: 'laravel_session=abc' }, 419, {
        requestBody: '_token=abc&name=x',
        requestMimeType: 'application/x-www-form-urlencoded',
      }),
    ]) {
      const c = one(csrfRule, spec);
      expect(c.title).toBe('419 Page Expired: the CSRF token was sent but is stale for this session');
      expect(c.summary).toBe(
        '419 is Laravel\'s "Page Expired": the token did not match the session, typically because ' +
          'the session expired or rotated (login, logout) after the page loaded.',
      );
      expect(c.fixes).toEqual([
        'Reload the page (or re-fetch /sanctum/csrf-cookie) to get a token for the current session, then retry.',
      ]);
    }
    const body = one(
      csrfRule,
      post({}, 419, { requestBody: '_token=abc', requestMimeType: 'application/x-www-form-urlencoded' }),
    );
    expect(lines(body).slice(1)).toEqual([
      'request.header - | no CSRF header (X-CSRF-Token, X-XSRF-TOKEN, X-CSRFToken) sent',
      'request.body - | CSRF field _token in the body',
    ]);
  });

  it('X-XSRF-TOKEN beside a different XSRF-TOKEN cookie: the mismatch named, with the cookie kept by length only', () => {
    const c = one(csrfRule, post({ Cookie: 'XSRF-TOKEN=newtoken', 'X-XSRF-TOKEN': 'old' }, 419));
    expect(c.title).toBe('419 Page Expired: the X-XSRF-TOKEN header does not match the XSRF-TOKEN cookie');
    expect(lines(c).slice(1)).toEqual([
      'request.cookie XSRF-TOKEN | CSRF cookie XSRF-TOKEN sent (8 chars)',
      'request.header x-xsrf-token | CSRF header x-xsrf-token sent',
      'request.header x-xsrf-token | X-XSRF-TOKEN differs from the XSRF-TOKEN cookie',
    ]);
    expect(JSON.stringify(c)).not.toContain('newtoken');
  });

  it('419 is read whatever the method; another status is not', () => {
    expect(of(csrfRule, { ...post({}, 419), method: 'GET' })).toHaveLength(1);
    expect(of(csrfRule, post({ Cookie: 'XSRF-TOKEN=abc' }, 401))).toEqual([]);
  });
});

describe('a 403 to an unsafe call that carried a CSRF cookie', () => {
  it.each([
    ['XSRF-TOKEN', 'X-XSRF-TOKEN'],
    ['csrftoken', 'X-CSRFToken'],
    ['_csrf', 'CSRF-Token (or X-CSRF-Token)'],
    ['csrf_token', 'X-CSRF-Token'],
  ])('a %s cookie and no token: the header its framework reads (%s)', (cookieName, header) => {
    const c = one(csrfRule, post({ Cookie: `${cookieName}=abc; sid=1` }));
    expect(c.title).toBe(`The ${cookieName} cookie was sent but no ${header} header`);
    expect(c.summary).toBe(
      "A POST with a CSRF cookie and no matching token header or form field: the framework's CSRF check " +
        '(double-submit or synchronizer token) refuses such requests with 403.',
    );
    expect(c.confidence).toBe(CONFIDENCE.possiblePlus2);
    expect(lines(c)).toEqual([
      'response.status - | 403',
      `request.cookie ${cookieName} | CSRF cookie ${cookieName} sent (3 chars)`,
      'request.header - | no CSRF header (X-CSRF-Token, X-XSRF-TOKEN, X-CSRFToken) sent',
    ]);
    expect(c.fixes).toEqual([
      `Copy the ${cookieName} cookie's value into the ${header} header on unsafe requests ` +
        '(Angular HttpClient and axios do it only for same-origin calls by default).',
    ]);
  });

  it('the double-submit mismatch: its own words and fix, at a lower confidence', () => {
    const c = one(csrfRule, post({ Cookie: 'XSRF-TOKEN=new', 'X-XSRF-TOKEN': 'old' }));
    expect(c.title).toBe('The X-XSRF-TOKEN header does not match the XSRF-TOKEN cookie');
    expect(c.summary).toBe(
      'Double-submit CSRF protection compares the header with the cookie; they differ, usually ' +
        'because the header came from an older page load or another session.',
    );
    expect(c.confidence).toBe(CONFIDENCE.possible);
    expect(c.fixes).toEqual([
      'Read the token from the current cookie right before each request instead of caching it.',
    ]);
    expect(lines(c)).toEqual([
      'response.status - | 403',
      'request.cookie XSRF-TOKEN | CSRF cookie XSRF-TOKEN sent (3 chars)',
      'request.header x-xsrf-token | CSRF header x-xsrf-token sent',
      'request.header x-xsrf-token | X-XSRF-TOKEN differs from the XSRF-TOKEN cookie',
    ]);
  });

  it('quiet: a token sent that matches, a field in the body, no CSRF cookie, or an API key in use', () => {
    expect(of(csrfRule, post({ Cookie: 'XSRF-TOKEN=same', 'X-XSRF-TOKEN': 'same' }))).toEqual([]);
    expect(
      of(
        csrfRule,
        post({ Cookie: 'csrftoken=abc' }, 403, {
          requestBody: 'csrfmiddlewaretoken=abc',
          requestMimeType: 'application/x-www-form-urlencoded',
        }),
      ),
    ).toEqual([]);
    expect(of(csrfRule, post({ Cookie: 'sid=1' }))).toEqual([]);
  });
});

describe('a form POST from another origin, refused 403', () => {
  const form = (headers: Record<string, string>): EntrySpec =>
    post({ Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, 403, {
      requestBody: 'a=1',
      requestMimeType: 'application/x-www-form-urlencoded',
    });

  it('the origin, the fetch site and the form type quoted; the trusted-origins fix', () => {
    const c = one(csrfOriginRule, form({ 'Sec-Fetch-Site': 'cross-site' }));
    expect(c.title).toBe('A form POST from another origin (https://evil.example) was refused: a CSRF origin check');
    expect(c.summary).toBe(
      "The browser sent this POST from https://evil.example with a form's content type (application/x-www-form-urlencoded), " +
        "and https://app.example.com answered 403. Origin-checking CSRF protection (Hono's csrf, Go's " +
        'CrossOriginProtection, SvelteKit, Rails) refuses exactly such requests, often with a bare "Forbidden".',
    );
    expect(lines(c).slice(1)).toEqual([
      "request.header origin | Origin: https://evil.example (not the target's origin)",
      'request.header sec-fetch-site | Sec-Fetch-Site: cross-site',
      "request.header content-type | Content-Type: application/x-www-form-urlencoded (a form's)",
    ]);
    expect(c.fixes).toEqual([
      "Post the form from the server's own origin, or add https://evil.example to the CSRF middleware's trusted " +
        'origins (Hono: csrf({ origin }), SvelteKit: csrf.trustedOrigins, Go: AddTrustedOrigin).',
      'For an API called from other origins, send JSON with a token header instead of a form (it is preflighted and not CSRF-able).',
    ]);
  });

  it('without Sec-Fetch-Site no such line; a call with Authorization or an API key, or a 401, is not this', () => {
    expect(lines(one(csrfOriginRule, form({})))).toEqual([
      'response.status - | 403',
      "request.header origin | Origin: https://evil.example (not the target's origin)",
      "request.header content-type | Content-Type: application/x-www-form-urlencoded (a form's)",
    ]);
    expect(of(csrfOriginRule, form({ Origin: 'https://app.example.com' }))).toEqual([]);
    expect(of(csrfOriginRule, form({ Authorization: 'Bearer abcdefabcdef' }))).toEqual([]);
    expect(of(csrfOriginRule, form({ 'X-Api-Key': 'k_1234567890' }))).toEqual([]);
    expect(of(csrfOriginRule, { ...form({}), status: 401 })).toEqual([]);
  });
});
