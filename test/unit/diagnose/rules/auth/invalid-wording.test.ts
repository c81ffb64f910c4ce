import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { API, DATE, cause, causesOf, makeJwt, sec, shownFor } from './support';

// What a user reads when a credential was sent and refused (auth.invalid), one reading per kind
// of credential. Inputs are the documented examples: RFC 7617 §2 (Basic, "Aladdin" / "open
// sesame"), RFC 6750 §3 (the "mF_9.B5f-4.1JqM" token and its invalid_token challenge), Django REST
// framework's TokenAuthentication ("Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b",
// https://www.django-rest-framework.org/api-guide/authentication/#tokenauthentication), RFC 7519
// §6.1 (an unsecured JWT, alg "none"), RFC 7235 §3.2 (407 and Proxy-Authorization).

const req = (headers: Record<string, string>, res: Record<string, string> = {}, status = 401): EntrySpec[] => [
  { url: API, status, requestHeaders: headers, responseHeaders: { Date: DATE, ...res } },
];
const invalid = (entries: EntrySpec[]) => cause(entries, 'auth.invalid');
const details = (entries: EntrySpec[]) => invalid(entries).evidence.map((e) => e.detail);
const EXP = sec('2026-11-21T13:00:00Z'); // an hour after the response Date

describe('auth.invalid: a hidden credential', () => {
  it('names the scheme the capture kept, and quotes the placeholder it shows instead of the value', () => {
    const c = invalid(req({ Authorization: 'Bearer [REDACTED]' }));
    expect(c.title).toBe('The server refused the Bearer credential (its value is hidden in the capture)');
    expect(c.summary).toBe(
      'The request carried a Bearer credential and the server answered 401. The capture shows "[REDACTED]" ' +
        "instead of the value, so its shape cannot be checked: read the server's message, or capture again without redaction.",
    );
    expect(c.evidence[0]!.detail).toBe('Authorization: Bearer "[REDACTED]" (hidden in the capture)');
  });

  it('with no scheme left, speaks of the Authorization header, with no double space in the title', () => {
    const c = invalid(req({ Authorization: '[REDACTED]' }));
    expect(c.title).toBe('The server refused the credential (its value is hidden in the capture)');
    expect(c.summary).toMatch(/^The request carried an Authorization header and the server answered 401\./);
  });

  it('ranks below a readable credential that was refused', () => {
    const hidden = invalid(req({ Authorization: 'Bearer [REDACTED]' })).confidence;
    expect(hidden).toBeLessThan(
      invalid(req({ Authorization: 'Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b' })).confidence,
    );
  });
});

