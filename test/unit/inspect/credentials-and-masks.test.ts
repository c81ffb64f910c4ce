import { describe, expect, it } from 'vitest';
import { parseCookieHeader, readCredentials } from '../../../lib/inspect/credentials';
import { clip, hasControl, maskSecret, printable } from '../../../lib/inspect/mask';
import { findJwts } from '../../../lib/inspect/tokens';
import { parseAuthorization } from '../../../lib/inspect/authorization';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';
import { makeJwt } from './support';

const ex = (spec: Partial<EntrySpec>) =>
  toExchange(makeEntry({ url: 'https://api.example.com/v1/orders', status: 401, ...spec }), 0);

describe('the Cookie header (RFC 6265 §4.2.1: "name=value; name=value")', () => {
  it('keeps every pair, trimmed, a "=" inside the value, and a name without a value', () => {
    expect(parseCookieHeader(' sid = a=b== ;theme=dark;; =orphan; flag')).toEqual([
      { name: 'sid', value: 'a=b==' },
      { name: 'theme', value: 'dark' },
      { name: 'flag', value: '' },
    ]);
  });
});

describe('readCredentials: what was sent, and what the capture hid', () => {
  it('sends nothing: no credential at all', () => {
    const c = readCredentials(ex({}));
    expect(c).toMatchObject({ authorization: null, proxyAuthorization: null, apiKeys: [], cookies: [], any: false });
    expect(c.hidden).toEqual([]);
  });

  it.each([
    [{ Authorization: 'Bearer abc' }],
    [{ 'Proxy-Authorization': 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }],
    [{ 'X-API-Key': 'k-123' }],
    [{ Cookie: 'sid=1' }],
  ])('any one credential counts as sent: %j', (headers) => {
    expect(readCredentials(ex({ requestHeaders: headers })).any).toBe(true);
  });

  it('an API key in the query counts, whatever the case of its name', () => {
    const c = readCredentials(ex({ url: 'https://maps.example.com/api?KEY=AIzaSyD&q=1' }));
    expect(c.apiKeys).toEqual([{ in: 'query', name: 'KEY', value: 'AIzaSyD' }]);
    expect(c.any).toBe(true);
  });

  it('names each credential the capture shows only as a placeholder', () => {
    const c = readCredentials(
      ex({
        url: 'https://api.example.com/x?api_key=[REDACTED]',
        requestHeaders: {
          Authorization: 'Bearer [REDACTED]',
          'Proxy-Authorization': '****',
          'X-API-Key': '${API_KEY}',
          Cookie: 'session=[FILTERED]; theme=dark',
        },
      }),
    );
    expect(c.hidden).toEqual([
      'Authorization: [REDACTED]',
      'Proxy-Authorization: ****',
      'x-api-key (header): ${API_KEY}',
      'api_key (query): [REDACTED]',
      'cookie session: [FILTERED]',
    ]);
  });

  // HTTP/2 may split cookies over several Cookie fields (RFC 9113 §8.2.3): one hidden field is not all of them.
  it('notes hidden cookies one by one when only some Cookie fields are hidden', () => {
    const c = readCredentials(ex({ requestHeaders: { Cookie: ['[REDACTED]', 'session=[FILTERED]; theme=dark'] } }));
    expect(c.hidden).toEqual(['cookie session: [FILTERED]']);
    const long = 's'.repeat(50);
    expect(readCredentials(ex({ requestHeaders: { Cookie: `${long}=[REDACTED]` } })).hidden).toEqual([
      `cookie ${'s'.repeat(40)}: [REDACTED]`,
    ]);
  });

  it('reads a request whose URL does not parse', () => {
    const c = readCredentials(ex({ url: 'not a url', requestHeaders: { 'X-API-Key': 'k-123' } }));
    expect(c.apiKeys).toEqual([{ in: 'header', name: 'x-api-key', value: 'k-123' }]);
    expect(findJwts(ex({ url: 'not a url' }), null)).toEqual([]);
  });

  it('a Cookie header hidden as a whole is one note, not one per fragment', () => {
    expect(readCredentials(ex({ requestHeaders: { Cookie: '[REDACTED]' } })).hidden).toEqual(['Cookie: [REDACTED]']);
    // Real values stay out of the notes.
    expect(readCredentials(ex({ requestHeaders: { Cookie: 'sid=s%3AabcDEF123; theme=dark' } })).hidden).toEqual([]);
  });

  it('keeps at most 40 characters of a name and of a placeholder in a note', () => {
    const name = `x-${'a'.repeat(50)}-api-key`;
    const c = readCredentials(ex({ requestHeaders: { [name]: `{{${'t'.repeat(50)}}}` } }));
    expect(c.hidden).toEqual([`${name.slice(0, 40)} (header): {{${'t'.repeat(38)}`]);
  });
});

