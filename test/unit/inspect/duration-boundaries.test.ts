import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../lib/inspect/jwt';
import { clockLabel, clockName, describeDuration, jwtTiming } from '../../../lib/inspect/token-timing';
import { makeJwt, sec } from './support';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

// A title says "expired 59 s ago" or "expired 1 min ago": each unit takes over exactly when the
// smaller one reaches a whole unit, never one step early or late.
describe('describeDuration: each unit starts at exactly one of itself', () => {
  it.each([
    [0, '0 ms'],
    [999, '999 ms'],
    [1000, '1 s'],
    [59_999, '59 s'],
    [60_000, '1 min'],
    [59 * MIN + 59 * S, '59 min'],
    [H, '1 h'],
    [23 * H + 59 * MIN, '23 h 59 min'],
    [D, '1 d'],
    [364 * D, '364 d'],
    [365 * D, '1 year'],
    [2 * 365 * D, '2 years'],
  ])('%d ms → %j', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });

  // Seconds matter next to a few minutes, hours next to a few days; past ten they are noise.
  it('keeps the smaller unit only while the larger one is under ten', () => {
    expect(describeDuration(9 * MIN + 59 * S)).toBe('9 min 59 s');
    expect(describeDuration(10 * MIN + 30 * S)).toBe('10 min');
    expect(describeDuration(5 * MIN)).toBe('5 min');
    expect(describeDuration(9 * D + 23 * H)).toBe('9 d 23 h');
    expect(describeDuration(10 * D + 5 * H)).toBe('10 d');
    expect(describeDuration(3 * D)).toBe('3 d');
  });

  it('reads a gap the same in either direction, and names a non-number', () => {
    expect(describeDuration(-(2 * H + 4 * MIN))).toBe('2 h 4 min');
    expect(describeDuration(-999)).toBe('999 ms');
    expect(describeDuration(Infinity)).toBe('an unknown time');
    expect(describeDuration(-Infinity)).toBe('an unknown time');
  });
});

describe('jwtTiming: which claims are real times', () => {
  const clock = Date.UTC(2026, 10, 21, 12, 0, 0);
  const at = { clock, clockSource: 'response Date' as const };
  const timing = (claims: Record<string, unknown>) => {
    const d = decodeJwt(makeJwt(claims));
    if (!d.ok) throw new Error(d.error);
    return jwtTiming(d.jwt, at)!;
  };

  it('a token expiring at the very second of the clock is 0 ms past exp, not missing', () => {
    expect(timing({ exp: clock / 1000 }).pastExp).toBe(0);
  });

  // 253402300799 s is 9999-12-31T23:59:59Z, the last second an ISO 8601 four-digit year can show.
  it('keeps the last representable second and drops the one after', () => {
    expect(timing({ exp: 253402300799 }).pastExp).toBe(clock - 253402300799 * 1000);
    expect(timing({ exp: 253402300800 }).pastExp).toBeUndefined();
    expect(timing({ nbf: 253402300800 }).untilNbf).toBeUndefined();
    expect(timing({ iat: -253402300800 }).iatAhead).toBeUndefined();
  });

  it('reads times before 1970 (negative seconds) as times', () => {
    expect(timing({ exp: -1 }).pastExp).toBe(clock + 1000);
  });

  it('reports an iat in the future and the lifetime only when exp and iat are both there', () => {
    const t = timing({ iat: sec('2026-11-21T12:05:00Z'), exp: sec('2026-11-21T13:05:00Z') });
    expect(t.iatAhead).toBe(5 * MIN);
    expect(t.lifetime).toBe(H);
    expect(timing({ exp: sec('2026-11-21T13:05:00Z') }).lifetime).toBeUndefined();
    expect(timing({ iat: sec('2026-11-21T12:05:00Z') }).lifetime).toBeUndefined();
    expect(timing({ exp: sec('2026-11-21T13:05:00Z'), iat: 1e20 }).lifetime).toBeUndefined();
  });

  it('names the clock it compared with', () => {
    expect(clockLabel({ clock, clockSource: 'request start' })).toBe('request start 2026-11-21T12:00:00Z');
    expect(clockLabel({ clock: null, clockSource: 'none' })).toBe('no clock');
    expect(clockName({ clockSource: 'response Date' })).toBe("the response's Date");
    expect(clockName({ clockSource: 'request start' })).toMatch(/request's start time .*no Date/);
  });
});
