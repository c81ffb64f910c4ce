// Behaviours of flagging and cause merging a user relies on, each at its boundary (issue 22: these
// are the one-line bugs an audit planted that no test caught). Inputs are Chrome-shaped entries
// built by the shared test helper; expectations are what the user sees.
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, type Cause, type CauseId, type Evidence } from '../../../lib/core/causes';
import { mergeCauses } from '../../../lib/diagnose/merge';
import { diagnose, isBrowserBlocked, isFlagged, netErrorBlocks, toExchange } from '../../../lib/index';
import { makeEntry, makeHar, type EntrySpec } from '../../support/har';
import { exNoVerdict } from '../cors/helpers';

const PAGE = 'https://app.example.com';
const API = 'https://api.example.net/v1/items';
const x = (spec: EntrySpec) => toExchange(makeEntry(spec), 0);
const cors = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };

describe('which statuses are refusals', () => {
  it.each([401, 403, 407, 419, 429])('%i is flagged with a neutral body', (status) => {
    expect(isFlagged(x({ url: API, status, body: '{}' }))).toBe(true);
  });
  it.each([200, 204, 304, 400, 402, 404, 405, 408, 418, 420, 422, 428, 451, 500, 502, 503])(
    '%i is not flagged with a neutral body',
    (status) => {
      expect(isFlagged(x({ url: API, status, body: '{}' }))).toBe(false);
    },
  );
});

describe('what the browser blocked, and what only failed', () => {
  it.each([
    'net::ERR_TIMED_OUT',
    'net::ERR_CONNECTION_RESET',
    'net::ERR_CONNECTION_REFUSED',
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_ABORTED',
    'net::ERR_BLOCKED_BY_CLIENT',
    'net::ERR_INTERNET_DISCONNECTED',
    'net::ERR_CERT_DATE_INVALID',
  ])('%s on a cross-origin CORS request is a failure, not a block', (error) => {
    expect(netErrorBlocks(error)).toBe(false);
    const failed = x({ url: API, status: 0, error, requestHeaders: cors });
    expect(isBrowserBlocked(failed)).toBe(false);
    expect(isFlagged(failed)).toBe(false);
  });

  it('net::ERR_FAILED on a cross-origin CORS request is a block', () => {
    expect(netErrorBlocks('net::ERR_FAILED')).toBe(true);
    expect(isBrowserBlocked(x({ url: API, status: 0, error: 'net::ERR_FAILED', requestHeaders: cors }))).toBe(true);
  });

  it('net::ERR_FAILED on a same-origin request is not CORS', () => {
    expect(
      isBrowserBlocked(
        x({ url: `${PAGE}/api`, status: 0, error: 'net::ERR_FAILED', requestHeaders: { Origin: PAGE } }),
      ),
    ).toBe(false);
  });

  it('a refused preflight is a CORS failure on its own row, never a refusal by the server; the call behind it is a CORS block', () => {
    const pre: EntrySpec = {
      method: 'OPTIONS',
      url: API,
      status: 403,
      body: 'Forbidden',
      // With ACAO present the status is what fails (Chromium checks ACAO first).
      responseHeaders: { 'Access-Control-Allow-Origin': PAGE },
      requestHeaders: { Origin: PAGE, 'Access-Control-Request-Method': 'PUT' },
    };
    expect(isFlagged(x(pre))).toBe(false);
    const har = makeHar([pre, { method: 'PUT', url: API, status: 0, error: 'net::ERR_FAILED', requestHeaders: cors }]);
    const all = diagnose(har, { all: true });
    const options = all.find((d) => d.method === 'OPTIONS')!;
    expect(options.flagged).toBe(true);
    expect(options.causes.map((c) => c.id)).toEqual(['cors.preflight_invalid_status']);
    const call = all.find((d) => d.method === 'PUT')!;
    expect(call.flagged).toBe(true);
    expect(call.causes[0]!.id).toBe('cors.preflight_invalid_status');
    expect(call.causes.map((c) => c.id)).not.toContain('permission.denied');
  });
});

