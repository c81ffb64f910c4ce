import { describe, expect, it } from 'vitest';
import {
  defaultPath,
  domainMatch,
  isPotentiallyTrustworthy,
  notSentBecause,
  parseSetCookie,
} from '../../../lib/inspect/cookies';

// The edges of RFC 6265 (https://www.rfc-editor.org/rfc/rfc6265) that decide whether a browser
// stores a cookie and sends it back: a wrong answer here names the wrong reason a session was lost.

const T = Date.parse('2026-11-21T12:00:00Z');
const app = new URL('https://app.example.com/account/settings');

describe('Domain attribute (RFC 6265 §5.2.3, §5.3 step 6)', () => {
  it.each(['Domain=', 'Domain=.', 'Domain= . '])('%s is ignored: the cookie stays host-only and is stored', (attr) => {
    const c = parseSetCookie(`sid=abc; ${attr}; Path=/`, app, T)!;
    expect(c).toMatchObject({ domain: 'app.example.com', hostOnly: true });
    expect(c.rejected).toBeUndefined();
    expect(notSentBecause(c, new URL('https://app.example.com/x'), T)).toBeNull();
    expect(notSentBecause(c, new URL('https://api.example.com/x'), T)).toMatch(/host-only for app\.example\.com/);
  });

  it('a Domain cookie goes to every subdomain, and the host-only reason is not given for it', () => {
    const c = parseSetCookie('sid=abc; Domain=Example.COM; Path=/', app, T)!;
    expect(notSentBecause(c, new URL('https://deep.api.example.com/x'), T)).toBeNull();
    expect(notSentBecause(c, new URL('https://example.org/x'), T)).toBe(
      'Domain=example.com does not cover example.org',
    );
  });

  it('never suffix-matches an IP address, v4 or v6', () => {
    expect(domainMatch('10.0.0.1', '0.0.1')).toBe(false);
    expect(domainMatch('[::1]', ':1]')).toBe(false);
    expect(domainMatch('10.0.0.1', '10.0.0.1')).toBe(true);
    expect(domainMatch('API.Example.com', 'example.COM')).toBe(true);
  });

  it('a Domain the setting host is not inside is refused, and that is the reason given first', () => {
    const c = parseSetCookie(
      'sid=abc; Domain=example.org; Secure; SameSite=None',
      new URL('http://app.example.com/'),
      T,
    )!;
    expect(c.rejected).toBe('Domain=example.org does not cover the host that set it (app.example.com)');
  });
});

describe('Path (RFC 6265 §5.1.4)', () => {
  it('defaults to the directory of the request path', () => {
    expect(defaultPath('/a/b/c')).toBe('/a/b');
    expect(defaultPath('/a/b/')).toBe('/a/b');
    expect(defaultPath('no-slash')).toBe('/');
    expect(parseSetCookie('a=b', app, T)!.path).toBe('/account');
    expect(parseSetCookie('a=b; Path=', app, T)!.path).toBe('/account');
    expect(parseSetCookie('a=b; path=/api', app, T)!.path).toBe('/api');
  });

  it('names the path when the request is outside it', () => {
    const c = parseSetCookie('a=b; Path=/account', app, T)!;
    expect(notSentBecause(c, new URL('https://app.example.com/accounts'), T)).toBe(
      'Path=/account does not cover /accounts',
    );
    expect(notSentBecause(c, new URL('https://app.example.com/account/x'), T)).toBeNull();
  });
});

