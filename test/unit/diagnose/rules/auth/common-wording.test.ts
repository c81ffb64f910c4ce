import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import type { RuleContext } from '../../../../../lib/core/context';
import type { Cause } from '../../../../../lib/core/causes';
import { decodeJwt, type Jwt } from '../../../../../lib/inspect/jwt';
import type { FoundJwt } from '../../../../../lib/inspect/tokens';
import { parseChallenges } from '../../../../../lib/inspect/www-authenticate';
import {
  challengeEvidence,
  claimsDetail,
  noteHiddenCredentials,
  saysExpired,
  saysNotYetValid,
  where,
  withArticle,
} from '../../../../../lib/diagnose/rules/auth/common';
import { tokenExpiredRule } from '../../../../../lib/diagnose/rules/auth/token-expired';
import { tokenNotYetValidRule } from '../../../../../lib/diagnose/rules/auth/token-not-yet-valid';
import { DATE, makeJwt, lastContext, answered } from './support';

// What the auth rules share and the user reads: the server's words about a token's lifetime, the
// decoded claims quoted as evidence, where a token was found, and the note that a capture hid the
// credential.

function jwt(claims: Record<string, unknown>, header?: Record<string, unknown>): Jwt {
  const r = decodeJwt(makeJwt(claims, header));
  if (!r.ok) throw new Error(r.error);
  return r.jwt;
}

const ctxOf = (entry: Partial<EntrySpec>): RuleContext => lastContext(answered(401, entry));

describe("the server's words about a token's lifetime", () => {
  // Microsoft Graph's InvalidAuthenticationToken (https://learn.microsoft.com/en-us/graph/errors)
  // names both; it is read as expired, the commoner.
  const GRAPH = 'Access token has expired or is not yet valid.';

  it.each([
    GRAPH,
    'Not yet valid or has expired',
    'IDX10223: Lifetime validation failed. The token is expired.', // Microsoft.IdentityModel
    'jwt expired', // jsonwebtoken TokenExpiredError
    'Signature has expired', // PyJWT ExpiredSignatureError
    'Jwt expired at 2026-11-21T11:00:00Z', // Spring Security / Nimbus
    'The access token expired',
    'Token is too old',
  ])('"%s" says expired', (text) => {
    expect(saysExpired(text)).toBe(true);
    expect(saysNotYetValid(text)).toBe(false);
  });

  it.each([
    'IDX10222: Lifetime validation failed. The token is not yet valid.', // Microsoft.IdentityModel
    'The token is not yet valid (nbf)', // PyJWT ImmatureSignatureError
    'Token used too early, 1763726650 < 1763727250', // google-auth
    'Token issued in the future',
    'The token is not active yet',
  ])('"%s" says not valid yet, not expired', (text) => {
    expect(saysNotYetValid(text)).toBe(true);
    expect(saysExpired(text)).toBe(false);
  });

  it.each([
    'The token has no expiration', // a policy that demands exp: not a lifetime that ran out
    'Token without an expiry claim',
    'Expiration claim is required',
    'The access token is invalid',
    '',
    undefined,
  ])('%s says neither', (text) => {
    expect(saysExpired(text)).toBe(false);
    expect(saysNotYetValid(text)).toBe(false);
  });

  it("Graph's either-or in a challenge ranks the token as expired, not as early", () => {
    const ctx = ctxOf({
      responseHeaders: {
        Date: DATE,
        'WWW-Authenticate': `Bearer error="invalid_token", error_description="${GRAPH}"`,
      },
    });
    const expired = tokenExpiredRule.run(ctx);
    expect(expired.map((c) => c.title)).toEqual([`The server says the token expired: "${GRAPH}"`]);
    expect(tokenNotYetValidRule.run(ctx)).toEqual([]);
  });
});

describe('the decoded claims quoted as evidence', () => {
  it('algorithm first, then the claims that matter in a fixed order, times as ISO dates', () => {
    const j = jwt(
      {
        exp: 1763726650,
        scope: 'read:orders',
        sub: 'user-42',
        iss: 'https://issuer.example',
        aud: ['api', 'web'],
        iat: 1763723050,
        admin: true,
        nbf: 1763723050,
      },
      { alg: 'RS256', typ: 'JWT' },
    );
    expect(claimsDetail(j)).toBe(
      'JWT claims: alg=RS256, iss=https://issuer.example, sub=user-42, aud=api web, scope=read:orders, ' +
        'iat=2025-11-21T11:04:10Z, nbf=2025-11-21T11:04:10Z, exp=2025-11-21T12:04:10Z',
    );
  });

  it('numbers, booleans and objects are shown as they are; a time that is not a number as text', () => {
    const j = jwt({ sub: 7, azp: false, client_id: { id: 'c' }, roles: [{ r: 1 }, 'admin'], exp: 'soon' }, {});
    expect(claimsDetail(j)).toBe('JWT claims: sub=7, azp=false, client_id={"id":"c"}, roles={"r":1} admin, exp=soon');
  });

  it('long values are clipped (80 characters, 120 for a list), an alg at 20', () => {
    const j = jwt(
      { sub: 's'.repeat(200), roles: Array.from({ length: 50 }, (_, i) => `role${i}`) },
      {
        alg: 'A'.repeat(40),
      },
    );
    const shown = claimsDetail(j);
    const sub = /sub=(s+)(\S*)/.exec(shown)!;
    expect(sub[1]!.length).toBeLessThan(80);
    expect(sub[1]!.length).toBeGreaterThan(60);
    const roles = /roles=(.*)$/.exec(shown)![1]!;
    expect(roles.length).toBeLessThanOrEqual(120);
    expect(roles.length).toBeGreaterThan(100);
    expect(/alg=(A+)/.exec(shown)![1]!.length).toBeLessThan(20);
  });

  it('says so when none of the claims that matter is there', () => {
    expect(claimsDetail(jwt({ foo: 'bar' }, {}))).toBe('JWT claims: (none of iss/sub/aud/exp)');
    expect(claimsDetail(jwt({ foo: 'bar' }, { alg: 'HS256' }))).toBe('JWT claims: alg=HS256');
  });
});

