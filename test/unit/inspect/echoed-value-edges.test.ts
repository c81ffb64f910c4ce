// The edges of echoedRequestValue (lib/inspect/echoed-value.ts): a server that quotes back a
// credential it refused received one. Apache Shindig's status text glues the token to the
// exception's name ("Malformed security token <token>com.google.gadgets.auth.AuthTokenException:
// Unknown token format", test/fixtures/realworld/iiithyd-websec__CORP-Headers), so only a run's
// first 20 characters must have been sent.
import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../../lib/har/types';
import { echoedRequestValue } from '../../../lib/inspect/echoed-value';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry } from '../../support/har';

const TOKEN = 'AOG8GnW6Qz3kLp9rT2vYb5mN0qS7dF1x';
const x = (url: string, headers: Record<string, string> = {}, edit?: (e: HarEntry) => void) => {
  const e = makeEntry({ method: 'GET', url, status: 401, requestHeaders: headers });
  edit?.(e);
  return toExchange(e, 0);
};

describe('echoedRequestValue', () => {
  it("matches the first 20 characters of a run glued to other words, as Shindig's are", () => {
    const said = `Malformed security token ${TOKEN.slice(0, 22)}com.google.gadgets.auth.AuthTokenException: Unknown token format`;
    expect(echoedRequestValue(x(`https://gadgets.example.com/rpc?st=${TOKEN}`), said)).toEqual({
      run: TOKEN.slice(0, 20),
      where: 'query parameter st',
    });
  });

  it('needs 20 characters of a token alphabet, with letters and digits both', () => {
    const url = (v: string) => `https://a.example.com/rpc?st=${v}`;
    expect(echoedRequestValue(x(url(TOKEN.slice(0, 20))), `bad ${TOKEN.slice(0, 20)}`)?.run).toBe(TOKEN.slice(0, 20));
    expect(echoedRequestValue(x(url(TOKEN.slice(0, 19))), `bad ${TOKEN.slice(0, 19)}`)).toBeNull();
    const digits = '12345678901234567890123';
    expect(echoedRequestValue(x(url(digits)), `bad ${digits}`)).toBeNull();
  });

  it('matches a query value quoted as it sat in the URL (percent-encoded) or decoded', () => {
    const url = (v: string) => `https://a.example.com/rpc?lang=en&st=${v}`;
    const encoded = 'a1%2Bb2%2Fc3%3D_d4~e5-f6';
    expect(echoedRequestValue(x(url(encoded)), `bad ${encoded}`)).toEqual({
      run: encoded.slice(0, 20),
      where: 'query parameter st',
    });
    const decoded = 'a1+b2/c3=_d4~e5-f6g7h8';
    expect(echoedRequestValue(x(url(encodeURIComponent(decoded))), `bad ${decoded}`)?.where).toBe('query parameter st');
  });

  it('reads on past a run the request did not send to one it did', () => {
    const other = 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2';
    expect(
      echoedRequestValue(x(`https://a.example.com/rpc?st=${TOKEN}`), `request ${other} refused token ${TOKEN}`),
    ).toEqual({ run: TOKEN.slice(0, 20), where: 'query parameter st' });
  });

  it('skips the headers that never carry a credential, pseudo-headers and values that are not text', () => {
    const said = `bad ${TOKEN}`;
    for (const name of ['Referer', 'Origin', 'Accept', 'Content-Type', ':path', ':authority'])
      expect(
        echoedRequestValue(x('https://a.example.com/rpc', { [name]: `https://a.example.com/?t=${TOKEN}` }), said),
        name,
      ).toBeNull();
    expect(echoedRequestValue(x('https://a.example.com/rpc', { 'X-Gadget-Token': TOKEN }), said)?.where).toBe(
      'header X-Gadget-Token',
    );
    const hostile = x('https://a.example.com/rpc', {}, (e) => {
      e.request.headers = [
        { name: 'X-Token', value: 7 as unknown as string },
        { name: 5 as unknown as string, value: TOKEN },
      ];
    });
    expect(echoedRequestValue(hostile, said)).toEqual({ run: TOKEN.slice(0, 20), where: 'header ' });
  });
});
