import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { API, DATE, cause, causesOf, ids, makeJwt, sec, shown } from './support';

const valid = makeJwt({
  iss: 'https://login.example.com/',
  sub: 'u1',
  aud: 'orders-api',
  iat: sec('2026-11-21T12:00:00Z'),
  exp: sec('2026-11-21T13:00:00Z'),
});
const req = (
  headers: Record<string, string | string[]>,
  res: Record<string, string | string[]> = {},
  status = 401,
  more: Partial<EntrySpec> = {},
): EntrySpec[] => [{ url: API, status, requestHeaders: headers, responseHeaders: { Date: DATE, ...res }, ...more }];

describe('auth.missing', () => {
  it('401 + Bearer challenge + no credentials → auth.missing, above the status baseline', () => {
    const c = causesOf(req({}, { 'WWW-Authenticate': 'Bearer realm="example"' }));
    expect(c[0]).toMatchObject({ id: 'auth.missing' });
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(c[0]!.title).toMatch(/Bearer credentials/);
    expect(c[0]!.evidence.map((e) => e.detail).join()).toMatch(/WWW-Authenticate: Bearer realm="example"/);
  });

  it('401 without a challenge still reads as missing, more weakly', () => {
    const c = cause(req({}), 'auth.missing');
    expect(c.confidence).toBeGreaterThan(0.55);
    expect(c.confidence).toBeLessThan(0.8);
  });

  it('407 + Proxy-Authenticate → the proxy wants credentials', () => {
    const c = cause(req({}, { 'Proxy-Authenticate': 'Basic realm="corp-proxy"' }, 407), 'auth.missing');
    expect(c.title).toMatch(/proxy/i);
    expect(c.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('respects cookie sessions: a 401 with a session cookie and no challenge is not "missing"', () => {
    const c = causesOf(req({ Cookie: 'sessionid=abc123; theme=dark' }));
    expect(c[0]!.id).toBe('auth.invalid');
    expect(c[0]!.title).toMatch(/session cookie "sessionid"/);
  });

  it('warns that a sanitized export may have removed the credentials', () => {
    const other = (path: string): EntrySpec => ({
      url: `https://api.example.com${path}`,
      status: 200,
      responseHeaders: { Date: DATE },
    });
    const entries = [other('/a'), other('/b'), ...req({}, { 'WWW-Authenticate': 'Bearer realm="example"' })];
    const c = cause(entries, 'auth.missing');
    expect(c.summary).toMatch(/Export HAR \(sanitized\)/);
    expect(c.confidence).toBeLessThan(
      cause(req({}, { 'WWW-Authenticate': 'Bearer realm="example"' }), 'auth.missing').confidence,
    );
    expect(c.fixes.join()).toMatch(/with sensitive data/);
  });

  it('reads challenges a HAR writer joined with a newline', () => {
    const c = cause(req({}, { 'WWW-Authenticate': 'Negotiate\nNTLM' }), 'auth.missing');
    expect(c.title).toMatch(/asks for Negotiate or NTLM credentials/);
  });

  it('does not fire when credentials were sent', () => {
    expect(ids(req({ Authorization: `Bearer ${valid}` }, { 'WWW-Authenticate': 'Bearer' }))).not.toContain(
      'auth.missing',
    );
    expect(ids(req({ 'X-API-Key': 'abc' }, { 'WWW-Authenticate': 'Bearer' }))).not.toContain('auth.missing');
  });

  it('reads a 403 to an anonymous API call as probably missing auth, above permission.denied', () => {
    const c = causesOf(req({}, {}, 403));
    expect(c[0]!.id).toBe('auth.missing');
    expect(c[0]!.confidence).toBeLessThan(0.5);
    expect(ids(req({}, {}, 403, { resourceType: 'document' }))).not.toContain('auth.missing');
  });
});

describe('auth.malformed', () => {
  it.each([
    ['Bearer undefined', /literal "undefined"/],
    ['Bearer [object Object]', /literal "\[object Object\]"/],
    [`Bearer Bearer ${valid}`, /doubled/],
    [`Bearer "${valid}"`, /quotes/],
    [`Bearer ${valid.slice(0, 60)}\n${valid.slice(60)}`, /line break/],
    ['Basic dXNlcm5hbWVwYXNzd29yZA==', /no ":"/],
    ['Basic alice:secret', /plain text/],
    ['Bearer ', /no credentials/],
  ])('%j', (value, title) => {
    const c = causesOf(req({ Authorization: value }, { 'WWW-Authenticate': 'Bearer realm="api"' }));
    expect(c[0]!.id).toBe('auth.malformed');
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(c[0]!.title).toMatch(title);
  });

  it('a bare JWT without "Bearer" is malformed, more surely when the server asks for Bearer', () => {
    const asked = cause(req({ Authorization: valid }, { 'WWW-Authenticate': 'Bearer' }), 'auth.malformed');
    const silent = cause(req({ Authorization: valid }), 'auth.malformed');
    expect(asked.confidence).toBeGreaterThan(silent.confidence);
    expect(asked.title).toMatch(/bare JWT/);
  });

  it('a bare opaque key stays a weak reading (some gateways want raw keys)', () => {
    const c = cause(req({ Authorization: 'a8f5f167f44f4964e6c998dee827110c' }), 'auth.malformed');
    expect(c.confidence).toBeLessThanOrEqual(0.5);
  });

  it('the scheme the server does not ask for', () => {
    const c = causesOf(req({ Authorization: `Bearer ${valid}` }, { 'WWW-Authenticate': 'Token' }));
    expect(c.find((x) => x.id === 'auth.malformed')!.title).toMatch(
      /used the Bearer scheme; the server asks for Token/,
    );
  });

  it('error="invalid_request" supports malformed', () => {
    const c = cause(
      req(
        { Authorization: `Bearer ${valid}` },
        { 'WWW-Authenticate': 'Bearer realm="x", error="invalid_request", error_description="token sent twice"' },
      ),
      'auth.malformed',
    );
    expect(c.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('a Proxy-Authorization shape problem on 407', () => {
    expect(
      causesOf(req({ 'Proxy-Authorization': 'Basic null' }, { 'Proxy-Authenticate': 'Basic realm="p"' }, 407))[0]!.id,
    ).toBe('auth.malformed');
  });

  it('never prints the password of a Basic header', () => {
    const c = causesOf(req({ Authorization: 'Basic alice:hunter2-secret' }));
    expect(shown(c)).not.toContain('hunter2');
  });
});

describe('auth.invalid', () => {
  it('error="invalid_token" without expiry wording', () => {
    const c = causesOf(
      req(
        { Authorization: `Bearer ${valid}` },
        {
          'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The signature is invalid"',
        },
      ),
    );
    expect(c[0]!.id).toBe('auth.invalid');
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.87);
    expect(c[0]!.title).toMatch(/The signature is invalid/);
    expect(c.map((x) => x.id)).not.toContain('auth.token_expired');
  });

  it('Basic credentials refused: names the user, never the password', () => {
    const c = causesOf(
      req({ Authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }, { 'WWW-Authenticate': 'Basic realm="WallyWorld"' }),
    );
    expect(c[0]!.id).toBe('auth.invalid');
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.7);
    expect(c[0]!.title).toMatch(/user "Aladdin"/);
    expect(shown(c)).not.toMatch(/open sesame|QWxhZGRpbjpvcGVuIHNlc2FtZQ/);
  });

  it('a valid-looking JWT refused: shows claims, not the signature', () => {
    const c = causesOf(req({ Authorization: `Bearer ${valid}` }, { 'WWW-Authenticate': 'Bearer realm="api"' }));
    expect(c[0]!.id).toBe('auth.invalid');
    expect(c[0]!.evidence.map((e) => e.detail).join()).toMatch(/iss=https:\/\/login.example.com\/.*aud=orders-api/);
    expect(shown(c)).not.toContain(valid.split('.')[2]!);
    expect(shown(c)).not.toContain(valid);
  });

  it('an unsigned JWT', () => {
    const none = makeJwt({ sub: 'x', exp: sec('2027-01-01T00:00:00Z') }, { alg: 'none' }, '');
    expect(cause(req({ Authorization: `Bearer ${none}` }), 'auth.invalid').title).toMatch(/unsigned/);
  });

  it('does not claim invalid when the token merely expired', () => {
    const expired = makeJwt({ sub: 'u', exp: sec('2026-11-21T10:00:00Z') });
    const c = causesOf(
      req({ Authorization: `Bearer ${expired}` }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }),
    );
    expect(c[0]!.id).toBe('auth.token_expired');
    expect(c.filter((x) => x.id === 'auth.invalid').every((x) => x.confidence <= 0.5)).toBe(true);
  });
});
