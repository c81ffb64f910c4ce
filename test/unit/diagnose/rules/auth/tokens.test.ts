import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { API, DATE, cause, causesOf, ids, makeJwt, sec, shown } from './support';

const call = (
  headers: Record<string, string>,
  res: Record<string, string> = {},
  status = 401,
  more: Partial<EntrySpec> = {},
): EntrySpec[] => [{ url: API, status, requestHeaders: headers, responseHeaders: { Date: DATE, ...res }, ...more }];

describe('auth.token_expired', () => {
  const expired = makeJwt({
    iss: 'https://tenant.auth0.com/',
    sub: 'auth0|42',
    aud: 'https://api.example.com',
    iat: sec('2026-11-21T09:00:00Z'),
    exp: sec('2026-11-21T10:00:00Z'),
  });

  it('JWT exp before the response Date: 0.95, says by how much', () => {
    const c = causesOf(call({ Authorization: `Bearer ${expired}` }));
    expect(c[0]!.id).toBe('auth.token_expired');
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.95);
    expect(c[0]!.title).toBe('The bearer token expired 2 h 4 min before the request');
    expect(c[0]!.evidence[0]!.detail).toBe('JWT exp 2026-11-21T10:00:00Z < Date 2026-11-21T12:04:10Z');
    expect(c[0]!.summary).toMatch(/lifetime of 1 h/);
    expect(shown(c)).not.toContain(expired.split('.')[2]!);
  });

  it('is a little less sure without a response Date', () => {
    const c = cause(
      [
        {
          url: API,
          status: 401,
          requestHeaders: { Authorization: `Bearer ${expired}` },
          startedDateTime: '2026-11-21T12:00:00.000Z',
        },
      ],
      'auth.token_expired',
    );
    expect(c.confidence).toBeLessThan(0.95);
    expect(c.summary).toMatch(/request's start time/);
  });

  it('finds an expired JWT in a cookie', () => {
    const c = cause(call({ Cookie: `access_token=${expired}` }), 'auth.token_expired');
    expect(c.title).toMatch(/JWT in cookie "access_token" expired/);
  });

  it('reads expiry from error_description (RFC 6750 §3 example, OIDC Core UserInfo error)', () => {
    const opaque = { Authorization: 'Bearer mF_9.B5f-4.1JqM' };
    for (const challenge of [
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      'Bearer error="invalid_token", error_description="The token expired at \'11/21/2026 10:00:00\'"',
      'Bearer error="invalid_token", error_description="Lifetime validation failed, the token is expired."',
    ]) {
      const c = causesOf(call(opaque, { 'WWW-Authenticate': challenge }));
      expect(c[0]!.id, challenge).toBe('auth.token_expired');
      expect(c.map((x) => x.id)).not.toContain('auth.malformed');
      expect(c.find((x) => x.id === 'auth.invalid')?.confidence ?? 0).toBeLessThanOrEqual(0.5);
    }
  });

  it('does not read "no expiration" as expired', () => {
    const c = causesOf(
      call(
        { Authorization: 'Bearer mF_9.B5f-4.1JqM' },
        { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token has no expiration"' },
      ),
    );
    expect(c[0]!.id).toBe('auth.invalid');
  });

  it('ignores a token that is still valid, and statuses where expiry is not the story', () => {
    const fresh = makeJwt({ exp: sec('2026-11-21T13:00:00Z') });
    expect(ids(call({ Authorization: `Bearer ${fresh}` }))).not.toContain('auth.token_expired');
    expect(ids(call({ Authorization: `Bearer ${expired}` }, { 'Retry-After': '5' }, 429))).not.toContain(
      'auth.token_expired',
    );
  });
});

describe('auth.token_not_yet_valid', () => {
  it('nbf after the Date beyond the leeway', () => {
    const t = makeJwt({
      iat: sec('2026-11-21T12:07:00Z'),
      nbf: sec('2026-11-21T12:07:00Z'),
      exp: sec('2026-11-21T13:07:00Z'),
    });
    const c = causesOf(call({ Authorization: `Bearer ${t}` }));
    expect(c[0]!.id).toBe('auth.token_not_yet_valid');
    expect(c[0]!.title).toBe("The bearer token is not valid yet: nbf is 2 min 50 s after the server's clock");
  });

  it('a couple of seconds is within the leeway', () => {
    const t = makeJwt({
      iat: sec('2026-11-21T12:04:12Z'),
      nbf: sec('2026-11-21T12:04:12Z'),
      exp: sec('2026-11-21T13:00:00Z'),
    });
    expect(ids(call({ Authorization: `Bearer ${t}` }))).not.toContain('auth.token_not_yet_valid');
  });

  it('iat far in the future: not yet valid, and clock skew', () => {
    const t = makeJwt({ iat: sec('2026-11-21T12:30:00Z'), exp: sec('2026-11-21T13:30:00Z') });
    const list = ids(call({ Authorization: `Bearer ${t}` }));
    expect(list[0]).toBe('auth.token_not_yet_valid');
    expect(list).toContain('clock.skew');
  });

  it('reads "not valid yet" in error_description', () => {
    const c = causesOf(
      call(
        { Authorization: 'Bearer abcdefabcdef' },
        {
          'WWW-Authenticate':
            'Bearer error="invalid_token", error_description="The token is not valid before \'11/21/2026 12:10:00\'"',
        },
      ),
    );
    expect(c[0]!.id).toBe('auth.token_not_yet_valid');
    expect(c.map((x) => x.id)).not.toContain('auth.token_expired');
  });
});

describe('permission.insufficient_scope', () => {
  it('RFC 6750 insufficient_scope with scope=, names the scope the JWT lacks', () => {
    const t = makeJwt({ sub: 'u', scope: 'orders:read profile', exp: sec('2026-11-21T13:00:00Z') });
    const c = causesOf(
      call(
        { Authorization: `Bearer ${t}` },
        { 'WWW-Authenticate': 'Bearer realm="api", error="insufficient_scope", scope="orders:write"' },
        403,
      ),
    );
    expect(c[0]).toMatchObject({
      id: 'permission.insufficient_scope',
      title: 'The token lacks the scope "orders:write"',
    });
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(c[0]!.summary).toMatch(/orders:read profile/);
  });

  it('reads scp arrays (Azure AD) and says when the names already match', () => {
    const t = makeJwt({ scp: 'Files.Read User.Read', exp: sec('2026-11-21T13:00:00Z') });
    const c = cause(
      call(
        { Authorization: `Bearer ${t}` },
        { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="User.Read"' },
        403,
      ),
      'permission.insufficient_scope',
    );
    expect(c.title).toMatch(/which the token seems to have$/);
  });

  it('GitHub X-Accepted-OAuth-Scopes vs X-OAuth-Scopes, with the scope hierarchy', () => {
    const gh = (granted: string) =>
      call(
        { Authorization: 'token ghp_16C7e42F292c6912E7710c838347Ae178B4a' },
        { 'X-OAuth-Scopes': granted, 'X-Accepted-OAuth-Scopes': 'repo' },
        403,
      );
    expect(cause(gh('read:user, gist'), 'permission.insufficient_scope').title).toBe(
      'The token lacks the scope "repo"',
    );
    expect(ids(gh('repo, gist'))).not.toContain('permission.insufficient_scope');
    expect(ids(call({}, { 'X-OAuth-Scopes': 'admin:org', 'X-Accepted-OAuth-Scopes': 'read:org' }, 403))).not.toContain(
      'permission.insufficient_scope',
    );
  });
});

describe('lifetime vs shape', () => {
  it('an expired token behind a doubled scheme: malformed first', () => {
    const t = makeJwt({ sub: 'u', exp: sec('2026-11-21T10:00:00Z') });
    const c = causesOf(call({ Authorization: `Bearer Bearer ${t}` }));
    expect(c[0]!.id).toBe('auth.malformed');
    expect(c.find((x) => x.id === 'auth.token_expired')!.confidence).toBeLessThanOrEqual(0.6);
  });

  it('a cookie JWT beside an Authorization header is weak evidence', () => {
    const t = makeJwt({ sub: 'u', exp: sec('2026-11-21T10:00:00Z') });
    expect(
      cause(call({ Authorization: 'Bearer opaque-token-1234', Cookie: `id_token=${t}` }), 'auth.token_expired')
        .confidence,
    ).toBeLessThanOrEqual(0.6);
  });
});
