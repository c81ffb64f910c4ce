// Edges of a HAR entry's field-by-field redaction (lib/redact/har.ts) beside har-fields.test.ts:
// malformed lists and missing fields as real writers leave them, the places an extra's secret is
// said to be in, the Content-Type looked up among other headers, a binary request body that held
// a secret, and a body recorded as hex chunks (nock, Polly before v5) told from a JSON array.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../../lib/har/types';
import { learnEntries, redactEntry, Vault } from '../../../lib/redact';
import { makeEntry } from '../../support/har';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const entry = () => makeEntry({ url: 'https://api.example.com/v1/me', status: 401, body: '{"ok":false}' });
/** nock's recording of a gzip body: an array of hex chunks. */
const hexChunks = (text: string) => {
  const hex = gzipSync(Buffer.from(text)).toString('hex');
  return JSON.stringify([hex.slice(0, 20), hex.slice(20)]);
};

describe('missing and malformed fields', () => {
  it('a headers field that is not a list becomes an empty list; a header without value gets an empty one', () => {
    const e = entry();
    (e.request as unknown as Record<string, unknown>).headers = 'not a list';
    e.response.headers = [{ name: 'X-Empty' } as never, null as never, { value: 'no name' } as never];
    const out = redactEntry(e);
    expect(out.request.headers).toEqual([]);
    expect(out.response.headers).toEqual([{ name: 'X-Empty', value: '' }, { value: '' }, { value: 'no name' }]);
  });

  it('a request without URL gets an empty one; a cookie without value keeps an empty one', () => {
    const e = entry();
    delete (e.request as unknown as Record<string, unknown>).url;
    e.request.cookies = [{ name: 'a' } as never];
    e.response.cookies = [{ name: 'b' } as never];
    const v = new Vault();
    const out = redactEntry(e, v);
    expect(out.request.url).toBe('');
    expect(out.request.cookies).toEqual([{ name: 'a', value: '' }]);
    expect(out.response.cookies).toEqual([{ name: 'b', value: '' }]);
    expect(v.list()).toEqual([]);
  });

  it('a request body without headers is read by its mimeType', () => {
    const e = entry();
    delete (e.request as unknown as Record<string, unknown>).headers;
    e.request.postData = { mimeType: 'application/x-www-form-urlencoded', text: 'secret=s-NoHead-1' };
    expect(redactEntry(e).request.postData!.text).toBe('secret=${WHY403_BODY_SECRET}');
  });
});

describe('the Content-Type of a request body', () => {
  it('is found among other headers, in any case, past entries without a name', () => {
    const e = makeEntry({ url: 'https://api.example.com/login', status: 401, requestBody: 'secret=s-Ct-1 and more' });
    e.request.postData!.mimeType = 'text/plain';
    e.request.headers = [
      null as never,
      { value: 'nameless' } as never,
      { name: 'Accept', value: 'application/json' },
      { name: 'CONTENT-TYPE', value: 'application/x-www-form-urlencoded' },
    ];
    // Read as a form, the value runs to the end of the body; as plain text it would stop at the space.
    expect(redactEntry(e).request.postData!.text).toBe('secret=${WHY403_BODY_SECRET}');
  });
});

describe('the URL, its queryString list and the cookie lists', () => {
  it("a secret only the queryString list holds is named, kinded and placed by it; the URL's own is placed in the URL", () => {
    const e = makeEntry({ url: 'https://api.example.com/a?token=t-Url-4812', status: 401 });
    e.request.queryString = [{ name: 'api_key', value: 'ak-List-4812' }];
    const v = new Vault();
    redactEntry(e, v);
    expect(v.list().map((s) => [s.name, s.kind, s.places])).toEqual([
      ['WHY403_QUERY_TOKEN', 'query', ['request URL query token']],
      ['WHY403_QUERY_API_KEY', 'query', ['request URL query api_key']],
    ]);
  });

  it('a known secret in a query value not named secret is found there, placed in the query', () => {
    const e = makeEntry({
      url: 'https://api.example.com/a',
      status: 401,
      requestHeaders: { 'x-api-key': 'xk-Q-4812' },
    });
    e.request.queryString = [{ name: 'ref', value: 'xk-Q-4812' }];
    const v = new Vault();
    expect(redactEntry(e, v).request.queryString).toEqual([{ name: 'ref', value: '${WHY403_X_API_KEY}' }]);
    expect(v.list()[0]!.places).toEqual(['request header x-api-key', 'query']);
  });

  it('request cookies are of kind cookie; a response without a cookies list gets none', () => {
    const e = entry();
    e.request.cookies = [{ name: 'sid', value: 'sid-K-4812' }];
    delete (e.response as unknown as Record<string, unknown>).cookies;
    const v = new Vault();
    const out = redactEntry(e, v);
    expect(v.list()[0]).toMatchObject({ name: 'WHY403_COOKIE_SID', kind: 'cookie' });
    expect(out.response).not.toHaveProperty('cookies');
  });
});

