import { describe, expect, it } from 'vitest';
import { displayText, plainOf, redactBody, redactHeader, redactUrl, Vault, type Text } from '../../../lib/redact';
import { isSecretField, isSecretHeader, isSecretParam } from '../../../lib/redact/names';
import { makeJwt } from '../inspect/support';

/** The text with placeholders filled back in: what a redacted command sends once variables are set. */
function refill(t: Text, vault: Vault): string {
  return t.map((p) => (typeof p === 'string' ? p : vault.valueOf(p.ref)!)).join('');
}

describe('names', () => {
  it('knows secret headers, parameters and fields, and leaves look-alikes alone', () => {
    for (const h of [
      'Authorization',
      'Proxy-Authorization',
      'Cookie',
      'X-Api-Key',
      'Ocp-Apim-Subscription-Key',
      'X-Amz-Security-Token',
      'X-CSRF-Token',
      'X-My-Session-Token',
    ])
      expect(isSecretHeader(h), h).toBe(true);
    for (const h of [
      'WWW-Authenticate',
      'Sec-WebSocket-Key',
      'Content-Type',
      'X-Amz-Credential',
      'Accept',
      'X-Amz-Date',
    ])
      expect(isSecretHeader(h), h).toBe(false);
    for (const p of [
      'api_key',
      'key',
      'access_token',
      'X-Amz-Signature',
      'sig',
      'signature',
      'password',
      'client_secret',
      'code',
      'id_token',
    ])
      expect(isSecretParam(p), p).toBe(true);
    for (const p of ['page', 'token_type', 'grant_type', 'X-Amz-Credential', 'X-Amz-Expires', 'expires_in', 'se', 'sv'])
      expect(isSecretParam(p), p).toBe(false);
    for (const f of ['password', 'newPassword', 'clientSecret', 'refreshToken', 'apiKey', 'otp'])
      expect(isSecretField(f), f).toBe(true);
    for (const f of ['tokenType', 'username', 'expiresIn']) expect(isSecretField(f), f).toBe(false);
  });
});