describe('auth.invalid: a readable credential', () => {
  it('Basic: names the user (never the password) and reads as wrong user or password', () => {
    const entries = req(
      { Authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' },
      { 'WWW-Authenticate': 'Basic realm="WallyWorld"' },
    );
    const c = invalid(entries);
    expect(c.title).toBe('The server rejected the Basic credentials for user "Aladdin"');
    expect(c.summary).toBe(
      'The credentials were well-formed Basic (RFC 7617) and the server answered 401: the user name or password is ' +
        'wrong, the account is locked, or this realm uses other accounts.',
    );
    expect(details(entries)).toEqual(['Authorization: Basic user "Aladdin", password of 11 chars', '401']);
    expect(JSON.stringify(c)).not.toContain('open sesame');
  });

  it('an unsigned JWT (alg "none") is named as such, above a signed one, with its claims shown', () => {
    const unsigned = req({ Authorization: `Bearer ${makeJwt({ sub: 'u1', exp: EXP }, { alg: 'none' })}` });
    const c = invalid(unsigned);
    expect(c.title).toBe('The bearer token is an unsigned JWT (alg "none" or no signature)');
    expect(c.summary).toBe('Servers refuse unsigned tokens. This is usually a test token or one built by hand.');
    expect(details(unsigned)).toContain('JWT claims: alg=none, sub=u1, exp=2026-11-21T13:00:00Z');
    const signed = invalid(req({ Authorization: `Bearer ${makeJwt({ sub: 'u1', exp: EXP })}` }));
    expect(signed.title).toBe('The server rejected the bearer token (a JWT, not expired)');
    expect(c.confidence).toBeGreaterThan(signed.confidence);
  });

  it("a signed JWT's issuer and audiences are named for comparison; a token without them adds nothing", () => {
    const named = invalid(
      req({
        Authorization: `Bearer ${makeJwt({ iss: 'https://login.example.com/', aud: ['orders-api', 'billing-api'], sub: 'u1', exp: EXP })}`,
      }),
    );
    expect(named.summary).toMatch(
      / The token names issuer https:\/\/login\.example\.com\/, audience orders-api billing-api; compare with what this API expects\.$/,
    );
    const bare = invalid(req({ Authorization: `Bearer ${makeJwt({ sub: 'u1', exp: EXP })}` }));
    expect(bare.summary).not.toMatch(/The token names/);
    expect(bare.summary).toBe(
      'The token decodes and is within its lifetime, yet the server answered 401: it is signed by another issuer or key, ' +
        'meant for another audience, or revoked.',
    );
  });

  it("another scheme: the title names it, the summary names the token's kind with its article", () => {
    const c = invalid(
      req({ Authorization: 'Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b' }, { 'WWW-Authenticate': 'Token' }),
    );
    expect(c.title).toBe('The server rejected the Token credential');
    expect(c.summary).toBe(
      'The request sent an opaque token and the server answered 401: it is unknown, revoked or for another environment.',
    );
  });

  it('a Digest response (RFC 7616 §3.9.1) is not a token: the summary speaks of "a credential"', () => {
    const c = invalid(
      req({
        Authorization:
          'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, ' +
          'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", ' +
          'qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
      }),
    );
    expect(c.title).toBe('The server rejected the Digest credential');
    expect(c.summary).toMatch(/^The request sent a credential and the server answered 401:/);
  });

  it('a token whose issuer is known by its prefix is named by kind (GitHub documents ghp_ for classic PATs)', () => {
    // https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
    const c = invalid(req({ Authorization: `token ghp_${'a1B2c3D4e5'.repeat(3)}abcdef` }));
    expect(c.summary).toMatch(
      /^The request sent a GitHub personal access token \(classic\) and the server answered 401/,
    );
  });
});

describe('auth.invalid: the server said invalid_token (RFC 6750 §3.1)', () => {
  it('without a description: the error code is the title, and the challenge and the token are quoted', () => {
    const entries = req(
      { Authorization: 'Bearer mF_9.B5f-4.1JqM' },
      { 'WWW-Authenticate': 'Bearer realm="example", error="invalid_token"' },
    );
    expect(invalid(entries).title).toBe('The server rejected the token (error="invalid_token")');
    expect(details(entries)).toEqual([
      'WWW-Authenticate: Bearer realm="example", error="invalid_token"',
      'Authorization: Bearer mF_9… (15 chars)',
      '401',
    ]);
  });

  it('with a description but no Authorization header in the capture: the description is the title', () => {
    const entries = req(
      { 'X-API-Key': 'abcdef0123456789' },
      {
        'WWW-Authenticate':
          'Bearer realm="example", error="invalid_token", error_description="The access token was revoked"',
      },
    );
    expect(invalid(entries).title).toBe('The server rejected the token: "The access token was revoked"');
    expect(details(entries)).toEqual([
      'WWW-Authenticate: Bearer realm="example", error="invalid_token", error_description="The access token was revoked"',
      '401',
    ]);
  });
});

describe('auth.invalid: a session cookie, a proxy', () => {
  it('a lone session cookie refused: named, its value shown only as a length', () => {
    const entries = req({ Cookie: 'sessionid=abc123; theme=dark' });
    expect(invalid(entries).title).toBe('The session cookie "sessionid" was sent and not accepted');
    expect(details(entries)).toEqual(['Cookie sessionid=(6 chars)', '401']);
  });

  it('407 with readable Proxy-Authorization: the proxy refused it', () => {
    const entries = req(
      { 'Proxy-Authorization': 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' },
      { 'Proxy-Authenticate': 'Basic realm="corp"' },
      407,
    );
    expect(invalid(entries).title).toBe('The proxy rejected the Proxy-Authorization credentials');
    expect(details(entries)).toEqual(['Proxy-Authorization: Basic user "Aladdin", password of 11 chars', '407']);
  });
});

describe('auth.invalid leaves a lifetime problem to the lifetime causes', () => {
  const D = sec('2026-11-21T12:04:10Z'); // the response Date
  const bearer = (claims: Record<string, unknown>) =>
    req({ Authorization: `Bearer ${makeJwt({ sub: 'u1', ...claims })}` });
  const jwtReading = (entries: EntrySpec[]) =>
    causesOf(entries).find((c) => c.title === 'The server rejected the bearer token (a JWT, not expired)');

  it('a bearer JWT whose exp is exactly the response Date is expired (RFC 7519 §4.1.4): never "not expired"', () => {
    const entries = bearer({ exp: D });
    expect(causesOf(entries)[0]!.id).toBe('auth.token_expired');
    expect(jwtReading(entries)).toBeUndefined();
  });

  it('nbf more than 5 s after the Date is the not-yet-valid reading; 5 s is within the leeway, so the token was refused', () => {
    const later = bearer({ nbf: D + 6, exp: D + 3600 });
    expect(causesOf(later)[0]!.id).toBe('auth.token_not_yet_valid');
    expect(jwtReading(later)).toBeUndefined();
    expect(jwtReading(bearer({ nbf: D + 5, exp: D + 3600 }))).toBeDefined();
  });

  it('an expired JWT in a cookie does not excuse a valid bearer token: the bearer reading stays first', () => {
    const entries = req({
      Authorization: `Bearer ${makeJwt({ sub: 'u1', exp: D + 3600 })}`,
      Cookie: `id_token=${makeJwt({ sub: 'u1', exp: D - 60 })}`,
    });
    expect(causesOf(entries)[0]!.title).toBe('The server rejected the bearer token (a JWT, not expired)');
  });
});

describe('auth.invalid: which refusals it reads', () => {
  const titles = (entries: EntrySpec[]) => causesOf(entries).map((c) => c.title);

  it('invalid_token on a 403 is still the token refused, with the RFC 6750 reading and both fixes', () => {
    const entries = req(
      { Authorization: 'Bearer mF_9.B5f-4.1JqM' },
      { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      403,
    );
    expect(shownFor(entries, 'auth.invalid')).toEqual({
      title: 'The server rejected the token (error="invalid_token")',
      summary:
        'RFC 6750 §3.1 invalid_token: the access token is malformed, revoked, signed by another issuer or key, ' +
        'or meant for another audience. Nothing says it merely expired.',
      evidence: ['WWW-Authenticate: Bearer error="invalid_token"', 'Authorization: Bearer mF_9… (15 chars)', '403'],
      fixes: [
        'Check that the credential belongs to this environment (prod vs staging), tenant and API, then replay with a fresh one.',
        "Decode the token and compare iss and aud with the API's configuration.",
      ],
    });
  });

  it('the proxy refusal is told with its fix', () => {
    const entries = req(
      { 'Proxy-Authorization': 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' },
      { 'Proxy-Authenticate': 'Basic realm="corp"' },
      407,
    );
    const c = shownFor(entries, 'auth.invalid');
    expect(c.summary).toBe('Credentials were sent to the proxy in a readable form and it still answered 407.');
    expect(c.fixes[0]).toBe("Check the proxy user name and password (or the proxy's Kerberos/NTLM setup).");
  });

  it('a credential that cannot be read is malformed, never "rejected" (Authorization or Proxy-Authorization)', () => {
    expect(titles(req({ Authorization: 'Bearer undefined' }))).not.toContain(
      'The server rejected the Bearer credential',
    );
    expect(
      titles(req({ 'Proxy-Authorization': 'Basic undefined' }, { 'Proxy-Authenticate': 'Basic realm="corp"' }, 407)),
    ).not.toContain('The proxy rejected the Proxy-Authorization credentials');
  });

  it('insufficient_scope or invalid_request in the challenge: the credential was read, so no "rejected" reading', () => {
    for (const error of ['insufficient_scope", scope="orders:write', 'invalid_request']) {
      const entries = req(
        { Authorization: 'Bearer mF_9.B5f-4.1JqM' },
        { 'WWW-Authenticate': `Bearer error="${error}"` },
      );
      expect(titles(entries)).not.toContain('The server rejected the Bearer credential');
    }
  });
});
