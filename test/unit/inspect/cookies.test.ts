import { describe, expect, it } from 'vitest';
import { readCookieVerdict } from '../../../lib/inspect/cookie-jar';
import { defaultPath, domainMatch, notSentBecause, parseSetCookie, pathMatch } from '../../../lib/inspect/cookies';
import { registrableDomain, siteOf, siteRelation } from '../../../lib/inspect/site';
import { LogIndex } from '../../../lib/core/log-index';
import { makeHar, type EntrySpec } from '../../support/har';

const login = new URL('https://app.example.com/auth/login');
const T = Date.parse('2026-11-21T12:00:00Z');

describe('RFC 6265 matching', () => {
  it('domain-matches hosts and never IPs by suffix', () => {
    expect(domainMatch('api.example.com', 'example.com')).toBe(true);
    expect(domainMatch('example.com', '.example.com')).toBe(true);
    expect(domainMatch('badexample.com', 'example.com')).toBe(false);
    expect(domainMatch('1.2.3.4', '2.3.4')).toBe(false);
  });

  it('path-matches on segment boundaries', () => {
    expect(pathMatch('/api/users', '/api')).toBe(true);
    expect(pathMatch('/api/users', '/api/')).toBe(true);
    expect(pathMatch('/apiv2', '/api')).toBe(false);
    expect(pathMatch('/', '/api')).toBe(false);
  });

  it('computes the default path', () => {
    expect(defaultPath('/auth/login')).toBe('/auth');
    expect(defaultPath('/login')).toBe('/');
    expect(defaultPath('')).toBe('/');
  });
});

describe('parseSetCookie', () => {
  it('reads every attribute and keeps only the value length', () => {
    const c = parseSetCookie(
      'sid=abc123secret; Domain=.Example.com; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=3600; Partitioned',
      login,
      T,
    )!;
    expect(c).toEqual({
      name: 'sid',
      valueLength: 12,
      domain: 'example.com',
      hostOnly: false,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
      partitioned: true,
      expiresAt: T + 3_600_000,
    });
    expect(JSON.stringify(c)).not.toContain('abc123secret');
  });

  it('defaults: host-only, default path, SameSite unspecified, session cookie', () => {
    expect(parseSetCookie('a=b', login, T)).toMatchObject({
      domain: 'app.example.com',
      hostOnly: true,
      path: '/auth',
      sameSite: 'default',
      expiresAt: null,
    });
  });

  it('lets Max-Age win over Expires and reads deletions', () => {
    expect(parseSetCookie('a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=60', login, T)!.expiresAt).toBe(
      T + 60_000,
    );
    expect(parseSetCookie('a=; Max-Age=0', login, T)!.expiresAt).toBe(-Infinity);
    expect(parseSetCookie('a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT', login, T)!.expiresAt).toBe(
      Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'),
    );
  });

  it('names what the browser refuses to store', () => {
    expect(parseSetCookie('a=b; Domain=other.com', login, T)!.rejected).toMatch(/does not cover/);
    expect(parseSetCookie('a=b; Secure', new URL('http://app.example.com/'), T)!.rejected).toMatch(/plain http/);
    expect(parseSetCookie('a=b; Secure', new URL('http://localhost:3000/'), T)!.rejected).toBeUndefined();
    expect(parseSetCookie('a=b; SameSite=None', login, T)!.rejected).toMatch(/without Secure/);
    expect(parseSetCookie('__Host-s=b; Secure; Path=/; Domain=example.com', login, T)!.rejected).toMatch(/__Host-/);
    expect(parseSetCookie('__Secure-s=b', login, T)!.rejected).toMatch(/__Secure-/);
  });

  it('copes with junk', () => {
    expect(parseSetCookie('', login, T)).toBeNull();
    expect(parseSetCookie(';;;', login, T)).toBeNull();
    expect(parseSetCookie('novalue', login, T)).toMatchObject({ name: '', valueLength: 7 });
    expect(parseSetCookie('a=b; Max-Age=abc; SameSite=weird; Path=relative', login, T)).toMatchObject({
      sameSite: 'default',
      path: '/auth',
      expiresAt: null,
    });
  });

  it('says why a stored cookie would not be sent', () => {
    const c = parseSetCookie('sid=x; Path=/auth; Secure; Max-Age=60', login, T)!;
    expect(notSentBecause(c, new URL('https://app.example.com/auth/me'), T)).toBeNull();
    expect(notSentBecause(c, new URL('https://api.example.com/auth/me'), T)).toMatch(/host-only/);
    expect(notSentBecause(c, new URL('https://app.example.com/api/me'), T)).toMatch(/Path=\/auth/);
    expect(notSentBecause(c, new URL('http://app.example.com/auth/me'), T)).toMatch(/Secure/);
    expect(notSentBecause(c, new URL('https://app.example.com/auth/me'), T + 61_000)).toMatch(/expired/);
  });
});

