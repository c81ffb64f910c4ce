import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { API, DATE, cause, causesOf, shownFor } from './support';

// What the user reads for a used-up rate limit or quota. Headers as documented: GitHub's
// x-ratelimit-* and 403 for a primary limit, Retry-After for a secondary one
// (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api), Kong's
// X-RateLimit-Limit-Minute / -Day (https://docs.konghq.com/hub/kong-inc/rate-limiting/), RFC 9110
// §10.2.3 Retry-After as delta-seconds or an HTTP-date.

const NOW = Date.parse(DATE) / 1000;
const res = (headers: Record<string, string>, status = 429): EntrySpec[] => [
  { url: API, status, requestHeaders: {}, responseHeaders: { Date: DATE, ...headers } },
];
const details = (entries: EntrySpec[], id: string) => cause(entries, id).evidence.map((e) => e.detail);

describe('rate_limit.exceeded: the window and its reset', () => {
  it('GitHub 403 whose reset is already past: says the window should have reset, quotes every header and the resource', () => {
    const entries = res(
      {
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '60',
        'x-ratelimit-reset': String(NOW - 5),
        'x-ratelimit-resource': 'core',
      },
      403,
    );
    expect(shownFor(entries, 'rate_limit.exceeded')).toMatchObject({
      title: 'The "core" rate limit is used up (0 of 60 left); the window should have reset by now',
      summary:
        'The server reports no requests left in this window and answered 403 (GitHub and some gateways use 403 for ' +
        'rate limits). Requests succeed again once the window resets.',
      evidence: [
        '403',
        'x-ratelimit-limit: 60',
        'x-ratelimit-remaining: 0',
        'x-ratelimit-used: 60',
        `x-ratelimit-reset: ${NOW - 5}`,
        'x-ratelimit-resource: core',
      ],
    });
  });

  it('each quoted header is named by its lower-case field name, as reports and the panel group it', () => {
    const c = cause(
      res(
        {
          'X-RateLimit-Limit': '60',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Resource': 'core',
          'Retry-After': '60',
        },
        403,
      ),
      'rate_limit.exceeded',
    );
    expect(c.evidence.slice(1)).toEqual([
      { where: 'response.header', name: 'x-ratelimit-limit', detail: 'x-ratelimit-limit: 60' },
      { where: 'response.header', name: 'x-ratelimit-remaining', detail: 'x-ratelimit-remaining: 0' },
      { where: 'response.header', name: 'retry-after', detail: 'retry-after: 60 (1 min)' },
      { where: 'response.header', name: 'x-ratelimit-resource', detail: 'x-ratelimit-resource: core' },
    ]);
  });

  it('a reset at the very second of the response Date has happened: "should have reset by now"', () => {
    const c = cause(
      res({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW) }),
      'rate_limit.exceeded',
    );
    expect(c.title).toBe('The rate limit is used up (0 of 60 left); the window should have reset by now');
  });

  it('a 429 naming only the limit and how much was used counts it as used; only a remaining count says "left"', () => {
    const used = res({ 'x-ratelimit-limit': '5000', 'x-ratelimit-used': '5000' });
    expect(cause(used, 'rate_limit.exceeded').title).toBe('The rate limit is used up (5000 of 5000 used)');
    expect(cause(used, 'rate_limit.exceeded').summary).toBe(
      'The server reports no requests left in this window. Requests succeed again once the window resets.',
    );
    expect(cause(res({ 'x-ratelimit-remaining': '0' }), 'rate_limit.exceeded').title).toBe(
      'The rate limit is used up (0 left)',
    );
  });

  it('Retry-After as an HTTP-date is shown with how far after the response Date it lies; as seconds, with the duration', () => {
    expect(details(res({ 'Retry-After': 'Sat, 21 Nov 2026 12:05:10 GMT' }), 'rate_limit.exceeded')).toEqual([
      '429',
      'retry-after: Sat, 21 Nov 2026 12:05:10 GMT (1 min after the response Date)',
    ]);
    expect(details(res({ 'Retry-After': '60' }), 'rate_limit.exceeded')).toEqual(['429', 'retry-after: 60 (1 min)']);
  });

  it("GitHub's secondary limit (403 + Retry-After) is named, and is less sure than a 429 saying the same", () => {
    const c = cause(res({ 'Retry-After': '60' }, 403), 'rate_limit.exceeded');
    expect(c.summary).toBe(
      'The 403 carries retry-after, which GitHub documents for secondary rate limits answered with 403: the client is being throttled.',
    );
    const at429 = cause(res({ 'Retry-After': '60' }), 'rate_limit.exceeded');
    expect(at429.summary).toBe('The 429 carries retry-after: the client is being throttled.');
    expect(c.confidence).toBeLessThan(at429.confidence);
  });
});

describe('quota.exceeded: a long window', () => {
  it('a window inferred from a reset hours away: a quota, said so, and less sure than a named daily window', () => {
    const entries = res({
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(NOW + 5 * 3600),
    });
    const c = cause(entries, 'quota.exceeded');
    expect(c.title).toBe('The quota is used up (0 of 1000 left); it resets in 5 h');
    expect(c.summary).toBe(
      'The exhausted limit is a long window (its reset is hours away): retrying in a few seconds will not help.',
    );
    const named = cause(res({ 'X-RateLimit-Limit-Day': '1000', 'X-RateLimit-Remaining-Day': '0' }), 'quota.exceeded');
    expect(named.summary).toMatch(/^The exhausted limit is a long window \(a day or longer\)/);
    expect(c.confidence).toBeLessThan(named.confidence);
  });

  it('Kong with both the minute and the day used up: the minute limit first, the daily quota beside it', () => {
    const entries = res({
      'X-RateLimit-Limit-Minute': '60',
      'X-RateLimit-Remaining-Minute': '0',
      'X-RateLimit-Limit-Day': '1000',
      'X-RateLimit-Remaining-Day': '0',
    });
    const c = causesOf(entries);
    expect(c.map((x) => x.id).slice(0, 2)).toEqual(['rate_limit.exceeded', 'quota.exceeded']);
    expect(c[0]!.title).toBe('The per-minute rate limit is used up (0 of 60 left)');
    // Each cause quotes its own window only.
    expect(details(entries, 'rate_limit.exceeded')).toEqual([
      '429',
      'x-ratelimit-limit-minute: 60',
      'x-ratelimit-remaining-minute: 0',
    ]);
    expect(details(entries, 'quota.exceeded')).toEqual([
      '429',
      'x-ratelimit-limit-day: 1000',
      'x-ratelimit-remaining-day: 0',
    ]);
    // With the minute window still open, the daily quota alone is surer still.
    const dayOnly = cause(
      res({
        'X-RateLimit-Limit-Minute': '60',
        'X-RateLimit-Remaining-Minute': '10',
        'X-RateLimit-Limit-Day': '1000',
        'X-RateLimit-Remaining-Day': '0',
      }),
      'quota.exceeded',
    );
    expect(dayOnly.confidence).toBeGreaterThan(c[1]!.confidence);
  });

  it('a 429 whose windows still have room quotes them, and explains another limit tripped', () => {
    const entries = res({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '37' });
    expect(cause(entries, 'rate_limit.exceeded').summary).toMatch(/^The rate-limit headers show requests left/);
    expect(details(entries, 'rate_limit.exceeded')).toEqual([
      '429',
      'x-ratelimit-limit: 100',
      'x-ratelimit-remaining: 37',
    ]);
  });
});
