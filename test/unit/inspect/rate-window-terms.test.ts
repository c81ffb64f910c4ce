// Rate limit or quota (lib/inspect/rate-window.ts): a window shorter than a day is waited out, a
// day or longer is a quota. Named windows are Kong's (X-RateLimit-Limit-Minute, -Day,
// https://docs.konghq.com/hub/kong-inc/rate-limiting/); the policy's "w" is the RateLimit header
// fields draft's (https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/).
import { describe, expect, it } from 'vitest';
import { LONG_WINDOW_SECONDS, unitSeconds, windowLabel, windowTerm } from '../../../lib/inspect/rate-window';

describe('windowTerm', () => {
  it("the policy's window first: under a day is short, a day or more long", () => {
    expect(windowTerm({ name: 'day', windowSeconds: 60 })).toEqual({
      term: 'short',
      termFrom: 'policy',
      windowSeconds: 60,
    });
    expect(windowTerm({ name: 'x', windowSeconds: LONG_WINDOW_SECONDS - 1 }).term).toBe('short');
    expect(windowTerm({ name: 'x', windowSeconds: LONG_WINDOW_SECONDS })).toEqual({
      term: 'long',
      termFrom: 'policy',
      windowSeconds: 86400,
    });
    // A window of 0 or less says nothing: the name speaks.
    expect(windowTerm({ name: 'day', windowSeconds: 0 })).toEqual({
      term: 'long',
      termFrom: 'name',
      windowSeconds: 86400,
    });
  });

  it("then the window's name, by its unit", () => {
    expect(windowTerm({ name: 'minute' })).toEqual({ term: 'short', termFrom: 'name', windowSeconds: 60 });
    expect(windowTerm({ name: 'Requests-Day' })).toEqual({ term: 'long', termFrom: 'name', windowSeconds: 86400 });
    expect(windowTerm({ name: 'monthly quota' })).toMatchObject({ term: 'long', windowSeconds: 30 * 86400 });
    expect(windowTerm({ name: 'plan' })).toEqual({ term: 'long', termFrom: 'name' });
    expect(windowTerm({ name: 'Billing' })).toEqual({ term: 'long', termFrom: 'name' });
  });

  it('then how far the reset is: past 65 minutes, a quota', () => {
    expect(windowTerm({ name: 'default', resetIn: 65 * 60 * 1000 })).toEqual({ term: 'short', termFrom: 'reset' });
    expect(windowTerm({ name: 'default', resetIn: 65 * 60 * 1000 + 1 })).toEqual({ term: 'long', termFrom: 'reset' });
    expect(windowTerm({ name: 'default', resetIn: 0 })).toEqual({ term: 'short', termFrom: 'reset' });
    expect(windowTerm({ name: 'default' })).toEqual({ term: 'short', termFrom: 'default' });
  });
});

describe('unitSeconds and windowLabel', () => {
  it('reads the unit from any word of the name', () => {
    expect(unitSeconds('X-RateLimit-Remaining-Hour')).toBe(3600);
    expect(unitSeconds('tokens_per_week')).toBe(7 * 86400);
    expect(unitSeconds('per second')).toBe(1);
    expect(unitSeconds('annual')).toBe(365 * 86400);
    expect(unitSeconds('default')).toBeUndefined();
  });

  it('names each common window, and others in seconds or by name', () => {
    const label = (windowSeconds: number | undefined, name = 'default') => windowLabel({ name, windowSeconds });
    expect([1, 60, 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400].map((s) => label(s))).toEqual([
      'per-second',
      'per-minute',
      'hourly',
      'daily',
      'weekly',
      'monthly',
      'yearly',
    ]);
    expect(label(30)).toBe('30-second');
    expect(label(undefined)).toBe('');
    expect(label(undefined, 'search')).toBe('"search"');
  });
});
