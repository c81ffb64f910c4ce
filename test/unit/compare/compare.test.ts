import { describe, expect, it } from 'vitest';
import { LogIndex, toExchange } from '../../../lib';
import { compareRequests, compareWithLastSuccess } from '../../../lib/compare';
import { Vault } from '../../../lib/redact';
import { makeEntry, makeHar, type EntrySpec } from '../../support/har';
import { makeJwt } from '../inspect/support';

const url = 'https://api.example.com/v1/items';
const x = (spec: Partial<EntrySpec>, i: number) => toExchange(makeEntry({ url, status: 200, ...spec }, i), i);

describe('compareRequests', () => {
  it('ignores order, case and volatile headers', () => {
    const ok = x(
      {
        requestHeaders: {
          Accept: 'application/json',
          'X-Tenant': 'a',
          Date: 'Mon',
          'User-Agent': 'A',
          traceparent: '00-1',
          'X-Request-Id': '1',
          'sec-ch-ua': '"A"',
          'Content-Length': '1',
        },
      },
      0,
    );
    const bad = x(
      {
        status: 403,
        requestHeaders: {
          'x-tenant': 'a',
          accept: 'application/json',
          Date: 'Tue',
          'User-Agent': 'B',
          traceparent: '00-2',
          'X-Request-Id': '2',
          'sec-ch-ua': '"B"',
          'Content-Length': '2',
        },
      },
      1,
    );
    const c = compareRequests(bad, ok);
    expect(c.items).toEqual([]);
    expect(c.ignored.map((n) => n.toLowerCase()).sort()).toEqual([
      'content-length',
      'date',
      'sec-ch-ua',
      'traceparent',
      'user-agent',
      'x-request-id',
    ]);
  });

  it('reports method, query, origin, header and cookie differences', () => {
    const ok = x(
      {
        url: `${url}?page=1&key=K-111111`,
        requestHeaders: { Origin: 'https://app.example.com', 'X-Tenant': 'a', Cookie: 'sid=S-1111111; theme=dark' },
      },
      0,
    );
    const bad = x(
      {
        method: 'POST',
        url: `${url}?page=1&key=K-222222`,
        status: 403,
        requestHeaders: { Origin: 'https://evil.example', Cookie: 'sid=S-1111111', 'X-Extra': '1' },
      },
      1,
    );
    const c = compareRequests(bad, ok);
    const byName = Object.fromEntries(c.items.map((d) => [`${d.area}:${d.name}`, d]));
    expect(byName['method:method']).toMatchObject({ change: 'changed', failing: 'POST', success: 'GET' });
    expect(byName['query:key']).toMatchObject({
      change: 'changed',
      failing: '${WHY403_QUERY_KEY}',
      success: '${WHY403_QUERY_KEY_2}',
    });
    expect(byName['origin:Origin']).toMatchObject({
      failing: 'https://evil.example',
      success: 'https://app.example.com',
    });
    expect(byName['header:X-Tenant']).toMatchObject({ change: 'removed' });
    expect(byName['header:X-Extra']).toMatchObject({ change: 'added' });
    expect(byName['cookie:theme']).toMatchObject({ change: 'removed', failing: null });
    expect(c.same).toEqual(['cookie sid: the same value in both (${WHY403_COOKIE_SID})']);
    expect(JSON.stringify(c)).not.toMatch(/K-111111|K-222222|S-1111111/);
  });

  it('compares tokens by value, shows placeholders, and says which claims moved', () => {
    const t1 = makeJwt({ exp: 1795266000, aud: 'api', scope: 'read write', sub: 'personal-sub-1' });
    const t2 = makeJwt({ exp: 1795255200, aud: 'other', scope: 'read', sub: 'personal-sub-1' });
    const ok = x({ requestHeaders: { Authorization: `Bearer ${t1}` } }, 0);
    const same = compareRequests(x({ status: 401, requestHeaders: { Authorization: `Bearer ${t1}` } }, 1), ok);
    expect(same.items).toEqual([]);
    expect(same.same).toEqual(['Authorization: the same credential in both (Bearer ${WHY403_AUTHORIZATION})']);
    const diff = compareRequests(x({ status: 401, requestHeaders: { Authorization: `Bearer ${t2}` } }, 1), ok);
    const item = diff.items.find((d) => d.area === 'auth')!;
    expect(item.detail).toBe(
      'JWT claims differ: exp: 2026-11-21T13:00:00Z (worked) → 2026-11-21T10:00:00Z (failed); aud: ' +
        'api (worked) → other (failed); scope: read write (worked) → read (failed)',
    );
    expect(JSON.stringify(diff)).not.toContain(t1.split('.')[2]);
    expect(JSON.stringify(diff)).not.toContain('personal-sub-1');
  });

  it('Basic: same user or not, never the password', () => {
    const b = (u: string) => `Basic ${Buffer.from(u).toString('base64')}`;
    const c = compareRequests(
      x({ status: 401, requestHeaders: { Authorization: b('alice:Wr0ng-pass') } }, 1),
      x({ requestHeaders: { Authorization: b('alice:R1ght-pass') } }, 0),
    );
    expect(c.items[0]!.detail).toBe('same user "alice", different password');
    expect(JSON.stringify(c)).not.toMatch(/Wr0ng|R1ght/);
  });

  it('bodies: sizes and JSON field names, never values', () => {
    const c = compareRequests(
      x({ method: 'POST', status: 400, requestBody: '{"a":1,"password":"Secret-1x"}' }, 1),
      x({ method: 'POST', requestBody: '{"a":1,"b":2}' }, 0),
    );
    expect(c.items).toEqual([
      {
        area: 'body',
        name: 'body',
        change: 'changed',
        failing: '30 chars',
        success: '13 chars',
        detail: 'fields only in the failing body: password; fields only in the successful body: b',
      },
    ]);
  });

  it('reads a query value as sent, after the first =, and a name without = as an empty value', () => {
    // The URL Standard's application/x-www-form-urlencoded parser: a sequence without "=" is a name
    // whose value is the empty string, and only the first "=" splits (https://url.spec.whatwg.org/#urlencoded-parsing).
    // So `?debug` and `?debug=` send the same parameter, and `filter=a=b` is the value `a=b`.
    const c = compareRequests(
      x({ url: `${url}?page=2&filter=a=b&debug`, status: 403 }, 1),
      x({ url: `${url}?page=1&filter=a=b&debug=` }, 0),
    );
    expect(c.items).toEqual([{ area: 'query', name: 'page', change: 'changed', failing: '2', success: '1' }]);
    const moved = compareRequests(
      x({ url: `${url}?filter=a=c&debug=1`, status: 403 }, 1),
      x({ url: `${url}?filter=a=b&debug` }, 0),
    );
    expect(moved.items).toEqual([
      { area: 'query', name: 'filter', change: 'changed', failing: 'a=c', success: 'a=b' },
      { area: 'query', name: 'debug', change: 'changed', failing: '1', success: '' },
    ]);
  });

  it('uses a shared vault, so names match the rest of a report', () => {
    const vault = new Vault();
    vault.secret('K-999999', { base: 'MY_KEY', kind: 'api-key', where: 'test' });
    const c = compareRequests(
      x({ url: `${url}?key=K-999999`, status: 403 }, 1),
      x({ url: `${url}?key=K-000000` }, 0),
      vault,
    );
    expect(c.items[0]!.failing).toBe('${WHY403_MY_KEY}');
  });
});

describe('compareWithLastSuccess', () => {
  it('finds the last 2xx call to the same endpoint, or null', () => {
    const log = new LogIndex(
      makeHar([
        { url, status: 200 },
        { url, status: 200, requestHeaders: { 'X-V': '2' } },
        { url, status: 403 },
        { url: `${url}/other`, status: 403 },
      ]),
    );
    expect(compareWithLastSuccess(log, log.at(2)!)?.successIndex).toBe(1);
    expect(compareWithLastSuccess(log, log.at(3)!)).toBeNull();
  });
});
