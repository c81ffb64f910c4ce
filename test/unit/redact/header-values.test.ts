// One header value redacted (lib/redact/header.ts): the credential, cookie values and secret
// headers are hidden; the scheme, names, attributes, spacing and separators a diagnosis reads stay.
import { describe, expect, it } from 'vitest';
import { redactHeader } from '../../../lib/redact';
import { redactWith } from './refill';

function redacted(name: string, value: string, side?: 'request' | 'response') {
  const { text, vault: v } = redactWith(value, 'header', (v) =>
    side ? redactHeader(name, value, v, side) : redactHeader(name, value, v),
  );
  return {
    text,
    secrets: v.list().map((s) => ({ name: s.name, kind: s.kind, places: s.places, value: v.valueOf(s.name) })),
  };
}
const kept = (name: string, value: string) => expect(redacted(name, value)).toEqual({ text: value, secrets: [] });

describe('Authorization', () => {
  it('keeps the scheme and hides the credentials, named after the header', () => {
    const r = redacted('Authorization', 'Bearer tok-1');
    expect(r.text).toBe('Bearer ${WHY403_AUTHORIZATION}');
    expect(r.secrets).toEqual([
      { name: 'WHY403_AUTHORIZATION', kind: 'token', places: ['request header Authorization'], value: 'tok-1' },
    ]);
  });

  it('keeps the spacing around the scheme, whatever the whitespace', () => {
    for (const ws of [' ', '\t', '\r', '\n', '\f'])
      expect(redacted('Authorization', `${ws}Bearer${ws}${ws}tok-1${ws}`).text, JSON.stringify(ws)).toBe(
        `${ws}Bearer${ws}${ws}\${WHY403_AUTHORIZATION}${ws}`,
      );
  });

  it('a value without a scheme, or a scheme alone, is hidden whole', () => {
    expect(redacted('Authorization', 'tok-1').text).toBe('${WHY403_AUTHORIZATION}');
    expect(redacted('Authorization', 'Bearer').text).toBe('${WHY403_AUTHORIZATION}');
    expect(redacted('Authorization', 'Bearer  ').text).toBe('${WHY403_AUTHORIZATION}');
    expect(redacted('Authorization', '  tok-1').text).toBe('${WHY403_AUTHORIZATION}');
  });

  it('the kind follows the scheme: Basic, Bearer, any other', () => {
    expect(redacted('Authorization', 'Basic Ym9iOnB3ZC0x').secrets[0]!.kind).toBe('basic');
    expect(redacted('Authorization', 'bearer tok-1').secrets[0]!.kind).toBe('token');
    expect(redacted('Authorization', 'Digest username="bob", response="ab12"').secrets[0]).toMatchObject({
      kind: 'authorization',
      value: 'username="bob", response="ab12"',
    });
  });

  it('Proxy-Authorization and in-house variants are read the same way, named after their header', () => {
    expect(redacted('Proxy-Authorization', 'Basic Ym9iOnB3ZC0x').text).toBe('Basic ${WHY403_PROXY_AUTHORIZATION}');
    expect(redacted('X-Authorization', 'Bearer tok-1').text).toBe('Bearer ${WHY403_X_AUTHORIZATION}');
    expect(redacted('Authentication', 'Bearer tok-1').text).toBe('Bearer ${WHY403_AUTHENTICATION}');
    expect(redacted('X-Authentication', 'Bearer tok-1').text).toBe('Bearer ${WHY403_X_AUTHENTICATION}');
    expect(redacted(' AUTHORIZATION ', 'Bearer tok-1').text).toBe('Bearer ${WHY403_AUTHORIZATION}');
  });

  it('AWS Signature Version 4 hides the signature only; the signed headers stay readable', () => {
    const value =
      'AWS4-HMAC-SHA256 Credential=bob/20240101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027';
    const r = redacted('Authorization', value);
    expect(r.text).toBe(
      'AWS4-HMAC-SHA256 Credential=bob/20240101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${WHY403_AWS_SIGNATURE}',
    );
    expect(r.secrets).toEqual([
      {
        name: 'WHY403_AWS_SIGNATURE',
        kind: 'signature',
        places: ['request header Authorization'],
        value: 'fe5f80f77d5fa3beca038a248ff027',
      },
    ]);
    expect(redacted('Authorization', 'AWS4-HMAC-SHA256 Signature=ab12, X=1').text).toBe(
      'AWS4-HMAC-SHA256 Signature=${WHY403_AWS_SIGNATURE}, X=1',
    );
  });

  it('AWS Signature Version 4 without a signature hides its credentials whole', () => {
    const r = redacted('Authorization', 'aws4-hmac-sha256 Credential=bob/x ');
    expect(r.text).toBe('aws4-hmac-sha256 ${WHY403_AUTHORIZATION} ');
    expect(r.secrets[0]!.kind).toBe('signature');
  });
});

