// What held-none.ts quotes when the client held no credential: the capture that keeps credential headers
// (other entries carry them, or a writer that records the wire: Playwright's recordHar, mitmproxy), or a
// sign-in of its own refused among the last 50 calls to the same host, with no credential carried since.
// A capture that may have been sanitized (Chrome's DevTools export drops Authorization by default) says
// nothing by its silence.
import { describe, expect, it } from 'vitest';
import { RuleContext } from '../../../../../lib/core/context';
import { LogIndex } from '../../../../../lib/core/log-index';
import { heldNone } from '../../../../../lib/diagnose/rules/auth/held-none';
import { makeHar, type EntrySpec } from '../../../../support/har';

const host = 'https://app.example.com';
const signIn: EntrySpec = {
  url: `${host}/api/login`,
  method: 'POST',
  status: 401,
  requestMimeType: 'application/json',
  requestBody: '{"username":"ada","password":"wrong-password"}',
  responseHeaders: { 'Content-Type': 'application/json' },
  body: '{"code":"invalid_credentials","message":"Invalid credentials"}',
};
const me: EntrySpec = { url: `${host}/api/me`, status: 401, body: '{"message":"Not authenticated"}' };
const page = (i: number, origin = host): EntrySpec => ({ url: `${origin}/static/chunk-${i}.js`, status: 200 });
const withBearer = (spec: EntrySpec): EntrySpec => ({
  ...spec,
  requestHeaders: { ...spec.requestHeaders, Authorization: 'Bearer abcdefabcdefabcdef' },
});

function heldFor(entries: EntrySpec[], creator = 'WebInspector') {
  const har = makeHar(entries);
  har.log.creator = { name: creator, version: '1' };
  const log = new LogIndex(har);
  return heldNone(new RuleContext(log.exchanges.at(-1)!, log));
}

describe('a capture that keeps credential headers', () => {
  it('counts the other entries that carry them, in the singular and the plural', () => {
    expect(heldFor([withBearer(page(1)), me])?.detail).toBe(
      '1 other entry carries credential headers; this one carries none',
    );
    expect(heldFor([withBearer(page(1)), withBearer(page(2)), me])).toEqual({
      where: 'log',
      name: 'credentials kept',
      detail: '2 other entries carry credential headers; this one carries none',
    });
  });

  it('a wire writer with no credential anywhere: its name, and that it records every header', () => {
    expect(heldFor([me], 'Playwright')?.detail).toBe(
      'written by Playwright, which records every header as sent; this call carries no credential',
    );
  });

  it('a DevTools export with no credential anywhere and no refused sign-in says nothing', () => {
    expect(heldFor([page(1), page(2), me])).toBeNull();
  });
});

describe('a sign-in of its own, refused', () => {
  it('quoted with its entry, method, path and stated code', () => {
    expect(heldFor([signIn, me])).toEqual({
      where: 'log',
      name: 'sign-in refused',
      detail:
        'entry #0 (POST /api/login) was a sign-in refused as invalid_credentials; no call since carried a credential',
    });
  });

  it('refused in words only: said refused as invalid', () => {
    const worded = { ...signIn, body: '{"message":"Invalid credentials"}' };
    expect(heldFor([worded, me])?.detail).toMatch(/ was a sign-in refused as invalid; no call since/);
  });

  it('the 50th same-host call back is read, the 51st is not; other hosts and preflights do not count', () => {
    const between = (n: number, make: (i: number) => EntrySpec) => Array.from({ length: n }, (_, i) => make(i));
    expect(heldFor([signIn, ...between(49, page), me])?.name).toBe('sign-in refused');
    expect(heldFor([signIn, ...between(50, page), me])).toBeNull();
    expect(heldFor([signIn, ...between(60, (i) => page(i, 'https://cdn.example.net')), me])?.name).toBe(
      'sign-in refused',
    );
    const preflight = (i: number): EntrySpec => ({
      method: 'OPTIONS',
      url: `${host}/api/x${i}`,
      status: 204,
      requestHeaders: { Origin: 'https://web.example.com', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(heldFor([signIn, ...between(60, preflight), me])?.name).toBe('sign-in refused');
  });

  it("the server's words count only at a refusal status and on a sign-in that carried its credentials in the body", () => {
    const words = '{"message":"Invalid credentials"}';
    expect(heldFor([{ ...signIn, body: words }, me])?.name).toBe('sign-in refused');
    expect(heldFor([{ ...signIn, body: words, status: 200 }, me])).toBeNull();
    expect(heldFor([{ url: `${host}/api/profile`, status: 401, body: words }, me])).toBeNull();
  });

  it('a credential carried since the sign-in (an API key, which a DevTools export keeps): the sign-in is not the story', () => {
    const withKey: EntrySpec = { ...page(1), requestHeaders: { 'X-Api-Key': 'k_1234567890abcdef' } };
    expect(heldFor([signIn, page(2), me])?.name).toBe('sign-in refused');
    expect(heldFor([signIn, withKey, me])).toBeNull();
  });
});
