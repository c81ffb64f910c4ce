import { describe, expect, it } from 'vitest';
import { readRateLimit } from '../../../lib/inspect/rate-limit';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type HeaderSpec } from '../../support/har';

// What each documented family of rate-limit headers says, read whole: the window, its numbers, the
// reset as an instant and a delay from the response Date, and the headers quoted as sent.
// GitHub: https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api ;
// OpenAI: https://platform.openai.com/docs/guides/rate-limits ; Discord's reset-after:
// https://discord.com/developers/docs/topics/rate-limits ; IETF RateLimit fields, drafts 7 and 8:
// https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/ ; Shopify's call limit:
// https://shopify.dev/docs/api/usage/rate-limits ; Salesforce's Sforce-Limit-Info:
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm
const DATE = 'Sat, 21 Nov 2026 12:00:00 GMT';
const NOW = Date.parse(DATE);

function read(headers: HeaderSpec, status = 429, body?: string) {
  return readRateLimit(
    toExchange(
      makeEntry({
        url: 'https://api.example.com/x',
        status,
        responseHeaders: { Date: DATE, ...headers },
        ...(body ? { body, mimeType: 'text/html' } : {}),
      }),
      0,
    ),
  );
}

describe('rate-limit headers, family by family', () => {
  it('GitHub: one window from the x-ratelimit-* family, an epoch reset, the resource', () => {
    const r = read({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1795262460',
      'x-ratelimit-used': '5000',
      'x-ratelimit-resource': 'core',
    });
    expect(r.windows).toHaveLength(1);
    expect(r.windows[0]).toMatchObject({
      family: 'x-ratelimit',
      name: 'default',
      limit: 5000,
      remaining: 0,
      used: 5000,
      resetAt: 1795262460000,
      resetIn: 60_000,
      resetForm: 'epoch',
      quotes: [
        'x-ratelimit-limit: 5000',
        'x-ratelimit-remaining: 0',
        'x-ratelimit-reset: 1795262460',
        'x-ratelimit-used: 5000',
      ],
    });
    expect(r.exhausted).toEqual([r.windows[0]]);
    expect(r.resource).toBe('core');
  });

  it('OpenAI: one window per suffix, only the spent one exhausted, durations as delays', () => {
    const r = read({
      'x-ratelimit-limit-requests': '60',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-limit-tokens': '150000',
      'x-ratelimit-remaining-tokens': '149984',
      'x-ratelimit-reset-tokens': '6m0s',
    });
    expect(r.windows.map((w) => [w.name, w.limit, w.remaining, w.resetIn, w.resetForm])).toEqual([
      ['requests', 60, 0, 1000, 'duration'],
      ['tokens', 150000, 149984, 360_000, 'duration'],
    ]);
    expect(r.exhausted.map((w) => w.name)).toEqual(['requests']);
    expect(r.windows[0]!.resetAt).toBe(NOW + 1000);
  });

  it("Discord's reset-after and the unprefixed ratelimit-* family count seconds from now, not an epoch", () => {
    const discord = read({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '1.5' });
    expect(discord.windows[0]).toMatchObject({ name: 'default', resetIn: 1500, resetForm: 'delta' });
    const draft6 = read({ 'ratelimit-limit': '100', 'ratelimit-remaining': '0', 'ratelimit-reset': '30' });
    expect(draft6.windows[0]).toMatchObject({ family: 'ratelimit', limit: 100, resetIn: 30_000, resetForm: 'delta' });
    // The same 10-digit number: an epoch in the x- family, a (long) delay where the field only counts seconds.
    const epoch = read({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1795262460' });
    expect(epoch.windows[0]).toMatchObject({ resetForm: 'epoch', resetIn: 60_000 });
    const seconds = read({ 'ratelimit-remaining': '0', 'ratelimit-reset': '1795262460' });
    expect(seconds.windows[0]).toMatchObject({ resetForm: 'delta', resetIn: 1795262460_000 });
    const after = read({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '1795262460' });
    expect(after.windows[0]!.resetForm).toBe('delta');
  });

  it('the structured RateLimit field, draft 7 (a dictionary) with its policy', () => {
    const r = read({ RateLimit: 'limit=100, remaining=0, reset=30', 'RateLimit-Policy': '100;w=60' });
    expect(r.windows).toHaveLength(1);
    expect(r.windows[0]).toMatchObject({
      family: 'RateLimit',
      name: 'default',
      limit: 100,
      remaining: 0,
      resetIn: 30_000,
      windowSeconds: 60,
      termFrom: 'policy',
      quotes: ['RateLimit: limit=100, remaining=0, reset=30', 'RateLimit-Policy: 100;w=60'],
    });
  });

  it('draft 8 named items: each item its own window, each matched to its policy by name', () => {
    const r = read({
      RateLimit: '"burst";r=0;t=5, "daily";r=900;t=3600',
      'RateLimit-Policy': '"daily";q=1000;w=86400, "burst";q=10;w=1',
    });
    expect(r.windows.map((w) => [w.name, w.limit, w.remaining, w.resetIn, w.windowSeconds, w.term])).toEqual([
      ['burst', 10, 0, 5000, 1, 'short'],
      ['daily', 1000, 900, 3_600_000, 86400, 'long'],
    ]);
    expect(r.exhausted.map((w) => w.name)).toEqual(['burst']);
  });

  it('a policy without a name fits the one window there is, or the window whose limit it states', () => {
    const single = read({ RateLimit: '"api";r=3;t=10', 'RateLimit-Policy': '50;w=60' });
    expect(single.windows[0]).toMatchObject({ name: 'api', limit: 50, windowSeconds: 60 });
    const byLimit = read({
      'ratelimit-limit': '1000',
      'ratelimit-remaining': '10',
      'ratelimit-reset': '100',
      'RateLimit-Policy': '10;w=1, 1000;w=3600',
    });
    expect(byLimit.windows[0]).toMatchObject({ limit: 1000, windowSeconds: 3600 });
    const none = read({ RateLimit: '"api";r=3;t=10', 'RateLimit-Policy': '"other";q=5;w=1, "more";q=9;w=2' });
    expect(none.windows[0]!.windowSeconds).toBeUndefined();
    expect(none.windows[0]!.limit).toBeUndefined();
  });

  it('used/limit pairs: Shopify a leaky bucket, Salesforce a 24-hour quota', () => {
    const shopify = read({ 'X-Shopify-Shop-Api-Call-Limit': '40/40' });
    expect(shopify.windows[0]).toMatchObject({ name: 'bucket', used: 40, limit: 40, term: 'short' });
    expect(shopify.exhausted).toHaveLength(1);
    expect(read({ 'X-Shopify-Shop-Api-Call-Limit': '12/40' }).exhausted).toEqual([]);
    const sf = read({ 'Sforce-Limit-Info': 'api-usage=15000/15000' });
    expect(sf.windows[0]).toMatchObject({
      family: 'sforce-limit-info',
      name: 'day',
      used: 15000,
      limit: 15000,
      term: 'long',
      quotes: ['Sforce-Limit-Info: api-usage=15000/15000'],
    });
  });
});

describe('a window needs one number, any of them', () => {
  it('a limit alone, a count used alone, a reset alone each make a window', () => {
    expect(read({ 'x-ratelimit-limit': '100' }).windows.map((w) => w.limit)).toEqual([100]);
    expect(read({ 'x-ratelimit-used': '7' }).windows.map((w) => w.used)).toEqual([7]);
    expect(read({ 'x-ratelimit-reset': '1795262460' }).windows.map((w) => w.resetIn)).toEqual([60_000]);
    // A reset in seconds from now (the IETF draft's RateLimit-Reset) is a window on its own too.
    expect(read({ 'ratelimit-reset': '30' }).windows.map((w) => w.resetIn)).toEqual([30_000]);
  });

  it("GitHub's resource name is kept to 40 characters", () => {
    expect(read({ 'x-ratelimit-resource': 'r'.repeat(60), 'x-ratelimit-limit': '1' }).resource).toBe('r'.repeat(40));
  });
});

describe('what is not a limit', () => {
  it('a policy header, a family header with no field, a value that is no number', () => {
    expect(
      read({ 'x-ratelimit-policy': '100;w=60', 'x-ratelimit-bucket': 'abcd', 'x-ratelimit-limit': 'abc' }),
    ).toEqual({ windows: [], exhausted: [] });
  });

  it('a limit of 0 with 0 used is a window, not an exhausted one', () => {
    const r = read({ 'x-ratelimit-limit': '0', 'x-ratelimit-used': '0' });
    expect(r.windows).toHaveLength(1);
    expect(r.exhausted).toEqual([]);
  });
});

describe('Retry-After and its millisecond forms', () => {
  it('retry-after-ms (OpenAI) and x-ms-retry-after-ms (Azure) are milliseconds; the first header present speaks', () => {
    expect(read({ 'retry-after-ms': '1500', 'x-ms-retry-after-ms': '2000' }).retryAfter).toEqual({
      ms: 1500,
      form: 'ms',
      raw: '1500',
      header: 'retry-after-ms',
    });
    expect(read({ 'x-ms-retry-after-ms': ' 2000 ' }).retryAfter).toEqual({
      ms: 2000,
      form: 'ms',
      raw: '2000',
      header: 'x-ms-retry-after-ms',
    });
    expect(read({ 'retry-after-ms': '-5' }).retryAfter).toBeUndefined();
    expect(read({ 'retry-after-ms': '0' }).retryAfter?.ms).toBe(0);
  });

  it("Varnish's builtin Retry-After: 5 on its own synthetic page is no rate, except on a 429", () => {
    const page = '<html><body><h1>Error 403 Forbidden</h1><h3>Guru Meditation:</h3><p>XID: 32770</p></body></html>';
    const varnish = { 'Retry-After': '5', 'X-Varnish': '32770' };
    expect(read(varnish, 403, page).retryAfter).toBeUndefined();
    expect(read(varnish, 429, page).retryAfter?.header).toBe('retry-after');
    expect(read({ ...varnish, 'Retry-After': '6' }, 403, page).retryAfter?.header).toBe('retry-after');
    expect(read({ 'Retry-After': '5' }, 403, page).retryAfter?.header).toBe('retry-after');
    expect(read(varnish, 403, '<html><body>Forbidden</body></html>').retryAfter?.header).toBe('retry-after');
    // White space around a field value is not part of it (RFC 9110 §5.5); a HAR may keep it as read.
    expect(read({ ...varnish, 'Retry-After': ' 5 ' }, 403, page).retryAfter).toBeUndefined();
  });
});
