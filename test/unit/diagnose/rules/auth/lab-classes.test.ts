import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../../lib';
import { CONFIDENCE } from '../../../../../lib/core/confidence';
import { makeHar, type EntrySpec } from '../../../../support/har';

// Issue 17, the real-server lab's last misses, as classes. Each response is the one the lab's
// unmodified server wrote (test/fixtures/lab, recorded by `npm run lab`; servers and versions in
// test/lab/README.md), and each is documented by its server:
// - Caddy `respond` with a JSON body for a missing key (test/fixtures/lab/caddy/api-key-missing.har;
//   https://caddyserver.com/docs/caddyfile/directives/respond);
// - node-oidc-provider's userinfo without a token: 401, `WWW-Authenticate: Bearer realm=…` and
//   {"error":"invalid_token","error_description":"no access token provided"}
//   (test/fixtures/lab/oidc/userinfo-no-token.har; https://github.com/panva/node-oidc-provider);
// - express-jwt's UnauthorizedError credentials_bad_scheme, "Format is Authorization: Bearer [token]"
//   (test/fixtures/lab/express/jwt-wrong-scheme.har; https://github.com/auth0/express-jwt#error-handling);
// - HAProxy's built-in 403 page for `http-request deny` (test/fixtures/lab/haproxy/api-key-wrong.har;
//   https://docs.haproxy.org/2.6/configuration.html#4.2-http-request%20deny);
// - nginx's default 403 page after `auth_request` answered 403 (test/fixtures/lab/nginx/auth-request-forbidden.har;
//   https://nginx.org/en/docs/http/ngx_http_auth_request_module.html).

function diagnoseWith(creator: string, entries: EntrySpec[]) {
  const har = makeHar(entries);
  har.log.creator = { name: creator, version: '1' };
  const ds = diagnose(har, { all: true });
  return ds[ds.length - 1]!;
}
const idsWith = (creator: string, entries: EntrySpec[]) => diagnoseWith(creator, entries).causes.map((c) => c.id);

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsYWIiLCJpYXQiOjE3OTY0MjIyNzIsImV4cCI6MTc5NjQyNTg3Mn0.-ScP0ULdbBDHiQJDRWnQr52N8yfRMMSRWbnmOxdhf_E';
const INVALID_KEY = '{"error":"invalid_api_key","message":"Invalid API key"}';
const NO_TOKEN = '{"error":"invalid_token","error_description":"no access token provided"}';
const BAD_SCHEME = '{"error":"credentials_bad_scheme","message":"Format is Authorization: Bearer [token]"}';
const HAPROXY_403 = '<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n';
const NGINX_403 =
  '<html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n' +
  '<hr><center>nginx/1.22.1</center>\n</body>\n</html>\n';

describe('no credential of that kind sent: *.missing before the server\'s "invalid" wording', () => {
  const keyless: EntrySpec = {
    url: 'http://127.0.0.1:18060/api/items',
    status: 401,
    responseHeaders: { 'Content-Type': 'application/json', Server: 'Caddy' },
    body: INVALID_KEY,
  };

  it('a writer that records every header as sent (Playwright, mitmproxy): api_key.missing, invalid second', () => {
    for (const writer of ['Playwright', 'mitmproxy']) {
      const c = idsWith(writer, [keyless]);
      expect(c[0], writer).toBe('api_key.missing');
      expect(c.indexOf('api_key.invalid'), writer).toBeGreaterThan(0);
    }
  });

  it("a browser export that may have dropped the header: the server's reading stands", () => {
    // Chrome's default "Export HAR (sanitized)" drops credential headers: absence proves nothing.
    expect(idsWith('WebInspector', [keyless])[0]).toBe('api_key.invalid');
  });

  it('a key that was sent stays api_key.invalid', () => {
    expect(idsWith('Playwright', [{ ...keyless, requestHeaders: { 'X-API-Key': 'lab-key-999' } }])[0]).toBe(
      'api_key.invalid',
    );
  });

  it('invalid_token whose description says no token came: auth.missing, whatever wrote the capture', () => {
    const spec: EntrySpec = {
      url: 'http://127.0.0.1:18110/me',
      status: 401,
      responseHeaders: {
        'WWW-Authenticate': 'Bearer realm="http://127.0.0.1:18110"',
        'Content-Type': 'application/json',
      },
      body: NO_TOKEN,
    };
    for (const writer of ['Playwright', 'WebInspector']) {
      const d = diagnoseWith(writer, [spec]);
      expect(d.causes[0]!.id, writer).toBe('auth.missing');
      expect(d.causes[0]!.evidence.map((e) => e.detail).join('\n'), writer).toMatch(/no access token provided/);
    }
  });

  it('invalid_token "The access token is invalid" with a token sent stays auth.invalid', () => {
    const c = idsWith('Playwright', [
      {
        url: 'http://127.0.0.1:18110/me',
        status: 401,
        requestHeaders: { Authorization: 'Bearer lab-token-expired-or-revoked' },
        body: '{"error":"invalid_token","error_description":"invalid token provided"}',
      },
    ]);
    expect(c[0]).toBe('auth.invalid');
  });
});

