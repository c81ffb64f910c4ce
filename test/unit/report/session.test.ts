import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../lib';
import {
  absoluteText,
  buildReport,
  buildSession,
  offsetLabel,
  relativeLabel,
  renderReport,
  sessionGlance,
} from '../../../lib/report';
import { makeHar, type EntrySpec } from '../../support/har';
import { makeJwt, sec } from '../inspect/support';

// A session that goes wrong twice: the access token (1 h lifetime) expires and the client keeps
// using it; the search endpoint runs out of its rate limit and the client retries at once.

const API = 'https://api.example.com';
const T0 = Date.parse('2026-11-21T12:00:00Z');
const TOKEN = makeJwt({
  sub: 'user-42',
  iss: 'https://auth.example.com/',
  iat: sec('2026-11-21T11:00:30Z'),
  exp: sec('2026-11-21T12:00:30Z'),
});

function call(ms: number, path: string, status: number, extra: Partial<EntrySpec> = {}): EntrySpec {
  return {
    url: `${API}${path}`,
    status,
    startedDateTime: new Date(T0 + ms).toISOString(),
    requestHeaders: { Authorization: `Bearer ${TOKEN}`, Cookie: 'theme=dark', ...extra.requestHeaders },
    ...extra,
    responseHeaders: {
      Date: new Date(T0 + ms).toUTCString(),
      'Content-Type': 'application/json',
      ...extra.responseHeaders,
    },
  };
}

const limited = (ms: number, remaining: number, status: number) =>
  call(ms, '/v1/search', status, {
    responseHeaders: {
      'X-RateLimit-Limit': '10',
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': String(Math.floor((T0 + 60_000) / 1000)),
      ...(status === 429 ? { 'Retry-After': '20' } : {}),
    },
  });

const entries: EntrySpec[] = [
  call(0, '/v1/orders', 200),
  limited(1_000, 1, 200),
  limited(2_000, 0, 200),
  limited(3_000, 0, 429),
  limited(3_300, 0, 429),
  call(40_000, '/v1/orders', 401, {
    responseHeaders: {
      'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token expired"',
    },
  }),
  call(41_000, '/v1/orders', 401, { responseHeaders: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } }),
];

