import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { makeHar, type EntrySpec } from '../../../support/har';

// Retry-After, both forms: RFC 9110 §10.2.3 (https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3);
// 429 with Retry-After: RFC 6585 §4 (https://www.rfc-editor.org/rfc/rfc6585#section-4).

const API = 'https://api.example.com/v1/search';
const T0 = Date.parse('2026-11-21T12:00:00Z');

function at(ms: number, response: Partial<EntrySpec> = {}): EntrySpec {
  const start = T0 + ms;
  return {
    url: API,
    status: 429,
    statusText: 'Too Many Requests',
    startedDateTime: new Date(start).toISOString(),
    body: '{"error":"rate limited"}',
    ...response,
    responseHeaders: {
      Date: new Date(start).toUTCString(),
      'Content-Type': 'application/json',
      'Retry-After': '30',
      ...response.responseHeaders,
    },
  };
}

const storm = (entries: EntrySpec[], i: number) =>
  diagnose(makeHar(entries), { all: true })[i]!.causes.find((c) => c.id === 'client.retry_storm');

describe('client.retry_storm', () => {
  const rapid = [0, 200, 400, 600, 800, 1000].map((ms) => at(ms));

  it('the sixth rapid call to a 429 with Retry-After: 30 carries it, beside rate_limit.exceeded', () => {
    const d = diagnose(makeHar(rapid))[5]!;
    const ids = d.causes.map((c) => c.id);
    expect(ids[0]).toBe('rate_limit.exceeded');
    expect(ids).toContain('client.retry_storm');
    const c = d.causes.find((x) => x.id === 'client.retry_storm')!;
    const text = c.evidence.map((e) => e.detail).join('\n');
    expect(text).toContain('call 6 in a row');
    expect(text).toContain('intervals between the calls: 200 ms, 200 ms, 200 ms, 200 ms, 200 ms');
    expect(text).toMatch(/Retry-After: 30 on the 429 .* asked for 30 s; this call came 188 ms after that answer/);
    expect(c.fixes.join(' ')).toMatch(/exponential backoff and jitter/);
    expect(c.fixes.join(' ')).toMatch(/Retry-After/);
  });

  it('the first refusal is not a storm', () => {
    expect(storm(rapid, 0)).toBeUndefined();
  });

  it('a retry that waited as told is not a storm, even after rapid ones', () => {
    expect(storm([at(0), at(31_000)], 1)).toBeUndefined();
    expect(storm([...rapid, at(1000 + 30_500)], 6)).toBeUndefined();
  });

  it('Retry-After as an HTTP-date is read against the response Date', () => {
    const date = (ms: number) => new Date(T0 + ms).toUTCString();
    const first = at(0, { responseHeaders: { 'Retry-After': date(60_000) } });
    expect(storm([first, at(5_000)], 1)).toBeDefined();
    expect(storm([first, at(61_000)], 1)).toBeUndefined();
  });

  it('an exhausted rate-limit window reset counts as the wait asked', () => {
    const limited = (ms: number) =>
      at(ms, {
        responseHeaders: {
          'Retry-After': [],
          'X-RateLimit-Limit': '60',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Math.floor((T0 + 45_000) / 1000)),
        },
      });
    const c = storm([limited(0), limited(2_000)], 1);
    expect(c?.evidence.map((e) => e.detail).join('\n')).toMatch(/x-ratelimit-reset: \d+ .* asked for 45 s/i);
    expect(storm([limited(0), limited(46_000)], 1)).toBeUndefined();
  });

  it('hammering a 401 at a steady pace without backoff is a storm from the fourth call', () => {
    const unauth = (ms: number) =>
      at(ms, {
        status: 401,
        statusText: 'Unauthorized',
        responseHeaders: { 'Retry-After': [], 'WWW-Authenticate': 'Bearer' },
      });
    const calls = [0, 500, 1000, 1500].map(unauth);
    expect(storm(calls, 2)).toBeUndefined();
    expect(storm(calls, 3)?.title).toMatch(/call 4 in a row/);
  });

  it('growing delays (exponential backoff) are not a storm', () => {
    const unauth = (ms: number) =>
      at(ms, { status: 401, responseHeaders: { 'Retry-After': [], 'WWW-Authenticate': 'Bearer' } });
    expect(storm([0, 500, 1500, 3500, 7500].map(unauth), 4)).toBeUndefined();
  });

  it('a success in between ends the run; another endpoint or method is another run', () => {
    const ok = at(300, { status: 200, responseHeaders: { 'Retry-After': [] } });
    expect(storm([at(0), ok, at(600)], 2)).toBeUndefined();
    const other = at(200, { url: 'https://api.example.com/v1/other' });
    expect(storm([other, at(400)], 1)).toBeUndefined();
    expect(storm([at(0, { method: 'POST' }), at(400)], 1)).toBeUndefined();
  });

  it('parallel calls (started before the first answer) did not read its Retry-After', () => {
    const slow = (ms: number) => ({ ...at(ms) });
    const har = makeHar([slow(0), slow(1)]);
    har.log.entries[0]!.time = 500;
    expect(diagnose(har)[1]!.causes.map((c) => c.id)).not.toContain('client.retry_storm');
  });
});