describe('blocks the net error or the request itself proves', () => {
  it.each(['net::ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS'])(
    '%s is a block by the browser, not a failure',
    (error) => {
      expect(netErrorBlocks(error)).toBe(true);
      expect(isBrowserBlocked(x({ url: API, status: 0, error, requestHeaders: cors }))).toBe(true);
    },
  );

  it('net::ERR_FAILED is CORS when nothing shows the page origin (no Origin, no preflight)', () => {
    expect(isBrowserBlocked(x({ url: API, status: 0, error: 'net::ERR_FAILED' }))).toBe(true);
  });

  it("net::ERR_FAILED is not CORS when the preflight's Origin shows the call was same-origin", () => {
    const call = x({ url: API, status: 0, error: 'net::ERR_FAILED' });
    const pre = x({ method: 'OPTIONS', url: API, status: 204, requestHeaders: { Origin: new URL(API).origin } });
    expect(isBrowserBlocked(call, pre)).toBe(false);
    const crossPre = x({ method: 'OPTIONS', url: API, status: 204, requestHeaders: { Origin: PAGE } });
    expect(isBrowserBlocked(call, crossPre)).toBe(true);
  });

  it('net::ERR_FAILED on a call whose URL cannot be parsed is still a block (the page origin cannot clear it)', () => {
    const call = x({
      url: 'https://api.example.net:99999/v1',
      status: 0,
      error: 'net::ERR_FAILED',
      requestHeaders: cors,
    });
    expect(call.url).toBeNull();
    expect(isBrowserBlocked(call)).toBe(true);
  });

  it('an entry without a request (a broken capture) is read as nothing blocked, without throwing', () => {
    const entry = makeEntry({ url: API, status: 200 });
    delete (entry as { request?: unknown }).request;
    delete (entry.response as { _error?: unknown })._error;
    expect(isBrowserBlocked(toExchange(entry, 0))).toBe(false);
    expect(isFlagged(toExchange(entry, 0))).toBe(false);
  });

  it('a preflight is never the block itself, whatever its error', () => {
    const pre = x({ method: 'OPTIONS', url: API, status: 0, error: 'net::ERR_FAILED', requestHeaders: cors });
    expect(isBrowserBlocked(pre)).toBe(false);
  });
});

describe('a credentialed call answered with Access-Control-Allow-Origin: * (no browser verdict, as Firefox records)', () => {
  // The wildcard is refused for credentialed requests (Fetch standard, CORS check step 3): a sent
  // cookie, in the Cookie header or only in the HAR's cookies list, makes it a block.
  const wildcard = (extra: EntrySpec['requestHeaders'] = {}) => ({
    url: API,
    status: 200,
    body: '{}',
    requestHeaders: { ...cors, ...extra },
    responseHeaders: { 'Access-Control-Allow-Origin': '*' },
  });

  it('is a CORS block when the Cookie header was sent', () => {
    expect(isBrowserBlocked(exNoVerdict(wildcard({ Cookie: 'sid=1' })))).toBe(true);
  });

  it('is a CORS block when the cookie is only in the HAR cookies list', () => {
    const withCookie = exNoVerdict(wildcard());
    withCookie.entry.request.cookies = [{ name: 'sid', value: '1' }];
    expect(isBrowserBlocked(withCookie)).toBe(true);
  });

  it('is allowed when no cookie was sent (the wildcard serves anonymous calls)', () => {
    expect(isBrowserBlocked(exNoVerdict(wildcard()))).toBe(false);
  });
});

describe('a token that expires at the moment of the response', () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const DATE = 'Sat, 21 Nov 2026 12:00:00 GMT';
  const now = Date.parse(DATE) / 1000;
  const call = (exp: number) =>
    diagnose(
      makeHar([
        {
          url: API,
          status: 401,
          requestHeaders: { Authorization: `Bearer ${b64({ alg: 'HS256' })}.${b64({ sub: 'u', exp })}.c2ln` },
          responseHeaders: { Date: DATE, 'WWW-Authenticate': 'Bearer realm="api"' },
        },
      ]),
    )[0]!.causes.map((c) => c.id);

  it('is expired when exp equals the response Date (a token is valid only before exp, RFC 7519 4.1.4)', () => {
    expect(call(now)[0]).toBe('auth.token_expired');
  });
  it('is expired a second after exp', () => {
    expect(call(now - 1)[0]).toBe('auth.token_expired');
  });
  it('is not called expired a minute before exp', () => {
    expect(call(now + 60)).not.toContain('auth.token_expired');
  });
});

