import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { lastDiagnosis } from '../../../../support/last-diagnosis';

// Issue 17, the lab's fourth set of Node servers (test/lab/scenarios/node4*.ts): classes the engine did not read
// before it saw them, each stated from the behaviour its server documents.

const last = lastDiagnosis;

const now = Math.floor(Date.parse('2026-12-05T22:00:00Z') / 1000);
function jwt(claims: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'lab', iat: now, exp: now + 3600, ...claims })}`;
  return `${head}.${createHmac('sha256', 'k').update(head).digest('base64url')}`;
}
const DATE = 'Sat, 05 Dec 2026 22:00:00 GMT';

// express-oauth2-jwt-bearer's claimEquals / claimIncludes / claimCheck raise a 401 invalid_token error when a
// claim does not match ("Unexpected 'role' value", "Missing 'role' claim"); its own validators of iss, aud, alg
// use the same words (https://github.com/auth0/node-oauth2-jwt-bearer, packages/express-oauth2-jwt-bearer).
describe('invalid_token naming an authorization claim is a permission refused', () => {
  const refused = (description: string): EntrySpec => ({
    url: 'http://127.0.0.1:19700/api/admin/users',
    status: 401,
    requestHeaders: { Authorization: `Bearer ${jwt({ role: 'user' })}` },
    responseHeaders: {
      Date: DATE,
      'WWW-Authenticate': `Bearer realm="api", error="invalid_token", error_description="${description}"`,
      'Content-Type': 'text/html; charset=utf-8',
    },
    body: '<pre>InvalidTokenError</pre>',
    mimeType: 'text/html',
  });

  it.each(["Unexpected 'role' value", "Missing 'permissions' claim"])('%s: permission.denied first', (words) => {
    const d = last([refused(words)]);
    expect(d.causes[0]!.id).toBe('permission.denied');
    expect(d.causes[0]!.title).toMatch(/claim/);
    expect(d.causes.map((c) => c.id)).toContain('auth.invalid');
  });

  it.each(["Unexpected 'iss' value", 'unexpected "aud" claim value', 'signature verification failed'])(
    '%s: the token itself, auth.invalid first',
    (words) => {
      const d = last([refused(words)]);
      expect(d.causes[0]!.id).toBe('auth.invalid');
      expect(d.causes.map((c) => c.id)).not.toContain('permission.denied');
    },
  );
});

// express-oauth2-jwt-bearer answers an Authorization in a scheme it does not read with
// `new InvalidRequestError('', false)`: 400 and only its bare `Bearer realm="api"` challenge (getToken).
describe('a 400 that challenges a credential sent under another scheme is the auth layer refusing', () => {
  const bad = (authorization?: string): EntrySpec => ({
    url: 'http://127.0.0.1:19700/api/orders',
    status: 400,
    requestHeaders: authorization ? { Authorization: authorization } : {},
    responseHeaders: { 'WWW-Authenticate': 'Bearer realm="api"', 'Content-Type': 'text/html; charset=utf-8' },
    body: '<pre>InvalidRequestError</pre>',
    mimeType: 'text/html',
  });

  it('a token under "Token": flagged, auth.malformed first, the challenged scheme in its fix', () => {
    const d = last([bad(`Token ${jwt({})}`)]);
    expect(d.flagged).toBe(true);
    expect(d.causes[0]!.id).toBe('auth.malformed');
    expect(d.causes[0]!.fixes.join(' ')).toMatch(/Bearer/);
  });

  it('the same 400 to a Bearer credential, or to none, stays quiet', () => {
    expect(last([bad(`Bearer ${jwt({})}`)]).flagged).toBe(false);
    expect(last([bad()]).flagged).toBe(false);
  });
});

// Boom's unauthorized(message, scheme) puts hapi's message in the challenge's `error` attribute
// (https://hapi.dev/module/boom/api/#unauthorizedmessage-scheme-attributes); hapi-auth-jwt2 challenges with its
// tokenType, "Token" by default, and reads the token after any "Bearer" prefix. When a strategy fails without a
// message (Boom's isMissing), hapi answers "Missing authentication" (hapi lib/auth.js) whatever was sent.
describe("hapi's Boom challenges: the scheme is the strategy's name, its error the server's words", () => {
  const hapi = (authorization: string, challenge: string, message: string): EntrySpec => ({
    url: 'http://127.0.0.1:19703/api/me',
    status: 401,
    requestHeaders: { Authorization: authorization },
    responseHeaders: { Date: DATE, 'WWW-Authenticate': challenge, 'Content-Type': 'application/json' },
    body: JSON.stringify({ statusCode: 401, error: 'Unauthorized', message }),
    mimeType: 'application/json',
  });

  it('"Invalid token" / "Invalid credentials" to a Bearer JWT: refused, not a wrong scheme', () => {
    for (const words of ['Invalid token', 'Invalid credentials']) {
      const d = last([hapi(`Bearer ${jwt({})}`, `Token error="${words}"`, words)]);
      expect(d.causes[0]!.id, words).toBe('auth.invalid');
    }
  });

  it('"Invalid token format" beside the body\'s "Missing authentication": auth.malformed, in its words', () => {
    const d = last([hapi('Bearer abc.def', 'Token error="Invalid token format"', 'Missing authentication')]);
    expect(d.causes[0]!.id).toBe('auth.malformed');
    expect(d.causes[0]!.title).toMatch(/Invalid token format/);
  });

  it('a challenge with no words of its own still reads a credential under another scheme as malformed', () => {
    const d = last([hapi(`Bearer ${jwt({})}`, 'Token', 'Unauthorized')]);
    expect(d.causes[0]!.id).toBe('auth.malformed');
  });

  it('"Missing authentication" is the missing credential only when nothing was sent', () => {
    const none = last([{ ...hapi('', 'Token', 'Missing authentication'), requestHeaders: {} }]);
    expect(none.causes[0]!.id).toBe('auth.missing');
    const sent = last([hapi('Bearer abc.def', 'Token error="Invalid token format"', 'Missing authentication')]);
    const signatures = sent.causes.flatMap((c) => c.evidence).map((e) => e.detail);
    expect(signatures.join('\n')).not.toMatch(/auth0\.missing/);
  });
});

// Passport answers a failed authenticate() without options 401 "Unauthorized", no challenge
// (https://www.passportjs.org/concepts/authentication/middleware/); koa-passport is the same code on Koa.
describe('a 401 to a sign-in whose body carries the password is the sign-in refused', () => {
  const signIn = (path: string, body: Record<string, string>): EntrySpec => ({
    method: 'POST',
    url: `http://127.0.0.1:19704${path}`,
    status: 401,
    requestHeaders: { 'Content-Type': 'application/json' },
    requestBody: JSON.stringify(body),
    requestMimeType: 'application/json',
    responseHeaders: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'Unauthorized',
    mimeType: 'text/plain',
  });

  it('POST /auth/login with a password: auth.invalid, never auth.missing', () => {
    const d = last([signIn('/auth/login', { username: 'lab', password: 'wrong-password' })]);
    expect(d.causes[0]!.id).toBe('auth.invalid');
    expect(d.causes.map((c) => c.id)).not.toContain('auth.missing');
    expect(JSON.stringify(d.causes[0])).not.toContain('wrong-password');
  });

  it('a password in a body that is not a sign-in (another path) is data: nothing sent, auth.missing', () => {
    const d = last([signIn('/api/users', { username: 'lab', password: 'new-password' })]);
    expect(d.causes[0]!.id).toBe('auth.missing');
  });
});
