import { describe, expect, it } from 'vitest';
import { oauthErrorOf, parseChallenges, readChallenges, showChallenge } from '../../../lib/inspect/www-authenticate';

describe('parseChallenges (RFC 7235 §4.1, RFC 6750 §3)', () => {
  it('reads the RFC 6750 §3 examples', () => {
    expect(parseChallenges('Bearer realm="example"')).toEqual([{ scheme: 'Bearer', params: { realm: 'example' } }]);
    const [c] = parseChallenges(
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
    );
    expect(c!.params).toEqual({
      realm: 'example',
      error: 'invalid_token',
      error_description: 'The access token expired',
    });
  });

  it('reads several challenges in one value (RFC 7235 §4.1 example)', () => {
    const list = parseChallenges('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"');
    expect(list.map((c) => c.scheme)).toEqual(['Newauth', 'Basic']);
    expect(list[0]!.params).toEqual({ realm: 'apps', type: '1', title: 'Login to "apps"' });
    expect(list[1]!.params).toEqual({ realm: 'simple' });
  });

  it('reads challenges across several header lines', () => {
    const list = readChallenges(['Negotiate', 'NTLM', 'Basic realm="corp"']);
    expect(list.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM', 'Basic']);
  });

  it('reads token68 with padding, then the next challenge', () => {
    expect(parseChallenges('Negotiate oYG3MIG0oAMKAQChCwYJKoZIgvcSAQICooGfBIGc==, Basic realm="x"')).toEqual([
      { scheme: 'Negotiate', params: {}, token68: 'oYG3MIG0oAMKAQChCwYJKoZIgvcSAQICooGfBIGc==' },
      { scheme: 'Basic', params: { realm: 'x' } },
    ]);
    expect(parseChallenges('Negotiate abc=')[0]!.token68).toBe('abc=');
  });

  it('keeps commas and escaped quotes inside quoted strings', () => {
    const [c] = parseChallenges('Bearer realm="a, b", scope="openid profile", error_description="say \\"hi\\", twice"');
    expect(c!.params).toEqual({ realm: 'a, b', scope: 'openid profile', error_description: 'say "hi", twice' });
  });

  it('folds param names to lower case and keeps the first duplicate', () => {
    expect(parseChallenges('Bearer Realm="a", REALM="b", Error="invalid_token"')[0]!.params).toEqual({
      realm: 'a',
      error: 'invalid_token',
    });
  });

  it('tolerates unquoted values with spaces and missing commas', () => {
    expect(parseChallenges('Bearer error=invalid_token error_description=The token is expired')[0]!.params).toEqual({
      error: 'invalid_token',
      error_description: 'The token is expired',
    });
  });

  it('tolerates an unterminated quote and garbage', () => {
    expect(parseChallenges('Bearer realm="never closed')[0]!.params.realm).toBe('never closed');
    expect(parseChallenges(',,, ==== Bearer')).toEqual([{ scheme: 'Bearer', params: {} }]);
    expect(parseChallenges('')).toEqual([]);
  });

  it('reads Azure AD and Okta style challenges with extra params', () => {
    const [c] = parseChallenges(
      'Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token", ' +
        'error_description="The token expired at \'11/21/2026 10:00:00\'"',
    );
    expect(c!.params.authorization_uri).toBe('https://login.microsoftonline.com/common/oauth2/authorize');
    expect(c!.params.error_description).toBe("The token expired at '11/21/2026 10:00:00'");
  });
});

describe('oauthErrorOf', () => {
  it('prefers the challenge carrying error=, splits scope', () => {
    const e = oauthErrorOf(
      readChallenges(['Basic realm="x"', 'Bearer realm="api", error="insufficient_scope", scope="repo:write admin"']),
    );
    expect(e).toMatchObject({
      scheme: 'Bearer',
      realm: 'api',
      error: 'insufficient_scope',
      scope: ['repo:write', 'admin'],
    });
  });

  it('falls back to the Bearer challenge, else null', () => {
    expect(oauthErrorOf(parseChallenges('Bearer realm="x"'))?.error).toBeUndefined();
    expect(oauthErrorOf(parseChallenges('Basic realm="x"'))).toBeNull();
  });
});

describe('showChallenge', () => {
  it('renders params and clips long values', () => {
    expect(showChallenge({ scheme: 'Bearer', params: { realm: 'x', error: 'invalid_token' } })).toBe(
      'Bearer realm="x", error="invalid_token"',
    );
    expect(showChallenge({ scheme: 'Bearer', params: { error_description: 'y'.repeat(500) } }).length).toBeLessThan(
      200,
    );
  });
});
