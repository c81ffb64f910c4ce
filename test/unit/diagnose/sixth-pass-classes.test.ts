// Classes of misses the corpus's sixth pass (issue 17) showed on open files, each fixed as a class
// and stated here on the real capture that showed it and on look-alikes that must not move:
// - a refusal in a body nock / Polly (before v5) kept as hex chunks of a gzip stream;
// - "SSL is required" said to a request that did go over plain http;
// - a server that quotes back the credential it refused, sent where no table looks (`?st=`);
// - "token invalid" said to a call whose only credential was an API key (`?client_id=`);
// - a sign-in callback whose OAuth state was refused, in a GraphQL 200.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { diagnose, readHar } from '../../../lib';
import { toExchange } from '../../../lib/model/exchange';
import { readResponseBody } from '../../../lib/model/body';
import { hexChunkBytes } from '../../../lib/model/content-bytes';
import { stateRefusalOf } from '../../../lib/inspect/oauth-state';
import { echoedRequestValue } from '../../../lib/inspect/echoed-value';
import { isFlagged } from '../../../lib/diagnose/flag';
import { makeEntry, makeHar, type EntrySpec } from '../../support/har';

const RW = 'test/fixtures/realworld';
const real = (file: string, index: number) => {
  const d = diagnose(readHar(readFileSync(`${RW}/${file}`, 'utf8')).har, { all: true }).find((e) => e.index === index);
  return d?.causes ?? [];
};
const top = (spec: EntrySpec) => diagnose(makeHar([spec]))[0]?.causes[0]?.id ?? 'not flagged';

/** A body as nock's recorder writes a content-encoded one: a JSON array of hex chunks. */
const hexChunks = (text: string, size = 16) => {
  const hex = gzipSync(Buffer.from(text)).toString('hex');
  const out: string[] = [];
  for (let i = 0; i < hex.length; i += size * 2) out.push(hex.slice(i, i + size * 2));
  return JSON.stringify(out);
};

describe('a body kept as hex chunks of a gzip stream (nock, Polly before v5)', () => {
  it('is read as what it inflates to, in the real YouTube recording', () => {
    const causes = real('adobe__helix-embed/IFramely-used-for-allowed-IP-addresses_274651565.har', 2);
    expect(JSON.stringify(causes[0]?.evidence)).toContain('SSL is required to perform this operation.');
  });

  it('inflates whatever the chunk size, and a JSON array of hex ids that is no gzip stays data', () => {
    const body = '{"error":"invalid_token"}';
    for (const size of [1, 7, 64])
      expect(readResponseBody({ size: 0, mimeType: 'application/json', text: hexChunks(body, size) }).text).toBe(body);
    const ids = '["deadbeef","0123456789abcdef"]';
    expect(hexChunkBytes(ids)).toBeNull();
    expect(readResponseBody({ size: 0, mimeType: 'application/json', text: ids }).text).toBe(ids);
    // Odd-length or non-hex chunks are not a chunk array.
    expect(hexChunkBytes('["1f8b0"]')).toBeNull();
    expect(hexChunkBytes('["1f8bzz"]')).toBeNull();
  });
});

describe('"HTTPS is required" to a request that went over http', () => {
  const google = (url: string): EntrySpec => ({
    url,
    status: 403,
    responseHeaders: { 'Content-Type': 'application/json' },
    mimeType: 'application/json',
    body: JSON.stringify({
      error: { code: 403, message: 'SSL is required to perform this operation.', status: 'PERMISSION_DENIED' },
    }),
  });

  it('is https.required above the vendor code beside it, with the scheme as evidence', () => {
    const causes = real('adobe__helix-embed/IFramely-used-for-allowed-IP-addresses_274651565.har', 2);
    expect(causes.map((c) => c.id).slice(0, 2)).toEqual(['https.required', 'permission.denied']);
    expect(causes[0]!.evidence).toContainEqual({
      where: 'request.line',
      detail: 'the request used http://, without TLS',
    });
  });

  it('over https the same words stay below the vendor code (the request did use TLS)', () => {
    expect(top(google('http://www.googleapis.com/youtube/v3/videos'))).toBe('https.required');
    expect(top(google('https://www.googleapis.com/youtube/v3/videos'))).toBe('permission.denied');
  });
});

