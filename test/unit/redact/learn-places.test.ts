// Where a secret found by the decoding closure is said to be (lib/redact/learn.ts placeOf): the
// reports list each secret's places, so a token quoted in a browser extra must not be said to be
// in the response body, and one in the request body must not be said to be in a "HAR field".
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../../lib/har/types';
import { learnEntries, Vault } from '../../../lib/redact';
import { makeEntry } from '../../support/har';

// A GitHub token's shape (ghp_ and 36 characters), found by the shape scan in any text.
const token = (tail: string) => `ghp_${'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'.slice(0, 35)}${tail}`;

const placesOf = (e: HarEntry) => {
  const v = new Vault();
  learnEntries([e], v);
  return Object.fromEntries(v.learned().map((s) => [s.value, s.hint.where]));
};

const entry = () =>
  makeEntry({
    method: 'POST',
    url: 'https://api.example.com/v1/notes',
    status: 401,
    requestBody: `note ${token('Q')}`,
    requestMimeType: 'text/plain',
    body: `rejected ${token('R')}`,
    mimeType: 'text/plain',
  }) as HarEntry & Record<string, unknown>;

describe('the place a secret found in an entry is said to be in', () => {
  it('the request and response bodies by name', () => {
    expect(placesOf(entry())).toEqual({ [token('Q')]: 'request body', [token('R')]: 'response body' });
  });

  it('a base64 request body, read only once decoded, is the request body', () => {
    const e = entry();
    e.request.postData = {
      mimeType: 'text/plain',
      _encoding: 'base64',
      text: Buffer.from(`note ${token('O')}`).toString('base64'),
    } as HarEntry['request']['postData'];
    expect(placesOf(e)).toMatchObject({ [token('O')]: 'request body' });
    // A form value that is base64 of JSON: its field is found only by decoding it (closure.ts).
    const f = entry();
    f.request.postData = {
      mimeType: 'text/plain',
      text: `data=${Buffer.from('{"password":"pw-Deep-4812"}').toString('base64')}`,
    };
    expect(placesOf(f)).toMatchObject({ 'pw-Deep-4812': 'request body field password' });
  });

  it('a copy of a request or response inside a browser extra is a HAR field, not a body', () => {
    const e = entry();
    e._debug = {
      response: { content: { text: `logged ${token('S')}` } },
      request: { postData: { text: `logged ${token('T')}` } },
    };
    e._response = { content: { text: `logged ${token('U')}` } };
    expect(placesOf(e)).toMatchObject({
      [token('S')]: 'HAR field',
      [token('T')]: 'HAR field',
      [token('U')]: 'HAR field',
    });
  });

  it('only the entry’s own postData and content are bodies, not a field of the same name deeper down', () => {
    const e = entry();
    const req = e.request as unknown as Record<string, unknown>;
    const res = e.response as unknown as Record<string, unknown>;
    req._initiator = {
      postData: { text: `stack ${token('V')}` },
      response: { content: { text: `stack ${token('Z')}` } },
    };
    res.statusText = `Refused ${token('P')}`;
    res._transfer = { content: { text: `copy ${token('W')}` } };
    req._note = `request extra ${token('X')}`;
    res.content = { ...(res.content as object), _text: `content extra ${token('Y')}` };
    expect(placesOf(e)).toMatchObject({
      [token('V')]: 'HAR field',
      [token('W')]: 'HAR field',
      [token('X')]: 'HAR field',
      [token('Y')]: 'response body',
      [token('Z')]: 'HAR field',
      [token('P')]: 'HAR field',
    });
  });
});