describe('findJwts: the other places a JWT travels', () => {
  const a = makeJwt({ sub: 'a' });
  const b = makeJwt({ sub: 'b' });

  it('strips "Bearer " in a custom header and skips headers that never carry the credential', () => {
    const x = ex({
      url: `https://api.example.com/x?q=${b}`,
      requestHeaders: { 'X-Forwarded-Authorization': `bearer ${a}`, Referer: `https://app.example.com/?t=${b}` },
    });
    expect(findJwts(x, null).map((f) => [f.where, f.name, f.jwt.sub, f.primary, f.length])).toEqual([
      ['request.header', 'x-forwarded-authorization', 'a', false, a.length],
      ['request.query', 'q', 'b', false, b.length],
    ]);
  });

  it('reads the Authorization header only through its own reading, and strips any run of spaces after "Bearer"', () => {
    const x = ex({ requestHeaders: { Authorization: `Bearer ${a}`, 'X-Upstream-Authorization': `Bearer  ${b}` } });
    expect(findJwts(x, null).map((f) => [f.name, f.jwt.sub])).toEqual([['x-upstream-authorization', 'b']]);
  });

  it('skips what only looks like a JWT, and a cookie value that is not URL-encoding', () => {
    const x = ex({ requestHeaders: { 'X-Token': 'eyJub3Q.anNvbg.c2ln', Cookie: `bad=%E0%A4%A; jwt=${b}` } });
    expect(findJwts(x, null).map((f) => f.name)).toEqual(['jwt']);
  });

  it('the Authorization JWT comes first and is not found again elsewhere; quotes are not part of it', () => {
    const x = ex({ requestHeaders: { Authorization: `Bearer "${a}"`, 'X-Id-Token': a } });
    const found = findJwts(x, parseAuthorization(`Bearer "${a}"`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'authorization', primary: true, length: a.length });
  });
});

describe('masks and display text', () => {
  it('shows bullets up to 8 characters and the first four from 9', () => {
    expect(maskSecret('abc')).toBe('••• (3 chars)');
    expect(maskSecret('abcdefgh')).toBe('•••• (8 chars)');
    expect(maskSecret('abcdefghi')).toBe('abcd… (9 chars)');
    expect(maskSecret('\tabcdefghijk')).toBe('\\tabc… (12 chars)');
  });

  it('clips at exactly max characters', () => {
    expect(clip('x'.repeat(120))).toBe('x'.repeat(120));
    expect(clip('x'.repeat(121))).toBe(`${'x'.repeat(119)}…`);
    expect(clip('a\nb', 3)).toBe('a\\…');
  });

  // C1 controls, DEL, the line separators and the bidi overrides (Trojan Source, CVE-2021-42574).
  it('makes every unsafe character visible and leaves text and non-ASCII alone', () => {
    expect(printable('a\rb\tc\u007f\u0085\u009f')).toBe('a\\rb\\tc\\x7f\\x85\\x9f');
    expect(printable('x\u2028y\u2029\u202ez\u2066')).toBe('x\\u2028y\\u2029\\u202ez\\u2066');
    expect(printable('\u001f \u00a0é😀')).toBe('\\x1f \u00a0é😀');
    expect(printable('ok – fine')).toBe('ok – fine');
  });

  it('finds control characters, a tab only when tabs count', () => {
    expect(hasControl('a\tb')).toBe(true);
    expect(hasControl('a\tb', true)).toBe(false);
    expect(hasControl('a\u0000b', true)).toBe(true);
    expect(hasControl('a\u001fb')).toBe(true);
    expect(hasControl('a\u007f')).toBe(true);
    expect(hasControl('a b\u0080é')).toBe(false);
  });
});
