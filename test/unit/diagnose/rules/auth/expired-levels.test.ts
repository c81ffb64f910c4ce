import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import type { Cause } from '../../../../../lib/core/causes';
import { CONFIDENCE, NUDGE } from '../../../../../lib/core/confidence';
import { tokenExpiredRule } from '../../../../../lib/diagnose/rules/auth/token-expired';
import { DATE, makeJwt, ruleCauses, answered } from './support';

// auth.token_expired, the rule alone, at each level the user sees printed as a percentage: which
// token is the credential the server read (the Authorization one is certain; a JWT in a cookie
// is likely when it is the only one, weaker beside others), the guessed clock, a header the
// server cannot parse, a 400/403, and the server's own words (RFC 6750 §3's example
// error_description="The access token expired"). DATE is 2026-11-21T12:04:10Z.

const CLOCK_S = Date.parse(DATE) / 1000;
const old = makeJwt({ sub: 'u1', iat: CLOCK_S - 7200, exp: CLOCK_S - 3600 });
const other = makeJwt({ sub: 'u2', iat: CLOCK_S - 7200, exp: CLOCK_S - 60 });
const fresh = makeJwt({ sub: 'u3', exp: CLOCK_S + 3600 });

const run = (entry: Partial<EntrySpec>): Cause[] => ruleCauses(tokenExpiredRule, answered(401, entry));
const level = (entry: Partial<EntrySpec>) => run(entry)[0]!.confidence;