describe('sites', () => {
  it('finds the registrable domain, with multi-label suffixes', () => {
    expect(registrableDomain('api.example.com')).toBe('example.com');
    expect(registrableDomain('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('alice.github.io')).toBe('alice.github.io');
    expect(registrableDomain('my-app.vercel.app')).toBe('my-app.vercel.app');
    expect(registrableDomain('localhost')).toBe('localhost');
    expect(registrableDomain('10.0.0.1')).toBe('10.0.0.1');
    expect(registrableDomain('abc.execute-api.us-east-1.amazonaws.com')).toBe(
      'abc.execute-api.us-east-1.amazonaws.com',
    );
  });

  // Rules a short hand-written list misses: the Public Suffix List's wildcards and exceptions
  // (https://publicsuffix.org/list/: *.kawasaki.jp and !city.kawasaki.jp), deep suffixes, the
  // private section, a host that is itself a suffix, and a trailing dot or capitals.
  it('follows the whole Public Suffix List', () => {
    expect(registrableDomain('foo.bar.kawasaki.jp')).toBe('foo.bar.kawasaki.jp');
    expect(registrableDomain('www.city.kawasaki.jp')).toBe('city.kawasaki.jp');
    expect(registrableDomain('www.example.pvt.k12.ma.us')).toBe('example.pvt.k12.ma.us');
    expect(registrableDomain('a.my-app.deno.dev')).toBe('my-app.deno.dev');
    expect(registrableDomain('github.io')).toBe('github.io');
    expect(registrableDomain('WWW.Example.COM.')).toBe('example.com');
    expect(siteOf('https://one.github.io/')).not.toBe(siteOf('https://two.github.io/'));
    expect(siteOf('https://a.example.co.uk/')).toBe(siteOf('https://b.example.co.uk/'));
  });

  it('uses schemeful sites', () => {
    expect(siteOf('https://app.example.com')).toBe('https://example.com');
    expect(siteOf('http://app.example.com')).toBe('http://example.com');
    expect(siteOf('not a url')).toBeNull();
  });

  it('prefers Sec-Fetch-Site, else compares the page origin', () => {
    expect(siteRelation('cross-site', 'https://app.example.com', new URL('https://api.example.com/'))).toEqual({
      relation: 'cross-site',
      from: 'sec-fetch-site',
    });
    expect(siteRelation(undefined, 'https://app.example.com', new URL('https://api.example.com/')).relation).toBe(
      'same-site',
    );
    expect(siteRelation(undefined, 'https://app.example.com', new URL('https://app.example.com/x')).relation).toBe(
      'same-origin',
    );
    expect(siteRelation(undefined, 'https://a.github.io', new URL('https://b.github.io/')).relation).toBe('cross-site');
    expect(siteRelation(undefined, null, new URL('https://b.example/')).relation).toBe('unknown');
  });
});

describe('readCookieVerdict', () => {
  const setter = (setCookie: string | string[], url = 'https://app.example.com/login'): EntrySpec => ({
    method: 'POST',
    url,
    status: 200,
    responseHeaders: { Date: 'Sat, 21 Nov 2026 12:00:00 GMT', 'Set-Cookie': setCookie },
  });
  const verdict = (entries: EntrySpec[], sent: string[] = []) => {
    const log = new LogIndex(makeHar(entries));
    return readCookieVerdict(log.exchanges[entries.length - 1]!, log, sent);
  };

  it('finds a SameSite=Lax session cookie withheld from a cross-site fetch', () => {
    const v = verdict([
      setter('session=abc; Path=/; Secure; HttpOnly; SameSite=Lax', 'https://api.example.com/login'),
      {
        url: 'https://api.example.com/me',
        status: 401,
        requestHeaders: { Origin: 'https://shop.other.com', 'Sec-Fetch-Site': 'cross-site' },
      },
    ]);
    expect(v.relation).toBe('cross-site');
    expect(v.missing[0]).toMatchObject({ kind: 'samesite', sessionLike: true });
  });

  it('treats a missing SameSite as Lax', () => {
    const v = verdict([
      setter('sid=abc; Path=/; Secure', 'https://api.example.com/login'),
      { url: 'https://api.example.com/me', status: 401, requestHeaders: { Origin: 'https://other.dev' } },
    ]);
    expect(v.missing[0]!.reason).toMatch(/no SameSite attribute/);
  });

  it('finds cross-origin same-site fetches without credentials', () => {
    const v = verdict([
      setter('sid=abc; Domain=example.com; Path=/; Secure; HttpOnly'),
      {
        url: 'https://api.example.com/me',
        status: 401,
        requestHeaders: { Origin: 'https://app.example.com', 'Sec-Fetch-Site': 'same-site' },
      },
    ]);
    expect(v.missing[0]).toMatchObject({ kind: 'credentials-mode' });
  });

  it('finds host-only cookies a sibling host never receives', () => {
    const v = verdict([
      setter('connect.sid=abc; Path=/; HttpOnly'),
      { url: 'https://api.example.com/me', status: 401 },
    ]);
    expect(v.missing[0]).toMatchObject({ kind: 'domain', sessionLike: true });
  });

  it('ignores cookies that were sent, deleted, or belong to another site', () => {
    expect(
      verdict([setter('sid=abc; Path=/'), { url: 'https://app.example.com/me', status: 401 }], ['sid']).missing,
    ).toEqual([]);
    expect(
      verdict([
        setter(['sid=abc; Path=/', 'sid=; Path=/; Max-Age=0']),
        { url: 'https://app.example.com/me', status: 401 },
      ]).missing,
    ).toEqual([]);
    expect(
      verdict([
        setter('sid=abc; Path=/', 'https://other.com/login'),
        { url: 'https://app.example.com/me', status: 401 },
      ]).missing,
    ).toEqual([]);
  });

  it('ignores Set-Cookies that came after the request', () => {
    const log = new LogIndex(makeHar([{ url: 'https://app.example.com/me', status: 401 }, setter('sid=abc; Path=/')]));
    expect(readCookieVerdict(log.exchanges[0]!, log, []).missing).toEqual([]);
  });

  it('reads Set-Cookie values a HAR writer joined with a newline', () => {
    const v = verdict(
      [
        setter('theme=dark; Path=/\nsid=abc; Path=/; HttpOnly'),
        { url: 'https://app.example.com/me', status: 401, requestHeaders: { Cookie: 'theme=dark' } },
      ],
      ['theme'],
    );
    expect(v.missing.map((m) => m.cookie.name)).toEqual(['sid']);
  });

  it('names a cookie the browser refused to store', () => {
    const v = verdict([setter('sid=abc; Path=/; SameSite=None'), { url: 'https://app.example.com/me', status: 401 }]);
    expect(v.missing[0]).toMatchObject({ kind: 'rejected' });
    expect(v.missing[0]!.reason).toMatch(/SameSite=None without Secure/);
  });

  it('says "unknown" when nothing in the attributes explains it', () => {
    const v = verdict([
      setter('sid=abc; Path=/; HttpOnly'),
      { url: 'https://app.example.com/me', status: 401, requestHeaders: { 'Sec-Fetch-Site': 'same-origin' } },
    ]);
    expect(v.missing[0]).toMatchObject({ kind: 'unknown' });
  });
});
