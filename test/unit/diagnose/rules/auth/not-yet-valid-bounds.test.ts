import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import type { Cause } from '../../../../../lib/core/causes';
import { CONFIDENCE, NUDGE } from '../../../../../lib/core/confidence';
import { NBF_LEEWAY_MS, tokenNotYetValidRule } from '../../../../../lib/diagnose/rules/auth/token-not-yet-valid';
import { DATE, makeJwt, ruleCauses, answered } from './support';

// auth.token_not_yet_valid as the user reads it: which claim (nbf before iat) is how far in the
// server's future, how sure (a leeway of 5 s for the Date's 1 s resolution, a minute for a real
// skew), what is quoted and advised. The rule runs alone. DATE is 2026-11-21T12:04:10Z.

const CLOCK_S = Date.parse(DATE) / 1000;

const run = (entry: Partial<EntrySpec>): Cause[] => ruleCauses(tokenNotYetValidRule, answered(401, entry));

const bearer = (claims: Record<string, unknown>) => ({ Authorization: `Bearer ${makeJwt(claims)}` });
/** A token whose nbf is `s` seconds after the Date (iat the same, exp an hour on). */
const nbfAhead = (s: number) => bearer({ nbf: CLOCK_S + s, iat: CLOCK_S + s, exp: CLOCK_S + 3600 });
const iatAhead = (s: number) => bearer({ iat: CLOCK_S + s, exp: CLOCK_S + 3600 });

describe("nbf after the server's clock", () => {
  it('names the claim, the gap, the instants compared, and the decoded claims', () => {
    const [c, ...rest] = run({ requestHeaders: nbfAhead(170) });
    expect(rest).toEqual([]);
    expect(c!.title).toBe("The bearer token is not valid yet: nbf is 2 min 50 s after the server's clock");
    expect(c!.summary).toBe(
      "The token says it may not be used before 2026-11-21T12:07:00Z (nbf), and the response's Date " +
        "is earlier. The issuer's clock is ahead of the server's, or the token was minted with a future nbf.",
    );
    expect(c!.evidence.map((e) => e.detail)).toEqual([
      'JWT nbf 2026-11-21T12:07:00Z > Date 2026-11-21T12:04:10Z',
      'JWT claims: alg=RS256, iat=2026-11-21T12:07:00Z, nbf=2026-11-21T12:07:00Z, exp=2026-11-21T13:04:10Z',
      '401',
    ]);
    expect(c!.fixes[0]).toMatch(/^Synchronise the clocks \(NTP\)/);
  });

  it('within the 5 s leeway it says nothing; past it, possible; past a minute, likely', () => {
    expect(NBF_LEEWAY_MS).toBe(5000);
    expect(run({ requestHeaders: nbfAhead(5) })).toEqual([]);
    expect(run({ requestHeaders: nbfAhead(6) })[0]!.confidence).toBe(CONFIDENCE.possiblePlus20);
    expect(run({ requestHeaders: nbfAhead(60) })[0]!.confidence).toBe(CONFIDENCE.possiblePlus20);
    expect(run({ requestHeaders: nbfAhead(61) })[0]!.confidence).toBe(CONFIDENCE.likelyPlus5);
  });

  it('nbf in the past is fine', () => {
    expect(run({ requestHeaders: bearer({ nbf: CLOCK_S - 600, iat: CLOCK_S - 600, exp: CLOCK_S + 600 }) })).toEqual([]);
  });
});

