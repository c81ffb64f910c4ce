import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../../lib';
import { makeHar, type EntrySpec } from '../../../../support/har';

// Issue 17, the lab's third set (test/lab/scenarios/node3*.ts): classes the engine did not read before it saw
// them, each stated from the behaviour its spec or server documents.

function lastWith(creator: string, entries: EntrySpec[]) {
  const har = makeHar(entries);
  har.log.creator = { name: creator, version: '1' };
  const ds = diagnose(har, { all: true });
  return ds[ds.length - 1]!;
}

// RFC 6750 §3.1 (https://www.rfc-editor.org/rfc/rfc6750#section-3.1): a request the resource server cannot read
// (here: a token under another scheme) gets 400 with `error="invalid_request"` in the challenge. Hono's
// bearer-auth answers exactly that, with the body "Bad Request"
// (https://hono.dev/docs/middleware/builtin/bearer-auth, invalidAuthenticationHeader's defaults).
describe('a 400 that challenges with an OAuth error is the auth layer refusing', () => {
  const challenged = (authorization?: string): EntrySpec => ({
    url: 'http://127.0.0.1:19650/api/items',
    status: 400,
    statusText: 'Bad Request',
    requestHeaders: authorization ? { Authorization: authorization } : {},
    responseHeaders: {
      'Content-Type': 'text/plain;charset=UTF-8',
      'WWW-Authenticate': 'Bearer error="invalid_request"',
    },
    body: 'Bad Request',
    mimeType: 'text/plain',
  });

  it('a token under the scheme "Token": flagged, auth.malformed first', () => {
    const d = lastWith('Playwright', [challenged('Token lab-api-token')]);
    expect(d.flagged).toBe(true);
    expect(d.causes[0]!.id).toBe('auth.malformed');
    expect(d.causes[0]!.evidence.map((e) => e.detail).join('\n')).toMatch(/invalid_request/);
    expect(d.causes[0]!.title).toMatch(/Token credential: it asks for Bearer/);
    expect(d.causes[0]!.fixes[0]).toBe('Send the token as "Authorization: Bearer <token>".');
  });

  it('an ordinary 400 (no challenge) and a 400 whose challenge names no error stay quiet', () => {
    const plain = { ...challenged('Bearer abc'), responseHeaders: { 'Content-Type': 'text/plain' } };
    expect(lastWith('Playwright', [plain]).flagged).toBe(false);
    const bare = {
      ...challenged('Bearer abc'),
      responseHeaders: { 'WWW-Authenticate': 'Bearer realm="api"', 'Content-Type': 'text/plain' },
    };
    expect(lastWith('Playwright', [bare]).flagged).toBe(false);
  });
});

// A refusal whose subject is the caller's address: Hono's ip-restriction docs' onError
// (`c.text(\`Access denied for ${remote.addr}\`, 403)`, https://hono.dev/docs/middleware/builtin/ip-restriction) and
// express-ipfilter's IpDeniedError ("Access denied to IP address: " + ip, https://github.com/jetersen/express-ipfilter).
describe("a refusal that names the caller's IP address is ip.blocked", () => {
  const denied = (body: string, mimeType = 'text/plain'): EntrySpec => ({
    url: 'https://api.example.com/internal/metrics',
    status: 403,
    responseHeaders: { 'Content-Type': mimeType },
    body,
    mimeType,
  });

  it("Hono's documented onError text and express-ipfilter's message", () => {
    expect(lastWith('Playwright', [denied('Access denied for 203.0.113.7')]).causes[0]!.id).toBe('ip.blocked');
    expect(lastWith('Playwright', [denied('Access denied for ::1')]).causes[0]!.id).toBe('ip.blocked');
    const json = denied('{"status":403,"message":"Access denied to IP address: 198.51.100.4"}', 'application/json');
    expect(lastWith('Playwright', [json]).causes[0]!.id).toBe('ip.blocked');
  });

  it('the same words about a user or a resource stay a permission refusal', () => {
    expect(lastWith('Playwright', [denied('Access denied for user lab')]).causes[0]!.id).toBe('permission.denied');
    expect(lastWith('Playwright', [denied('Access denied for version 1.2')]).causes[0]!.id).toBe('permission.denied');
  });
});