describe('session view', () => {
  const [o] = buildSession(new LogIndex(makeHar(entries)));

  it('says when refusals started and how many', () => {
    expect(o!.origin).toBe(API);
    expect(o!.firstRefusal).toMatchObject({ index: 3, status: 429, cause: 'rate_limit.exceeded' });
    expect(o!.lines[0]).toBe(
      'Refusals started at 2026-11-21T12:00:03Z with #3 GET /v1/search → 429 (rate_limit.exceeded); 4 of 7 calls to https://api.example.com were refused.',
    );
  });

  it('gives the token lifetime and the moment it expired, with the calls that still carried it', () => {
    expect(o!.tokens).toHaveLength(1);
    expect(o!.tokens[0]).toMatchObject({
      lifetime: '1 h',
      expiresAt: '2026-11-21T12:00:30Z',
      calls: 7,
      callsAfterExpiry: 2,
    });
    expect(o!.lines.join('\n')).toContain(
      'it expired at 2026-11-21T12:00:30Z, and 2 calls still carried it, the first #5',
    );
    expect(o!.lines.join('\n')).not.toContain(TOKEN);
  });

  it('gives the rate-limit window and whether the client honoured it', () => {
    const r = o!.rateLimits[0]!;
    expect(r).toMatchObject({ limit: 10, exhaustedAt: { index: 2 }, retriedTooSoon: 1 });
    expect(o!.lines.join('\n')).toMatch(
      /Rate limit x-ratelimit \(limit 10\) ran out at 2026-11-21T12:00:02Z \(#2\); .*the client did not honour it: 1 retry came sooner than asked/,
    );
  });

  it('keeps the lowest Remaining the window reported, in any order, ignoring answers that gave none', () => {
    // The session keeps a window that asked the client to wait: the last answer is a 429 with
    // Retry-After and the limit but no Remaining, which must not reset the lowest seen.
    const window = (ms: number, remaining: number | undefined, status = 200) =>
      call(ms, '/v1/search', status, {
        responseHeaders: {
          'X-RateLimit-Limit': '10',
          ...(remaining === undefined ? { 'Retry-After': '30' } : { 'X-RateLimit-Remaining': String(remaining) }),
        },
      });
    const xs = [window(0, 5), window(1_000, 2), window(2_000, 7), window(3_000, undefined, 429)];
    const [s] = buildSession(new LogIndex(makeHar(xs)));
    const r = s!.rateLimits[0]!;
    expect(r).toMatchObject({ limit: 10, lowestRemaining: 2, askedToWait: 1 });
    expect(r.exhaustedAt).toBeUndefined();
    expect(s!.lines.join('\n')).toMatch(/Rate limit x-ratelimit \(limit 10\) lowest remaining 2\b/);
  });

  it('says which credential changed between the last success and the first refusal, or that none did', () => {
    expect(o!.lastSuccessBefore).toMatchObject({ index: 2 });
    expect(o!.lines.join('\n')).toContain('sent the same credentials');
    const changed = [
      call(0, '/v1/me', 200),
      call(5_000, '/v1/me', 401, {
        requestHeaders: { Authorization: 'Bearer opaque-new-token', Cookie: 'theme=light; sid=1' },
      }),
    ];
    const [c] = buildSession(new LogIndex(makeHar(changed)));
    expect(c!.credentialChanges).toEqual([
      'Authorization (Bearer) changed value',
      'cookie "theme" changed value',
      'cookie "sid" appeared in the failing call',
    ]);
  });

  it('is part of the whole-log report, redacted like the rest', () => {
    const log = new LogIndex(makeHar(entries));
    const md = renderReport(buildReport(log, [], { session: true }), 'md');
    expect(md).toContain('## Session');
    expect(md).toContain('### `https://api.example.com`');
    expect(md).toContain('Refusals started at 2026-11-21T12:00:03Z');
    expect(md).not.toContain(TOKEN);
    const json = JSON.parse(renderReport(buildReport(log, [], { session: true }), 'json')) as {
      session: { lines: string[] }[];
    };
    expect(json.session[0]!.lines.length).toBeGreaterThan(3);
  });

  it('says nothing for origins that refused nothing', () => {
    expect(buildSession(new LogIndex(makeHar([call(0, '/v1/orders', 200)])))).toEqual([]);
  });
});

describe('session at a glance (the panel)', () => {
  const origins = buildSession(new LogIndex(makeHar(entries)));
  const glance = sessionGlance(origins);

  it('one line for the capture: origins, the token, the rate-limit verdict', () => {
    // The token expired at 12:00:30; the first refusal (#3, the 429) came at 12:00:03, before it.
    expect(glance.headline).toBe(
      '1 origin refused calls · token expired 27 s after the first refusal · rate limit not honoured',
    );
  });

  it('one line per origin, its instants relative to the capture, its full account behind it', () => {
    const [o] = glance.origins;
    expect(o!.origin).toBe(API);
    const line = o!.line
      .map((p) => (typeof p === 'string' ? p : relativeLabel(p.at, origins[0]!.captureStart)))
      .join('');
    expect(line).toBe(
      '4 of 7 calls refused, the first at +3.0 s (rate_limit.exceeded) · token expired 27 s after the first refusal · rate limit not honoured',
    );
    expect(o!.details.map(absoluteText)).toEqual(origins[0]!.lines);
  });

  it('says "before the capture began" for what happened before the first request, never a bare negative', () => {
    expect(relativeLabel(T0 - 2 * 3600_000, T0)).toBe('2 h before the capture began');
    expect(relativeLabel(T0 + 2_100, T0)).toBe('at +2.1 s');
    expect(relativeLabel(T0 + 65_000, T0)).toBe('at +1 min 5 s');
    expect(offsetLabel(0)).toBe('+0.0 s');
  });

  it('the relative account reads the same sentences as the report', () => {
    const rel = origins[0]!.parts.map((l) =>
      l.map((p) => (typeof p === 'string' ? p : relativeLabel(p.at, origins[0]!.captureStart))).join(''),
    );
    expect(rel[0]).toBe(
      'Refusals started at +3.0 s with #3 GET /v1/search → 429 (rate_limit.exceeded); 4 of 7 calls to https://api.example.com were refused.',
    );
    expect(rel.join('\n')).toContain('it expired at +30 s, and 2 calls still carried it, the first #5 at +40 s → 401.');
    expect(rel.join('\n')).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });
});

describe('tokens that do not expire talk about no lifetime', () => {
  const forever = makeJwt({ sub: 'svc', iat: sec('2025-01-01T00:00:00Z'), exp: sec('2100-01-01T00:00:00Z') });
  const noExp = makeJwt({ sub: 'svc2', iat: sec('2025-01-01T00:00:00Z') });
  const huge = makeJwt({ sub: 'svc3', exp: 1e13 });
  const uses = [forever, noExp, huge].map((t, i) =>
    call(i * 1000, '/v1/orders', 403, { requestHeaders: { Authorization: `Bearer ${t}`, Cookie: 'theme=dark' } }),
  );
  const [o] = buildSession(new LogIndex(makeHar(uses)));

  it('no lifetime, no expiry, no "used after expiry" for exp decades away, absent or absurd', () => {
    expect(o!.tokens).toHaveLength(3);
    for (const t of o!.tokens) {
      expect(t.lifetime).toBeUndefined();
      expect(t.expiresAt).toBeUndefined();
      expect(t.callsAfterExpiry).toBe(0);
    }
    const text = o!.lines.join('\n');
    expect(text).not.toMatch(/lifetime|expire|2100/);
    expect(text).toContain('token 1 (sub svc) was used in 1 call.');
    expect(sessionGlance([o!]).headline).toBe('1 origin refused calls');
  });

  it('gives the issue time of a token that states one (iat), and none for a token without', () => {
    expect(o!.tokens.map((t) => t.issuedAt)).toEqual(['2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', undefined]);
  });

  it('a token with a real lifetime still gets one', () => {
    const [s] = buildSession(new LogIndex(makeHar(entries)));
    expect(s!.tokens[0]!.lifetime).toBe('1 h');
  });
});
