import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../lib/core/log-index';
import { isSessionLike, readCookieVerdict } from '../../../lib/inspect/cookie-jar';
import { makeHar, type EntrySpec } from '../../support/har';

// The cookie jar a browser would hold after the log's Set-Cookies, and the one reason each cookie
// did not go with the refused request. Cookie rules: RFC 6265 and RFC 6265bis (SameSite, §5.7
// cross-site storage), as Chrome applies them.

const DATE = 'Sat, 21 Nov 2026 12:00:00 GMT';
const setter = (setCookie: string | string[], spec: Partial<EntrySpec> = {}): EntrySpec => ({
  method: 'POST',
  url: 'https://app.example.com/login',
  status: 200,
  responseHeaders: { Date: DATE, 'Set-Cookie': setCookie },
  startedDateTime: '2026-11-21T12:00:00.000Z',
  ...spec,
});
const refused = (spec: Partial<EntrySpec> = {}): EntrySpec => ({
  url: 'https://app.example.com/api/me',
  status: 401,
  startedDateTime: '2026-11-21T12:00:10.000Z',
  ...spec,
});
function verdict(entries: EntrySpec[], sent: string[] = []) {
  const log = new LogIndex(makeHar(entries));
  return readCookieVerdict(log.exchanges[entries.length - 1]!, log, sent);
}
const reasons = (v: ReturnType<typeof verdict>) => v.missing.map((m) => [m.cookie.name, m.kind]);

describe('cookies a cross-site subrequest set (RFC 6265bis §5.7: not stored)', () => {
  const crossSet = (cookie: string) =>
    setter(cookie, {
      url: 'https://api.example.com/login',
      resourceType: 'fetch',
      requestHeaders: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://shop.other.com' },
    });

  it.each([
    ['sid=abc; Path=/; Secure', 'cookies without SameSite=None (Lax by default)'],
    ['sid=abc; Path=/; Secure; SameSite=Lax', 'SameSite=Lax cookies'],
    ['sid=abc; Path=/; Secure; SameSite=Strict', 'SameSite=Strict cookies'],
  ])('%s was never stored', (cookie, what) => {
    const v = verdict([crossSet(cookie), refused({ url: 'https://api.example.com/me' })]);
    expect(v.missing).toHaveLength(1);
    expect(v.missing[0]!.kind).toBe('rejected');
    expect(v.missing[0]!.reason).toBe(
      `the browser refused to store it: it was set by a cross-site fetch request, and browsers do not store ${what} from cross-site responses`,
    );
  });

  it('a SameSite=None; Secure cookie from the same response is stored', () => {
    const v = verdict([
      crossSet('sid=abc; Path=/; Secure; SameSite=None'),
      refused({ url: 'https://api.example.com/me', requestHeaders: { 'Sec-Fetch-Site': 'same-origin' } }),
    ]);
    expect(reasons(v)).toEqual([['sid', 'unknown']]);
  });

  it('a top-level navigation may set a Lax cookie cross-site', () => {
    const nav = setter('sid=abc; Path=/; Secure', {
      method: 'GET',
      url: 'https://api.example.com/callback',
      resourceType: 'document',
      requestHeaders: { 'Sec-Fetch-Site': 'cross-site' },
    });
    const v = verdict([
      nav,
      refused({ url: 'https://api.example.com/me', requestHeaders: { 'Sec-Fetch-Site': 'same-origin' } }),
    ]);
    expect(reasons(v)).toEqual([['sid', 'unknown']]);
  });
});

