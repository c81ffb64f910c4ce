import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { API, DATE, cause, causesOf, login, makeJwt, sec, shownFor } from './support';

// What the user reads when the server (or a proxy) challenged and the request did not answer
// (auth.missing), or answered in a shape the server cannot read (auth.malformed). Challenges are
// the documented ones: RFC 7235 §3.1/§3.2 (401 WWW-Authenticate, 407 Proxy-Authenticate), RFC 7617
// (Basic realm), RFC 4559 (Negotiate) and MS-NTHT (NTLM) as IIS sends them, RFC 6750 §3 (Bearer,
// error="invalid_request", the "mF_9.B5f-4.1JqM" token), Django REST framework's "Token" scheme
// (https://www.django-rest-framework.org/api-guide/authentication/#tokenauthentication).

const req = (
  headers: Record<string, string>,
  res: Record<string, string | string[]> = {},
  status = 401,
): EntrySpec[] => [{ url: API, status, requestHeaders: headers, responseHeaders: { Date: DATE, ...res } }];
const details = (entries: EntrySpec[], id: string) => cause(entries, id).evidence.map((e) => e.detail);

describe('auth.missing: the challenge and what the request carried', () => {
  it('407 + Proxy-Authenticate: the proxy asks, and no Proxy-Authorization went', () => {
    expect(shownFor(req({}, { 'Proxy-Authenticate': 'Basic realm="corp-proxy"' }, 407), 'auth.missing')).toEqual({
      title: 'The proxy asks for Basic credentials and the request sent none',
      summary:
        'The 407 carries a Proxy-Authenticate challenge for Basic, and the request had no Proxy-Authorization header.',
      evidence: ['407', 'Proxy-Authenticate: Basic realm="corp-proxy"', 'no Proxy-Authorization header; no cookies'],
      fixes: [
        'Configure the proxy credentials in the client (Proxy-Authorization), or bypass the proxy for this host.',
      ],
    });
  });

  it('407 without a challenge: the proxy wants credentials, more weakly', () => {
    const c = cause(req({}, {}, 407), 'auth.missing');
    expect(c.title).toBe('The proxy wants credentials and the request carried none');
    expect(c.summary).toBe('407 means "authenticate first", and the request had no Proxy-Authorization header.');
    expect(c.confidence).toBeLessThan(
      cause(req({}, { 'Proxy-Authenticate': 'Basic realm="corp-proxy"' }, 407), 'auth.missing').confidence,
    );
  });

  it('an intranet 401 offering four schemes: every scheme named, the first three challenges quoted, a fix per scheme', () => {
    const entries = req(
      { Cookie: 'sessionid=abc; csrftoken=x; theme=dark' },
      { 'WWW-Authenticate': ['Negotiate', 'NTLM', 'Basic realm="intranet"', 'Bearer realm="api"'] },
    );
    const c = cause(entries, 'auth.missing');
    expect(shownFor(entries, 'auth.missing')).toMatchObject({
      title: 'The server asks for Negotiate or NTLM or Basic or Bearer credentials and the request sent none',
      summary:
        'The 401 carries a WWW-Authenticate challenge for Negotiate, NTLM, Basic, Bearer, and the request had no ' +
        'Authorization header or API key or signed URL. Session cookies were sent (sessionid), but this challenge asks for something else.',
      evidence: [
        '401',
        'WWW-Authenticate: Negotiate',
        'WWW-Authenticate: NTLM',
        'WWW-Authenticate: Basic realm="intranet"',
        'no Authorization header or API key; cookies sent: sessionid, csrftoken, theme',
      ],
    });
    expect(c.fixes).toHaveLength(4);
    expect(c.fixes[0]).toMatch(/^Attach the access token: `Authorization: Bearer <token>`/);
    expect(c.fixes[1]).toBe('Send `Authorization: Basic base64(user:password)`.');
    expect(c.fixes[2]).toMatch(/Windows \(Kerberos\/NTLM\)/);
    // A session cookie beside the challenge may have been the credential: less sure than none at all.
    expect(c.confidence).toBeLessThan(
      cause(req({}, { 'WWW-Authenticate': ['Negotiate', 'NTLM'] }), 'auth.missing').confidence,
    );
  });

  it('401 with no challenge and only preference cookies: they are listed, and nothing could answer', () => {
    const entries = req({ Cookie: 'theme=dark; lang=en' });
    const c = cause(entries, 'auth.missing');
    expect(c.title).toBe('The server wants credentials and the request carried none');
    expect(c.summary).toBe(
      '401 means "authenticate first", and the request had no Authorization header or API key, signed URL or session cookie.',
    );
    expect(details(entries, 'auth.missing')).toEqual([
      '401',
      'no Authorization header or API key; cookies sent: theme, lang',
    ]);
    // Cookies went, so the call may have been meant to be cookie-authenticated: a little less sure.
    expect(c.confidence).toBeLessThan(cause(req({}), 'auth.missing').confidence);
  });

  it('a 403 to an anonymous API call quotes the challenge, and a challenge makes it likelier', () => {
    const entries = req({}, { 'WWW-Authenticate': 'Bearer realm="api"' }, 403);
    expect(details(entries, 'auth.missing')).toEqual([
      '403',
      'no Authorization header, API key or cookie',
      'WWW-Authenticate: Bearer realm="api"',
    ]);
    expect(cause(entries, 'auth.missing').confidence).toBeGreaterThan(
      cause(req({}, {}, 403), 'auth.missing').confidence,
    );
  });
});

