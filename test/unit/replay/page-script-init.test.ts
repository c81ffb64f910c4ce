import { afterEach, describe, expect, it, vi } from 'vitest';
import { headersPageCannotSend, pagePollScript, pageReplayScript } from '../../../lib/replay/page-script';
import type { ReplayRequest } from '../../../lib/replay/types';

// What the page script hands to the page's fetch(): the request the server will see. fetch is
// replaced here by a recorder, so the init object is read exactly as the browser would get it.

type Init = RequestInit & { headers: [string, string][] };
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  vi.useRealTimers();
});

function recordFetch(answer: (init: Init) => Promise<Response>): { calls: { url: string; init: Init }[] } {
  const rec = { calls: [] as { url: string; init: Init }[] };
  globalThis.fetch = ((url: string, init: Init) => {
    rec.calls.push({ url, init });
    return answer(init);
  }) as typeof fetch;
  return rec;
}

const base: ReplayRequest = {
  method: 'POST',
  url: 'https://api.example.com/v1/items',
  headers: [],
  body: '{"a":1}',
  credentials: 'include',
};

describe('page replay fetch init', () => {
  it('trims header names, drops blank ones and the ones fetch may not set', () => {
    const rec = recordFetch(() => new Promise(() => {}));
    const req: ReplayRequest = {
      ...base,
      headers: [
        { name: ' X-Trace ', value: ' t ' },
        { name: '   ', value: 'blank' },
        { name: 'Cookie', value: 'sid=1' },
        { name: 'Authorization', value: 'Bearer t' },
      ],
    };
    expect((0, eval)(pageReplayScript('i1', req, 60_000))).toBe(true);
    expect(rec.calls[0]!.init.headers).toEqual([
      ['X-Trace', ' t '],
      ['Authorization', 'Bearer t'],
    ]);
    expect(rec.calls[0]!.init).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      credentials: 'include',
      cache: 'no-store',
    });
  });

  it("leaves out the no-cache pair cache: 'no-store' adds itself, and keeps any other Cache-Control", () => {
    const rec = recordFetch(() => new Promise(() => {}));
    const req: ReplayRequest = {
      ...base,
      method: 'GET',
      body: null,
      headers: [
        { name: 'Cache-Control', value: ' No-Cache ' },
        { name: 'pragma', value: 'no-cache' },
        { name: 'Cache-Control', value: 'max-age=0' },
      ],
    };
    (0, eval)(pageReplayScript('i2', req, 60_000));
    expect(rec.calls[0]!.init.headers).toEqual([['Cache-Control', 'max-age=0']]);
    expect('body' in rec.calls[0]!.init).toBe(false);
  });

  it('says how long it waited, in seconds, when it gives up', async () => {
    vi.useFakeTimers();
    // A server that never answers: fetch rejects with AbortError when the script's timer aborts it.
    recordFetch(
      (init) =>
        new Promise((_, reject) => {
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    (0, eval)(pageReplayScript('i3', { ...base, method: 'GET', body: null }, 15_000));
    await vi.advanceTimersByTimeAsync(14_999);
    expect((0, eval)(pagePollScript('i3'))).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    const out = (0, eval)(pagePollScript('i3')) as { kind: string; message: string; timedOut: boolean; cors: boolean };
    expect(out).toMatchObject({ kind: 'network-error', message: 'No answer within 15 s', timedOut: true, cors: false });
    // The slot is freed once read.
    expect((0, eval)(pagePollScript('i3'))).toBeNull();
  });
});

describe('headersPageCannotSend', () => {
  it('names the forbidden headers as the user typed them, without their spaces', () => {
    const req: ReplayRequest = {
      ...base,
      headers: [
        { name: ' Cookie ', value: 'sid=1' },
        { name: '  ', value: 'blank' },
        { name: 'X-Trace', value: 't' },
        { name: 'Sec-Fetch-Site', value: 'none' },
      ],
    };
    expect(headersPageCannotSend(req)).toEqual(['Cookie', 'Sec-Fetch-Site']);
  });
});
