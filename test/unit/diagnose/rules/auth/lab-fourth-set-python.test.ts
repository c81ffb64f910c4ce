import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../../lib';
import { makeHar, type EntrySpec } from '../../../../support/har';

// Issue 17, the lab's fourth Python/C set (test/lab/scenarios/tornado-aiohttp.ts, bottle-falcon-radicale.ts,
// varnish-privoxy.ts): classes the engine did not read before it saw them, each stated from the behaviour the
// program documents.

function lastWith(creator: string, entries: EntrySpec[]) {
  const har = makeHar(entries);
  har.log.creator = { name: creator, version: '1' };
  const ds = diagnose(har, { all: true });
  return ds[ds.length - 1]!;
}

// Varnish's builtin.vcl (7.1: vcl_builtin_synth; Debian's /usr/share/doc/varnish/builtin.vcl.gz) answers every
// `return (synth(status, reason))` with its synthetic page and sets `Retry-After: 5` on it, whatever the status.
const VARNISH_PAGE = (status: number, reason: string) =>
  `<!DOCTYPE html>\n<html>\n  <head>\n    <title>${status} ${reason}</title>\n  </head>\n  <body>\n` +
  `    <h1>Error ${status} ${reason}</h1>\n    <p>${reason}</p>\n    <h3>Guru Meditation:</h3>\n` +
  `    <p>XID: 32770</p>\n    <hr>\n    <p>Varnish cache server</p>\n  </body>\n</html>\n`;
const synth = (status: number, reason: string, headers: Record<string, string> = {}, retry = '5'): EntrySpec => ({
  url: 'https://www.example.com/admin/settings',
  status,
  statusText: reason,
  requestHeaders: headers,
  responseHeaders: {
    Server: 'Varnish',
    'X-Varnish': '32770',
    'Content-Type': 'text/html; charset=utf-8',
    'Retry-After': retry,
  },
  body: VARNISH_PAGE(status, reason),
  mimeType: 'text/html',
});

describe("Varnish's synthetic page: a VCL rule refused, and its builtin Retry-After: 5 is no rate limit", () => {
  it('a synthetic 403 to a request without a token is an edge rule (waf.blocked), not a rate limit', () => {
    const d = lastWith('Playwright', [synth(403, 'Forbidden')]);
    expect(d.causes[0]!.id).toBe('waf.blocked');
    expect(d.causes.map((c) => c.id)).not.toContain('rate_limit.exceeded');
  });

  it('a 429 synth keeps its Retry-After: the VCL sent a rate limit', () => {
    expect(lastWith('Playwright', [synth(429, 'Too Many Requests', {}, '30')]).causes[0]!.id).toBe(
      'rate_limit.exceeded',
    );
    expect(lastWith('Playwright', [synth(429, 'Too Many Requests')]).causes[0]!.id).toBe('rate_limit.exceeded');
  });

  it('a Retry-After other than the builtin 5 still reads as throttling; a synth 403 to an API key is the key', () => {
    const ids = lastWith('Playwright', [synth(403, 'Forbidden', {}, '120')]).causes.map((c) => c.id);
    expect(ids).toContain('rate_limit.exceeded');
    const keyed = lastWith('Playwright', [synth(403, 'Invalid API key', { 'X-Api-Key': 'k-0000000000000000' })]);
    expect(keyed.causes[0]!.id).toBe('api_key.invalid');
  });

  it('the same page without X-Varnish (another server quoting it) is not read as Varnish', () => {
    const copy = synth(403, 'Forbidden');
    copy.responseHeaders = { 'Content-Type': 'text/html', 'Retry-After': '5' };
    expect(lastWith('Playwright', [copy]).causes.map((c) => c.id)).not.toContain('waf.blocked');
  });
});

// Falcon's error bodies are {"title", "description"} (falcon.HTTPError.to_dict); req.get_header(name,
// required=True) raises HTTPMissingHeader: 400 "Missing header value", 'The "X-API-Key" header is required.'
// (https://falcon.readthedocs.io/en/3.1.1/api/errors.html).
describe("Falcon's HTTPMissingHeader naming a credential header is a refusal in words", () => {
  const missing = (header: string): EntrySpec => ({
    url: 'https://api.example.com/partner/orders',
    status: 400,
    statusText: 'Bad Request',
    responseHeaders: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Missing header value', description: `The "${header}" header is required.` }),
    mimeType: 'application/json',
  });

  it('X-API-Key required: api_key.missing; Authorization required: auth.missing', () => {
    expect(lastWith('Playwright', [missing('X-API-Key')]).causes[0]!.id).toBe('api_key.missing');
    expect(lastWith('Playwright', [missing('Authorization')]).causes[0]!.id).toBe('auth.missing');
  });

  it('another required header, or a Falcon validation 400 naming the password, stays quiet', () => {
    expect(lastWith('Playwright', [missing('X-Request-Id')]).flagged).toBe(false);
    const invalid = {
      ...missing('X'),
      body: JSON.stringify({
        title: 'Invalid password',
        description: 'The password must be at least 8 characters long.',
      }),
    };
    expect(lastWith('Playwright', [invalid]).flagged).toBe(false);
  });
});

