import { describe, expect, it } from 'vitest';
import { readRateLimit } from '../../../lib/inspect/rate-limit';
import { parseDuration, parseReset, parseRetryAfter, parseSfList } from '../../../lib/inspect/rate-limit-fields';
import { windowTerm } from '../../../lib/inspect/rate-window';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type HeaderSpec } from '../../support/har';

const DATE = 'Sat, 21 Nov 2026 12:00:00 GMT';
const NOW = Date.parse(DATE);
const read = (headers: HeaderSpec, status = 429) =>
  readRateLimit(
    toExchange(
      makeEntry({ url: 'https://api.example.com/v1/x', status, responseHeaders: { Date: DATE, ...headers } }),
      0,
    ),
  );

describe('rate-limit fields', () => {
  it('tells delta-seconds from epoch seconds and epoch ms', () => {
    expect(parseReset('30', NOW)).toEqual({ in: 30_000, at: NOW + 30_000, form: 'delta' });
    expect(parseReset(String(NOW / 1000 + 600), NOW)).toMatchObject({ in: 600_000, form: 'epoch' });
    expect(parseReset(String(NOW + 5000), NOW)).toMatchObject({ in: 5000, form: 'epoch' });
    expect(parseReset('1479310800', NOW, true)?.form).toBe('delta');
  });

  it('reads Go durations and dates', () => {
    expect(parseDuration('6m0s')).toBe(360_000);
    expect(parseDuration('1h2m3.5s')).toBe(3_723_500);
    expect(parseDuration('20ms')).toBe(20);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseReset('2026-11-21T12:00:30Z', NOW)).toMatchObject({ in: 30_000, form: 'date' });
    expect(parseReset('banana', NOW)).toBeUndefined();
  });

  it('reads Retry-After in both RFC 9110 forms, the date against the response Date', () => {
    expect(parseRetryAfter('120', NOW)).toEqual({ ms: 120_000, form: 'seconds', raw: '120' });
    expect(parseRetryAfter('Sat, 21 Nov 2026 12:05:00 GMT', NOW)).toMatchObject({ ms: 300_000, form: 'date' });
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('later', NOW)).toBeUndefined();
  });

  it('parses structured-field lists and dictionaries', () => {
    expect(parseSfList('"default";r=0;t=30')).toEqual([{ value: 'default', params: { r: '0', t: '30' } }]);
    expect(parseSfList('100;w=60, 1000;w=3600')).toEqual([
      { value: '100', params: { w: '60' } },
      { value: '1000', params: { w: '3600' } },
    ]);
    expect(parseSfList('limit=100, remaining=0, reset=30').map((i) => [i.params.key, i.value])).toEqual([
      ['limit', '100'],
      ['remaining', '0'],
      ['reset', '30'],
    ]);
    // A key=value member's key is case-insensitive and spaced freely; a quoted string is a value, '=' and all.
    expect(parseSfList('Limit = 100, REMAINING=0;w=5, "a=b";x=1')).toEqual([
      { value: '100', params: { key: 'limit' } },
      { value: '0', params: { w: '5', key: 'remaining' } },
      { value: 'a=b', params: { x: '1' } },
    ]);
  });
});

