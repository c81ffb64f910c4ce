import { describe, expect, it } from 'vitest';
import { parseAuthorization } from '../../../lib/inspect/authorization';
import { readBasic } from '../../../lib/inspect/basic';
import { placeholderOf, tokenKindOf } from '../../../lib/inspect/token-kind';
import { makeJwt, sec } from './support';

const jwt = makeJwt({
  iss: 'https://issuer.example',
  sub: 'user-1',
  aud: 'api',
  exp: sec('2026-11-21T10:00:00Z'),
  scope: 'read:orders',
});
const codes = (v: string) => parseAuthorization(v).issues.map((i) => i.code);

describe('parseAuthorization: well-formed values', () => {
  it('reads a Bearer JWT and decodes it, never keeping the signature in display', () => {
    const r = parseAuthorization(`Bearer ${jwt}`);
    expect(r).toMatchObject({ scheme: 'Bearer', kind: 'bearer', tokenKind: 'JWT', issues: [] });
    expect(r.jwt?.sub).toBe('user-1');
    expect(r.jwt?.scopes).toEqual(['read:orders']);
    expect(r.display).not.toContain(jwt.split('.')[2]!);
    expect(r.display).toMatch(/^Bearer JWT \(\d+ chars, alg RS256\)$/);
  });

  it('treats the scheme case-insensitively (RFC 7235)', () => {
    expect(parseAuthorization(`bearer ${jwt}`).issues).toEqual([]);
    expect(parseAuthorization(`BEARER ${jwt}`).kind).toBe('bearer');
  });

  it('recognises opaque tokens and names documented prefixes', () => {
    expect(parseAuthorization('Bearer 2YotnFZFEjr1zCsicMWpAA').tokenKind).toBe('opaque token');
    expect(parseAuthorization('token ghp_16C7e42F292c6912E7710c838347Ae178B4a').tokenKind).toMatch(
      /GitHub personal access token/,
    );
    expect(parseAuthorization('Bearer 2YotnFZFEjr1zCsicMWpAA').display).toBe('Bearer 2Yot… (22 chars)');
  });

  it('reads Basic: the user and the password length, never the password', () => {
    const r = parseAuthorization('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(r.basic).toEqual({ user: 'Aladdin', shownUser: 'Aladdin', passwordLength: 11 });
    expect(JSON.stringify(r)).not.toContain('open sesame');
    expect(r.display).toBe('Basic user "Aladdin", password of 11 chars');
  });

  it('accepts Basic without padding and UTF-8 user names', () => {
    expect(parseAuthorization('Basic dGVzdDoxMjPCow').basic).toMatchObject({ user: 'test', passwordLength: 4 });
  });

  it('accepts Rails\' Token token="…" form', () => {
    expect(parseAuthorization('Token token="abc123", nonce="def"').issues).toEqual([]);
  });

  it('reads Digest user names and other schemes without complaint', () => {
    expect(
      parseAuthorization('Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html"').digestUser,
    ).toBe('Mufasa');
    expect(
      parseAuthorization(
        'Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCqKCBkAE',
      ).issues,
    ).toEqual([]);
  });

  it('reads AWS SigV4 headers (AWS docs example)', () => {
    const r = parseAuthorization(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
      { amzDate: '20150830T123600Z' },
    );
    expect(r.kind).toBe('sigv4');
    expect(r.sigv4).toMatchObject({
      scopeDate: '20150830',
      region: 'us-east-1',
      service: 'iam',
      signedHeaders: ['content-type', 'host', 'x-amz-date'],
      signatureLength: 64,
      problems: [],
    });
    expect(r.sigv4?.amzDate).toBe(Date.UTC(2015, 7, 30, 12, 36, 0));
    expect(r.display).not.toContain('AKIDEXAMPLE');
    expect(r.display).not.toContain('5d672d79');
  });
});

describe('parseAuthorization: malformed shapes', () => {
  it.each([
    ['Bearer undefined', 'placeholder'],
    ['Bearer null', 'placeholder'],
    ['Bearer [object Object]', 'placeholder'],
    ['undefined', 'placeholder'],
    ['Basic dW5kZWZpbmVkOnVuZGVmaW5lZA==', 'placeholder'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['Bearer', 'empty'],
    ['Bearer   ', 'empty'],
    [`Bearer Bearer ${jwt}`, 'doubled-scheme'],
    [`Bearer bearer ${jwt}`, 'doubled-scheme'],
    [`Bearer: ${jwt}`, 'scheme-colon'],
    [`Authorization: Bearer ${jwt}`, 'header-name'],
    [`Bearer "${jwt}"`, 'quoted'],
    ["Bearer 'abc123'", 'quoted'],
    [`Bearer ${jwt}\n`, 'control-char'],
    [`Bearer ${jwt.slice(0, 40)}\n${jwt.slice(40)}`, 'control-char'],
    ['Bearer abc def', 'whitespace'],
    [` Bearer ${jwt}`, 'whitespace'],
    [`Bearer  ${jwt}`, 'extra-space'],
    ['Basic user:password', 'basic'],
    ['Basic dXNlcnBhc3N3b3Jk', 'basic'],
    ['Basic !!!notbase64', 'basic'],
    ['Basic dXNlcjpw_XNz', 'basic'],
    [jwt, 'missing-scheme'],
    ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'missing-scheme'],
    [`Bearer ${jwt.split('.').slice(0, 2).join('.')}`, 'truncated-jwt'],
    ['Bearer eyJhbGciOiJIUzI1NiJ9', 'truncated-jwt'],
    ['Bearer eyJub3Q.anNvbg.c2ln', 'broken-jwt'],
    ['Bearer abc,def;ghi', 'bad-chars'],
    ['AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam, SignedHeaders=host, Signature=abc', 'sigv4'],
  ])('%j → %s', (value, code) => {
    expect(codes(value)).toContain(code);
  });

  // Template variables and masks are what a capture shows in place of a credential (issue 8): the
  // value was hidden before sharing, so it is neither malformed nor missing.
  it.each([
    'Bearer {{access_token}}',
    'Bearer ${TOKEN}',
    'Bearer [REDACTED]',
    'Bearer ****',
    'Bearer <redacted>',
    'Bearer xxx',
    '[FILTERED]',
    'REDACTED',
    'Basic ***',
    'Bearer eyJhbGciOiJSUzI1NiIs...',
    'Bearer sk-****************abcd',
    'Bearer $ACCESS_TOKEN',
    'Bearer YOUR_ACCESS_TOKEN',
  ])('%j is hidden in the capture, not malformed', (value) => {
    const r = parseAuthorization(value);
    expect(r.hidden).toBeTruthy();
    expect(r.issues).toEqual([]);
    expect(r.display).toContain('hidden in the capture');
  });

  it.each([
    'Bearer undefined',
    'Bearer [object Object]',
    'Bearer null',
    'Basic alice:secret',
    'Bearer',
    `Bearer ${jwt}`,
  ])('%j is read as sent, not as hidden', (value) => {
    expect(parseAuthorization(value).hidden).toBeUndefined();
  });

  it('says which issues are certain and which only likely', () => {
    const doubled = parseAuthorization(`Bearer Bearer ${jwt}`).issues[0]!;
    expect(doubled.certainty).toBe('certain');
    const bare = parseAuthorization(jwt).issues[0]!;
    expect(bare.certainty).toBe('likely');
  });

  it('still decodes the JWT behind a doubled scheme or quotes, so lifetimes can be checked', () => {
    expect(parseAuthorization(`Bearer Bearer ${jwt}`).jwt?.sub).toBe('user-1');
    expect(parseAuthorization(`Bearer "${jwt}"`).jwt?.sub).toBe('user-1');
    expect(parseAuthorization(jwt).jwt?.sub).toBe('user-1');
  });

  it('treats a five-part JWE as encrypted, not broken', () => {
    const r = parseAuthorization('Bearer eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d');
    expect(r.tokenKind).toMatch(/JWE/);
    expect(r.issues).toEqual([]);
  });

  it('flags SigV4 scope/date disagreements', () => {
    const r = parseAuthorization(
      'AWS4-HMAC-SHA256 Credential=AKID/20150831/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=' +
        'a'.repeat(64),
      { amzDate: '20150830T235959Z' },
    );
    expect(r.issues.map((i) => i.message).join()).toMatch(/differs from the X-Amz-Date day/);
  });

  it('accepts a signed Date header instead of X-Amz-Date', () => {
    const r = parseAuthorization(
      'AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=date;host, Signature=' +
        'a'.repeat(64),
      { httpDate: 'Sun, 30 Aug 2015 12:36:00 GMT' },
    );
    expect(r.issues).toEqual([]);
    expect(r.sigv4?.amzDate).toBe(Date.UTC(2015, 7, 30, 12, 36, 0));
  });

  it('never shows a secret that sits where a scheme or user name would be', () => {
    const key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    for (const v of [`${key}:`, `${key} ${key}`, `${key}: x`, 'Zx81kq02Lm55Pq9sVv3t7Rw1 other']) {
      const r = parseAuthorization(v);
      expect(JSON.stringify([r.display, r.scheme, r.issues]), v).not.toMatch(/4eC39Hq|Zx81kq02Lm55/);
    }
    const stripe = parseAuthorization(`Basic ${btoa(`${key}:`)}`);
    expect(stripe.basic?.shownUser).toBe('sk_l… (32 chars)');
    expect(stripe.display).not.toContain('4eC39Hq');
  });

  it('marks Proxy-Authorization readings as such', () => {
    expect(parseAuthorization('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', { header: 'proxy-authorization' }).header).toBe(
      'proxy-authorization',
    );
  });
});

describe('readBasic', () => {
  it('explains each failure', () => {
    expect(readBasic('').problem).toMatch(/empty/);
    expect(readBasic('dXNlcg==').problem).toMatch(/no ":"/);
    expect(readBasic('user:pw')).toMatchObject({
      user: 'user',
      passwordLength: 2,
      problem: expect.stringMatching(/plain text/),
    });
    expect(readBasic('dXNlcjpw_XNz').problem).toMatch(/base64url/);
    expect(readBasic('dXNlcjpwYXNzCg==').problem).toMatch(/control characters/);
  });

  it('falls back to Latin-1 for non-UTF-8 bytes', () => {
    expect(readBasic(btoa('j\u00f6rg:pw')).user).toBe('j\u00f6rg');
  });
});

describe('token kinds and placeholders', () => {
  it('spots stringified placeholders but not real tokens', () => {
    expect(placeholderOf('undefined')).toBe('undefined');
    expect(placeholderOf('"null"')).toBe('null');
    expect(placeholderOf('<your-token>')).toBe('<your-token>');
    expect(placeholderOf('YOUR_API_KEY')).toBe('YOUR_API_KEY');
    expect(placeholderOf('2YotnFZFEjr1zCsicMWpAA')).toBeNull();
    expect(placeholderOf(jwt)).toBeNull();
  });

  it('names documented prefixes only', () => {
    expect(tokenKindOf('github_pat_11ABCDEFG0123456789_abcdef')).toMatch(/fine-grained/);
    expect(tokenKindOf('xoxb-123-456-abc')).toMatch(/Slack/);
    expect(tokenKindOf('AKIAIOSFODNN7EXAMPLE')).toMatch(/AWS/);
    expect(tokenKindOf('mF_9.B5f-4.1JqM')).toBeNull();
  });
});