describe('Cookie', () => {
  it('hides every value, each named after its cookie; names, order and separators stay', () => {
    const r = redacted('Cookie', 'theme=dark; sid=abc123;  lang = en ');
    expect(r.text).toBe('theme=${WHY403_COOKIE_THEME}; sid=${WHY403_COOKIE_SID};  lang = ${WHY403_COOKIE_LANG} ');
    expect(r.secrets.map((s) => [s.name, s.kind, s.places, s.value])).toEqual([
      ['WHY403_COOKIE_THEME', 'cookie', ['request cookie theme'], 'dark'],
      ['WHY403_COOKIE_SID', 'cookie', ['request cookie sid'], 'abc123'],
      ['WHY403_COOKIE_LANG', 'cookie', ['request cookie lang'], 'en'],
    ]);
  });

  it('a value holding "=" goes whole', () => {
    expect(redacted('Cookie', 'a=b=c==').secrets[0]!.value).toBe('b=c==');
  });

  it('a pair without "=" or with an empty value is kept, and the pairs after it are read', () => {
    const r = redacted('Cookie', 'flag; empty=; e2= ;sid=abc;;');
    expect(r.text).toBe('flag; empty=; e2= ;sid=${WHY403_COOKIE_SID};;');
  });
});

describe('Set-Cookie', () => {
  it('hides the value of the cookie set; its attributes are facts and stay', () => {
    const r = redacted('Set-Cookie', 'sid=abc123; Path=/; Secure; HttpOnly; SameSite=Lax', 'response');
    expect(r.text).toBe('sid=${WHY403_COOKIE_SID}; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(r.secrets[0]!.places).toEqual(['response Set-Cookie sid']);
  });

  it('several cookies joined one per line (Firefox) are each hidden, the lines kept', () => {
    const r = redacted('Set-Cookie', 'a=one; Path=/\nb=two\n\nc=three; Max-Age=60');
    expect(r.text).toBe('a=${WHY403_COOKIE_A}; Path=/\nb=${WHY403_COOKIE_B}\n\nc=${WHY403_COOKIE_C}; Max-Age=60');
  });

  it('a line ending the value leaves nothing hidden after it', () => {
    expect(redacted('Set-Cookie', 'a=one\n').text).toBe('a=${WHY403_COOKIE_A}\n');
  });
});

describe('other headers', () => {
  it('a secret-named header is hidden whole, named after it; an empty one is kept', () => {
    const r = redacted('X-Api-Key', 'k-123', 'response');
    expect(r.text).toBe('${WHY403_X_API_KEY}');
    expect(r.secrets).toEqual([
      { name: 'WHY403_X_API_KEY', kind: 'api-key', places: ['response header X-Api-Key'], value: 'k-123' },
    ]);
    kept('X-Api-Key', '');
  });

  it('a URL header has its URL redacted, the place saying which header', () => {
    const r = redacted('Referer', 'https://app.example/cb?code=c-1&x=2');
    expect(r.text).toBe('https://app.example/cb?code=${WHY403_QUERY_CODE}&x=2');
    expect(r.secrets[0]!.places).toEqual(['request header Referer query code']);
  });

  it('any other header is kept, unless something in it is shaped like a secret', () => {
    kept('Content-Type', 'application/json; charset=utf-8');
    kept('Accept', '*/*');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(redacted('X-Debug', `token ${jwt}`).text).toBe('token ${WHY403_JWT}');
  });
});
