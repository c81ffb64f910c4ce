// The edges of stateRefusalOf (lib/inspect/oauth-state.ts): which responses to a sign-in callback
// refuse its OAuth state (RFC 6749 §10.12). Wordings are the libraries' own: openid-client
// "state mismatch, expected %s, got: %s" (https://github.com/panva/node-openid-client/blob/v5.6.5/lib/client.js),
// passport-oauth2 "Unable to verify authorization request state.", Saleor's payload error
// {"field":"state","message":"Bad signature","code":"INVALID"} (test/fixtures/realworld/saleor__saleor-sdk).
import { describe, expect, it } from 'vitest';
import { stateRefusalOf } from '../../../lib/inspect/oauth-state';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

// RFC 6749 §4.1.2's example values.
const CALLBACK = 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyzABC123';
const MISMATCH = '{"error":"state mismatch, expected xyzABC123, got: other"}';

const refusal = (spec: Partial<EntrySpec>) =>
  stateRefusalOf(toExchange(makeEntry({ url: CALLBACK, status: 400, body: MISMATCH, ...spec }), 0));

describe('which responses can refuse the state', () => {
  it('any status but a redirect or a server error', () => {
    for (const status of [200, 299, 400, 403, 499])
      expect(refusal({ status }), String(status)).toEqual({
        at: '',
        said: 'state mismatch, expected xyzABC123, got: other',
      });
    for (const status of [300, 302, 399, 500, 503]) expect(refusal({ status }), String(status)).toBeNull();
  });

  it('not a preflight', () => {
    expect(refusal({ resourceType: 'preflight' })).toBeNull();
  });

  it('only of a request that hands back a code and a state of 8 characters or more each', () => {
    expect(refusal({ url: 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyzABC12' })).not.toBeNull();
    expect(refusal({ url: 'https://client.example.com/cb?code=SplxlOBe&state=xyzABC123' })).not.toBeNull();
    expect(refusal({ url: 'https://client.example.com/cb?code=SplxlOB&state=xyzABC123' })).toBeNull();
    expect(refusal({ url: 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyzABC1' })).toBeNull();
    expect(refusal({ url: 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA' })).toBeNull();
  });

  it('the code and state in the body, as a form or JSON-escaped inside a GraphQL variable', () => {
    const post = (requestBody: string) =>
      refusal({ url: 'https://api.example.com/graphql/', method: 'POST', requestBody });
    expect(post('code=SplxlOBeZQQYbYS6WxSbIA&state=xyzABC123')).not.toBeNull();
    expect(
      post(
        '{"query":"mutation($i:JSONString!){externalObtainAccessTokens(input:$i){token}}","variables":{"i":"{\\"code\\": \\"SplxlOBeZQQY\\", \\"state\\": \\"eyJzdGF0ZSI6\\"}"}}',
      ),
    ).not.toBeNull();
    expect(post('{"code":"SplxlOBeZQQYbYS6WxSbIA"}')).toBeNull();
    expect(post('{"state":"xyzABC123"}')).toBeNull();
    // Past the first 16 KiB of the body, nothing is read.
    expect(post(`{"pad":"${'a'.repeat(16 * 1024)}","code":"SplxlOBeZQQYbYS6WxSbIA","state":"xyzABC123"}`)).toBeNull();
  });
});

describe('where the refusal is read', () => {
  it("an error naming the state field, with the error's words, where it sat", () => {
    const saleor =
      '{"data":{"externalObtainAccessTokens":{"token":null,"errors":[{"field":"state","message":"Bad signature","code":"INVALID"}]}}}';
    expect(refusal({ status: 200, body: saleor })).toEqual({
      at: '/data/externalObtainAccessTokens/errors/0',
      said: 'field state: Bad signature',
    });
    expect(refusal({ body: '{"errors":[{"param":"State","detail":"expired"}]}' })).toEqual({
      at: '/errors/0',
      said: 'field state: expired',
    });
    expect(refusal({ body: '{"error":{"parameter":"state","msg":"no"}}' })).toEqual({
      at: '/error',
      said: 'field state: no',
    });
    // An error on another field, or on the state field without words, is not one.
    expect(refusal({ body: '{"errors":[{"field":"code","message":"Bad signature"}]}' })).toBeNull();
    expect(refusal({ body: '{"errors":[{"field":"state","code":"INVALID"}]}' })).toBeNull();
  });

  it('words saying the state was refused, under any of the message names', () => {
    for (const key of ['message', 'error_description', 'error', 'detail', 'msg'])
      expect(refusal({ body: JSON.stringify({ [key]: 'Invalid state parameter' }) }), key).toEqual({
        at: '',
        said: 'Invalid state parameter',
      });
    expect(refusal({ body: '{"message":"Unable to verify authorization request state."}' })?.said).toBe(
      'Unable to verify authorization request state.',
    );
    expect(refusal({ body: '{"message":"Invalid code"}' })).toBeNull();
  });

  it('five levels down at most, and the first 20 items of a list', () => {
    const nest = (levels: number) => {
      let v: unknown = { message: 'state mismatch' };
      for (let i = 0; i < levels; i++) v = { a: v };
      return JSON.stringify(v);
    };
    expect(refusal({ body: nest(5) })?.at).toBe('/a/a/a/a/a');
    expect(refusal({ body: nest(6) })).toBeNull();
    const list = (n: number) =>
      JSON.stringify({ errors: [...Array(n).fill({ message: 'x' }), { message: 'state mismatch' }] });
    expect(refusal({ body: list(19) })?.at).toBe('/errors/19');
    expect(refusal({ body: list(20) })).toBeNull();
  });

  it('a short text body, else the status text', () => {
    expect(refusal({ mimeType: 'text/plain', body: '  State cookie was missing.  ' })).toEqual({
      at: 'body',
      said: 'State cookie was missing.',
    });
    // Up to 300 characters: longer text is a page, not a sentence.
    const long = (n: number) => `State cookie was missing.${' '.repeat(n - 26)}x`;
    expect(refusal({ mimeType: 'text/plain', body: long(300) })).toEqual({ at: 'body', said: long(300) });
    expect(refusal({ mimeType: 'text/plain', body: long(301) })).toBeNull();
    expect(refusal({ mimeType: 'text/html', body: `<p>State cookie was missing.</p>${'x'.repeat(300)}` })).toBeNull();
    expect(refusal({ body: '', statusText: 'Invalid state' })).toEqual({ at: 'status text', said: 'Invalid state' });
    // A JSON body that says nothing of the state lends its place to the status text, not to its text.
    expect(refusal({ body: '{"note":"state mismatch"}', statusText: 'Bad Request' })).toBeNull();
  });
});