describe('expiry (RFC 6265 §5.2.1, §5.2.2, §5.3 step 3)', () => {
  const c = parseSetCookie('sid=abc; Max-Age=60; Path=/', app, T)!;

  it('is sent until the instant it expires, and not at that instant (Chrome: expired when now >= expiry)', () => {
    expect(notSentBecause(c, app, T + 59_999)).toBeNull();
    expect(notSentBecause(c, app, T + 60_000)).toBe('it had expired');
  });

  it('cannot say it expired without the time of the request', () => {
    expect(notSentBecause(c, app, null)).toBeNull();
  });

  it('reads Max-Age=0 and a negative Max-Age as a deletion, whatever the clock', () => {
    for (const v of ['0', '-1']) {
      const d = parseSetCookie(`sid=; Max-Age=${v}`, app, null)!;
      expect(d.expiresAt).toBe(-Infinity);
      expect(notSentBecause(d, app, T)).toBe('it was deleted (Max-Age=0)');
    }
  });

  it('ignores a Max-Age that is not digits, and then Expires counts', () => {
    const e = 'Expires=Sat, 21 Nov 2026 13:00:00 GMT';
    expect(parseSetCookie(`a=b; Max-Age=+60; ${e}`, app, T)!.expiresAt).toBe(T + 3_600_000);
    expect(parseSetCookie(`a=b; Max-Age=1.5; ${e}`, app, T)!.expiresAt).toBe(T + 3_600_000);
    expect(parseSetCookie('a=b; Expires=someday', app, T)!.expiresAt).toBeNull();
  });

  it('cannot date a Max-Age without the time it was set', () => {
    expect(parseSetCookie('a=b; Max-Age=60', app, null)!.expiresAt).toBeNull();
  });
});

describe('attributes are case-insensitive and spaced freely (RFC 6265 §5.2)', () => {
  it('reads SECURE, HTTPONLY, SameSite=STRICT, partitioned', () => {
    const c = parseSetCookie('__Host-sid=abc ;  SECURE ; HTTPONLY;SameSite = STRICT ; partitioned; Path = /', app, T)!;
    expect(c).toMatchObject({
      name: '__Host-sid',
      valueLength: 3,
      secure: true,
      httpOnly: true,
      sameSite: 'strict',
      partitioned: true,
      path: '/',
    });
    expect(c.rejected).toBeUndefined();
    expect(parseSetCookie('a=b; SameSite=None; Secure', app, T)!.sameSite).toBe('none');
  });

  it('keeps a value with "=" in it whole, and an empty value as a cookie', () => {
    expect(parseSetCookie('token=a=b==; Path=/', app, T)).toMatchObject({ name: 'token', valueLength: 5 });
    expect(parseSetCookie('sid=', app, T)).toMatchObject({ name: 'sid', valueLength: 0 });
    expect(parseSetCookie(' = ', app, T)).toBeNull();
  });
});

describe('secure contexts (Secure Contexts §3.1; cookies RFC 6265bis §5.7)', () => {
  it('counts https, wss and the loopback names as secure, plain http elsewhere not', () => {
    for (const u of [
      'https://a.test/',
      'wss://a.test/socket',
      'http://localhost:3000/',
      'http://127.0.0.1/',
      'http://[::1]/',
      'http://app.localhost/',
    ])
      expect(isPotentiallyTrustworthy(new URL(u))).toBe(true);
    for (const u of ['http://a.test/', 'ws://a.test/', 'http://localhost.example.com/', 'http://10.0.0.1/'])
      expect(isPotentiallyTrustworthy(new URL(u))).toBe(false);
  });

  it('stores a Secure cookie set over wss and sends it back over wss, not over http', () => {
    const c = parseSetCookie('sid=abc; Secure; Path=/', new URL('wss://app.example.com/socket'), T)!;
    expect(c.rejected).toBeUndefined();
    expect(notSentBecause(c, new URL('wss://app.example.com/socket'), T)).toBeNull();
    expect(notSentBecause(c, new URL('http://app.example.com/socket'), T)).toBe(
      'it is Secure and the request went over plain http',
    );
  });

  it('names each prefix and Partitioned refusal', () => {
    expect(parseSetCookie('a=b; Partitioned', app, T)!.rejected).toBe('Partitioned without Secure');
    expect(parseSetCookie('__Host-a=b; Secure; Path=/account', app, T)!.rejected).toBe(
      '__Host- prefix needs Secure, Path=/ and no Domain',
    );
    expect(parseSetCookie('__Host-a=b; Path=/', app, T)!.rejected).toBe(
      '__Host- prefix needs Secure, Path=/ and no Domain',
    );
    expect(parseSetCookie('__Secure-a=b; Secure', app, T)!.rejected).toBeUndefined();
    expect(parseSetCookie('a=b; SameSite=None; Secure; Partitioned', app, T)!.rejected).toBeUndefined();
  });
});