describe('an entry missing a part is learned from the parts it has', () => {
  const secretOf = (e: unknown) => {
    const v = new Vault();
    learnEntries([e as HarEntry], v);
    return v.learned().map((s) => s.value);
  };
  const full = () =>
    makeEntry({
      method: 'POST',
      url: 'https://api.example.com/v1/login?api_key=ak-Part-4812',
      status: 200,
      requestBody: '{"password":"pw-Part-4812"}',
      requestHeaders: { 'X-Api-Key': 'xk-Part-4812' },
      body: '{"access_token":"at-Part-4812"}',
      responseHeaders: { 'X-Session-Token': 'st-Part-4812' },
    }) as unknown as Record<string, Record<string, unknown>>;

  it.each([
    ['no request', (e: Record<string, Record<string, unknown>>) => delete e.request, ['at-Part-4812', 'st-Part-4812']],
    [
      'no response',
      (e: Record<string, Record<string, unknown>>) => delete e.response,
      ['ak-Part-4812', 'pw-Part-4812', 'xk-Part-4812'],
    ],
    [
      'a response without content or headers',
      (e: Record<string, Record<string, unknown>>) => {
        delete e.response!.content;
        delete e.response!.headers;
      },
      ['ak-Part-4812', 'pw-Part-4812', 'xk-Part-4812'],
    ],
    [
      'a request without a body or headers',
      (e: Record<string, Record<string, unknown>>) => {
        delete e.request!.postData;
        delete e.request!.headers;
      },
      ['ak-Part-4812', 'at-Part-4812', 'st-Part-4812'],
    ],
  ])('%s', (_, cut, secrets) => {
    const e = full();
    cut(e);
    expect(secretOf(e).sort()).toEqual(secrets);
  });
});

describe('odd values and recorded bodies', () => {
  it('an entry built in code, with undefined and boolean fields, is still learned', () => {
    const e = makeEntry({ url: 'https://api.example.com/v1/me?api_key=ak-Odd-4812', status: 401 }) as HarEntry &
      Record<string, unknown>;
    e._later = undefined;
    e._fromCache = false;
    const v = new Vault();
    learnEntries([e], v);
    expect(v.learned().map((s) => s.value)).toEqual(['ak-Odd-4812']);
  });

  it('a gzip body nock recorded as hex chunks is learned from what it inflates to, named as the response body', () => {
    // nock's recorder keeps a compressed body as an array of hex strings (lib/recorder.js getBodyFromChunks).
    const hex = gzipSync(Buffer.from('{"note":"sent", "trace":"ghp_Hex4812Hex4812Hex4812Hex4812Hex4812"}')).toString(
      'hex',
    );
    const e = makeEntry({ url: 'https://api.example.com/v1/me', status: 401 });
    e.response.content = {
      size: 0,
      mimeType: 'application/json',
      text: JSON.stringify([hex.slice(0, 20), hex.slice(20)]),
    };
    expect(placesOf(e)).toEqual({ ghp_Hex4812Hex4812Hex4812Hex4812Hex4812: 'response body' });
  });
});

describe('a scalar under a secret key outside the known places', () => {
  it('is listed as a body secret named after its key, in the HAR field of that key', () => {
    const e = makeEntry({ url: 'https://api.example.com/v1/me', status: 401 }) as HarEntry & Record<string, unknown>;
    e._debug = { session: { pin: 4829 } };
    const v = new Vault();
    learnEntries([e], v);
    expect(v.list()).toEqual([
      expect.objectContaining({ name: 'WHY403_HAR_PIN', kind: 'body', places: ['HAR field pin'] }),
    ]);
  });

  it('beside a base64 body, the content object’s other fields are still read', () => {
    const e = makeEntry({ url: 'https://api.example.com/v1/me', status: 401 });
    e.response.content = {
      size: 0,
      mimeType: 'application/json',
      encoding: 'base64',
      text: Buffer.from('{"ok":false}').toString('base64'),
      // HAR 1.2's content.comment.
      comment: 'replayed with ghp_Cmt4812Cmt4812Cmt4812Cmt4812Cmt4812Cm',
    } as HarEntry['response']['content'];
    expect(placesOf(e)).toEqual({ ghp_Cmt4812Cmt4812Cmt4812Cmt4812Cmt4812Cm: 'response body' });
  });
});