describe('a server quoting back the credential it refused', () => {
  it('reads the Shindig token in ?st= as sent: auth.malformed, not auth.missing', () => {
    for (const i of [39, 40, 41, 42]) {
      const causes = real('iiithyd-websec__CORP-Headers/www.blogspot.in.har', i);
      expect(causes[0]?.id).toBe('auth.malformed');
      expect(causes.map((c) => c.id)).not.toContain('auth.missing');
      expect(causes[0]!.evidence.some((e) => e.where === 'request.query' && /query parameter st$/.test(e.detail))).toBe(
        true,
      );
    }
  });

  const x = (url: string, headers: Record<string, string> = {}, body?: string) =>
    toExchange(makeEntry({ method: 'POST', url, status: 401, requestHeaders: headers, requestBody: body }), 0);
  const token = 'e3Kq9XvLmN4pQ7rS2tU8wY1zA6bD0eF5gH';

  it('counts a run of 20+ characters, letters and digits, sent in the query, a header or the body', () => {
    expect(echoedRequestValue(x(`https://a.example/rpc?st=${token}`), `Bad token ${token}!`)?.where).toBe(
      'query parameter st',
    );
    expect(echoedRequestValue(x('https://a.example/rpc', { 'X-Gadget': token }), `bad ${token}`)?.where).toBe(
      'header X-Gadget',
    );
    expect(echoedRequestValue(x('https://a.example/rpc', {}, `t=${token}`), `bad ${token}`)?.where).toBe(
      'the request body',
    );
  });

  it('does not count the path, the User-Agent, a run under 20 or one without digits', () => {
    expect(echoedRequestValue(x(`https://a.example/${token}`), `no ${token}`)).toBeNull();
    expect(echoedRequestValue(x('https://a.example/', { 'User-Agent': token }), `no ${token}`)).toBeNull();
    expect(echoedRequestValue(x(`https://a.example/?st=${token.slice(0, 19)}`), `no ${token.slice(0, 19)}`)).toBeNull();
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    expect(echoedRequestValue(x(`https://a.example/?st=${letters}`), `no ${letters}`)).toBeNull();
  });
});

describe('"not accepted" said to a call whose only credential is an API key', () => {
  it("reads Unsplash's client_id refusal as api_key.invalid (body read, and body unreadable)", () => {
    expect(real('adobe__helix-embed/Unsplash-Failes-Gracefully_1400767357.har', 1)[0]?.id).toBe('api_key.invalid');
    expect(real('adobe__helix-embed/Fails-Gracefully_3692689458.har', 2)[0]?.id).toBe('api_key.invalid');
  });

  const refused = (url: string, requestHeaders: Record<string, string> = {}): EntrySpec => ({
    url,
    status: 401,
    requestHeaders,
    responseHeaders: { 'Content-Type': 'application/json' },
    mimeType: 'application/json',
    body: '{"errors":["OAuth error: The access token is invalid"]}',
  });

  it("a session or token header is a user credential, and OAuth's own client_id is no key", () => {
    expect(top(refused('https://api.example.com/x?api_key=k-1234567890'))).toBe('api_key.invalid');
    expect(top(refused('https://api.example.com/x', { 'X-Session-Token': 'r:0123456789abcdef' }))).toBe('auth.invalid');
    expect(top(refused('https://api.example.com/x?access_token=0123456789abcdef'))).toBe('auth.invalid');
    expect(top(refused('https://api.example.com/x?client_id=app-1', { Authorization: 'Bearer abc.def-123456' }))).toBe(
      'auth.invalid',
    );
    // An authorization request names the client, it does not present a key.
    const authorize =
      'https://idp.example.com/authorize?client_id=app-1&response_type=code&redirect_uri=https%3A%2F%2Fa';
    expect(top(refused(authorize))).not.toBe('api_key.invalid');
  });
});

describe('a sign-in callback whose OAuth state was refused', () => {
  it('is flagged in the real Saleor GraphQL 200 and read as csrf.invalid', () => {
    const causes = real('saleor__saleor-sdk/login-with-external-plugin-caches-user-data_1763057422.har', 1);
    expect(causes[0]?.id).toBe('csrf.invalid');
    expect(JSON.stringify(causes[0]?.evidence)).toContain('field state: Bad signature');
  });

  const callback = (query: string, status: number, body: string, mimeType = 'application/json'): EntrySpec => ({
    url: `https://app.example.com/auth/callback?${query}`,
    status,
    responseHeaders: { 'Content-Type': mimeType },
    mimeType,
    body,
  });
  const code = 'code=SplxlOBeZQQYbYS6WxSbIA';
  const state = 'state=af0ifjsldkj8Zx0q';

  it.each([
    ['openid-client', 400, '{"error":"state mismatch, expected af0ifjsldkj, got: xyz"}'],
    ['passport-oauth2', 403, '{"message":"Unable to verify authorization request state."}'],
    ['Auth.js', 400, 'State cookie was missing.'],
  ])('%s wording at %i', (_, status, body) => {
    const spec = callback(`${code}&${state}`, status, body, body.startsWith('{') ? 'application/json' : 'text/plain');
    expect(top(spec)).toBe('csrf.invalid');
  });

  it('needs both a random code and state: an address with state "CA" and a country code stays quiet', () => {
    const address: EntrySpec = {
      method: 'POST',
      url: 'https://shop.example.com/graphql/',
      status: 200,
      requestBody: '{"query":"mutation{addressCreate}","variables":{"country":{"code":"US"},"state":"CA"}}',
      responseHeaders: { 'Content-Type': 'application/json' },
      mimeType: 'application/json',
      body: '{"data":{"addressCreate":{"errors":[{"code":"INVALID","field":"state","message":"Invalid state"}]}}}',
    };
    expect(stateRefusalOf(toExchange(makeEntry(address), 0))).toBeNull();
    expect(isFlagged(toExchange(makeEntry(address), 0))).toBe(false);
    // A callback whose refusal is about the code (invalid_grant) is not a state refusal.
    const grant = callback(`${code}&${state}`, 400, '{"error":"invalid_grant","error_description":"Code expired"}');
    expect(stateRefusalOf(toExchange(makeEntry(grant), 0))).toBeNull();
  });
});