describe('auth.missing: when a better reading exists', () => {
  const signIn = (url: string) => login('sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax', url);

  it('a 403 that is a used-up rate limit (GitHub) or carries Retry-After is not an anonymous caller', () => {
    for (const res of <Record<string, string>[]>[
      { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0' },
      { 'Retry-After': '60' },
    ]) {
      const c = causesOf(req({}, res, 403));
      expect(c[0]!.id).toBe('rate_limit.exceeded');
      expect(c.map((x) => x.id)).not.toContain('auth.missing');
    }
  });

  it('a 403 whose session cookie the browser withheld: the cookie explains it, "anonymous" stays weaker than usual', () => {
    const entries: EntrySpec[] = [
      signIn('https://api.shop.example/login'),
      {
        url: 'https://api.shop.example/me',
        status: 403,
        requestHeaders: { Origin: 'https://widget.partner.test', 'Sec-Fetch-Site': 'cross-site' },
        responseHeaders: { Date: DATE },
      },
    ];
    const c = causesOf(entries);
    expect(c[0]!.id).toBe('auth.cookie_not_sent');
    expect(cause(entries, 'auth.missing').confidence).toBeLessThan(cause(req({}, {}, 403), 'auth.missing').confidence);
  });

  it('a session cookie host-only for a sibling host was never meant for this call: the challenge reading stands', () => {
    const c = causesOf([
      signIn('https://www.shop.example/login'),
      {
        url: 'https://api.shop.example/me',
        status: 401,
        requestHeaders: { Origin: 'https://www.shop.example', 'Sec-Fetch-Site': 'same-site' },
        responseHeaders: { Date: DATE, 'WWW-Authenticate': 'Bearer' },
      },
    ]);
    expect(c[0]!.id).toBe('auth.missing');
    expect(c[0]!.title).toBe('The server asks for Bearer credentials and the request sent none');
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.8);
  });
});

