// The session account word for word, from the facts the session model found (not from a HAR:
// session.test.ts covers finding them). Each sentence is what a developer reads to learn when
// refusals started, what a token's lifetime was, whether the client honoured a rate limit and
// what changed in the credentials; a wrong count, instant or plural misleads them.
import { describe, expect, it } from 'vitest';
import type { SessionOrigin, SessionRateLimit, SessionToken } from '../../../lib/report/session-model';
import { sessionGlance } from '../../../lib/report/session-glance';
import { absoluteText, offsetLabel, relativeLabel, sessionSentences } from '../../../lib/report/session-text';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function origin(over: Partial<SessionOrigin> = {}): SessionOrigin {
  return {
    origin: 'https://api.example',
    calls: 9,
    refused: 2,
    captureStart: T0,
    tokens: [],
    rateLimits: [],
    credentialChanges: [],
    lines: [],
    parts: [],
    ...over,
  };
}
const refusal = {
  index: 4,
  at: '',
  ms: T0 + 3000,
  status: 401,
  method: 'GET',
  path: '/me',
  cause: 'auth.token_expired',
};
const success = { index: 2, at: '', ms: T0 + 1000, status: 200 };
const token = (over: Partial<SessionToken> = {}): SessionToken => ({
  label: 'token 1',
  calls: 3,
  callsAfterExpiry: 0,
  ...over,
});
const rate = (over: Partial<SessionRateLimit> = {}): SessionRateLimit => ({
  name: 'X-RateLimit',
  askedToWait: 0,
  retriedTooSoon: 0,
  waitedAsTold: 0,
  hammered: 0,
  ...over,
});
const lines = (o: SessionOrigin) => sessionSentences(o).map(absoluteText);

describe('instants', () => {
  it('are absolute in reports', () => {
    expect(absoluteText(['a ', { at: T0 }, ' b'])).toBe(`a at ${iso(T0)} b`);
  });

  it('are offsets from the capture in the panel: tenths of a second under 10 s, then a duration', () => {
    expect(offsetLabel(0)).toBe('+0.0 s');
    expect(offsetLabel(-5)).toBe('+0.0 s');
    expect(offsetLabel(2149)).toBe('+2.1 s');
    expect(offsetLabel(9999)).toBe('+10.0 s');
    expect(offsetLabel(10_000)).toBe('+10 s');
    expect(offsetLabel(250_000)).toBe('+4 min 10 s');
  });

  it('say "before the capture began" rather than a negative offset, and are absolute without a start', () => {
    expect(relativeLabel(T0 + 2100, T0)).toBe('at +2.1 s');
    expect(relativeLabel(T0, T0)).toBe('at +0.0 s');
    expect(relativeLabel(T0 - 7_200_000, T0)).toBe('2 h before the capture began');
    expect(relativeLabel(T0, null)).toBe(`at ${iso(T0)}`);
  });
});

describe('when refusals started', () => {
  it('names the first refusal, its cause, and the share of calls refused', () => {
    expect(lines(origin({ firstRefusal: refusal }))).toEqual([
      `Refusals started at ${iso(T0 + 3000)} with #4 GET /me → 401 (auth.token_expired); 2 of 9 calls to https://api.example were refused.`,
    ]);
  });

  it('names the entry when the instant is unknown, and leaves out an empty cause', () => {
    expect(lines(origin({ firstRefusal: { ...refusal, ms: undefined, cause: '' } }))).toEqual([
      'Refusals started at entry #4 with #4 GET /me → 401; 2 of 9 calls to https://api.example were refused.',
    ]);
  });

  it('gives the last success before, and whether the credentials changed between them', () => {
    expect(lines(origin({ firstRefusal: refusal, lastSuccessBefore: success })).slice(1)).toEqual([
      `The last success before that was #2 at ${iso(T0 + 1000)} (200).`,
      'The last success (#2) and the first refusal (#4) sent the same credentials: what changed is time or the server.',
    ]);
    const changed = origin({
      firstRefusal: refusal,
      lastSuccessBefore: { ...success, ms: undefined },
      credentialChanges: ['Authorization changed', 'cookie sid dropped'],
    });
    expect(lines(changed).slice(1)).toEqual([
      'The last success before that was #2 (200).',
      'Between the last success (#2) and the first refusal (#4): Authorization changed; cookie sid dropped.',
    ]);
  });

  it('says nothing of credentials without both a success and a refusal', () => {
    expect(lines(origin({ lastSuccessBefore: success }))).toEqual([
      `The last success before that was #2 at ${iso(T0 + 1000)} (200).`,
    ]);
    expect(lines(origin())).toEqual([]);
  });
});

