// blankEntry: the entries the engine makes itself (a CSP report as a row, a body read on its own)
// must be valid HAR 1.2 entries that readHar takes as they are, with the given parts laid over.
import { describe, expect, it } from 'vitest';
import { blankEntry } from '../../../lib/har/blank';
import { readHarValue } from '../../../lib/har/read';

describe('blankEntry', () => {
  it('is every required HAR 1.2 field, empty, and the reader keeps it as it is, with no warning', () => {
    const entry = blankEntry();
    expect(entry).toMatchObject({ request: { method: 'GET', url: '' }, response: { status: 0 } });
    const read = readHarValue({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [entry] } });
    expect(read.warnings).toEqual([]);
    expect(read.har.log.entries[0]).toBe(entry);
  });

  it('lays each part over its own object: a request or response field changes that field only', () => {
    const headers = [{ name: 'Content-Type', value: 'application/csp-report' }];
    const entry = blankEntry({
      startedDateTime: '2026-12-05T16:00:00.000Z',
      time: 12,
      request: { method: 'POST', url: 'https://a.example/csp', headers },
      response: { status: 204 },
      _why403: { source: 'csp' },
    });
    const empty = blankEntry();
    expect(entry).toStrictEqual({
      ...empty,
      startedDateTime: '2026-12-05T16:00:00.000Z',
      time: 12,
      request: { ...empty.request, method: 'POST', url: 'https://a.example/csp', headers },
      response: { ...empty.response, status: 204 },
      _why403: { source: 'csp' },
    });
    // The defaults are fresh each time: one entry's lists are not another's.
    expect(blankEntry().request.headers).not.toBe(blankEntry().request.headers);
  });

  it('takes the given timings whole, and keeps the empty ones when none are given', () => {
    const timings = { send: 1, wait: 2, receive: 3, blocked: -1 };
    expect(blankEntry({ timings }).timings).toStrictEqual(timings);
    expect(blankEntry({ time: 5 }).timings).toStrictEqual({ send: 0, wait: 0, receive: 0 });
  });
});
