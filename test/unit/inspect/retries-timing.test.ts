// How a client retried a refused call (lib/inspect/retries.ts): the run of refusals before it,
// whether it waited as Retry-After asked (RFC 9110 §10.2.3, https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3)
// or as an exhausted window's reset said (GitHub's x-ratelimit-reset, epoch seconds,
// https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#checking-the-status-of-your-rate-limit),
// and when quick repeats with no instruction are hammering.
import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../lib/core/log-index';
import { answeredAt, askedWait, gap, HAMMER_GAP_MS, readRetries } from '../../../lib/inspect/retries';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, makeHar, type EntrySpec, type HeaderSpec } from '../../support/har';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const URL_ = 'https://api.example.com/v1/items';

/** A call to the endpoint starting `atMs` after T0 (makeEntry records every answer as taking 12 ms). */
const call = (atMs: number, status: number, headers: HeaderSpec = {}): EntrySpec => ({
  url: URL_,
  status,
  startedDateTime: new Date(T0 + atMs).toISOString(),
  responseHeaders: { Date: new Date(T0 + atMs).toUTCString(), ...headers },
});

const retries = (calls: EntrySpec[]) => {
  const log = new LogIndex(makeHar(calls));
  return readRetries(log, log.exchanges.at(-1)!);
};

describe('the run of refusals', () => {
  it('counts the refused calls in a row before this one, and their start-to-start gaps', () => {
    const r = retries([call(0, 200), call(1000, 429), call(3000, 403), call(6000, 401)]);
    expect(r).toMatchObject({ run: 3, intervals: [2000, 3000], storm: null });
    // A success ends the run; 503 (which carries Retry-After) is a refusal to wait after.
    expect(retries([call(0, 429), call(1000, 200), call(2000, 429)])).toEqual({ run: 1, intervals: [], storm: null });
    expect(retries([call(0, 503), call(1000, 429)]).run).toBe(2);
    expect(retries([call(0, 500), call(1000, 429)]).run).toBe(1);
  });

  it('nothing for a call without a start time, or a preflight', () => {
    const log = new LogIndex(makeHar([call(0, 429), call(1000, 429)]));
    const undated = toExchange({ ...makeEntry(call(2000, 429)), startedDateTime: 'not a date' }, 2);
    expect(readRetries(log, undated)).toEqual({ run: 1, intervals: [], storm: null });
    const pre = new LogIndex(
      makeHar([call(0, 429), { ...call(1000, 429), method: 'OPTIONS', resourceType: 'preflight' }]),
    );
    expect(readRetries(pre, pre.exchanges.at(-1)!)).toEqual({ run: 1, intervals: [], storm: null });
  });
});

describe('the wait the server asked for', () => {
  it('a retry before Retry-After ran out broke it; one after honoured it', () => {
    const broke = retries([call(0, 429, { 'retry-after': '30' }), call(2012, 429)]);
    expect(broke.storm).toBe('too-soon');
    expect(broke.broke).toMatchObject({
      afterMs: 2000,
      wait: { ms: 30_000, quote: 'Retry-After: 30', kind: 'retry-after' },
    });
    expect(broke.honoured).toBeUndefined();
    const kept = retries([call(0, 429, { 'retry-after': '30' }), call(30_012, 429)]);
    expect(kept).toMatchObject({ storm: null, honoured: { afterMs: 30_000 } });
    expect(kept.broke).toBeUndefined();
  });

  it('allows for clock slack: 250 ms, or 5 % of a long wait', () => {
    const at = (wait: string, afterMs: number) =>
      retries([call(0, 429, { 'retry-after': wait }), call(12 + afterMs, 429)]).storm;
    expect(at('2', 1750)).toBeNull();
    expect(at('2', 1749)).toBe('too-soon');
    expect(at('100', 95_000)).toBeNull();
    expect(at('100', 94_999)).toBe('too-soon');
  });

  it('counts the wait from when the answer arrived, not when the call started', () => {
    const e = call(0, 429, { 'retry-after': '1' });
    const slow = { ...makeEntry(e), time: 5000 };
    const log = new LogIndex({
      log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [slow, makeEntry(call(5500, 429), 1)] },
    });
    const r = readRetries(log, log.exchanges[1]!);
    // Answered at 5000 ms, retried 500 ms later: too soon for a 1 s wait.
    expect(r.broke?.afterMs).toBe(500);
    // An answer that arrived after this call started could not be read by it.
    const late = new LogIndex({
      log: {
        version: '1.2',
        creator: { name: 't', version: '1' },
        entries: [{ ...makeEntry(call(0, 429, { 'retry-after': '60' })), time: 9000 }, makeEntry(call(5000, 429), 1)],
      },
    });
    expect(readRetries(late, late.exchanges[1]!)).toMatchObject({ run: 2, storm: null });
  });

  it('names the worst broken instruction of the run', () => {
    const r = retries([
      call(0, 429, { 'retry-after': '10' }),
      call(1012, 429, { 'retry-after': '60' }),
      call(2024, 429),
    ]);
    expect(r.broke?.wait.ms).toBe(60_000);
    expect(r.run).toBe(3);
  });
});