describe('a challenge quoted as evidence', () => {
  it('says which header it came from', () => {
    const [ch] = parseChallenges('Basic realm="simple"'); // RFC 9110 §11.7.1's example
    expect(challengeEvidence(ch!, 'proxy-authenticate')).toEqual({
      where: 'response.header',
      name: 'proxy-authenticate',
      detail: 'Proxy-Authenticate: Basic realm="simple"',
    });
    expect(challengeEvidence(ch!).detail).toBe('WWW-Authenticate: Basic realm="simple"');
  });
});

describe('where a token was found, in words', () => {
  const t = (w: FoundJwt['where'], name: string, primary = false): FoundJwt => ({
    where: w,
    name,
    primary,
    jwt: jwt({}),
    length: 100,
  });

  it('the Authorization credential is "the bearer token"; others by place and name', () => {
    expect(where(t('request.header', 'authorization', true))).toBe('the bearer token');
    expect(where(t('request.cookie', 'id_token'))).toBe('the JWT in cookie "id_token"');
    expect(where(t('request.query', 'access_token'))).toBe('the JWT in query parameter "access_token"');
    expect(where(t('request.header', 'x-auth-token'))).toBe('the JWT in header x-auth-token');
  });

  it('a hostile name is clipped', () => {
    expect(where(t('request.cookie', 'c'.repeat(300))).length).toBeLessThan(70);
  });

  it('"an" before a vowel, "a" otherwise, whatever the case', () => {
    expect(withArticle('opaque token')).toBe('an opaque token');
    expect(withArticle('OAuth credential')).toBe('an OAuth credential');
    expect(withArticle('Bearer credential')).toBe('a Bearer credential');
  });
});

describe('a capture that hid the credential', () => {
  const cause = (id: Cause['id'], evidence: Cause['evidence'] = []): Cause => ({
    id,
    confidence: 0.6,
    title: id,
    summary: '',
    evidence,
    fixes: [],
  });

  it('every credential cause says so once; other causes are left as they were', () => {
    const ctx = ctxOf({ requestHeaders: { Authorization: 'Bearer [REDACTED]' } });
    const status = { where: 'response.status' as const, detail: '401' };
    const causes = [
      cause('auth.invalid', [status]),
      cause('api_key.invalid'),
      cause('permission.denied'),
      cause('rate_limit.exceeded'),
      cause('cors.missing_allow_origin'),
    ];
    const out = noteHiddenCredentials(ctx, causes);
    const hidden = (c: Cause) => c.evidence.filter((e) => e.name === 'hidden').map((e) => e.detail);
    expect(hidden(out[0]!)).toEqual([
      'the capture hides Authorization: [REDACTED]: a credential was sent but its value was redacted before sharing',
    ]);
    expect(hidden(out[1]!)).toHaveLength(1);
    expect(hidden(out[2]!)).toHaveLength(1);
    expect(out[3]).toBe(causes[3]);
    expect(out[4]).toBe(causes[4]);
    expect(out[0]!.evidence).toEqual([
      status,
      {
        where: 'request.header',
        name: 'hidden',
        detail:
          'the capture hides Authorization: [REDACTED]: a credential was sent but its value was redacted before sharing',
      },
    ]);
    // A rule that already said it is not repeated.
    expect(noteHiddenCredentials(ctx, out)[0]!.evidence).toHaveLength(2);
  });

  it('every hidden credential is named', () => {
    const ctx = ctxOf({ requestHeaders: { Authorization: 'Bearer [REDACTED]', 'X-API-Key': '[REDACTED]' } });
    const [c] = noteHiddenCredentials(ctx, [cause('auth.invalid')]);
    expect(c!.evidence[0]!.detail).toMatch(/^the capture hides Authorization: \[REDACTED\]; \S/);
  });

  it('a capture with the credential in clear changes nothing', () => {
    const causes = [cause('auth.invalid')];
    expect(noteHiddenCredentials(ctxOf({ requestHeaders: { Authorization: 'Bearer abc.def' } }), causes)).toBe(causes);
  });
});