describe("iat after the server's clock (no nbf)", () => {
  it('is said as an issue time in the future', () => {
    const [c] = run({ requestHeaders: iatAhead(120) });
    expect(c!.title).toBe("The bearer token is not valid yet: iat is 2 min after the server's clock");
    expect(c!.summary).toBe(
      "The token claims it was issued at 2026-11-21T12:06:10Z (iat), after the response's Date. " +
        "The issuer's clock runs ahead of the server's; servers that check iat refuse such tokens.",
    );
    expect(c!.evidence[0]!.detail).toBe('JWT iat 2026-11-21T12:06:10Z > Date 2026-11-21T12:04:10Z');
  });

  it('a weaker reading than nbf: possible, a little more past a minute', () => {
    expect(run({ requestHeaders: iatAhead(5) })).toEqual([]);
    expect(run({ requestHeaders: iatAhead(6) })[0]!.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(run({ requestHeaders: iatAhead(60) })[0]!.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(run({ requestHeaders: iatAhead(61) })[0]!.confidence).toBe(CONFIDENCE.possiblePlus20);
  });

  it('nbf speaks when both are ahead, iat when only it is', () => {
    const both = bearer({ nbf: CLOCK_S + 30, iat: CLOCK_S + 600, exp: CLOCK_S + 3600 });
    const [c] = run({ requestHeaders: both });
    expect(c!.id).toBe('auth.token_not_yet_valid');
    expect(c!.title).toContain('nbf is 30 s after');
    expect(c!.evidence[0]).toEqual({
      where: 'token',
      name: 'authorization',
      detail: 'JWT nbf 2026-11-21T12:04:40Z > Date 2026-11-21T12:04:10Z',
    });
    const iatOnly = bearer({ nbf: CLOCK_S - 60, iat: CLOCK_S + 600, exp: CLOCK_S + 3600 });
    expect(run({ requestHeaders: iatOnly })[0]!.title).toContain('iat is 10 min after');
  });
});

describe('how sure, by where the token was and which clock was used', () => {
  it('a JWT in a cookie is a step less sure than the Authorization credential', () => {
    const jwt = makeJwt({ nbf: CLOCK_S + 120, exp: CLOCK_S + 3600 });
    const [c] = run({ requestHeaders: { Cookie: `session=${jwt}` } });
    expect(c!.title).toBe('The JWT in cookie "session" is not valid yet: nbf is 2 min after the server\'s clock');
    expect(c!.confidence).toBeCloseTo(CONFIDENCE.likelyPlus5 - NUDGE.secondaryToken, 10);
  });

  it('without a response Date (request start as the clock) it is less sure, and says which clock', () => {
    const [c] = run({ requestHeaders: nbfAhead(120), responseHeaders: {}, startedDateTime: DATE });
    expect(c!.confidence).toBeCloseTo(CONFIDENCE.likelyPlus5 - NUDGE.guessedClockNotYetValid, 10);
    expect(c!.summary).toContain("the request's start time (the response had no Date header)");
  });

  it('with no clock at all (no Date, an unreadable start time) it says nothing', () => {
    expect(run({ requestHeaders: nbfAhead(120), responseHeaders: {}, startedDateTime: 'not a date' })).toEqual([]);
  });

  it('a header the server cannot parse caps it at possible', () => {
    const jwt = makeJwt({ nbf: CLOCK_S + 120, exp: CLOCK_S + 3600 });
    const [c] = run({ requestHeaders: { Authorization: `Bearer Bearer ${jwt}` } });
    expect(c!.confidence).toBe(CONFIDENCE.possible);
    // Two spaces after the scheme is a likely flaw only: the server still read the token.
    const [d] = run({ requestHeaders: { Authorization: `Bearer  ${jwt}` } });
    expect(d!.confidence).toBe(CONFIDENCE.likelyPlus5);
  });

  it('only on the statuses a credential problem gives', () => {
    for (const status of [400, 401, 403, 407]) expect(run({ status, requestHeaders: nbfAhead(120) })).toHaveLength(1);
    for (const status of [404, 429, 500]) expect(run({ status, requestHeaders: nbfAhead(120) })).toEqual([]);
  });
});

describe("the server's words", () => {
  it('quotes error_description and ranks it likely', () => {
    const text = "IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom: '11/21/2026 12:10:00'";
    const [c] = run({
      requestHeaders: { Authorization: 'Bearer opaque-token-value' },
      responseHeaders: { Date: DATE, 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${text}"` },
    });
    expect(c!.id).toBe('auth.token_not_yet_valid');
    expect(c!.title).toBe(`The server says the token is not valid yet: "${text.slice(0, 79)}…"`);
    expect(c!.summary).toBe(
      'The server judged the token to be used before its validity starts (nbf / iat in its future): ' +
        'the clocks of the issuer and the server disagree.',
    );
    expect(c!.confidence).toBe(CONFIDENCE.likelyPlus3);
    expect(c!.evidence.map((e) => e.where)).toEqual(['response.header', 'response.status']);
  });

  it('an error without such words says nothing', () => {
    expect(
      run({
        requestHeaders: { Authorization: 'Bearer opaque-token-value' },
        responseHeaders: { Date: DATE, 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="bad"' },
      }),
    ).toEqual([]);
  });
});
