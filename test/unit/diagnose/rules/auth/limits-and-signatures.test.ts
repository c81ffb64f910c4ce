import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { API, DATE, cause, causesOf, ids } from './support';

const NOW = Date.parse(DATE) / 1000;
const res = (
  headers: Record<string, string>,
  status = 429,
  req: Record<string, string> = {},
  url = API,
): EntrySpec[] => [{ url, status, requestHeaders: req, responseHeaders: { Date: DATE, ...headers } }];

describe('rate_limit.exceeded and quota.exceeded', () => {
  it('GitHub 403 with x-ratelimit-remaining: 0 is a rate limit, not a permission problem', () => {
    const c = causesOf(
      res(
        {
          'x-ratelimit-limit': '60',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '60',
          'x-ratelimit-reset': String(NOW + 1500),
          'x-ratelimit-resource': 'core',
        },
        403,
      ),
    );
    expect(c[0]!.id).toBe('rate_limit.exceeded');
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(c[0]!.title).toBe('The "core" rate limit is used up (0 of 60 left); it resets in 25 min');
  });

  it('429 + Retry-After (delta seconds and HTTP-date)', () => {
    expect(cause(res({ 'Retry-After': '3600' }), 'rate_limit.exceeded').title).toBe(
      'Too many requests: the server asks to retry after 1 h',
    );
    expect(cause(res({ 'Retry-After': 'Sat, 21 Nov 2026 12:05:10 GMT' }), 'rate_limit.exceeded').title).toMatch(
      /retry after 1 min$/,
    );
  });

  it('GitHub secondary limit: 403 + Retry-After, remaining not zero', () => {
    const c = causesOf(res({ 'Retry-After': '60', 'x-ratelimit-remaining': '4000', 'x-ratelimit-limit': '5000' }, 403));
    expect(c[0]!.id).toBe('rate_limit.exceeded');
  });

  it('IETF RateLimit fields with a 60 s policy', () => {
    const c = cause(
      res({ RateLimit: 'limit=100, remaining=0, reset=30', 'RateLimit-Policy': '100;w=60' }),
      'rate_limit.exceeded',
    );
    expect(c.title).toBe('The per-minute rate limit is used up (0 of 100 left); it resets in 30 s');
  });

  it('an exhausted daily window is a quota, not a rate limit', () => {
    const c = causesOf(
      res({
        'X-RateLimit-Limit-Minute': '60',
        'X-RateLimit-Remaining-Minute': '59',
        'X-RateLimit-Limit-Day': '1000',
        'X-RateLimit-Remaining-Day': '0',
        'Retry-After': '40000',
      }),
    );
    expect(c[0]!.id).toBe('quota.exceeded');
    expect(c[0]!.title).toMatch(/^The daily quota is used up \(0 of 1000 left\)/);
    expect(c.find((x) => x.id === 'rate_limit.exceeded')?.confidence ?? 0).toBeLessThan(c[0]!.confidence);
  });

  it('a 429 whose headers still show room says so', () => {
    expect(
      cause(res({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '37' }), 'rate_limit.exceeded').title,
    ).toMatch(/still have room/);
  });

  it('stays quiet on 401 and on 403 without limit signals', () => {
    expect(ids(res({ 'x-ratelimit-remaining': '0' }, 401))).not.toContain('rate_limit.exceeded');
    expect(ids(res({ 'x-ratelimit-remaining': '10' }, 403))).not.toContain('rate_limit.exceeded');
  });
});

describe('signed_url.expired', () => {
  const s3 =
    'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261121%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261121T100000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

  it('X-Amz-Date + X-Amz-Expires before the Date', () => {
    const c = causesOf(res({}, 403, {}, s3));
    expect(c[0]!.id).toBe('signed_url.expired');
    expect(c[0]!.title).toBe('The presigned S3/AWS URL (SigV4) expired 1 h 4 min before the request');
    expect(c[0]!.evidence[0]!.detail).not.toMatch(/AKIA|aeeed9/);
    expect(c.map((x) => x.id)).not.toContain('auth.missing');
  });

  it('Azure SAS se= in the past, GCS V4 expiry', () => {
    expect(
      causesOf(
        res(
          {},
          403,
          {},
          'https://acct.blob.core.windows.net/c/report.pdf?sv=2022-11-02&se=2026-11-21T11:00:00Z&sr=b&sp=r&sig=abc%3D',
        ),
      )[0]!.id,
    ).toBe('signed_url.expired');
    expect(
      causesOf(
        res(
          {},
          403,
          {},
          'https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=sa%2F20261121%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261121T100000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=ab',
        ),
      )[0]!.id,
    ).toBe('signed_url.expired');
  });

  it('a URL still within its window is not expired', () => {
    expect(ids(res({}, 403, {}, s3.replace('X-Amz-Expires=3600', 'X-Amz-Expires=86400')))).not.toContain(
      'signed_url.expired',
    );
  });
});

describe('clock.skew', () => {
  const sig =
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=' +
    'b'.repeat(64);

  it('X-Amz-Date far from the response Date', () => {
    const c = causesOf(res({}, 403, { Authorization: sig, 'X-Amz-Date': '20261121T093000Z' }));
    expect(c[0]!.id).toBe('clock.skew');
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(c[0]!.title).toBe("The request signature time is 2 h 34 min behind the server's clock");
  });

  it('within 5 minutes is fine', () => {
    expect(ids(res({}, 403, { Authorization: sig, 'X-Amz-Date': '20261121T120200Z' }))).not.toContain('clock.skew');
  });

  it('Azure SAS st after the Date', () => {
    const c = causesOf(
      res(
        {},
        403,
        {},
        'https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&st=2026-11-21T12:10:00Z&se=2026-11-21T13:00:00Z&sr=b&sp=r&sig=abc',
      ),
    );
    expect(c[0]!.id).toBe('clock.skew');
    expect(c[0]!.title).toMatch(/SAS start time \(st\) is 5 min 50 s ahead/);
  });

  it('needs a real server clock', () => {
    expect(
      ids([
        {
          url: API,
          status: 403,
          requestHeaders: { Authorization: sig, 'X-Amz-Date': '20261121T093000Z' },
          startedDateTime: '2026-11-21T12:00:00Z',
        },
      ]),
    ).not.toContain('clock.skew');
  });
});