describe('places', () => {
  it('a secret in a URL among the extras is placed as in a URL, an echo elsewhere as in a HAR field', () => {
    const e = makeEntry({
      url: 'https://api.example.com/a',
      status: 401,
      requestHeaders: { 'x-api-key': 'xk-Extra-4812' },
    });
    (e as HarEntry & Record<string, unknown>)._extra = {
      url: 'https://h.example/x?token=t-Extra-9',
      note: 'echo xk-Extra-4812 here',
    };
    const v = new Vault();
    const out = redactEntry(e, v) as unknown as { _extra: { note: string } };
    expect(out._extra.note).toBe('echo ${WHY403_X_API_KEY} here');
    expect(v.list().map((s) => [s.name, s.places])).toEqual([
      ['WHY403_X_API_KEY', ['request header x-api-key', 'HAR field']],
      ['WHY403_TOKEN', ['HAR field', 'URL query token']],
    ]);
  });
});

describe('request bodies', () => {
  it('a plain body is redacted in place, with no comment; a body of params only keeps no text', () => {
    const e = entry();
    e.request.postData = { mimeType: 'application/json', text: '{"password":"pw-Plain-4812"}' };
    expect(redactEntry(e).request.postData).toEqual({
      mimeType: 'application/json',
      text: '{"password":"${WHY403_BODY_PASSWORD}"}',
    });
    e.request.postData = {
      mimeType: 'application/x-www-form-urlencoded',
      params: [{ name: 'q', value: '1' }],
    } as never;
    expect(redactEntry(e).request.postData).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      params: [{ name: 'q', value: '1' }],
    });
  });

  it('form params alone: a secret one is hidden, named and placed as a form field; one without value gets none', () => {
    const e = entry();
    e.request.postData = {
      mimeType: 'application/x-www-form-urlencoded',
      params: [{ name: 'password', value: 'pw-Param-4812' }, { name: 'flag' }],
    } as never;
    const v = new Vault();
    const params = redactEntry(e, v).request.postData!.params!;
    expect(params[0]).toEqual({ name: 'password', value: '${WHY403_BODY_PASSWORD}' });
    expect(Object.keys(params[1]!)).toEqual(['name']);
    expect(v.list()).toEqual([
      expect.objectContaining({ name: 'WHY403_BODY_PASSWORD', kind: 'body', places: ['request form field password'] }),
    ]);
  });

  it("a base64 body's secret is placed in the request body", () => {
    const e = entry();
    e.request.postData = {
      mimeType: 'application/json',
      encoding: 'base64',
      text: b64('{"password":"pw-B64-4812"}'),
    } as never;
    const v = new Vault();
    redactEntry(e, v);
    expect(v.info('WHY403_BODY_PASSWORD')!.places).toContain('request body field password');
  });
});