describe('the jar keeps the latest Set-Cookie per name, domain and path', () => {
  it('a later deletion by a past Expires removes it', () => {
    const v = verdict([
      setter('sid=abc; Path=/; HttpOnly'),
      setter('sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', { startedDateTime: '2026-11-21T12:00:05.000Z' }),
      refused(),
    ]);
    expect(v.missing).toEqual([]);
  });

  it('a deletion logged before the cookie was set again does not remove it', () => {
    const v = verdict([
      setter('sid=; Path=/; Max-Age=0'),
      setter('sid=new; Path=/; HttpOnly', { startedDateTime: '2026-11-21T12:00:05.000Z' }),
      refused(),
    ]);
    expect(reasons(v)).toEqual([['sid', 'unknown']]);
  });

  it('the same name on two paths is two cookies', () => {
    const v = verdict([
      setter(['sid=a; Path=/', 'sid=b; Path=/admin; HttpOnly']),
      refused({ url: 'https://app.example.com/admin/x' }),
    ]);
    expect(v.missing.map((m) => m.cookie.path).sort()).toEqual(['/', '/admin']);
  });
});

describe('one reason per cookie', () => {
  it('an expired cookie, session-like or not, and when it expired', () => {
    const v = verdict([
      setter(['sid=abc; Path=/; Max-Age=5', 'theme=dark; Path=/; Max-Age=5']),
      refused({ startedDateTime: '2026-11-21T12:00:05.000Z' }),
    ]);
    expect(reasons(v)).toEqual([
      ['sid', 'expired'],
      ['theme', 'expired'],
    ]);
    expect(v.missing[0]!.reason).toBe('it had expired');
    // One millisecond before: still in the jar, so not an expiry.
    const before = verdict([
      setter('sid=abc; Path=/; Max-Age=5'),
      refused({ startedDateTime: '2026-11-21T12:00:04.999Z' }),
    ]);
    expect(reasons(before)).toEqual([['sid', 'unknown']]);
  });

  it('a Secure cookie withheld from plain http, whatever its name', () => {
    const v = verdict([setter('prefs=1; Path=/; Secure'), refused({ url: 'http://app.example.com/api/me' })]);
    expect(reasons(v)).toEqual([['prefs', 'secure']]);
  });

  it('a session cookie on another path is named; a preference cookie there is not', () => {
    const v = verdict([setter(['sid=abc; Path=/admin', 'theme=dark; Path=/admin']), refused()]);
    expect(reasons(v)).toEqual([['sid', 'path']]);
    expect(v.missing[0]!.reason).toBe('Path=/admin does not cover /api/me');
  });

  it('a refused cookie is named where it would have covered the request, or when it is a session', () => {
    const v = verdict([
      setter(['theme=dark; Path=/; SameSite=None', 'lang=en; Path=/other; SameSite=None']),
      refused(),
    ]);
    expect(reasons(v)).toEqual([['theme', 'rejected']]);
    const session = verdict([setter('sid=abc; Path=/other; SameSite=None'), refused()]);
    expect(reasons(session)).toEqual([['sid', 'rejected']]);
  });

  it('a SameSite=None cookie on a cross-site request that carried no cookies: third-party', () => {
    const entries = [
      setter('sid=abc; Path=/; Secure; SameSite=None', { url: 'https://api.example.com/login' }),
      refused({ url: 'https://api.example.com/me', requestHeaders: { 'Sec-Fetch-Site': 'cross-site' } }),
    ];
    expect(reasons(verdict(entries))).toEqual([['sid', 'third-party']]);
    expect(verdict(entries)[`missing`][0]!.reason).toMatch(/^it is a cross-site \(third-party\) cookie/);
    // Other cookies went, so credentials were included: nothing in the attributes explains it.
    expect(reasons(verdict(entries, ['other']))).toEqual([['sid', 'unknown']]);
  });

  it('Lax is sent on a cross-site top-level GET navigation, not on a cross-site POST form', () => {
    const lax = setter('sid=abc; Path=/; Secure; SameSite=Lax', { url: 'https://api.example.com/login' });
    const nav = (method: string) =>
      refused({
        method,
        url: 'https://api.example.com/me',
        resourceType: 'document',
        requestHeaders: { 'Sec-Fetch-Site': 'cross-site' },
      });
    expect(reasons(verdict([lax, nav('GET')]))).toEqual([['sid', 'unknown']]);
    expect(reasons(verdict([lax, nav('HEAD')]))).toEqual([['sid', 'unknown']]);
    const post = verdict([lax, nav('POST')]);
    expect(reasons(post)).toEqual([['sid', 'samesite']]);
    expect(post.missing[0]!.reason).toBe(
      'it is SameSite=Lax and this is a cross-site document request, not a top-level navigation',
    );
  });

  it('Strict is withheld from any cross-site request, a navigation too', () => {
    const v = verdict([
      setter('sid=abc; Path=/; Secure; SameSite=Strict', { url: 'https://api.example.com/login' }),
      refused({
        url: 'https://api.example.com/me',
        resourceType: 'document',
        requestHeaders: { 'Sec-Fetch-Site': 'cross-site' },
      }),
    ]);
    expect(v.missing[0]!.reason).toBe('it is SameSite=Strict and this request is cross-site');
  });

  it('a same-site cross-origin fetch without any cookie: the credentials mode; an image: unknown', () => {
    const set = setter('sid=abc; Domain=example.com; Path=/; Secure');
    const to = (resourceType: string) =>
      refused({ url: 'https://api.example.com/me', resourceType, requestHeaders: { 'Sec-Fetch-Site': 'same-site' } });
    expect(reasons(verdict([set, to('xhr')]))).toEqual([['sid', 'credentials-mode']]);
    expect(reasons(verdict([set, to('image')]))).toEqual([['sid', 'unknown']]);
    expect(reasons(verdict([set, to('fetch')], ['theme']))).toEqual([['sid', 'unknown']]);
  });
});

