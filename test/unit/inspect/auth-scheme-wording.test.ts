import { describe, expect, it } from 'vitest';
import { parseAuthorization } from '../../../lib/inspect/authorization';
import { makeJwt } from './support';

// What the reader tells the user about each scheme's credential: the display line (masked) and
// the issue, word for word, since these lines are the evidence a user acts on.

const jwt = makeJwt({ sub: 'a' });
const issues = (v: string) => parseAuthorization(v).issues.map((i) => [i.code, i.message, i.certainty]);

describe('a token with no scheme in front', () => {
  it('a bare JWT', () => {
    const r = parseAuthorization(jwt);
    expect(r).toMatchObject({
      tokenKind: 'JWT',
      credentialLength: jwt.length,
      display: `JWT without scheme (${jwt.length} chars)`,
    });
    expect(issues(jwt)).toEqual([['missing-scheme', 'a bare JWT with no "Bearer " in front', 'likely']]);
  });

  it('a bare issuer token is named by its kind, and shown masked', () => {
    const pat = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
    const r = parseAuthorization(pat);
    expect(r.display).toBe(`ghp_… (${pat.length} chars) without scheme`);
    expect(issues(pat)).toEqual([
      ['missing-scheme', 'a bare GitHub personal access token (classic) with no scheme in front', 'likely'],
    ]);
    expect(issues('2YotnFZFEjr1zCsicMWpAA')[0]![1]).toBe('a bare opaque token with no scheme in front');
  });
});

describe('token schemes', () => {
  it('reads Rails\' Token token="…" parameters as one credential, not as a token with spaces', () => {
    // https://api.rubyonrails.org/classes/ActionController/HttpAuthentication/Token.html
    const v = 'Token token="abc123def456", nonce="def"';
    expect(parseAuthorization(v)).toMatchObject({ kind: 'bearer', tokenKind: 'token parameters', issues: [] });
    expect(parseAuthorization(v).display).toBe(`Token toke… (${v.length - 6} chars)`);
    // Only Token has that form: Bearer with parameters is a broken bearer value.
    expect(parseAuthorization('Bearer token="abc"').tokenKind).not.toBe('token parameters');
  });

  it('shows a JWT by its length and alg, and a JWT without alg by its length', () => {
    expect(parseAuthorization(`Bearer ${jwt}`).display).toBe(`Bearer JWT (${jwt.length} chars, alg RS256)`);
    const noAlg = makeJwt({ sub: 'a' }, { typ: 'JWT' });
    expect(parseAuthorization(`Bearer ${noAlg}`).display).toBe(`Bearer JWT (${noAlg.length} chars)`);
  });

  it('names whitespace inside the token and reads the token without it', () => {
    const [head, rest] = [jwt.slice(0, 20), jwt.slice(20)];
    const r = parseAuthorization(`Bearer ${head} ${rest}`);
    expect(r.jwt?.claims.sub).toBe('a');
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([['whitespace', 'whitespace inside the token']]);
  });

  it('names characters a bearer token may not hold (RFC 6750 §2.1 b64token), as likely', () => {
    expect(issues('Bearer abc,def')).toEqual([
      ['bad-chars', 'the token has characters a bearer token may not contain (RFC 6750 b64token)', 'likely'],
    ]);
    expect(issues('Bearer mF_9.B5f-4.1JqM')).toEqual([]);
  });
});

describe('JWT shapes', () => {
  it('counts the parts of a cut JWT', () => {
    const one = jwt.split('.')[0]!;
    const two = jwt.split('.').slice(0, 2).join('.');
    expect(issues(`Bearer ${one}`)).toEqual([
      ['truncated-jwt', 'the JWT has 1 part instead of 3: it was cut short', 'certain'],
    ]);
    expect(issues(`Bearer ${two}`)).toEqual([
      ['truncated-jwt', 'the JWT has 2 parts instead of 3: it was cut short', 'certain'],
    ]);
    expect(parseAuthorization(`Bearer ${two}`).jwtError).toBe('truncated');
  });

  // A JWT's first part is a JOSE header, which always names "alg" (RFC 7515 §4.1.1). Base64url JSON without one is a
  // key some servers mint by encoding JSON: Tyk's when key hashing is on, {"org":…,"id":…,"h":"sha256"}
  // (https://github.com/TykTechnologies/tyk/issues/5558), sent raw in Authorization.
  it('reads base64url JSON without "alg" as an encoded key, not a cut JWT', () => {
    const tyk =
      'eyJvcmciOiIxMjNAZXhhbXBsZS5jb20iLCJpZCI6Ijk5NzhkZDk0MGNkMzQ5YmNhZWY3YmQyMDQxNGY3YmMyIiwiaCI6InNoYTI1NiJ9';
    expect(parseAuthorization(`Bearer ${tyk}`)).toMatchObject({ tokenKind: 'base64-encoded JSON key', issues: [] });
    expect(parseAuthorization(tyk).tokenKind).toBe('base64-encoded JSON key');
    expect(issues(tyk)).toEqual([
      ['missing-scheme', 'a bare base64-encoded JSON key with no scheme in front', 'likely'],
    ]);
    // A JOSE header alone, and a header cut mid-way, are still a JWT cut short.
    expect(issues(`Bearer ${jwt.split('.')[0]!}`)[0]?.[0]).toBe('truncated-jwt');
    expect(issues(`Bearer ${jwt.split('.')[0]!.slice(0, 10)}`)[0]?.[0]).toBe('truncated-jwt');
    // "eyJ" followed by what does not decode to JSON is still read as a JWT.
    expect(parseAuthorization(`Bearer eyJ${'a'.repeat(20)}`).tokenKind).toBe('JWT');
  });

  it('reads five parts as an encrypted JWE (RFC 7516 §7.1), four as a broken JWT', () => {
    const jwe = `${jwt.split('.')[0]}.a.b.c.d`;
    expect(parseAuthorization(`Bearer ${jwe}`)).toMatchObject({ tokenKind: 'JWE (encrypted JWT)', issues: [] });
    const four = parseAuthorization(`Bearer ${jwt}.x`);
    expect(four.issues.map((i) => i.code)).toEqual(['broken-jwt']);
    expect(four.issues[0]!.message).toMatch(/^the token looks like a JWT but /);
    expect(four.jwtError).toBeTruthy();
  });
});

describe('Basic display', () => {
  it('shows the user and only the length of the password; an unreadable value masked', () => {
    expect(parseAuthorization('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==').display).toBe(
      'Basic user "Aladdin", password of 11 chars',
    );
    const bad = parseAuthorization('Basic not*base64*at*all');
    expect(bad.display).toBe('Basic not*… (17 chars)');
    expect(bad.issues.map((i) => [i.code, i.message])).toEqual([['basic', 'the Basic value is not base64']]);
  });

  it('names whitespace inside the credentials and still reads them', () => {
    const r = parseAuthorization('Basic QWxhZGRpbjpv cGVuIHNlc2FtZQ==');
    expect(r.basic).toMatchObject({ user: 'Aladdin', passwordLength: 11 });
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([
      ['whitespace', 'whitespace inside the Basic credentials'],
    ]);
  });
});
