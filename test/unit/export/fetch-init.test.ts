// What the browser fetch() export asks of fetch(), beyond the bytes the echo server sees
// (js-exec.test.ts): a page sends its cookies only with `credentials: "include"`, and the
// Referer only as `referrer` (both are forbidden request headers, Fetch standard §2.2.2); the
// Node harness of js-exec drops both, so they are read here from the call itself, by running
// the snippet in a fresh VM context whose fetch records its arguments.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toFetch } from '../../../lib/export';
import { makeEntry } from '../../support/har';

interface Call {
  input: unknown;
  init: Record<string, unknown>;
}

/** Runs the snippet as the console would (a classic script), with a recording fetch. */
function calls(script: string): Call[] {
  const made: Call[] = [];
  const fetch = (input: unknown, init: Record<string, unknown> = {}) => {
    made.push({ input, init });
    return new Promise(() => {});
  };
  vm.runInNewContext(script, { fetch, TextEncoder, Uint8Array, atob, String, console });
  return made;
}

const entry = (requestHeaders: Record<string, string>, url = 'https://api.example.com/v1/me') =>
  makeEntry({ method: 'GET', url, requestHeaders, status: 401 });

describe('the fetch() export: credentials and referrer', () => {
  it('asks for the cookie jar when the request carried a Cookie, and not otherwise', () => {
    const withCookie = calls(toFetch(entry({ Cookie: 'sid=1', Accept: '*/*' })));
    expect(withCookie).toHaveLength(1);
    expect(withCookie[0]!.init.credentials).toBe('include');
    // The cookie itself is the browser's to send: never a header of the snippet.
    expect(withCookie[0]!.init.headers).toEqual([['Accept', '*/*']]);
    const cookie = calls(toFetch(entry({ cookie: 'sid=1' })));
    expect(cookie[0]!.init.credentials).toBe('include');
    for (const headers of [{ Accept: '*/*' }, { 'X-Cookie': 'sid=1' }, {}] as Record<string, string>[]) {
      const [c] = calls(toFetch(entry(headers)));
      expect(c!.init, JSON.stringify(headers)).not.toHaveProperty('credentials');
    }
  });

  it('passes the recorded Referer as the referrer, and none when there was none', () => {
    const [c] = calls(toFetch(entry({ Referer: 'https://app.example.com/page?q=1', Accept: '*/*' })));
    expect(c!.init.referrer).toBe('https://app.example.com/page?q=1');
    expect(c!.init.headers).toEqual([['Accept', '*/*']]);
    expect(calls(toFetch(entry({ referer: 'https://app.example.com/' })))[0]!.init.referrer).toBe(
      'https://app.example.com/',
    );
    expect(calls(toFetch(entry({ 'X-Referer': 'https://app.example.com/' })))[0]!.init).not.toHaveProperty('referrer');
  });

  it('sends the method, URL and every header fetch() may set, and no body for GET', () => {
    const [c] = calls(toFetch(entry({ 'X-Trace': 'a b', Authorization: 'Bearer t' })));
    expect(c!.input).toBe('https://api.example.com/v1/me');
    expect(c!.init).toEqual({
      method: 'GET',
      headers: [
        ['X-Trace', 'a b'],
        ['Authorization', 'Bearer t'],
      ],
    });
  });
});

describe("the fetch() export: where to run it (the page's origin decides CORS)", () => {
  const where = (headers: Record<string, string>) =>
    /^\/\/ Run it in the DevTools console of a page on (.*): the page's origin decides CORS, as it did\.$/m.exec(
      toFetch(entry(headers)),
    )?.[1];

  it('names the Origin header, else the Referer origin, else says the origin that made the request', () => {
    expect(where({ Origin: 'https://app.example.com', Referer: 'https://other.example/x' })).toBe(
      'https://app.example.com',
    );
    expect(where({ origin: 'https://app.example.com' })).toBe('https://app.example.com');
    expect(where({ Referer: 'https://app.example.com:8443/path/page?x=1#f' })).toBe('https://app.example.com:8443');
    expect(where({ referer: 'https://app.example.com/p' })).toBe('https://app.example.com');
    // An opaque origin ("null": a sandboxed frame, a file) names no page; the Referer may.
    expect(where({ Origin: 'null', Referer: 'https://app.example.com/p' })).toBe('https://app.example.com');
    expect(where({ Origin: 'null' })).toBe('the origin that made the request');
    expect(where({ Referer: 'not a url' })).toBe('the origin that made the request');
    expect(where({})).toBe('the origin that made the request');
  });

  it('names each header only the browser may set once, lower-cased, and sends none of them', () => {
    const script = toFetch(
      entry({
        Cookie: 'a=1',
        'User-Agent': 'UA',
        cookie: 'b=2',
        'Sec-Fetch-Mode': 'cors',
        Host: 'api.example.com:8080',
        Accept: '*/*',
      }),
    );
    expect(script).toMatch(
      /^\/\/ The browser sets these itself and fetch\(\) cannot: cookie, user-agent, sec-fetch-mode, host\.$/m,
    );
    expect(calls(script)[0]!.init.headers).toEqual([['Accept', '*/*']]);
    expect(toFetch(entry({ Accept: '*/*' }))).not.toMatch(/The browser sets these itself/);
  });
});