describe('the verdict as a whole', () => {
  it('says where the site relation came from', () => {
    expect(verdict([refused({ requestHeaders: { 'Sec-Fetch-Site': 'same-origin' } })])).toMatchObject({
      relation: 'same-origin',
      relationFrom: 'sec-fetch-site',
    });
    expect(verdict([refused({ requestHeaders: { Origin: 'https://shop.other.com' } })])).toMatchObject({
      relation: 'cross-site',
      relationFrom: 'origin',
    });
    expect(verdict([refused()])).toMatchObject({ relation: 'unknown', relationFrom: 'none', sent: [] });
  });

  it('lists session cookies first and the unexplained last', () => {
    const v = verdict([
      setter(['theme=dark; Path=/; Max-Age=1', 'prefs=1; Path=/', 'sid=abc; Path=/']),
      refused({ requestHeaders: { 'Sec-Fetch-Site': 'same-origin' } }),
    ]);
    expect(reasons(v)).toEqual([
      ['sid', 'unknown'],
      ['theme', 'expired'],
      ['prefs', 'unknown'],
    ]);
  });

  it('reads nothing for a non-http request (a WebSocket handshake)', () => {
    expect(verdict([setter('sid=abc; Path=/'), refused({ url: 'wss://app.example.com/socket' })]).missing).toEqual([]);
  });
});

describe('isSessionLike: names frameworks give their session cookies', () => {
  it.each([
    'PHPSESSID',
    'JSESSIONID',
    'connect.sid',
    'laravel_session',
    '_gh_sess',
    'remember_web_59ba36',
    '.AspNetCore.Identity.Application',
    'auth_token',
    'sid',
    'x_sid',
    'session',
  ])('%s is a session cookie', (name) => expect(isSessionLike(name)).toBe(true));
  it.each(['XSRF-TOKEN', 'csrftoken', '_ga', '_gid', 'OptanonConsent', '__cf_bm', 'theme', 'sidebar'])(
    '%s is not',
    (name) => expect(isSessionLike(name)).toBe(false),
  );
  it('counts an HttpOnly cookie as a session, but never a CSRF cookie', () => {
    expect(isSessionLike('prefs', true)).toBe(true);
    expect(isSessionLike('csrftoken', true)).toBe(false);
  });
});