describe('tokens', () => {
  it('without an expiry: only how often it was used, one call or many', () => {
    expect(lines(origin({ tokens: [token({ calls: 1 }), token({ label: 'token 2', lifetime: '1 h' })] }))).toEqual([
      'token 1 was used in 1 call.',
      'token 2 (lifetime 1 h) was used in 3 calls.',
    ]);
  });

  it('puts the lifetime inside a label that already has a parenthesis', () => {
    const t = token({ label: 'token 1 (sub u1, iss acme)', lifetime: '1 h', expiresMs: T0 + 60_000 });
    expect(lines(origin({ tokens: [t] }))).toEqual([
      `token 1 (sub u1, iss acme; lifetime 1 h) was used in 3 calls; it expires at ${iso(T0 + 60_000)}.`,
    ]);
  });

  it('that expired: when, how many calls still carried it, and the first of them', () => {
    const t = token({
      expiresMs: T0 + 1000,
      callsAfterExpiry: 2,
      firstUseAfterExpiry: { index: 5, at: '', ms: T0 + 4000, status: 401 },
    });
    expect(lines(origin({ tokens: [t] }))).toEqual([
      `token 1 was used in 3 calls; it expired at ${iso(T0 + 1000)}, and 2 calls still carried it, the first #5 at ${iso(T0 + 4000)} → 401.`,
    ]);
    const once = token({ expiresMs: T0, callsAfterExpiry: 1, firstUseAfterExpiry: { index: 5, at: '', status: 403 } });
    expect(lines(origin({ tokens: [once] }))).toEqual([
      `token 1 was used in 3 calls; it expired at ${iso(T0)}, and 1 call still carried it, the first #5 → 403.`,
    ]);
  });
});

describe('rate limits', () => {
  it('a window that ran out, with no retry while it applied', () => {
    const r = rate({
      limit: 60,
      exhaustedAt: { index: 7, at: '', ms: T0 + 5000 },
      askedToWait: 1,
      longestWait: 'Retry-After: 30',
    });
    expect(lines(origin({ rateLimits: [r] }))).toEqual([
      `Rate limit X-RateLimit (limit 60) ran out at ${iso(T0 + 5000)} (#7); 1 refusal asked to wait (up to Retry-After: 30); no retry was made while it applied.`,
    ]);
  });

  it('Retry-After alone is "Throttling"; the lowest remaining when it never ran out; one or many retries honoured', () => {
    expect(lines(origin({ rateLimits: [rate({ name: 'Retry-After', askedToWait: 2, waitedAsTold: 1 })] }))).toEqual([
      'Throttling; 2 refusals asked to wait; the client honoured it (1 retry waited as told).',
    ]);
    expect(lines(origin({ rateLimits: [rate({ lowestRemaining: 0, waitedAsTold: 3 })] }))).toEqual([
      'Rate limit X-RateLimit lowest remaining 0; 0 refusals asked to wait; the client honoured it (3 retries waited as told).',
    ]);
  });

  it('names each way the client did not honour it, and only those that happened', () => {
    const say = (r: Partial<SessionRateLimit>) =>
      lines(origin({ rateLimits: [rate(r)] }))[0]!
        .split('; ')
        .at(-1);
    expect(say({ retriedTooSoon: 1 })).toBe('the client did not honour it: 1 retry came sooner than asked.');
    expect(say({ retriedTooSoon: 2, hammered: 3, waitedAsTold: 1 })).toBe(
      'the client did not honour it: 2 retries came sooner than asked, 3 hammered without backoff, 1 waited as told.',
    );
    expect(say({ retriedTooSoon: 1, hammered: 1 })).toBe(
      'the client did not honour it: 1 retry came sooner than asked, 1 hammered without backoff.',
    );
    expect(say({ hammered: 1 })).toBe(
      'the client did not honour it: 0 retries came sooner than asked, 1 hammered without backoff.',
    );
  });

  it('cuts a quoted wait at 80 characters', () => {
    const r = rate({ askedToWait: 1, longestWait: 'w'.repeat(100) });
    expect(lines(origin({ rateLimits: [r] }))[0]).toContain(`(up to ${'w'.repeat(79)}…)`);
  });
});