describe('the server states the scheme it reads: a token under another scheme is auth.malformed', () => {
  const spec = (authorization: string): EntrySpec => ({
    url: 'http://127.0.0.1:18090/api/me',
    status: 401,
    requestHeaders: { Authorization: authorization },
    responseHeaders: { 'Content-Type': 'application/json; charset=utf-8', 'X-Powered-By': 'Express' },
    body: BAD_SCHEME,
  });

  it('JWT <jwt> where the message says "Authorization: Bearer [token]"', () => {
    const d = diagnoseWith('Playwright', [spec(`JWT ${JWT}`)]);
    expect(d.causes[0]!.id).toBe('auth.malformed');
    expect(d.causes[0]!.title).toMatch(/JWT scheme.*Bearer/);
    expect(d.causes[0]!.fixes.join(' ')).toContain('Bearer <credential>');
  });

  it('the same token under the scheme the message names is not called malformed by it', () => {
    const c = idsWith('Playwright', [
      { ...spec(`Bearer ${JWT}`), body: '{"message":"Format is Authorization: Bearer [token]"}' },
    ]);
    expect(c[0]).not.toBe('auth.malformed');
  });
});

describe('a bare 403 to a credentialed call', () => {
  const haproxy = (extra: Partial<EntrySpec>): EntrySpec => ({
    url: 'http://127.0.0.1:18030/api/orders',
    status: 403,
    responseHeaders: { 'content-type': 'text/html', 'cache-control': 'no-cache' },
    body: HAPROXY_403,
    ...extra,
  });

  it('only an API key (header or query): api_key.invalid first, modestly, permission.denied beside it', () => {
    for (const spec of [
      haproxy({ requestHeaders: { 'X-API-Key': 'lab-key-999' } }),
      haproxy({ url: 'http://127.0.0.1:18030/api/orders?api_key=lab-key-999' }),
    ]) {
      const d = diagnoseWith('Playwright', [spec]);
      expect(d.causes.map((c) => c.id).slice(0, 2)).toEqual(['api_key.invalid', 'permission.denied']);
      expect(d.causes[0]!.confidence).toBeLessThan(CONFIDENCE.possible);
    }
  });

  it('a bearer token, or a key beside a session cookie: not read as a bad key', () => {
    expect(
      idsWith('Playwright', [haproxy({ requestHeaders: { Authorization: 'Bearer lab-readonly-token' } })]),
    ).not.toContain('api_key.invalid');
    expect(
      idsWith('Playwright', [haproxy({ requestHeaders: { 'X-API-Key': 'k1', Cookie: 'sessionid=abc123' } })]),
    ).not.toContain('api_key.invalid');
  });

  it('a key-only call whose body the capture left out is not called a bad key', () => {
    const har = makeHar([haproxy({ requestHeaders: { 'X-API-Key': 'k1' } })]);
    delete (har.log.entries[0]!.response.content as { text?: string }).text;
    const d = diagnose(har, { all: true })[0]!;
    expect(d.causes[0]!.id).toBe('permission.denied');
  });

  const nginx = (requestHeaders: Record<string, string>): EntrySpec => ({
    url: 'http://127.0.0.1:18010/protected/data',
    status: 403,
    requestHeaders,
    responseHeaders: { Server: 'nginx/1.22.1', 'Content-Type': 'text/html' },
    body: NGINX_403,
  });

  it("nginx's default page to a bearer call: permission.denied, not filesystem.forbidden", () => {
    const c = idsWith('Playwright', [nginx({ Authorization: 'Bearer lab-readonly-token' })]);
    expect(c[0]).toBe('permission.denied');
    expect(c).not.toContain('filesystem.forbidden');
  });

  it('the same page to a static file with no token (cookies only, or nothing): filesystem.forbidden', () => {
    expect(idsWith('Playwright', [nginx({})])[0]).toBe('filesystem.forbidden');
    expect(idsWith('Playwright', [nginx({ Cookie: '_ga=GA1.1.1' })])[0]).toBe('filesystem.forbidden');
  });
});
