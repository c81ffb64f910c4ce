import { describe, expect, it } from 'vitest';
import { applyAuth, extractAuth } from '../../../lib/replay/credentials';
import { replayRequestFromEntry } from '../../../lib/replay/from-entry';
import { presetsFor } from '../../../lib/replay/presets';
import { EMPTY_AUTH, type ReplayRequest } from '../../../lib/replay/types';
import { makeEntry } from '../../support/har';

const req = (headers: Record<string, string>, url = 'https://api.example.com/v1/items?page=2'): ReplayRequest => ({
  method: 'GET',
  url,
  headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
  body: null,
  credentials: 'same-origin',
});

describe('replay credentials', () => {
  it('prefills from an entry without hop-by-hop and pseudo headers, query untouched', () => {
    const entry = makeEntry({
      method: 'POST',
      url: 'https://api.example.com/v1/items?a=1&a=2&b=%20x',
      requestHeaders: {
        ':authority': 'api.example.com',
        'Content-Length': '2',
        Connection: 'keep-alive',
        'X-Trace': 't',
        Cookie: 'sid=1',
      },
      requestBody: '{}',
      status: 403,
    });
    const r = replayRequestFromEntry(entry);
    expect(r.url).toBe('https://api.example.com/v1/items?a=1&a=2&b=%20x');
    expect(r.headers.map((h) => h.name)).toEqual(['X-Trace', 'Cookie']);
    expect(r.body).toBe('{}');
    expect(r.credentials).toBe('include');
  });

  it('round-trips Basic with a colon and non-ASCII in the password', () => {
    const value = `Basic ${Buffer.from('ana:pä:ss').toString('base64')}`;
    const { req: rest, auth } = extractAuth(req({ Authorization: value, Accept: '*/*' }));
    expect(auth).toMatchObject({ type: 'basic', username: 'ana', password: 'pä:ss' });
    expect(rest.headers.map((h) => h.name)).toEqual(['Accept']);
    expect(applyAuth(rest, auth).headers).toContainEqual({ name: 'Authorization', value });
  });

  it('keeps a malformed Authorization as a custom header, and the preset cleans it', () => {
    const { req: rest, auth } = extractAuth(req({ Authorization: 'Bearer Bearer abc.def' }));
    expect(auth).toMatchObject({ type: 'custom', customName: 'Authorization', customValue: 'Bearer Bearer abc.def' });
    const preset = presetsFor(['auth.malformed']).find((p) => p.id === 'fix-authorization')!;
    const fixed = preset.apply({ req: rest, auth, mode: 'page' });
    expect(applyAuth(fixed.req, fixed.auth).headers).toEqual([{ name: 'Authorization', value: 'Bearer abc.def' }]);
  });

  it('moves an API key between header and query', () => {
    const { req: rest, auth } = extractAuth(req({}, 'https://api.example.com/v1?key=K1&q=x'));
    expect(auth).toMatchObject({ type: 'api-key', keyName: 'key', keyValue: 'K1', keyIn: 'query' });
    expect(rest.url).toBe('https://api.example.com/v1?q=x');
    expect(applyAuth(rest, { ...auth, keyIn: 'header', keyName: 'x-api-key' }).headers).toEqual([
      { name: 'x-api-key', value: 'K1' },
    ]);
    expect(applyAuth(rest, auth).url).toBe('https://api.example.com/v1?q=x&key=K1');
  });

  it('removing the credential sends none', () => {
    const { req: rest, auth } = extractAuth(req({ Authorization: 'Bearer t0k' }));
    expect(auth.type).toBe('bearer');
    expect(applyAuth(rest, { ...auth, type: 'none' }).headers).toEqual([]);
    expect(applyAuth(rest, { ...EMPTY_AUTH, type: 'cookie', cookie: 'sid=2' }).headers).toEqual([
      { name: 'Cookie', value: 'sid=2' },
    ]);
  });

  it('offers direct mode for CORS causes', () => {
    expect(presetsFor(['cors.header_not_allowed']).map((p) => p.id)).toContain('direct');
    expect(presetsFor(['permission.denied'])).toEqual([]);
  });
});