describe('response bodies', () => {
  it('are read by their mimeType, their secrets placed in the response body', () => {
    const e = entry();
    e.response.content = { size: 1, mimeType: 'application/x-www-form-urlencoded', text: 'secret=s-Res-1 and more' };
    const v = new Vault();
    expect(redactEntry(e, v).response.content!.text).toBe('secret=${WHY403_BODY_SECRET}');
    expect(v.info('WHY403_BODY_SECRET')!.places).toEqual(['response body field secret']);
    e.response.content = {
      size: 1,
      mimeType: 'application/json',
      encoding: 'base64',
      text: b64('{"token":"t-R64-1"}'),
    };
    const w = new Vault();
    redactEntry(e, w);
    expect(w.info('WHY403_BODY_TOKEN')!.places).toEqual(['response body field token']);
  });

  it('a base64 response body of binary bytes holding a known secret is withheld, and says why', () => {
    const e = makeEntry({
      url: 'https://api.example.com/img',
      status: 403,
      requestHeaders: { authorization: 'Bearer tk-BinRes-4812-abcdef' },
    });
    const bytes = Buffer.concat([Buffer.from([0, 1]), Buffer.from('tk-BinRes-4812-abcdef'), Buffer.from([0])]);
    e.response.content = { size: 24, mimeType: 'image/png', encoding: 'base64', text: b64(bytes) };
    expect(redactEntry(e).response.content).toEqual({
      size: 24,
      mimeType: 'image/png',
      encoding: 'base64',
      text: '',
      comment: 'why403: binary body withheld, it contained a secret',
    });
  });

  it('an entry whose request or response is missing or null keeps it so; lists it lacks are not added', () => {
    const e = makeEntry({ url: 'https://api.example.com/x', status: 200 });
    delete (e.request as unknown as Record<string, unknown>).queryString;
    delete (e.request as unknown as Record<string, unknown>).cookies;
    delete (e.response as unknown as Record<string, unknown>).redirectURL;
    const out = redactEntry(e);
    expect(out.request).not.toHaveProperty('queryString');
    expect(out.request).not.toHaveProperty('cookies');
    expect(out.request).not.toHaveProperty('postData');
    expect(out.response).not.toHaveProperty('redirectURL');
    const noRequest = makeEntry({ url: 'https://api.example.com/x', status: 200 });
    delete (noRequest as unknown as Record<string, unknown>).request;
    expect(redactEntry(noRequest).request).toBeUndefined();
    const nullResponse = makeEntry({ url: 'https://api.example.com/x', status: 200 });
    (nullResponse as unknown as Record<string, unknown>).response = null;
    expect(redactEntry(nullResponse).response).toBeNull();
  });

  it('response cookies are of kind cookie; a redirect URL is placed as one', () => {
    const e = entry();
    e.response.cookies = [{ name: 'sid', value: 'sid-RC-4812' }];
    e.response.redirectURL = 'https://app.example/cb?code=oc-Redir-4812';
    const v = new Vault();
    redactEntry(e, v);
    expect(v.list().map((s) => [s.name, s.kind, s.places])).toEqual([
      ['WHY403_COOKIE_SID', 'cookie', ['response Set-Cookie']],
      ['WHY403_QUERY_CODE', 'query', ['redirect URL query code']],
    ]);
  });

  it('an entry without a response (a request that never got one) is redacted all the same', () => {
    const e = makeEntry({ url: 'https://api.example.com/x?token=t-NoRes-1', status: 0 });
    delete (e as unknown as Record<string, unknown>).response;
    const out = redactEntry(e);
    expect(out.request.url).toBe('https://api.example.com/x?token=${WHY403_QUERY_TOKEN}');
    expect(out.response).toBeUndefined();
  });
});

describe('encoded bodies', () => {
  it('a base64 request body of binary bytes holding a known secret is withheld, and says why', () => {
    const e = makeEntry({
      url: 'https://api.example.com/upload',
      status: 401,
      requestHeaders: { authorization: 'Bearer tk-Bin-4812-abcdef' },
    });
    const bytes = Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('tk-Bin-4812-abcdef'), Buffer.from([0, 0xff])]);
    e.request.postData = { mimeType: 'application/octet-stream', encoding: 'base64', text: b64(bytes) } as never;
    expect(redactEntry(e).request.postData).toEqual({
      mimeType: 'application/octet-stream',
      encoding: 'base64',
      text: '',
      comment: 'why403: binary body withheld, it contained a secret',
    });
  });

  it('a response body recorded as gzip hex chunks is inflated to redact it, and says so', () => {
    const e = entry();
    e.response.content = { size: 1, mimeType: 'application/json', text: hexChunks('{"access_token":"at-Hex-4812"}') };
    expect(redactEntry(e).response.content).toEqual({
      size: 1,
      mimeType: 'application/json',
      text: '{"access_token":"${WHY403_BODY_ACCESS_TOKEN}"}',
      comment: 'why403: inflated from its hex chunks to redact it',
    });
    // Learned before rendering too, from what the chunks inflate to.
    const v = new Vault();
    learnEntries([e], v);
    expect(v.learned().map((s) => s.value)).toContain('at-Hex-4812');
  });

  it('a JSON array body that only starts like hex chunks is read as the JSON it is, with no comment', () => {
    const e = entry();
    e.response.content = { size: 1, mimeType: 'application/json', text: '["x", {"access_token":"at-Arr-4812"}]' };
    expect(redactEntry(e).response.content).toEqual({
      size: 1,
      mimeType: 'application/json',
      text: '["x", {"access_token":"${WHY403_BODY_ACCESS_TOKEN}"}]',
    });
  });
});
