import { describe, expect, it } from 'vitest';
import { isCorsMode, isCrossOrigin, pageOriginOf } from '../../../lib/cors';
import { API, PAGE, ex, preflight } from './helpers';

describe('pageOriginOf', () => {
  it('prefers Origin, then the preflight Origin, then Referer', () => {
    expect(
      pageOriginOf(
        ex({ url: API, status: 0, requestHeaders: { Origin: PAGE, Referer: 'https://other.example/' } }),
        null,
      ).origin,
    ).toBe(PAGE);
    const p = ex(preflight('DELETE', null, 405, {}), 1);
    expect(
      pageOriginOf(ex({ url: API, status: 0, requestHeaders: { Referer: 'https://other.example/x' } }), p),
    ).toMatchObject({ origin: PAGE, from: expect.stringContaining('preflight') });
    expect(pageOriginOf(ex({ url: API, status: 0, requestHeaders: { Referer: `${PAGE}/a/b?c=d` } }), null).origin).toBe(
      PAGE,
    );
  });

  it('keeps "null", ignores garbage and non-http origins', () => {
    expect(pageOriginOf(ex({ url: API, status: 0, requestHeaders: { Origin: ' null ' } }), null).origin).toBe('null');
    expect(
      pageOriginOf(
        ex({ url: API, status: 0, requestHeaders: { Origin: '%%%', Referer: 'chrome-extension://abc/x' } }),
        null,
      ).origin,
    ).toBeNull();
    expect(
      pageOriginOf(ex({ url: API, status: 0, requestHeaders: { Origin: 'HTTPS://APP.Example.com:443' } }), null).origin,
    ).toBe(PAGE);
  });

  it('compares origins exactly, opaque never same-origin', () => {
    expect(isCrossOrigin(PAGE, PAGE)).toBe(false);
    expect(isCrossOrigin(PAGE, 'https://app.example.com:8443')).toBe(true);
    expect(isCrossOrigin('null', 'null')).toBe(true);
  });
});

describe('isCorsMode', () => {
  it('reads Sec-Fetch-Mode, else the resource type and Origin', () => {
    expect(isCorsMode(ex({ url: API, status: 200, requestHeaders: { 'Sec-Fetch-Mode': 'CORS' } }))).toBe(true);
    expect(
      isCorsMode(ex({ url: API, status: 200, requestHeaders: { 'Sec-Fetch-Mode': 'no-cors', Origin: PAGE } })),
    ).toBe(false);
    expect(isCorsMode(ex({ url: API, status: 0, resourceType: 'xhr' }))).toBe(true);
    expect(isCorsMode(ex({ url: API, status: 0, resourceType: 'document', requestHeaders: { Origin: PAGE } }))).toBe(
      false,
    );
    expect(isCorsMode(ex({ url: API, status: 0, resourceType: 'script' }))).toBe(false);
    expect(isCorsMode(ex({ url: API, status: 0, resourceType: 'script', requestHeaders: { Origin: PAGE } }))).toBe(
      true,
    );
  });
});
