import { describe, expect, it } from 'vitest';
import { readReplayOutcome } from '../../../lib/replay/outcome';

// The page's scripts can overwrite what a page replay parks: the panel reads it as data.
describe('readReplayOutcome', () => {
  it('keeps a well-formed response', () => {
    const ok = {
      kind: 'response',
      status: 200,
      statusText: 'OK',
      headers: [{ name: 'a', value: 'b' }],
      body: '{}',
      bodyTruncated: false,
      ms: 12,
    };
    expect(readReplayOutcome(ok)).toEqual(ok);
  });

  it('keeps a network error and its net error', () => {
    const e = { kind: 'network-error', message: 'Failed to fetch', cors: true, timedOut: false, netError: 'x', ms: 3 };
    expect(readReplayOutcome(e)).toEqual(e);
  });

  it.each([
    null,
    42,
    'x',
    {},
    { kind: 'response' },
    { kind: 'response', status: '200', headers: [] },
    { kind: 'evil' },
  ])('refuses %j', (v) => expect(readReplayOutcome(v)).toBeNull());

  it('drops malformed headers and non-string fields a hostile page planted', () => {
    const r = readReplayOutcome({
      kind: 'response',
      status: 403,
      headers: [{ name: 'ok', value: 'v' }, null, { name: 1, value: 'x' }, { name: 'y', value: { toString: 1 } }],
      body: { evil: true },
      statusText: ['no'],
      ms: NaN,
    });
    expect(r).toEqual({
      kind: 'response',
      status: 403,
      statusText: '',
      headers: [{ name: 'ok', value: 'v' }],
      body: '',
      bodyTruncated: false,
      ms: 0,
    });
  });
});