describe('askedWait', () => {
  const x = (headers: HeaderSpec) => toExchange(makeEntry(call(0, 429, headers)), 0);

  it("quotes the header with its name's words capitalised", () => {
    expect(askedWait(x({ 'x-ms-retry-after-ms': '1500' }))).toEqual({
      ms: 1500,
      quote: 'X-Ms-Retry-After-Ms: 1500',
      kind: 'retry-after',
    });
  });

  it('else the latest reset of an exhausted window, quoting its reset header', () => {
    const w = askedWait(
      x({
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(T0 / 1000 + 900),
      }),
    );
    expect(w).toMatchObject({ ms: 900_000, kind: 'rate-limit reset' });
    expect(w?.quote).toMatch(/reset/i);
    expect(
      askedWait(x({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '30' })),
    ).toBeNull();
    expect(askedWait(x({}))).toBeNull();
  });
});

describe('hammering', () => {
  it(`is four refused calls in a row, each under ${HAMMER_GAP_MS} ms apart, gaps not growing`, () => {
    const at = (...starts: number[]) => retries(starts.map((s) => call(s, 429))).storm;
    expect(at(0, 1000, 2000, 3000)).toBe('hammering');
    expect(at(0, 1000, 2000)).toBeNull();
    expect(at(0, 4999, 9998, 14997)).toBe('hammering');
    expect(at(0, 5000, 10_000, 15_000)).toBeNull();
    // Backing off (each gap 1.5 times the first or more, past half a second) is not hammering.
    expect(at(0, 400, 1000, 2000)).toBeNull();
    expect(at(0, 100, 200, 300)).toBe('hammering');
  });

  it('not calls sent in parallel (one started before the last was answered)', () => {
    const parallel = [0, 1000, 2000, 3000].map((s, i) => ({
      ...makeEntry(call(s, 429), i),
      time: i === 2 ? 1500 : 12,
    }));
    const log = new LogIndex({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: parallel } });
    expect(readRetries(log, log.exchanges[3]!).storm).toBeNull();
  });
});

describe('gap and answeredAt', () => {
  it('writes gaps in ms under a second, in seconds under a minute', () => {
    expect(gap(850)).toBe('850 ms');
    expect(gap(-3)).toBe('0 ms');
    expect(gap(999.6)).toBe('1000 ms');
    expect(gap(1000)).toBe('1 s');
    expect(gap(1540)).toBe('1.5 s');
    expect(gap(59_999)).toBe('60 s');
    expect(gap(60_000)).not.toMatch(/ s$/);
  });

  it('adds the recorded time when it is a positive number', () => {
    const e = makeEntry(call(0, 429));
    expect(answeredAt(toExchange({ ...e, time: 250 }, 0))).toBe(T0 + 250);
    expect(answeredAt(toExchange({ ...e, time: -1 }, 0))).toBe(T0);
    expect(answeredAt(toExchange({ ...e, time: '250' as unknown as number }, 0))).toBe(T0);
  });
});
