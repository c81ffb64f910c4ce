import { describe, expect, it } from 'vitest';
import { toExchange } from '../../../lib/model/exchange';
import { readReplayOutcome } from '../../../lib/replay/outcome';
import { REPLAY_BODY_CAP } from '../../../lib/replay/page-script';
import { replayToEntry } from '../../../lib/replay/to-entry';
import type { ReplayOutcome, ReplayRequest } from '../../../lib/replay/types';

// A replay's answer is diagnosed by the same engine as the capture: replayToEntry writes it as a
// Chrome-shaped HAR entry, and the engine's reader (toExchange) must see what the server said.

const at = new Date('2026-11-21T12:00:00.000Z');
const sent: ReplayRequest = {
  method: 'POST',
  url: 'https://api.example.com/v1/items?page=2',
  headers: [
    { name: 'Content-Type', value: 'application/json' },
    { name: '', value: 'an empty row in the editor' },
    { name: '  ', value: 'a blank one' },
    { name: 'Authorization', value: 'Bearer t' },
  ],
  body: '{"a":1}',
  credentials: 'include',
};
const refused: ReplayOutcome = {
  kind: 'response',
  status: 401,
  statusText: 'Unauthorized',
  headers: [
    { name: 'WWW-Authenticate', value: 'Bearer error="invalid_token", error_description="The access token expired"' },
    { name: 'content-type', value: 'application/json; charset=utf-8' },
  ],
  body: '{"error":"invalid_token"}',
  bodyTruncated: false,
  ms: 42,
};

describe('replayToEntry', () => {
  it('records the answer so the engine reads status, headers, body and type as the server sent them', () => {
    const entry = replayToEntry(sent, refused, 'https://app.example.com', at);
    const x = toExchange(entry, 0);
    expect(x).toMatchObject({ status: 401, statusText: 'Unauthorized', method: 'POST', netError: null });
    expect(x.res.get('www-authenticate')).toMatch(/invalid_token/);
    expect(x.body).toMatchObject({ text: '{"error":"invalid_token"}', mimeType: 'application/json' });
    expect(x.requestBody).toBe('{"a":1}');
    expect(entry.request.postData?.mimeType).toBe('application/json');
    expect(x.startedAt).toBe(at.getTime());
    expect(entry.time).toBe(42);
    expect(x.resourceType).toBe('fetch');
    expect(x.rawUrl).toBe('https://api.example.com/v1/items?page=2');
  });

  it('drops nameless rows and adds the Origin a page replay carried, unless one was typed', () => {
    const e = replayToEntry(sent, refused, 'https://app.example.com', at);
    expect(e.request.headers.map((h) => h.name)).toEqual(['Content-Type', 'Authorization', 'Origin']);
    expect(toExchange(e, 0).pageOrigin).toBe('https://app.example.com');
    const typed = { ...sent, headers: [{ name: 'origin', value: 'https://typed.example' }] };
    expect(replayToEntry(typed, refused, 'https://app.example.com', at).request.headers).toEqual([
      { name: 'origin', value: 'https://typed.example' },
    ]);
    // A page replay with no header of its own still went out with the page's Origin.
    expect(replayToEntry({ ...sent, headers: [] }, refused, 'https://app.example.com', at).request.headers).toEqual([
      { name: 'Origin', value: 'https://app.example.com' },
    ]);
    // Direct mode: no page, no Origin.
    expect(replayToEntry(sent, refused, null, at).request.headers.map((h) => h.name)).toEqual([
      'Content-Type',
      'Authorization',
    ]);
  });

  it('records no request body for a request without one', () => {
    const get = { ...sent, method: 'GET', body: null, headers: [] };
    expect(replayToEntry(get, refused, null, at).request.postData).toBeUndefined();
    expect(toExchange(replayToEntry(get, refused, null, at), 0).requestBody).toBeNull();
    const traced = { ...sent, headers: [{ name: 'X-Trace', value: 't' }, ...sent.headers] };
    expect(replayToEntry(traced, refused, null, at).request.postData?.mimeType).toBe('application/json');
    const untyped = { ...sent, headers: [] };
    expect(replayToEntry(untyped, refused, null, at).request.postData).toEqual({ mimeType: '', text: '{"a":1}' });
  });

  it('records an answer without a Content-Type as untyped', () => {
    const plain = { ...refused, headers: [] };
    expect(replayToEntry(sent, plain, null, at).response.content).toEqual({
      size: 25,
      mimeType: '',
      text: '{"error":"invalid_token"}',
    });
  });

  // Chrome records a CORS block as net::ERR_FAILED (its _error); a failure that was not CORS must
  // not borrow that word, or the engine reports CORS for a timeout or a refused connection.
  it.each([
    [{ cors: true, timedOut: false }, 'net::ERR_FAILED'],
    [{ cors: false, timedOut: true }, 'net::ERR_TIMED_OUT'],
    [{ cors: false, timedOut: false }, 'net::ERR_CONNECTION_FAILED'],
    [{ cors: true, timedOut: false, netError: 'net::ERR_NAME_NOT_RESOLVED' }, 'net::ERR_NAME_NOT_RESOLVED'],
  ])('a network error %j is recorded as %s', (fields, error) => {
    const outcome = { kind: 'network-error', message: 'Failed to fetch', ms: 5, ...fields } as ReplayOutcome;
    const entry = replayToEntry(sent, outcome, null, at);
    // No response reached the page: nothing of one is recorded (Chrome's shape for a failed request).
    expect(entry.response).toEqual({
      status: 0,
      statusText: '',
      headers: [],
      content: { size: 0, mimeType: 'x-unknown' },
      _error: error,
    });
    const x = toExchange(entry, 0);
    expect(x).toMatchObject({ status: 0, netError: error });
    expect(x.res.size).toBe(0);
    expect(x.body.text).toBeNull();
  });
});