describe('readRateLimit', () => {
  it('reads GitHub: epoch reset, used, resource', () => {
    const r = read(
      {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(NOW / 1000 + 1800),
        'x-ratelimit-resource': 'core',
      },
      403,
    );
    expect(r.resource).toBe('core');
    expect(r.exhausted).toHaveLength(1);
    expect(r.exhausted[0]).toMatchObject({
      family: 'x-ratelimit',
      name: 'default',
      limit: 5000,
      remaining: 0,
      used: 5000,
      resetIn: 1_800_000,
      term: 'short',
    });
  });

  it('reads IETF RateLimit-* with a policy window', () => {
    const r = read({
      'RateLimit-Limit': '100',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '50',
      'RateLimit-Policy': '100;w=60',
    });
    expect(r.exhausted[0]).toMatchObject({
      family: 'ratelimit',
      limit: 100,
      remaining: 0,
      resetIn: 50_000,
      windowSeconds: 60,
      term: 'short',
      termFrom: 'policy',
    });
  });

  it('reads the structured RateLimit header, draft 7 and draft 8+ forms', () => {
    expect(read({ RateLimit: 'limit=100, remaining=0, reset=30' }).exhausted[0]).toMatchObject({
      limit: 100,
      remaining: 0,
      resetIn: 30_000,
    });
    const r = read({ RateLimit: '"daily";r=0;t=36000', 'RateLimit-Policy': '"daily";q=1000;w=86400' });
    expect(r.exhausted[0]).toMatchObject({
      name: 'daily',
      limit: 1000,
      remaining: 0,
      windowSeconds: 86400,
      term: 'long',
    });
  });

  it('reads per-window variants and tells rate limits from quotas', () => {
    const r = read({
      'X-RateLimit-Limit-Minute': '60',
      'X-RateLimit-Remaining-Minute': '12',
      'X-RateLimit-Limit-Day': '1000',
      'X-RateLimit-Remaining-Day': '0',
    });
    expect(r.windows.map((w) => [w.name, w.term])).toEqual([
      ['minute', 'short'],
      ['day', 'long'],
    ]);
    expect(r.exhausted.map((w) => w.name)).toEqual(['day']);
  });

  it('reads OpenAI requests/tokens windows with Go-duration resets', () => {
    const r = read({
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-remaining-requests': '499',
      'x-ratelimit-reset-requests': '120ms',
      'x-ratelimit-limit-tokens': '30000',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '6m0s',
    });
    expect(r.exhausted).toHaveLength(1);
    expect(r.exhausted[0]).toMatchObject({ name: 'tokens', resetIn: 360_000, term: 'short' });
  });

  it('reads Anthropic-style prefixed headers with RFC 3339 resets', () => {
    const r = read({
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': '2026-11-21T12:00:20Z',
    });
    expect(r.exhausted[0]).toMatchObject({ name: 'requests', resetIn: 20_000 });
  });

  it('reads Discord reset-after as a delta', () => {
    const r = read({ 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '1.5' });
    expect(r.exhausted[0]?.resetIn).toBe(1500);
  });

  it('treats a reset hours away as a quota when nothing else says', () => {
    const r = read({
      'X-RateLimit-Limit': '10000',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(NOW / 1000 + 9 * 3600),
    });
    expect(r.exhausted[0]).toMatchObject({ term: 'long', termFrom: 'reset' });
  });

  it('reads Retry-After and the Azure ms variant', () => {
    expect(read({ 'Retry-After': '30' }).retryAfter).toMatchObject({ ms: 30_000, header: 'retry-after' });
    expect(read({ 'Retry-After': 'Sat, 21 Nov 2026 12:01:00 GMT' }).retryAfter).toMatchObject({
      ms: 60_000,
      form: 'date',
    });
    expect(read({ 'retry-after-ms': '1500' }).retryAfter).toMatchObject({ ms: 1500, form: 'ms' });
  });

  it('reads used/limit pairs (Shopify bucket, Salesforce daily allocation)', () => {
    expect(read({ 'X-Shopify-Shop-Api-Call-Limit': '40/40' }).exhausted[0]).toMatchObject({
      used: 40,
      limit: 40,
      term: 'short',
    });
    expect(read({ 'Sforce-Limit-Info': 'api-usage=15000/15000' }).exhausted[0]).toMatchObject({ term: 'long' });
  });

  it('returns nothing for unrelated or junk headers', () => {
    const r = read({ 'x-ratelimit-remaining': 'lots', 'x-ratelimit-bucket': 'abc', 'x-request-id': '1' });
    expect(r.windows).toEqual([]);
    expect(r.exhausted).toEqual([]);
  });

  it('classifies windows', () => {
    expect(windowTerm({ name: 'hour' }).term).toBe('short');
    expect(windowTerm({ name: 'month' }).term).toBe('long');
    expect(windowTerm({ name: 'monthly-quota' }).term).toBe('long');
    expect(windowTerm({ name: 'default', windowSeconds: 86400 }).term).toBe('long');
    expect(windowTerm({ name: 'default' })).toEqual({ term: 'short', termFrom: 'default' });
  });
});
