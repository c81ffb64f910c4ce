import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { API, DATE, cause, ids, makeJwt, sec } from './support';

// RFC 7519 §4.1.4: a JWT "MUST NOT be accepted for processing" on or after its exp. The server's
// clock is the response Date (RFC 9110 §6.6.1), here Sat, 21 Nov 2026 12:04:10 GMT.

const req = (headers: Record<string, string>, status = 401): EntrySpec[] => [
  { url: API, status, requestHeaders: headers, responseHeaders: { Date: DATE } },
];
const jwt = (exp: string, iat?: string) => makeJwt({ sub: 'u1', ...(iat ? { iat: sec(iat) } : {}), exp: sec(exp) });
const expired = (headers: Record<string, string>, status?: number) => cause(req(headers, status), 'auth.token_expired');

describe('auth.token_expired at its boundary', () => {
  it('exp exactly at the response Date is expired, said as "just before", with its lifetime', () => {
    const c = expired({ Authorization: `Bearer ${jwt('2026-11-21T12:04:10Z', '2026-11-21T11:04:10Z')}` });
    expect(c.title).toBe('The bearer token expired just before the request');
    expect(c.summary).toBe(
      "The bearer token carries exp 2026-11-21T12:04:10Z, which is the response's Date (Date 2026-11-21T12:04:10Z). " +
        'The server refuses expired tokens; the client kept using it instead of refreshing it. It was issued with a lifetime of 1 h.',
    );
    expect(c.evidence[0]!.detail).toBe('JWT exp 2026-11-21T12:04:10Z = Date 2026-11-21T12:04:10Z');
  });

  it('one second after the Date is still valid: no expiry reading', () => {
    expect(ids(req({ Authorization: `Bearer ${jwt('2026-11-21T12:04:11Z')}` }))).not.toContain('auth.token_expired');
  });

  it('one second before: "1 s before the request", exp < Date, and no lifetime sentence without iat', () => {
    const c = expired({ Authorization: `Bearer ${jwt('2026-11-21T12:04:09Z')}` });
    expect(c.title).toBe('The bearer token expired 1 s before the request');
    expect(c.summary).toMatch(/which is before the response's Date .* instead of refreshing it\.$/);
    expect(c.evidence[0]!.detail).toBe('JWT exp 2026-11-21T12:04:09Z < Date 2026-11-21T12:04:10Z');
  });

  it('the same expired token is a weaker reading on a 403 than on a 401', () => {
    const token = { Authorization: `Bearer ${jwt('2026-11-21T12:04:09Z')}` };
    expect(expired(token, 403).confidence).toBeLessThan(expired(token).confidence);
  });

  it('an expired JWT in a cookie speaks for the request when it is the only credential, weakly beside an Authorization header', () => {
    const cookie = `access_token=${jwt('2026-11-21T12:00:00Z')}`;
    const alone = expired({ Cookie: cookie });
    expect(alone.title).toBe('The JWT in cookie "access_token" expired 4 min 10 s before the request');
    const beside = expired({ Cookie: cookie, Authorization: 'Bearer mF_9.B5f-4.1JqM' });
    expect(beside.confidence).toBeLessThan(alone.confidence);
    expect(alone.confidence).toBeLessThan(
      expired({ Authorization: `Bearer ${jwt('2026-11-21T12:00:00Z')}` }).confidence,
    );
  });
});
