// Learning a log's secrets before anything is rendered (lib/redact/learn.ts): every string of an
// entry at any depth is read, each by the rule of the place it sits in, and an entry the panel
// fills in later (its body arrives after the entry) is read again.
import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../../lib/har/types';
import { learnEntries, Vault } from '../../../lib/redact';
import { makeEntry } from '../../support/har';

const learned = (...entries: unknown[]) => {
  const v = new Vault();
  learnEntries(entries as HarEntry[], v);
  return v;
};
const values = (v: Vault) => v.learned().map((s) => s.value);
const entry = () => makeEntry({ url: 'https://api.example.com/v1/me', status: 401 });
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('an entry filled in after it was first learned is learned again', () => {
  it.each([
    [
      'its response body',
      (e: HarEntry) => (e.response.content!.text = '{"access_token":"at-Late-4812"}'),
      'at-Late-4812',
    ],
    [
      'its request body',
      (e: HarEntry) => (e.request.postData = { mimeType: 'application/json', text: '{"password":"pw-Late-4812"}' }),
      'pw-Late-4812',
    ],
    ['its URL', (e: HarEntry) => (e.request.url += '?api_key=ak-Late-4812'), 'ak-Late-4812'],
    [
      'a request header',
      (e: HarEntry) => e.request.headers.push({ name: 'X-Api-Key', value: 'xk-Late-4812' }),
      'xk-Late-4812',
    ],
    [
      'a response header',
      (e: HarEntry) => e.response.headers.push({ name: 'X-Session-Token', value: 'st-Late-4812' }),
      'st-Late-4812',
    ],
  ])('%s', (_, fill, secret) => {
    const e = entry();
    expect(values(learned(e))).not.toContain(secret);
    fill(e);
    expect(values(learned(e))).toContain(secret);
  });
});

describe('every string of an entry, by the rule of its place', () => {
  it('a scalar under a secret key in a browser extra, at any depth, strings and numbers alike', () => {
    const e = entry() as HarEntry & Record<string, unknown>;
    e._debug = { a: [{ b: { _token: 'tk-Deep-77', pin: 4829, count: 12345678 } }] };
    const v = learned(e);
    expect(values(v)).toEqual(expect.arrayContaining(['tk-Deep-77', '4829']));
    expect(values(v)).not.toContain('12345678');
    expect(v.list().find((s) => s.length === 'tk-Deep-77'.length)?.places).toEqual(['HAR field _token']);
  });

  it('every item of an array under a secret key', () => {
    const e = entry() as HarEntry & Record<string, unknown>;
    e._debug = { password: ['pw-Item-One-1', 'pw-Item-Two-2'], notes: ['plain words'] };
    expect(values(learned(e)).sort()).toEqual(['pw-Item-One-1', 'pw-Item-Two-2']);
  });

  it('a secret in a known place is named after it, not after where else it is quoted', () => {
    const e = makeEntry({
      url: 'https://api.example.com/v1/me',
      status: 401,
      requestHeaders: { 'X-Api-Key': 'xk-Named-4812' },
      body: '{"error":"invalid key xk-Named-4812"}',
    });
    expect(
      learned(e)
        .list()
        .map((s) => [s.name, s.places[0]]),
    ).toEqual([['WHY403_X_API_KEY', 'request header X-Api-Key']]);
  });

  it('a malformed known place does not stop the rest of the entry from being read', () => {
    const e = entry();
    (e.request as unknown as Record<string, unknown>).queryString = [null];
    e.response.content = { size: 0, mimeType: 'application/json', text: '{"access_token":"at-Still-4812"}' };
    expect(values(learned(e))).toContain('at-Still-4812');
  });

  it('a name/value pair outside HAR lists is read by its name; a header keeps the header rules', () => {
    const e = entry() as HarEntry & Record<string, unknown>;
    e._form = [
      { name: 'user', value: 'ann' },
      { name: 'password', value: 'pw-Pair-913' },
    ];
    // `Pin` names no secret header: its value stays readable wherever it is quoted.
    e.request.headers.push({ name: 'Pin', value: '4829' });
    const v = learned(e);
    expect(values(v)).toContain('pw-Pair-913');
    expect(values(v)).not.toContain('4829');
    expect(values(v)).not.toContain('ann');
  });

  it('fields that hold a type, a date or an address are never read as secrets', () => {
    const e = makeEntry({
      method: 'POST',
      url: 'https://api.example.com/upload',
      status: 200,
      requestBody: 'x',
      requestMimeType: 'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW',
    });
    expect(values(learned(e))).toEqual([]);
  });

  it('a base64 body is read as what it encodes, not as one long token; text that is not base64 as it is', () => {
    const e = entry();
    const inner = '{"refresh_token":"rt-B64-5521","note":"a plain sentence long enough to matter"}';
    e.response.content = { size: 0, mimeType: 'application/json', encoding: 'base64', text: b64(inner) };
    e.request.postData = { mimeType: 'application/json', _encoding: 'base64', text: b64('{"password":"pw-B64-90"}') };
    const f = entry();
    f.response.content = { size: 0, mimeType: 'application/json', encoding: 'base64', text: '{"otp":"778812"}' };
    expect(values(learned(e)).sort()).toEqual(['pw-B64-90', 'rt-B64-5521']);
    expect(values(learned(f))).toEqual(['778812']);
  });

  it('names the body a secret was found in', () => {
    const e = makeEntry({
      method: 'POST',
      url: 'https://api.example.com/login',
      status: 200,
      requestBody: '{"password":"pw-Where-1"}',
      body: '{"access_token":"at-Where-1"}',
    });
    const places = learned(e)
      .list()
      .map((s) => s.places[0]);
    expect(places).toEqual(['request body field password', 'response body field access_token']);
  });

  it('a GraphQL variable fed to a secret argument is secret wherever its value sits', () => {
    const e = makeEntry({
      method: 'POST',
      url: 'https://api.example.com/graphql',
      status: 200,
      requestBody: '{"query":"mutation L($p: String!) { login(password: $p) { ok } }","variables":{"p":"Gq-Var-77"}}',
    });
    expect(values(learned(e))).toContain('Gq-Var-77');
  });

  it('skips what is not an entry and still learns the rest', () => {
    const e = entry();
    e.request.headers.push({ name: 'Authorization', value: 'Bearer bt-Rest-4812x' });
    expect(values(learned(null, 'x', 3, e))).toContain('bt-Rest-4812x');
  });
});
