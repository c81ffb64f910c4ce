import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../lib/core/log-index';
import { isHandshakeLeg } from '../../../lib/diagnose/handshake';
import { makeHar, type EntrySpec } from '../../support/har';

// The edges of a handshake leg (lib/diagnose/handshake.ts): a Digest/NTLM/Negotiate 401 (or 407)
// is the protocol at work only when the same client answers it at once (within 30 s and the next
// 8 calls) on the same resource with that scheme, and succeeds. The challenges are the RFCs'
// (RFC 7616 §3.9.1 Digest, RFC 4559 §4 Negotiate) and Docker Registry's token challenge
// (https://distribution.github.io/distribution/spec/auth/token/).

const URL = 'http://intranet.example.test/reports/';
const DIGEST_ASK =
  'Digest realm="http-auth@example.org", qop="auth", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
const DIGEST_ANSWER =
  'Digest username="Mufasa", realm="http-auth@example.org", uri="/reports/", response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"';

const at = (s: number) => new Date(Date.UTC(2026, 10, 21, 12, 0, 0) + s * 1000).toISOString();
const ask = (more: Partial<EntrySpec> = {}): EntrySpec => ({
  url: URL,
  status: 401,
  responseHeaders: { 'WWW-Authenticate': DIGEST_ASK },
  startedDateTime: at(0),
  ...more,
});
const answer = (s: number, more: Partial<EntrySpec> = {}): EntrySpec => ({
  url: URL,
  status: 200,
  requestHeaders: { Authorization: DIGEST_ANSWER },
  startedDateTime: at(s),
  ...more,
});
const other = (s: number): EntrySpec => ({
  url: 'http://intranet.example.test/logo.png',
  status: 200,
  startedDateTime: at(s),
});

function leg(entries: EntrySpec[]): boolean {
  const log = new LogIndex(makeHar(entries));
  return isHandshakeLeg(log.exchanges[0]!, log);
}

describe('answered at once', () => {
  it('within 30 s is a leg; later is a new attempt', () => {
    expect(leg([ask(), answer(30)])).toBe(true);
    expect(leg([ask(), answer(31)])).toBe(false);
  });

  it('among the next 8 calls, other resources passed over; the 9th is too far', () => {
    const between = (n: number) => Array.from({ length: n }, (_, i) => other(i + 1));
    expect(leg([ask(), ...between(7), answer(9)])).toBe(true);
    expect(leg([ask(), ...between(8), answer(10)])).toBe(false);
  });

  it('a redirect counts as success; a 400 or another refusal does not', () => {
    expect(leg([ask(), answer(1, { status: 302 })])).toBe(true);
    expect(leg([ask(), answer(1, { status: 399 })])).toBe(true);
    expect(leg([ask(), answer(1, { status: 400 })])).toBe(false);
    expect(leg([ask(), answer(1, { status: 199 })])).toBe(false);
  });

  it('the same resource means the same method, origin and path', () => {
    expect(leg([ask(), answer(1, { method: 'POST' })])).toBe(false);
    expect(leg([ask(), answer(1, { url: 'http://intranet.example.test/other/' })])).toBe(false);
    expect(leg([ask(), answer(1, { url: 'http://other.example.test/reports/' })])).toBe(false);
    expect(leg([ask(), answer(1, { url: `${URL}?page=2` })])).toBe(true);
  });

  it('an answer under another scheme, or none, ends it', () => {
    expect(leg([ask(), answer(1, { requestHeaders: { Authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' } })])).toBe(
      false,
    );
    expect(leg([ask(), answer(1, { requestHeaders: {} })])).toBe(false);
  });
});

describe('which challenges are handshakes', () => {
  it('a handshake scheme offered beside Basic in one header value counts', () => {
    const both = { responseHeaders: { 'WWW-Authenticate': 'Basic realm="intranet", Negotiate' } };
    expect(leg([ask(both), answer(1, { requestHeaders: { Authorization: 'Negotiate YIIFyQYGKwYBBQUCoII=' } })])).toBe(
      true,
    );
  });

  it('Basic alone is no handshake; nor is a 403', () => {
    const basic = { responseHeaders: { 'WWW-Authenticate': 'Basic realm="intranet"' } };
    expect(
      leg([ask(basic), answer(1, { requestHeaders: { Authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' } })]),
    ).toBe(false);
    expect(leg([ask({ status: 403 }), answer(1)])).toBe(false);
  });

  it('a proxy handshake (407) is answered in Proxy-Authorization', () => {
    const proxyAsk = { status: 407, responseHeaders: { 'Proxy-Authenticate': 'NTLM' } };
    const ntlm = 'NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAKAGFKAAAADw==';
    expect(leg([ask(proxyAsk), answer(1, { requestHeaders: { 'Proxy-Authorization': ntlm } })])).toBe(true);
    expect(leg([ask(proxyAsk), answer(1, { requestHeaders: { Authorization: ntlm } })])).toBe(false);
    // A WWW-Authenticate on a 407 is not the proxy's challenge.
    expect(
      leg([
        ask({ status: 407, responseHeaders: { 'WWW-Authenticate': 'NTLM' } }),
        answer(1, { requestHeaders: { 'Proxy-Authorization': ntlm } }),
      ]),
    ).toBe(false);
  });

  it("a registry's token challenge is a leg only for the call made without a token", () => {
    const registry = {
      url: 'https://registry.example.test/v2/',
      responseHeaders: {
        'WWW-Authenticate': 'Bearer realm="https://auth.example.test/token",service="registry.example.test"',
      },
    };
    const withToken = (s: number) =>
      answer(s, {
        url: 'https://registry.example.test/v2/',
        requestHeaders: { Authorization: 'Bearer eyJhbGciOi.x.y' },
      });
    expect(leg([ask(registry), withToken(1)])).toBe(true);
    expect(leg([ask({ ...registry, requestHeaders: { Authorization: 'Bearer old' } }), withToken(1)])).toBe(false);
    const noService = {
      ...registry,
      responseHeaders: { 'WWW-Authenticate': 'Bearer realm="https://auth.example.test/token"' },
    };
    expect(leg([ask(noService), withToken(1)])).toBe(false);
    const emptyRealm = {
      ...registry,
      responseHeaders: { 'WWW-Authenticate': 'Bearer realm="",service="registry.example.test"' },
    };
    expect(leg([ask(emptyRealm), withToken(1)])).toBe(false);
  });
});
