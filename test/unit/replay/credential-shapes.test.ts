import { describe, expect, it } from 'vitest';
import { applyAuth, extractAuth } from '../../../lib/replay/credentials';
import { dropOnPrefill, isForbiddenHeader } from '../../../lib/replay/forbidden';
import { queryRows, replayRequestFromEntry, withQuery } from '../../../lib/replay/from-entry';
import { EMPTY_AUTH, type ReplayAuth, type ReplayRequest } from '../../../lib/replay/types';
import { makeEntry } from '../../support/har';

// What the replay editor takes out of a captured request and what it puts back: the user edits
// one credential, and the request that goes out must carry it where the API reads it, once.

const req = (headers: [string, string][], url = 'https://api.example.com/v1/me'): ReplayRequest => ({
  method: 'GET',
  url,
  headers: headers.map(([name, value]) => ({ name, value })),
  body: null,
  credentials: 'same-origin',
});
const auth = (a: Partial<ReplayAuth>): ReplayAuth => ({ ...EMPTY_AUTH, ...a });

describe('extractAuth reads the credential the request carried', () => {
  it('reads Bearer in any case, with the whitespace a header may carry around it (RFC 9110 §5.5, §11.1)', () => {
    for (const value of ['Bearer abc.def', '  bearer abc.def', 'BEARER abc.def  ', 'Bearer\tabc.def']) {
      expect(extractAuth(req([['Authorization', value]])).auth).toMatchObject({ type: 'bearer', token: 'abc.def' });
    }
  });

  it('keeps a bearer token that is itself base64 of "id:secret" a bearer token', () => {
    // An opaque token may be any b64token (RFC 6750 §2.1); "dXNlcjpwdw==" decodes to "user:pw".
    expect(extractAuth(req([['Authorization', 'Bearer dXNlcjpwdw==']])).auth).toMatchObject({
      type: 'bearer',
      token: 'dXNlcjpwdw==',
    });
  });

  it('keeps an undecodable Basic value, another scheme and a bare token as sent (custom)', () => {
    for (const value of [
      'Basic not-base64!',
      'Basic dXNlcnB3', // "userpw": no colon, so not user:password (RFC 7617 §2)
      'Bearer  Bearer abc.def', // a doubled scheme, two spaces apart: the preset cleans it
      'Token token="abc"', // Rails' documented form
      'Digest username="Mufasa", realm="bearer tokens@example.com", nonce="dcd98b"', // RFC 7616 §3.9.1 shape
      'abc.def',
    ]) {
      const { req: rest, auth: a } = extractAuth(req([['authorization', value]]));
      expect(a).toMatchObject({ type: 'custom', customName: 'authorization', customValue: value });
      expect(rest.headers).toEqual([]);
      // Sent back exactly as it was captured.
      expect(applyAuth(rest, a).headers).toEqual([{ name: 'authorization', value }]);
    }
  });

  it('finds an API key header however it is spelled, and leaves the other headers in order', () => {
    const { req: rest, auth: a } = extractAuth(
      req([
        ['Accept', 'application/json'],
        ['X-API-Key', 'k-123'],
        ['X-Trace', 't'],
      ]),
    );
    expect(a).toMatchObject({ type: 'api-key', keyName: 'X-API-Key', keyValue: 'k-123', keyIn: 'header' });
    expect(rest.headers.map((h) => h.name)).toEqual(['Accept', 'X-Trace']);
  });

  it('finds an API key in the query after other parameters, and only the key leaves the URL', () => {
    const { req: rest, auth: a } = extractAuth(req([], 'https://api.example.com/v1?q=x&API_KEY=K1&page=2'));
    expect(a).toMatchObject({ type: 'api-key', keyName: 'API_KEY', keyValue: 'K1', keyIn: 'query' });
    expect(rest.url).toBe('https://api.example.com/v1?q=x&page=2');
  });

  it('finds nothing in a request without a credential, or with an unparsable URL', () => {
    const plain = req([['Accept', '*/*']], 'https://api.example.com/v1?q=x');
    expect(extractAuth(plain)).toEqual({ req: plain, auth: EMPTY_AUTH });
    const bad = req([], 'not a url?key=1');
    expect(extractAuth(bad)).toEqual({ req: bad, auth: EMPTY_AUTH });
  });
});