describe('how sure an expired JWT makes it', () => {
  it('the Authorization credential: certain, said with its lifetime and both instants', () => {
    const [c, ...rest] = run({ requestHeaders: { Authorization: `Bearer ${old}` } });
    expect(rest).toEqual([]);
    expect(c!.confidence).toBe(CONFIDENCE.certain);
    expect(c!.title).toBe('The bearer token expired 1 h before the request');
    expect(c!.id).toBe('auth.token_expired');
    expect(c!.summary).toBe(
      "The bearer token carries exp 2026-11-21T11:04:10Z, which is before the response's Date (Date 2026-11-21T12:04:10Z). " +
        'The server refuses expired tokens; the client kept using it instead of refreshing it. It was issued with a lifetime of 1 h.',
    );
    expect(c!.evidence.map((e) => e.where)).toEqual(['token', 'token', 'response.status']);
    expect(c!.evidence[0]!.detail).toBe('JWT exp 2026-11-21T11:04:10Z < Date 2026-11-21T12:04:10Z');
    expect(c!.fixes).toHaveLength(2);
  });

  it('a lone JWT in a cookie: likely; among several JWTs: possible and a little; beside an Authorization: possible', () => {
    expect(level({ requestHeaders: { Cookie: `at=${old}` } })).toBe(CONFIDENCE.likely);
    expect(level({ requestHeaders: { Cookie: `at=${old}; id=${fresh}` } })).toBe(CONFIDENCE.possiblePlus15);
    expect(level({ requestHeaders: { Cookie: `at=${old}`, Authorization: 'Basic dXNlcjpwYXNz' } })).toBe(
      CONFIDENCE.possible,
    );
  });

  it('the first expired token speaks, once', () => {
    const causes = run({ requestHeaders: { Authorization: `Bearer ${old}`, Cookie: `id=${other}` } });
    expect(causes).toHaveLength(1);
    expect(causes[0]!.title).toBe('The bearer token expired 1 h before the request');
  });

  it('a valid Authorization token does not hide an expired one elsewhere', () => {
    const [c] = run({ requestHeaders: { Authorization: `Bearer ${fresh}`, Cookie: `id=${other}` } });
    expect(c!.title).toBe('The JWT in cookie "id" expired 1 min before the request');
    expect(c!.confidence).toBe(CONFIDENCE.possible);
  });

  it('without a response Date the request start is the clock: less sure', () => {
    const c = level({ requestHeaders: { Authorization: `Bearer ${old}` }, responseHeaders: {}, startedDateTime: DATE });
    expect(c).toBeCloseTo(CONFIDENCE.certain - NUDGE.guessedClock, 10);
  });

  it('a 400 or 403 is a step less usual for an expired token than a 401 or 407', () => {
    const headers = { Authorization: `Bearer ${old}` };
    expect(level({ status: 407, requestHeaders: headers })).toBe(CONFIDENCE.certain);
    for (const status of [400, 403])
      expect(level({ status, requestHeaders: headers })).toBeCloseTo(CONFIDENCE.certain - NUDGE.unusualTokenStatus, 10);
    for (const status of [404, 429, 500]) expect(run({ status, requestHeaders: headers })).toEqual([]);
  });

  it('a header the server cannot parse never reached a lifetime check: at most possible', () => {
    expect(level({ requestHeaders: { Authorization: `Bearer Bearer ${old}` } })).toBe(CONFIDENCE.possible);
    // Two spaces after the scheme is a likely flaw only: the server still read the token.
    expect(level({ requestHeaders: { Authorization: `Bearer  ${old}` } })).toBe(CONFIDENCE.certain);
  });

  it('with no clock at all (no Date, an unreadable start time) it says nothing', () => {
    expect(
      run({ requestHeaders: { Authorization: `Bearer ${old}` }, responseHeaders: {}, startedDateTime: 'x' }),
    ).toEqual([]);
  });

  it('a JWT without exp has no lifetime to be over', () => {
    expect(run({ requestHeaders: { Authorization: `Bearer ${makeJwt({ sub: 'u1', iat: CLOCK_S - 60 })}` } })).toEqual(
      [],
    );
  });

  it('a second before the Date is "1 s before", not "just before"', () => {
    const [c] = run({ requestHeaders: { Authorization: `Bearer ${makeJwt({ exp: CLOCK_S - 1 })}` } });
    expect(c!.title).toBe('The bearer token expired 1 s before the request');
  });

  it('no lifetime sentence for a token issued without iat', () => {
    const [c] = run({ requestHeaders: { Authorization: `Bearer ${makeJwt({ exp: CLOCK_S - 30 })}` } });
    expect(c!.summary).toMatch(/instead of refreshing it\.$/);
    expect(c!.title).toBe('The bearer token expired 30 s before the request');
  });

  it('exp exactly at the Date: expired (RFC 7519 §4.1.4), said as "is" and "="', () => {
    const [c] = run({ requestHeaders: { Authorization: `Bearer ${makeJwt({ exp: CLOCK_S })}` } });
    expect(c!.summary).toMatch(/^The bearer token carries exp 2026-11-21T12:04:10Z, which is the response's Date \(/);
    expect(c!.evidence[0]!.detail).toBe('JWT exp 2026-11-21T12:04:10Z = Date 2026-11-21T12:04:10Z');
  });

  it('no lifetime sentence when iat is not before exp', () => {
    for (const iat of [CLOCK_S - 60, CLOCK_S - 30]) {
      const [c] = run({ requestHeaders: { Authorization: `Bearer ${makeJwt({ iat, exp: CLOCK_S - 60 })}` } });
      expect(c!.summary).toMatch(/instead of refreshing it\.$/);
    }
  });

  it('under a second before the Date is "just before the request"', () => {
    const [c] = run({
      requestHeaders: { Authorization: `Bearer ${makeJwt({ exp: CLOCK_S })}` },
      responseHeaders: { Date: DATE },
    });
    expect(c!.title).toBe('The bearer token expired just before the request');
  });
});

describe("the server's words", () => {
  const challenge = (description: string) => ({
    Date: DATE,
    'WWW-Authenticate': `Bearer realm="example", error="invalid_token", error_description="${description}"`,
  });

  it('quotes the description, names the error code, ranks it likely', () => {
    const [c] = run({
      requestHeaders: { Authorization: 'Bearer mF_9.B5f-4.1JqM' },
      responseHeaders: challenge('The access token expired'),
    });
    expect(c!.id).toBe('auth.token_expired');
    expect(c!.title).toBe('The server says the token expired: "The access token expired"');
    expect(c!.summary).toBe(
      'The Bearer challenge reports error="invalid_token" with a description about expiry (RFC 6750 §3). ' +
        "The access token's lifetime is over.",
    );
    expect(c!.confidence).toBe(CONFIDENCE.likelyPlus5);
    expect(c!.evidence).toEqual([
      {
        where: 'response.header',
        name: 'www-authenticate',
        detail:
          'WWW-Authenticate: Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      },
      { where: 'response.status', detail: '401' },
    ]);
  });

  it('beside an expired JWT both readings are kept: the token first', () => {
    const causes = run({
      requestHeaders: { Authorization: `Bearer ${old}` },
      responseHeaders: challenge('jwt expired'),
    });
    expect(causes.map((c) => c.confidence)).toEqual([CONFIDENCE.certain, CONFIDENCE.likelyPlus5]);
  });

  it('a challenge with a description and no error code does not quote an empty code', () => {
    const [c] = run({
      requestHeaders: { Authorization: 'Bearer mF_9.B5f-4.1JqM' },
      responseHeaders: { Date: DATE, 'WWW-Authenticate': 'Bearer error_description="The access token expired"' },
    });
    expect(c!.summary).toBe(
      "The Bearer challenge reports a description about expiry (RFC 6750 §3). The access token's lifetime is over.",
    );
  });

  it('other words say nothing', () => {
    expect(
      run({ requestHeaders: { Authorization: 'Bearer x' }, responseHeaders: challenge('Invalid signature') }),
    ).toEqual([]);
  });
});