// Tornado's @tornado.web.authenticated redirects GET/HEAD to login_url and raises HTTPError(403) for other methods
// (https://www.tornadoweb.org/en/stable/web.html#tornado.web.authenticated), a bare "403: Forbidden". With
// xsrf_cookies on, such a POST carries the `_xsrf` cookie and its X-XSRFToken header: an anti-CSRF token, no identity.
describe('a 403 to a fetch() holding only an anti-CSRF cookie is a caller that did not sign in', () => {
  // Playwright's recordHar writes no _resourceType: only Sec-Fetch-Dest says what kind of request it was.
  const post = (cookie: string, dest = 'empty', resourceType = ''): EntrySpec => ({
    method: 'POST',
    url: 'http://127.0.0.1:19750/account',
    status: 403,
    statusText: 'Forbidden',
    requestHeaders: { Cookie: cookie, 'X-XSRFToken': '2|188ede2e|68a03a0b|1796510383', 'Sec-Fetch-Dest': dest },
    responseHeaders: { Server: 'TornadoServer/6.2', 'Content-Type': 'text/html; charset=UTF-8' },
    body: '<html><title>403: Forbidden</title><body>403: Forbidden</body></html>',
    mimeType: 'text/html',
    resourceType,
  });

  it('only _xsrf (or csrftoken), from a fetch: auth.missing', () => {
    expect(lastWith('Playwright', [post('_xsrf=2|188ede2e|68a03a0b|1796510383')]).causes[0]!.id).toBe('auth.missing');
    expect(lastWith('Playwright', [post('csrftoken=abc123')]).causes[0]!.id).toBe('auth.missing');
    expect(lastWith('WebInspector', [post('_xsrf=2|1', '', 'xhr')]).causes[0]!.id).toBe('auth.missing');
  });

  it('a session cookie beside it, or a page navigation, is not read as anonymous', () => {
    const signedIn = lastWith('Playwright', [post('_xsrf=2|1; user="bGFi|1796510383|abc"')]);
    expect(signedIn.causes[0]!.id).not.toBe('auth.missing');
    const page = lastWith('Playwright', [post('_xsrf=2|1', 'document')]);
    expect(page.causes[0]?.id).not.toBe('auth.missing');
    const devtoolsPage = lastWith('WebInspector', [post('_xsrf=2|1', 'empty', 'document')]);
    expect(devtoolsPage.causes[0]?.id).not.toBe('auth.missing');
  });
});

// RFC 6750 §3.1 (https://www.rfc-editor.org/rfc/rfc6750#section-3.1): a request "attempted using an unsupported
// authentication method" lacks authentication information. A Bearer challenge's error="invalid_token" to a
// credential under another scheme is about a Bearer token the server never received: the scheme is the fault.
describe('invalid_token from a Bearer server to a credential under another scheme is the scheme', () => {
  const answer = (authorization: string): EntrySpec => ({
    url: 'http://127.0.0.1:19753/api/me',
    status: 401,
    statusText: 'Unauthorized',
    requestHeaders: { Authorization: authorization },
    responseHeaders: {
      'Content-Type': 'application/json',
      'WWW-Authenticate': 'Bearer realm="lab", error="invalid_token"',
    },
    body: JSON.stringify({
      title: 'Authentication required',
      description: 'The provided auth token is not valid. Please request a new token and try again.',
    }),
    mimeType: 'application/json',
  });

  it('"Token …" to a Bearer challenge with invalid_token: auth.malformed first, the refusal next', () => {
    const d = lastWith('Playwright', [answer('Token lab-token-7f3a')]);
    expect(d.causes[0]!.id).toBe('auth.malformed');
    expect(d.causes[0]!.summary).toMatch(/never received under its own scheme/);
    expect(d.causes.map((c) => c.id)).toContain('auth.invalid');
  });

  it('an unknown token under Bearer itself stays auth.invalid', () => {
    expect(lastWith('Playwright', [answer('Bearer lab-token-0000')]).causes[0]!.id).toBe('auth.invalid');
  });
});