describe('applyAuth puts the credential where the API reads it, once', () => {
  it('replaces an Authorization the request already has, in place and with its spelling', () => {
    const r = req([
      ['Accept', '*/*'],
      ['authorization', 'Bearer old'],
      ['X-Trace', 't'],
    ]);
    expect(applyAuth(r, auth({ type: 'bearer', token: ' new\n' })).headers).toEqual([
      { name: 'Accept', value: '*/*' },
      { name: 'authorization', value: 'Bearer new' },
      { name: 'X-Trace', value: 't' },
    ]);
  });

  it('encodes Basic as UTF-8 base64 of user:password (RFC 7617 §2.1 charset="UTF-8")', () => {
    expect(applyAuth(req([]), auth({ type: 'basic', username: 'Aladdin', password: 'open sesame' })).headers).toEqual([
      { name: 'Authorization', value: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' },
    ]);
  });

  it('sends no API key without a name, and a custom header only with a name', () => {
    expect(applyAuth(req([]), auth({ type: 'api-key', keyName: '', keyValue: 'k' })).headers).toEqual([]);
    expect(applyAuth(req([]), auth({ type: 'api-key', keyName: '', keyValue: 'k', keyIn: 'query' })).url).toBe(
      'https://api.example.com/v1/me',
    );
    expect(applyAuth(req([]), auth({ type: 'custom', customName: '', customValue: 'v' })).headers).toEqual([]);
    expect(applyAuth(req([]), auth({ type: 'custom', customName: 'X-Session', customValue: 'v' })).headers).toEqual([
      { name: 'X-Session', value: 'v' },
    ]);
  });

  it('leaves an unparsable URL as typed when the key goes in the query', () => {
    const r = req([], 'not a url');
    expect(applyAuth(r, auth({ type: 'api-key', keyName: 'key', keyValue: 'k', keyIn: 'query' })).url).toBe(
      'not a url',
    );
  });

  it('does not change the request it was given', () => {
    const r = req([['Accept', '*/*']]);
    applyAuth(r, auth({ type: 'cookie', cookie: 'sid=1' }));
    expect(r.headers).toEqual([{ name: 'Accept', value: '*/*' }]);
  });
});

describe('replayRequestFromEntry: the editor opens on what the page sent', () => {
  const entry = (spec: Partial<Parameters<typeof makeEntry>[0]>) =>
    makeEntry({ url: 'https://api.example.com/v1/items', status: 403, ...spec });

  it("picks fetch's credentials mode from what the browser sent (Fetch standard, request's credentials mode)", () => {
    expect(replayRequestFromEntry(entry({ requestHeaders: { cookie: 'sid=1' } })).credentials).toBe('include');
    // Same-origin without cookies: 'omit' sends the same nothing, and no Basic prompt over the page.
    expect(replayRequestFromEntry(entry({ requestHeaders: { 'Sec-Fetch-Site': ' Same-Origin ' } })).credentials).toBe(
      'omit',
    );
    expect(replayRequestFromEntry(entry({ requestHeaders: { 'sec-fetch-site': 'cross-site' } })).credentials).toBe(
      'same-origin',
    );
    expect(replayRequestFromEntry(entry({})).credentials).toBe('same-origin');
  });

  it('sends a body only with a method that has one, and upper-cases the method', () => {
    expect(replayRequestFromEntry(entry({ method: 'post', requestBody: '{"a":1}' }))).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
    });
    expect(replayRequestFromEntry(entry({ method: 'GET', requestBody: 'x' })).body).toBeNull();
    expect(replayRequestFromEntry(entry({ method: 'HEAD', requestBody: 'x' })).body).toBeNull();
    // A body longer than the engine reads is replayed whole.
    const big = 'b'.repeat(300 * 1024);
    expect(replayRequestFromEntry(entry({ method: 'PUT', requestBody: big })).body).toBe(big);
    const noMethod = entry({});
    delete (noMethod.request as { method?: string }).method;
    expect(replayRequestFromEntry(noMethod).method).toBe('GET');
  });

  it('opens on a HAR request without a headers list (a hand-written HAR)', () => {
    const e = entry({});
    delete (e.request as { headers?: unknown }).headers;
    expect(replayRequestFromEntry(e)).toMatchObject({ headers: [], credentials: 'same-origin' });
  });

  it('keeps header values as text and skips rows without a name', () => {
    const e = entry({});
    e.request.headers = [
      { name: 'X-Count', value: 3 as unknown as string },
      { name: 'X-Empty', value: null as unknown as string },
      { name: 7 as unknown as string, value: 'x' },
      null as unknown as { name: string; value: string },
    ];
    expect(replayRequestFromEntry(e).headers).toEqual([
      { name: 'X-Count', value: '3' },
      { name: 'X-Empty', value: '' },
    ]);
  });

  it('edits the query as rows, repeats and order kept, empty names dropped', () => {
    expect(queryRows('https://a.test/p?a=1&a=2&b=%20x')).toEqual([
      { name: 'a', value: '1' },
      { name: 'a', value: '2' },
      { name: 'b', value: ' x' },
    ]);
    expect(queryRows('not a url')).toEqual([]);
    expect(
      withQuery('https://a.test/p?old=1#frag', [
        { name: 'b', value: '2' },
        { name: '', value: 'lost' },
        { name: 'a', value: '1 2' },
      ]),
    ).toBe('https://a.test/p?b=2&a=1+2#frag');
    expect(withQuery('not a url', [{ name: 'a', value: '1' }])).toBe('not a url');
  });
});

describe('headers the browser owns (Fetch standard, forbidden request-header)', () => {
  it.each([
    'Cookie',
    ' Host ',
    'Proxy-Authorization',
    'proxy-anything',
    'Sec-Fetch-Mode',
    'sec-anything',
    'User-Agent',
  ])('%s cannot be sent by the page', (n) => expect(isForbiddenHeader(n)).toBe(true));
  it.each(['Authorization', 'X-Api-Key', 'x-proxy-', 'x-sec-'])('%s can', (n) =>
    expect(isForbiddenHeader(n)).toBe(false),
  );

  it('drops what the browser sets itself from the prefill, and keeps the rest', () => {
    for (const n of [':authority', 'Content-Length', 'Accept-Encoding', 'Sec-Fetch-Site', 'sec-ch-ua-platform'])
      expect(dropOnPrefill(n)).toBe(true);
    for (const n of ['Authorization', 'Cookie', 'x-sec-fetch-', 'x-sec-ch-', 'Sec-Purpose'])
      expect(dropOnPrefill(n)).toBe(false);
  });
});