describe('merging the causes several rules found', () => {
  const cause = (id: CauseId, confidence: number, detail: string, fix = `fix ${detail}`): Cause => ({
    id,
    confidence,
    title: `${id} (${detail})`,
    summary: detail,
    evidence: [{ where: 'response.body', detail }],
    fixes: [fix],
  });

  it('keeps the evidence of every rule that supports a cause, once each; the strongest speaks', () => {
    const [merged] = mergeCauses([
      cause('auth.token_expired', 0.6, 'description says expired'),
      cause('auth.token_expired', 0.9, 'exp before Date'),
      cause('auth.token_expired', 0.6, 'description says expired'),
    ]);
    expect(merged!.evidence.map((e) => e.detail)).toEqual(['exp before Date', 'description says expired']);
    expect(merged!.title).toBe('auth.token_expired (exp before Date)');
  });

  it('ranks two agreeing rules above one rule of the same strength, and never at certainty', () => {
    const out = mergeCauses([
      cause('auth.invalid', 0.9, 'a'),
      cause('auth.token_expired', 0.9, 'b'),
      cause('auth.token_expired', 0.9, 'c'),
    ]);
    expect(out.map((c) => c.id)).toEqual(['auth.token_expired', 'auth.invalid']);
    expect(out[0]!.confidence).toBeGreaterThan(0.9);
    const many = mergeCauses(Array.from({ length: 20 }, (_, i) => cause('auth.invalid', 0.95, `e${i}`)));
    expect(many[0]!.confidence).toBeLessThan(1);
  });

  it('breaks a tie by the taxonomy order, whatever order the rules ran in', () => {
    const a = cause('auth.missing', 0.85, 'a');
    const b = cause('permission.denied', 0.85, 'b');
    expect(CAUSE_IDS.indexOf('auth.missing')).toBeLessThan(CAUSE_IDS.indexOf('permission.denied'));
    expect(mergeCauses([a, b]).map((c) => c.id)).toEqual(['auth.missing', 'permission.denied']);
    expect(mergeCauses([b, a]).map((c) => c.id)).toEqual(['auth.missing', 'permission.denied']);
  });

  it('breaks every tie by the taxonomy order, for any two causes', () => {
    for (const [i, first] of CAUSE_IDS.entries()) {
      for (const second of CAUSE_IDS.slice(i + 1)) {
        const a = cause(first, 0.6, 'a');
        const b = cause(second, 0.6, 'b');
        const want =
          first === 'unknown' || second === 'unknown'
            ? [first, second].filter((id) => id !== 'unknown')
            : [first, second];
        expect(mergeCauses([b, a]).map((c) => c.id)).toEqual(want);
        expect(mergeCauses([a, b]).map((c) => c.id)).toEqual(want);
      }
    }
  });

  it('ranks by strength before taxonomy order', () => {
    const out = mergeCauses([cause('auth.missing', 0.6, 'a'), cause('permission.denied', 0.85, 'b')]);
    expect(out.map((c) => c.id)).toEqual(['permission.denied', 'auth.missing']);
  });

  it('drops "unknown" beside a real cause, and keeps it when it is all there is', () => {
    expect(mergeCauses([cause('unknown', 0.3, 'u'), cause('auth.invalid', 0.3, 'i')]).map((c) => c.id)).toEqual([
      'auth.invalid',
    ]);
    expect(mergeCauses([cause('unknown', 0.3, 'u')]).map((c) => c.id)).toEqual(['unknown']);
  });
});

describe('how strong a merged cause is (docs/causes.md, ranking rule 6)', () => {
  const reading = (id: CauseId, confidence: number, detail: string, title = `${id} (${detail})`): Cause => ({
    id,
    confidence,
    title,
    summary: detail,
    evidence: [{ where: 'response.body', detail }],
    fixes: [],
  });
  const strength = (n: number, confidence: number) =>
    mergeCauses(Array.from({ length: n }, (_, i) => reading('auth.invalid', confidence, `e${i}`)))[0]!.confidence;

  it('a cause one rule found keeps the confidence the rule gave it', () => {
    expect(strength(1, 0.85)).toBe(0.85);
    expect(strength(1, 0.3)).toBe(0.3);
  });

  it('each further agreeing rule adds two points, printed as a whole percentage', () => {
    expect(strength(2, 0.85)).toBe(0.87);
    expect(strength(3, 0.85)).toBe(0.89);
    expect(strength(2, 0.6)).toBe(0.62);
  });

  it('agreement stops at 99 %: never certain of a reading', () => {
    expect(strength(3, 0.96)).toBe(0.99);
    expect(strength(2, 0.98)).toBe(0.99);
  });

  it('of two readings at the same confidence, the one found first speaks', () => {
    const first = reading('auth.invalid', 0.85, 'a', 'the first reading');
    const second = reading('auth.invalid', 0.85, 'b', 'the second reading');
    expect(mergeCauses([first, second])[0]!.title).toBe('the first reading');
    expect(mergeCauses([second, first])[0]!.title).toBe('the second reading');
  });

  it('keeps evidence that differs only in where it was found or which header said it', () => {
    const at = (where: Evidence['where'], name: string | undefined, detail: string): Cause => ({
      ...reading('auth.invalid', 0.85, detail),
      evidence: [{ where, ...(name === undefined ? {} : { name }), detail }],
    });
    const [merged] = mergeCauses([
      at('response.header', 'WWW-Authenticate', 'invalid_token'),
      at('response.header', 'X-Error', 'invalid_token'),
      at('response.body', undefined, 'invalid_token'),
      // Two pieces whose name and text run together alike are still two pieces.
      at('response.header', 'X-Err', 'or: expired'),
      at('response.header', 'X-Error', ': expired'),
    ]);
    expect(merged!.evidence).toHaveLength(5);
  });

  it('shows evidence once when one rule names no header and another an empty one', () => {
    const [merged] = mergeCauses([
      { ...reading('auth.invalid', 0.85, 'x'), evidence: [{ where: 'response.body', detail: 'invalid_token' }] },
      {
        ...reading('auth.invalid', 0.6, 'y'),
        evidence: [{ where: 'response.body', name: '', detail: 'invalid_token' }],
      },
    ]);
    expect(merged!.evidence).toHaveLength(1);
  });
});
