import { describe, expect, it } from 'vitest';
import { decodeJwt, looksLikeJwt } from '../../../lib/inspect/jwt';
import { makeJwt } from './support';

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

// RFC 7519 §3.1, the example JWT (HS256): iss "joe", exp 1300819380.
// https://www.rfc-editor.org/rfc/rfc7519#section-3.1
const RFC7519_JWS =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
// RFC 7519 §6.1, the same claims as an Unsecured JWT: alg "none" and an empty third part.
const RFC7519_UNSECURED =
  'eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.';

const ok = (token: string) => {
  const d = decodeJwt(token);
  if (!d.ok) throw new Error(d.error);
  return d.jwt;
};
const error = (token: string) => {
  const d = decodeJwt(token);
  return d.ok ? null : d.error;
};

describe('decodeJwt: the RFC 7519 examples', () => {
  it('reads the signed example: issuer, expiry, algorithm, a signature present', () => {
    const j = ok(RFC7519_JWS);
    expect(j).toMatchObject({ iss: 'joe', exp: 1300819380, alg: 'HS256', hasSignature: true, aud: [], scopes: [] });
    expect(j.claims['http://example.com/is_root']).toBe(true);
    expect(looksLikeJwt(RFC7519_JWS)).toBe(true);
  });

  it('reads the unsecured example as a token with no signature', () => {
    expect(ok(RFC7519_UNSECURED)).toMatchObject({ alg: 'none', hasSignature: false, iss: 'joe' });
    expect(looksLikeJwt(RFC7519_UNSECURED)).toBe(true);
  });
});

describe('decodeJwt: claims of the wrong type are not read as claims', () => {
  // RFC 7519 §4.1: exp/nbf/iat are NumericDate (a JSON number), iss/sub StringOrURI.
  it('keeps numeric times and drops times sent as strings', () => {
    const j = ok(makeJwt({ exp: '1300819380', nbf: 1300819000, iat: null, iss: 42, sub: ['a'] }));
    expect(j.exp).toBeUndefined();
    expect(j.nbf).toBe(1300819000);
    expect(j.iat).toBeUndefined();
    expect(j.iss).toBeUndefined();
    expect(j.sub).toBeUndefined();
    expect(ok(makeJwt({ sub: 'user-1' })).sub).toBe('user-1');
  });

  // RFC 7519 §4.1.3: aud is one string or an array of strings.
  it('reads aud as one string or an array, ignoring non-strings in it', () => {
    expect(ok(makeJwt({ aud: 'https://api.example.com' })).aud).toEqual(['https://api.example.com']);
    expect(ok(makeJwt({ aud: ['api', 7, 'admin'] })).aud).toEqual(['api', 'admin']);
    expect(ok(makeJwt({ aud: { x: 1 } })).aud).toEqual([]);
  });

  // `scope` is space-separated (RFC 8693 §4.2); Azure AD sends `scp` as a space-separated string,
  // Okta as an array; some issuers use `scopes`. The same scope named twice is one scope.
  it('gathers scopes from scope, scp and scopes, once each', () => {
    expect(ok(makeJwt({ scope: 'read:orders  write:orders' })).scopes).toEqual(['read:orders', 'write:orders']);
    expect(ok(makeJwt({ scp: ['openid', 'email'], scopes: 'email,profile' })).scopes).toEqual([
      'openid',
      'email',
      'profile',
    ]);
    expect(ok(makeJwt({ scope: ' openid email ' })).scopes).toEqual(['openid', 'email']);
    expect(ok(makeJwt({ scope: 'User.Read', scp: 'User.Read Mail.Send' })).scopes).toEqual(['User.Read', 'Mail.Send']);
  });

  // JSON.parse reads 1e400 as Infinity: a time no clock can compare with.
  it('drops a time that JSON reads as infinite', () => {
    expect(ok(`${b64url('{"alg":"none"}')}.${b64url('{"exp":1e400,"iat":1300819380}')}.`)).toMatchObject({
      exp: undefined,
      iat: 1300819380,
    });
  });

  it('reads alg only when the header names it as a string', () => {
    expect(ok(makeJwt({}, { alg: 'ES256' })).alg).toBe('ES256');
    expect(ok(makeJwt({}, { alg: 256 })).alg).toBeUndefined();
  });
});

describe('decodeJwt: a broken token gets the reason, not a throw', () => {
  it('counts the parts', () => {
    expect(error('eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UifQ')).toBe('a JWT has 3 dot-separated parts, this token has 2');
    expect(error('a.b.c.d.e')).toMatch(/this token has 5$/);
  });

  it('names the part that is not base64url, not JSON, or not an object', () => {
    expect(error(`${b64url('{"alg":"none"}')}.${b64url('not json')}.`)).toBe('the payload is not JSON');
    expect(error(`${b64url('{"alg":')}.${b64url('{}')}.`)).toBe('the header is not JSON');
    expect(error(`${b64url('{}')}.${b64url('[1,2]')}.`)).toBe('the payload is not a JSON object');
    expect(error(`${b64url('null')}.${b64url('{}')}.`)).toBe('the header is not a JSON object');
    expect(error(`${b64url('{}')}.${b64url('"sub"')}.`)).toBe('the payload is not a JSON object');
    expect(error(`${b64url('{}')}.${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.`)).toBe(
      'the payload is not valid base64url',
    );
  });

  it('tolerates surrounding whitespace, as a token pasted from a file has', () => {
    expect(ok(`  ${RFC7519_JWS}\n`).iss).toBe('joe');
    // The newline after an unsecured token is not a signature.
    expect(ok(`${RFC7519_UNSECURED}\n`).hasSignature).toBe(false);
  });

  it('says which part is not base64 at all', () => {
    expect(error('eyJ!!!.e30.')).toBe('the header is not valid base64url');
  });
});

describe('looksLikeJwt: only the compact JWS shape', () => {
  it('refuses opaque tokens, two-part tokens and tokens not starting with a JSON header', () => {
    expect(looksLikeJwt('2YotnFZFEjr1zCsicMWpAA')).toBe(false);
    expect(looksLikeJwt('eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UifQ')).toBe(false);
    expect(looksLikeJwt('abc.def.ghi')).toBe(false);
    expect(looksLikeJwt('eyJ.a b.c')).toBe(false);
  });

  // Header lines past 8–16 KiB are refused by common servers (nginx large_client_header_buffers,
  // Apache LimitRequestFieldSize); a value far beyond that is not scanned as a token.
  it('keeps a 40 KiB token and refuses one of 100 KiB', () => {
    expect(looksLikeJwt(makeJwt({ pad: 'x'.repeat(30 * 1024) }))).toBe(true);
    expect(looksLikeJwt(makeJwt({ pad: 'x'.repeat(75 * 1024) }))).toBe(false);
  });
});