describe('the account at a glance', () => {
  const expired = token({
    expiresMs: T0 + 1000,
    callsAfterExpiry: 1,
    firstUseAfterExpiry: { index: 5, at: '', status: 401 },
  });

  it('one origin, no facts: how many calls were refused and the first', () => {
    const g = sessionGlance([origin({ calls: 1, refused: 1, firstRefusal: { ...refusal, cause: '' } })]);
    expect(g.headline).toBe('1 origin refused calls');
    expect(g.origins[0]!.line).toEqual(['1 of 1 call refused', ', the first ', { at: T0 + 3000 }]);
    expect(sessionGlance([origin({ firstRefusal: { ...refusal, ms: undefined } })]).origins[0]!.line).toEqual([
      '2 of 9 calls refused',
      ', the first ',
      'entry #4',
      ' (auth.token_expired)',
    ]);
  });

  it('how long before (or after) the first refusal the token expired', () => {
    const before = sessionGlance([origin({ firstRefusal: refusal, tokens: [expired] })]);
    expect(before.headline).toBe('1 origin refused calls · token expired 2 s before the first refusal');
    expect(before.origins[0]!.line.at(-1)).toBe(' · token expired 2 s before the first refusal');
    const after = origin({ firstRefusal: { ...refusal, ms: T0 }, tokens: [expired] });
    expect(sessionGlance([after]).headline).toBe('1 origin refused calls · token expired 1 s after the first refusal');
    const at = origin({ firstRefusal: { ...refusal, ms: T0 + 1000 }, tokens: [expired] });
    expect(sessionGlance([at]).headline).toBe('1 origin refused calls · token expired 0 ms before the first refusal');
    expect(sessionGlance([origin({ tokens: [expired] })]).headline).toBe(
      '1 origin refused calls · a token was used after it expired',
    );
  });

  it("a token used after expiry but with no known expiry is no fact; a later origin's fact still counts", () => {
    const noExp = token({ callsAfterExpiry: 1, firstUseAfterExpiry: { index: 5, at: '', status: 401 } });
    expect(sessionGlance([origin({ firstRefusal: refusal, tokens: [noExp] })]).headline).toBe('1 origin refused calls');
    const plain = origin({ origin: 'https://a' });
    const later = origin({ origin: 'https://b', firstRefusal: refusal, tokens: [expired] });
    expect(sessionGlance([plain, later]).headline).toBe(
      '2 origins refused calls · token expired 2 s before the first refusal',
    );
  });

  it('a token that did not expire, or has no expiry, is no fact', () => {
    const g = sessionGlance([origin({ firstRefusal: refusal, tokens: [token(), token({ expiresMs: T0 })] })]);
    expect(g.headline).toBe('1 origin refused calls');
  });

  it('gives the worst rate-limit verdict across origins, and credential changes', () => {
    const honoured = origin({ origin: 'https://a', rateLimits: [rate({ waitedAsTold: 1 })] });
    const reached = origin({ origin: 'https://b', rateLimits: [rate()] });
    const ignored = origin({
      origin: 'https://c',
      rateLimits: [rate(), rate({ hammered: 1 })],
      credentialChanges: ['x'],
    });
    expect(sessionGlance([honoured]).headline).toBe('1 origin refused calls · rate limit honoured');
    const mixed = origin({ rateLimits: [rate(), rate({ waitedAsTold: 2 })] });
    expect(sessionGlance([mixed]).headline).toBe('1 origin refused calls · rate limit honoured');
    expect(sessionGlance([honoured, reached]).headline).toBe('2 origins refused calls · rate limit reached');
    const all = sessionGlance([honoured, reached, ignored]);
    expect(all.headline).toBe(
      '3 origins refused calls · rate limit not honoured · credentials changed before a refusal',
    );
    expect(all.origins.map((o) => o.line.at(-1))).toEqual([
      ' · rate limit honoured',
      ' · rate limit reached',
      ' · rate limit not honoured · credentials changed before the first refusal',
    ]);
    expect(sessionGlance([origin({ rateLimits: [rate({ retriedTooSoon: 1 })] })]).headline).toMatch(/not honoured$/);
  });

  it("takes the first origin's token fact, and carries each origin's full account", () => {
    const a = origin({ origin: 'https://a', firstRefusal: refusal, tokens: [expired], parts: [['x']] });
    const b = origin({ origin: 'https://b', tokens: [expired] });
    const g = sessionGlance([b, a]);
    expect(g.headline).toBe('2 origins refused calls · a token was used after it expired');
    expect(g.origins.map((o) => [o.origin, o.details])).toEqual([
      ['https://b', []],
      ['https://a', [['x']]],
    ]);
  });
});