// Origin-checking CSRF defences refuse a form-like POST that another origin's page sent, often with a bare
// "Forbidden": Hono's csrf() (https://hono.dev/docs/middleware/builtin/csrf: 403 "Forbidden" unless Origin or
// Sec-Fetch-Site is the server's own), Go's http.CrossOriginProtection (https://pkg.go.dev/net/http#CrossOriginProtection).
describe('a 403 to a cross-origin form POST is a CSRF origin check', () => {
  const post = (headers: Record<string, string>, contentType = 'application/x-www-form-urlencoded'): EntrySpec => ({
    method: 'POST',
    url: 'https://app.example.com/account/email',
    requestHeaders: { 'Content-Type': contentType, ...headers },
    requestBody: 'email=a%40b.c',
    requestMimeType: contentType,
    status: 403,
    responseHeaders: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: 'Forbidden',
    mimeType: 'text/plain',
    resourceType: 'document',
  });
  const cross = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };

  it('Origin another origin, a form content type: csrf.invalid first, with the Origin in evidence', () => {
    const d = lastWith('Playwright', [post(cross)]);
    expect(d.causes[0]!.id).toBe('csrf.invalid');
    expect(d.causes[0]!.evidence.map((e) => e.detail).join('\n')).toContain('Origin: https://evil.example');
    expect(lastWith('Playwright', [post(cross, 'text/plain')]).causes[0]!.id).toBe('csrf.invalid');
  });

  it('not from a same-origin page, a JSON body, or a call that authenticated with a header', () => {
    const ids = (e: EntrySpec) => lastWith('Playwright', [e]).causes.map((c) => c.id);
    expect(ids(post({ Origin: 'https://app.example.com', 'Sec-Fetch-Site': 'same-origin' }))).not.toContain(
      'csrf.invalid',
    );
    expect(ids(post(cross, 'application/json'))).not.toContain('csrf.invalid');
    expect(ids(post({ ...cross, Authorization: 'Bearer abc.def' }))).not.toContain('csrf.invalid');
  });
});

// NestJS's own AuthGuard example returns false for a request without a valid token, and Nest answers a guard's false
// with 403 {"message":"Forbidden resource"} (https://docs.nestjs.com/guards#authorization-guard): said to a caller that
// held no credential at all, that answers an anonymous caller (held-none.ts), as for the code tables.
describe('a vendor\'s "no permission" said to a caller that held no credential is auth.missing', () => {
  const NEST_403 = '{"message":"Forbidden resource","error":"Forbidden","statusCode":403}';
  const guard = (headers: Record<string, string> = {}): EntrySpec => ({
    url: 'http://127.0.0.1:19651/billing',
    requestHeaders: headers,
    status: 403,
    responseHeaders: { 'Content-Type': 'application/json; charset=utf-8', 'X-Powered-By': 'Express' },
    body: NEST_403,
  });

  it('a writer that records every header (Playwright): auth.missing first, the guard beside it', () => {
    const d = lastWith('Playwright', [guard()]);
    expect(d.causes[0]!.id).toBe('auth.missing');
    expect(d.causes[0]!.title).toMatch(/Forbidden resource.*no credential/);
  });

  it('a token sent: the guard refused this identity, permission.denied', () => {
    expect(lastWith('Playwright', [guard({ Authorization: 'Bearer lab-member-token' })]).causes[0]!.id).toBe(
      'permission.denied',
    );
  });

  it("a writer that may have dropped the header (Chrome's export, one entry): absence proves nothing", () => {
    expect(lastWith('WebInspector', [guard()]).causes[0]!.id).toBe('permission.denied');
  });
});