describe('readReplayOutcome keeps what a hostile page cannot inflate', () => {
  it('cuts a planted header list, header values and a body at their limits', () => {
    const headers = Array.from({ length: 600 }, (_, i) => ({ name: `x-${i}`, value: 'v'.repeat(9000) }));
    const r = readReplayOutcome({
      kind: 'response',
      status: 200,
      headers,
      body: 'b'.repeat(REPLAY_BODY_CAP + 1),
      ms: 1,
    });
    if (r?.kind !== 'response') throw new Error('not read');
    expect(r.headers).toHaveLength(500);
    expect(r.headers[0]!.value).toHaveLength(8192);
    expect(r.body).toHaveLength(REPLAY_BODY_CAP);
    expect(r.bodyTruncated).toBe(true);
  });

  it('says truncated only when the page said so or the body is longer than the cap', () => {
    const read = (o: Record<string, unknown>) =>
      readReplayOutcome({ kind: 'response', status: 200, headers: [], ms: 1, ...o }) as { bodyTruncated: boolean };
    expect(read({ body: 'b'.repeat(REPLAY_BODY_CAP) }).bodyTruncated).toBe(false);
    expect(read({ body: 'short', bodyTruncated: true }).bodyTruncated).toBe(true);
    expect(read({ body: 'short', bodyTruncated: 'yes' }).bodyTruncated).toBe(false);
    expect(read({ body: 42 }).bodyTruncated).toBe(false);
  });

  it('keeps a timeout and a CORS verdict the page script wrote', () => {
    expect(
      readReplayOutcome({
        kind: 'network-error',
        message: 'No answer within 30 s',
        cors: false,
        timedOut: true,
        ms: 30000,
      }),
    ).toEqual({ kind: 'network-error', message: 'No answer within 30 s', cors: false, timedOut: true, ms: 30000 });
  });

  it('reads a planted non-number time as 0, and only a literal true as CORS or timeout', () => {
    const r = readReplayOutcome({ kind: 'network-error', ms: Infinity, cors: 'true', timedOut: 1 });
    expect(r).toEqual({ kind: 'network-error', message: 'the request failed', cors: false, timedOut: false, ms: 0 });
    const nan = readReplayOutcome({ kind: 'response', status: 204, headers: [], ms: NaN });
    expect(nan).toMatchObject({ ms: 0, body: '', statusText: '' });
  });
});