describe('auth.malformed: the shape the server could not read', () => {
  it('Bearer sent where DRF asks for Token: the scheme mismatch, with the scheme to use', () => {
    expect(
      shownFor(req({ Authorization: 'Bearer mF_9.B5f-4.1JqM' }, { 'WWW-Authenticate': 'Token' }), 'auth.malformed'),
    ).toMatchObject({
      title: 'The request used the Bearer scheme; the server asks for Token',
      evidence: ['Authorization: Bearer mF_9… (15 chars)', 'WWW-Authenticate: Token', '401'],
      fixes: ['Send the credential with the scheme the server asks for (Token), e.g. "Token <credentials>".'],
    });
  });

  it('the same mismatch at a proxy quotes Proxy-Authorization and Proxy-Authenticate', () => {
    const entries = req(
      { 'Proxy-Authorization': 'Bearer mF_9.B5f-4.1JqM' },
      { 'Proxy-Authenticate': 'Basic realm="corp"' },
      407,
    );
    expect(cause(entries, 'auth.malformed').title).toBe(
      'The request used the Bearer scheme; the server asks for Basic',
    );
    expect(details(entries, 'auth.malformed')).toEqual([
      'Proxy-Authorization: Bearer mF_9… (15 chars)',
      'Proxy-Authenticate: Basic realm="corp"',
      '407',
    ]);
  });

  it('error="invalid_request" with a token sent: RFC 6750 §3.1 explained, challenge and token quoted', () => {
    const entries = req(
      { Authorization: 'Bearer mF_9.B5f-4.1JqM' },
      { 'WWW-Authenticate': 'Bearer realm="example", error="invalid_request"' },
    );
    expect(shownFor(entries, 'auth.malformed')).toMatchObject({
      title: 'The server could not parse the authenticated request (error="invalid_request")',
      summary:
        'RFC 6750 §3.1: invalid_request means a missing or repeated parameter, or more than one way of sending ' +
        'the token (header and query, header and body).',
      evidence: [
        'WWW-Authenticate: Bearer realm="example", error="invalid_request"',
        'Authorization: Bearer mF_9… (15 chars)',
        '401',
      ],
    });
  });

  it('a credential with two faults: the worse one titles the cause, both are explained, each with its fix', () => {
    const entries = req({ Authorization: 'Bearer "undefined"' });
    const c = cause(entries, 'auth.malformed');
    expect(shownFor(entries, 'auth.malformed')).toMatchObject({
      title:
        'The Authorization header is malformed: the credential is the literal "undefined": the client stringified a missing token',
      summary:
        'The server could not read the credential: the credential is the literal "undefined": the client stringified ' +
        'a missing token; the credential is wrapped in quotes, which are sent as part of it.',
      evidence: [
        'Authorization: Bearer "undefined"',
        'the credential is the literal "undefined": the client stringified a missing token',
        'the credential is wrapped in quotes, which are sent as part of it',
        '401',
      ],
    });
    expect(c.fixes).toHaveLength(2);
    expect(c.fixes[1]).toMatch(/^Strip the quotes around the token/);
  });

  it('how sure a missing scheme is: surer when the server challenged for one, and for a JWT than for an opaque value', () => {
    const jwt = makeJwt({ sub: 'u1', exp: sec('2026-11-21T13:00:00Z') });
    const opaque = '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b';
    const bearer = { 'WWW-Authenticate': 'Bearer realm="api"' };
    const conf = (a: string, res: Record<string, string> = {}) =>
      cause(req({ Authorization: a }, res), 'auth.malformed');
    expect(conf(jwt, bearer).title).toBe(
      'The Authorization header is malformed: a bare JWT with no "Bearer " in front',
    );
    expect(conf(opaque).title).toBe(
      'The Authorization header is malformed: a bare opaque token with no scheme in front',
    );
    expect(conf(jwt, bearer).confidence).toBeGreaterThan(conf(jwt).confidence);
    expect(conf(opaque, bearer).confidence).toBeGreaterThan(conf(opaque).confidence);
    expect(conf(jwt, bearer).confidence).toBeGreaterThan(conf(opaque, bearer).confidence);
    expect(conf(jwt).confidence).toBeGreaterThan(conf(opaque).confidence);
  });

  it('whitespace inside a token breaks it; an extra space after the scheme is only a weak suspect', () => {
    const inside = cause(req({ Authorization: 'Bearer mF_9.B5f -4.1JqM' }), 'auth.malformed');
    const extra = cause(req({ Authorization: 'Bearer  mF_9.B5f-4.1JqM' }), 'auth.malformed');
    expect(inside.title).toBe('The Authorization header is malformed: whitespace inside the token');
    expect(extra.title).toBe(
      'The Authorization header is malformed: more than one space between the scheme and the credentials',
    );
    expect(inside.confidence).toBeGreaterThan(extra.confidence);
  });

  it('the same broken header is a weaker reading on a 403 than on a 401 (a 403 usually means a read credential)', () => {
    const at = (status: number) => cause(req({ Authorization: 'Bearer undefined' }, {}, status), 'auth.malformed');
    expect(at(403).confidence).toBeLessThan(at(401).confidence);
    expect(at(403).title).toBe(at(401).title);
  });

  it('a broken Proxy-Authorization at a 407 names that header', () => {
    expect(
      cause(
        req({ 'Proxy-Authorization': 'Basic undefined' }, { 'Proxy-Authenticate': 'Basic realm="corp"' }, 407),
        'auth.malformed',
      ).title,
    ).toBe(
      'The Proxy-Authorization header is malformed: the credential is the literal "undefined": the client stringified a missing token',
    );
  });

  it('a scheme mismatch is read on a 401 only: a 403 means the credential was read', () => {
    expect(
      causesOf(req({ Authorization: 'Bearer mF_9.B5f-4.1JqM' }, { 'WWW-Authenticate': 'Token' }, 403)).map((c) => c.id),
    ).not.toContain('auth.malformed');
  });
});