describe('redaction keeps every other byte', () => {
  it('URL: userinfo password, secret query and fragment values; user, order and escapes stay', () => {
    const v = new Vault();
    const raw = 'https://bob:pa%24s@h.example/p?a=1&api_key=K3y%2Bx&a=2&empty=&sig=zz#access_token=T0k&state=s';
    const t = redactUrl(raw, v);
    expect(displayText(t)).toBe(
      'https://bob:${WHY403_URL_PASSWORD}@h.example/p?a=1&api_key=${WHY403_QUERY_API_KEY}&a=2&empty=&sig=${WHY403_QUERY_SIG}#access_token=${WHY403_FRAGMENT_ACCESS_TOKEN}&state=s',
    );
    expect(refill(t, v)).toBe(raw);
  });

  it('Authorization keeps its scheme; Basic notes the user, never the password', () => {
    const v = new Vault();
    const basic = Buffer.from('alice:S3cret!pw').toString('base64');
    const t = redactHeader('Authorization', `Basic ${basic}`, v);
    expect(displayText(t)).toBe('Basic ${WHY403_AUTHORIZATION}');
    expect(v.info('WHY403_AUTHORIZATION')!.note).toMatch(/user "alice", password 9 chars/);
    expect(JSON.stringify(v.list())).not.toContain('S3cret');
  });

  it('AWS SigV4 Authorization: only the signature is secret', () => {
    const v = new Vault();
    const value =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, ' +
      'Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
    expect(displayText(redactHeader('Authorization', value, v))).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, ' +
        'Signature=${WHY403_AWS_SIGNATURE}',
    );
  });

  it('Cookie: each value its own placeholder; Set-Cookie attributes stay', () => {
    const v = new Vault();
    const t = redactHeader('Cookie', 'sid=abc123XYZ;theme=dark; flag', v);
    expect(displayText(t)).toBe('sid=${WHY403_COOKIE_SID};theme=${WHY403_COOKIE_THEME}; flag');
    expect(displayText(redactHeader('Set-Cookie', 'sid=abc123XYZ; Path=/; HttpOnly', v, 'response'))).toBe(
      'sid=${WHY403_COOKIE_SID}; Path=/; HttpOnly',
    );
  });

  it('JSON: values replaced in place, spacing, order and escapes kept; arrays under secret keys', () => {
    const v = new Vault();
    const body =
      '{ "user" : "bob",\n  "password":"p\\"w\\u0041", "n": {"refresh_token": "r1"}, "pin": 1234, ' +
      '"tokens": ["t1", "t2"], "code": "invalid_grant" }';
    const t = redactBody(body, 'application/json', v);
    expect(displayText(t)).toBe(
      '{ "user" : "bob",\n  "password":"${WHY403_BODY_PASSWORD}", "n": {"refresh_token": "${WHY403_BODY_REFRESH_TOKEN}"}, ' +
        '"pin": ${WHY403_BODY_PIN}, "tokens": ["${WHY403_BODY_TOKENS}", "${WHY403_BODY_TOKENS_2}"], ' +
        '"code": "invalid_grant" }',
    );
    expect(refill(t, v)).toBe(body);
  });

  it('form, multipart and XML bodies', () => {
    const v = new Vault();
    const form = 'user=bob&password=p%26w&client_secret=s+1&x=1';
    expect(displayText(redactBody(form, 'application/x-www-form-urlencoded', v))).toBe(
      'user=bob&password=${WHY403_BODY_PASSWORD}&client_secret=${WHY403_BODY_CLIENT_SECRET}&x=1',
    );
    const mp =
      '--B\r\nContent-Disposition: form-data; name="password"\r\n\r\nmp-Secret-1\r\n--B\r\nContent-Disposition: ' +
      'form-data; name="password"; filename="p.txt"\r\n\r\nfile stays\r\n--B--\r\n';
    const t = redactBody(mp, 'multipart/form-data; boundary=B', v);
    expect(displayText(t)).toContain('\r\n\r\n${WHY403_BODY_PASSWORD_2}\r\n--B');
    expect(displayText(t)).toContain('file stays');
    expect(refill(t, v)).toBe(mp);
    expect(displayText(redactBody('<a><Password>x-Y-1</Password><Key>k.pdf</Key></a>', 'text/xml', v))).toBe(
      '<a><Password>${WHY403_BODY_PASSWORD_3}</Password><Key>k.pdf</Key></a>',
    );
  });

  it('the same value is one placeholder everywhere; echoes and stray JWTs are swept', () => {
    const v = new Vault();
    const jwt = makeJwt({ exp: 1, sub: 'user-42-personal', email: 'someone@example.com' });
    redactHeader('Authorization', `Bearer ${jwt}`, v);
    redactHeader('X-Api-Key', 'k-123456789', v);
    const echoed = redactBody(`{"msg":"bad key k-123456789 for someone@example.com","t":"${jwt}"}`, 'text/plain', v);
    expect(displayText(echoed)).toBe(
      '{"msg":"bad key ${WHY403_X_API_KEY} for ${WHY403_JWT_EMAIL}","t":"${WHY403_AUTHORIZATION}"}',
    );
    const stray = redactHeader(
      'X-Debug',
      `seen eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln and Bearer Abc.def-123456`,
      new Vault(),
    );
    expect(plainOf(stray)).toBeNull();
    expect(displayText(stray)).toBe('seen ${WHY403_JWT} and Bearer ${WHY403_TOKEN}');
  });

  it('revealed placeholders are written as they are; prose is not mistaken for a token', () => {
    const v = new Vault(new Set(['WHY403_X_API_KEY']));
    expect(plainOf(redactHeader('X-Api-Key', 'shown-123', v))).toBe('shown-123');
    expect(plainOf(redactBody('Bearer authentication required', 'text/plain', new Vault()))).toBe(
      'Bearer authentication required',
    );
  });
});

describe('never throws on hostile input', () => {
  it('broken JSON, broken base64, huge and binary-looking values', () => {
    const v = new Vault();
    for (const s of [
      '{"password": "unterminated',
      '{"a":',
      '"',
      '\\',
      'eyJ.eyJ.',
      '%',
      '=&=&',
      '\u0000\uD800',
      'x'.repeat(200000),
    ]) {
      expect(() => redactBody(s, 'application/json', v)).not.toThrow();
      expect(() => redactUrl(s, v)).not.toThrow();
      expect(() => redactHeader('Authorization', s, v)).not.toThrow();
      expect(() => redactHeader('Cookie', s, v)).not.toThrow();
      expect(() => redactBody(s, 'multipart/form-data; boundary=', v)).not.toThrow();
    }
    expect(displayText(redactBody('{"password": "unterminated', 'application/json', v))).toBe(
      '{"password": "${WHY403_BODY_PASSWORD}',
    );
  });
});

describe('bodies cut short still lose their secrets', () => {
  it('a multipart body without its closing delimiter', () => {
    const v = new Vault();
    const t = redactBody(
      '--B\r\nContent-Disposition: form-data; name="password"\r\n\r\ncut-Secret-9',
      'multipart/form-data; boundary=B',
      v,
    );
    expect(displayText(t)).not.toContain('cut-Secret-9');
  });
});
