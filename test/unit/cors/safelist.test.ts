import { describe, expect, it } from 'vitest';
import { isBrowserOwnedHeader, isSafelistedHeader, isSafelistedMethod, unsafeHeaderNames } from '../../../lib/cors';

describe('CORS-safelisted methods', () => {
  it('accepts GET, HEAD, POST in any case and nothing else', () => {
    for (const m of ['GET', 'HEAD', 'POST', 'get', 'Post']) expect(isSafelistedMethod(m)).toBe(true);
    for (const m of ['PUT', 'DELETE', 'PATCH', 'patch', 'OPTIONS', '']) expect(isSafelistedMethod(m)).toBe(false);
  });
});

describe('CORS-safelisted request headers', () => {
  it('applies the Content-Type value rule (essence, parameters, case)', () => {
    expect(isSafelistedHeader('content-type', 'text/plain')).toBe(true);
    expect(isSafelistedHeader('content-type', 'TEXT/PLAIN; charset=UTF-8')).toBe(true);
    expect(isSafelistedHeader('content-type', 'multipart/form-data; boundary=----x')).toBe(true);
    expect(isSafelistedHeader('content-type', 'application/x-www-form-urlencoded')).toBe(true);
    expect(isSafelistedHeader('content-type', 'application/json')).toBe(false);
    expect(isSafelistedHeader('content-type', 'application/json; charset=utf-8')).toBe(false);
    expect(isSafelistedHeader('content-type', 'text/plain; x="quoted"')).toBe(false);
  });

  it('enforces the 128-byte value limit', () => {
    expect(isSafelistedHeader('accept', 'a'.repeat(128))).toBe(true);
    expect(isSafelistedHeader('accept', 'a'.repeat(129))).toBe(false);
  });

  it('applies the byte rules of Accept, Accept-Language and Range', () => {
    expect(isSafelistedHeader('accept', 'application/json, text/plain, */*')).toBe(true);
    expect(isSafelistedHeader('accept', 'text/html{')).toBe(false);
    expect(isSafelistedHeader('accept-language', 'en-US,en;q=0.9')).toBe(true);
    expect(isSafelistedHeader('content-language', 'de_DE')).toBe(false);
    expect(isSafelistedHeader('range', 'bytes=0-99')).toBe(true);
    expect(isSafelistedHeader('range', 'bytes=0-')).toBe(true);
    expect(isSafelistedHeader('range', 'bytes=-5')).toBe(false);
    expect(isSafelistedHeader('range', 'bytes=0-1,5-6')).toBe(false);
  });

  it('never safelists Authorization or custom headers', () => {
    expect(isSafelistedHeader('authorization', 'Bearer x')).toBe(false);
    expect(isSafelistedHeader('x-api-key', 'k')).toBe(false);
  });

  it('ignores headers the browser adds itself', () => {
    for (const h of [
      'cookie',
      'user-agent',
      'sec-fetch-mode',
      'sec-ch-ua',
      'origin',
      'referer',
      'host',
      'connection',
      'accept-encoding',
      'cache-control',
      'pragma',
      'priority',
      'proxy-connection',
    ]) {
      expect(isBrowserOwnedHeader(h)).toBe(true);
    }
    expect(isBrowserOwnedHeader('x-custom')).toBe(false);
  });
});

describe('unsafeHeaderNames (what Access-Control-Request-Headers lists)', () => {
  it('lower-cases, sorts, dedupes and skips browser headers', () => {
    const names = unsafeHeaderNames([
      { name: 'X-Custom', value: '1' },
      { name: 'Authorization', value: 'Bearer t' },
      { name: 'Content-Type', value: 'application/json' },
      { name: 'x-custom', value: '2' },
      { name: 'User-Agent', value: 'Mozilla/5.0' },
      { name: 'Accept', value: '*/*' },
      { name: ':authority', value: 'api.example.net' },
    ]);
    expect(names).toEqual(['authorization', 'content-type', 'x-custom']);
  });

  it('makes safelisted headers unsafe once their values exceed 1024 bytes together', () => {
    const big = Array.from({ length: 9 }, (_, i) => ({
      name: i % 2 ? 'Accept' : 'Accept-Language',
      value: 'a'.repeat(120),
    }));
    expect(unsafeHeaderNames(big)).toEqual(['accept', 'accept-language']);
    expect(unsafeHeaderNames(big.slice(0, 8))).toEqual([]);
  });

  it('copes with hostile header objects', () => {
    const odd = [{ name: 42, value: 'x' }, { name: 'X-A', value: null }, null] as unknown as {
      name: string;
      value: string;
    }[];
    expect(unsafeHeaderNames(odd)).toEqual(['x-a']);
  });
});
