import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { call, cause, causesOf, ids, login } from './support';

// What the user is shown when a cookie set earlier in the capture did not go with a refused call:
// the Set-Cookie line as the browser stored it (never the value, only its length), what the
// request carried instead, and how the site relation was known. Cookie attributes and their
// effect follow RFC 6265bis (https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html
// §5.6 storage, §5.8.3 SameSite) and MDN's Set-Cookie page
// (https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie).

const details = (entries: EntrySpec[]) => cause(entries, 'auth.cookie_not_sent').evidence.map((e) => e.detail);
const CROSS_SITE = { Origin: 'https://widget.partner.test', 'Sec-Fetch-Site': 'cross-site' };

describe('auth.cookie_not_sent: the evidence shown', () => {
  it('quotes every stored attribute of a Strict, Domain-wide session cookie, and the cookies sent instead', () => {
    const entries = [
      login(
        'sid=0123456789abcdef0123456789abcdef; Domain=shop.example; Path=/; Secure; HttpOnly; SameSite=Strict',
        'https://login.shop.example/session',
      ),
      call('https://api.shop.example/me', { ...CROSS_SITE, Cookie: 'theme=dark' }),
    ];
    expect(cause(entries, 'auth.cookie_not_sent').title).toBe(
      'The "sid" cookie was set earlier but not sent: it is SameSite=Strict and the request is cross-site',
    );
    // Where each line comes from is part of what the panel and `why403 --json` show.
    expect(cause(entries, 'auth.cookie_not_sent').evidence).toEqual([
      {
        where: 'log',
        name: 'set-cookie',
        detail:
          'entry #0 POST https://login.shop.example/session set: sid=(32 chars); Domain=shop.example; Path=/; Secure; HttpOnly; SameSite=Strict',
      },
      { where: 'request.cookie', detail: 'cookies sent: theme (not sid)' },
      { where: 'request.header', name: 'sec-fetch-site', detail: 'Sec-Fetch-Site: cross-site' },
      { where: 'response.status', detail: '401' },
    ]);
  });

  it('a host-only cookie without SameSite shows no Domain and no SameSite, and is read as Lax by default', () => {
    const entries = [
      login('sid=abc; Path=/; Secure; HttpOnly', 'https://api.shop.example/login'),
      call('https://api.shop.example/me', CROSS_SITE),
    ];
    expect(cause(entries, 'auth.cookie_not_sent').title).toBe(
      'The "sid" cookie was set earlier but not sent: it is SameSite=Lax by default and the request is cross-site',
    );
    expect(details(entries)).toEqual([
      'entry #0 POST https://api.shop.example/login set: sid=(3 chars); Path=/; Secure; HttpOnly',
      'no Cookie header on this request',
      'Sec-Fetch-Site: cross-site',
      '401',
    ]);
  });

  it('a SameSite=None; Partitioned cookie on a cross-site call without Sec-Fetch-Site: third-party, relation from the page origin', () => {
    const entries = [
      login('sid=abc; Path=/; Secure; HttpOnly; SameSite=None; Partitioned', 'https://api.shop.example/login'),
      call('https://api.shop.example/me', { Origin: 'https://widget.partner.test' }, 403),
    ];
    const c = cause(entries, 'auth.cookie_not_sent');
    expect(c.title).toBe(
      'The "sid" cookie was set earlier but not sent: it is a third-party cookie on a cross-site request',
    );
    expect(c.fixes.join(' ')).toMatch(/SameSite=None; Secure; Partitioned/);
    expect(c.evidence.slice(1)).toEqual([
      { where: 'request.cookie', detail: 'no Cookie header on this request' },
      {
        where: 'request.header',
        name: 'origin',
        detail: 'page https://widget.partner.test → https://api.shop.example (cross-site)',
      },
      { where: 'response.status', detail: '403' },
    ]);
    expect(c.evidence[0]!.detail).toBe(
      'entry #0 POST https://api.shop.example/login set: sid=(3 chars); Path=/; Secure; HttpOnly; SameSite=None; Partitioned',
    );
  });

  it('a second withheld session cookie is shown too, after the request-side evidence', () => {
    const entries = [
      login(
        [
          'sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax',
          'remember_token=abcdef; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=2592000',
        ],
        'https://api.shop.example/login',
      ),
      call('https://api.shop.example/me', CROSS_SITE),
    ];
    expect(details(entries)).toEqual([
      'entry #0 POST https://api.shop.example/login set: sid=(3 chars); Path=/; Secure; HttpOnly; SameSite=Lax',
      'no Cookie header on this request',
      'Sec-Fetch-Site: cross-site',
      'entry #0 POST https://api.shop.example/login set: remember_token=(6 chars); Path=/; Secure; HttpOnly; SameSite=Lax',
      '401',
    ]);
  });

  it('many withheld session cookies: at most three Set-Cookie lines are shown, and every cookie sent is listed', () => {
    const entries = [
      login(
        ['sid', 'remember_token', 'auth_token', 'jwt_refresh'].map(
          (n) => `${n}=abc; Path=/; Secure; HttpOnly; SameSite=Lax`,
        ),
        'https://api.shop.example/login',
      ),
      call('https://api.shop.example/me', { ...CROSS_SITE, Cookie: 'theme=dark; lang=en' }),
    ];
    const shown = details(entries);
    expect(shown.filter((d) => d.startsWith('entry #0 POST'))).toHaveLength(3);
    expect(shown).toContain('cookies sent: theme, lang (not sid)');
  });

  it('a Path that does not cover the call is named with the path the call used', () => {
    const entries = [
      login('sid=abc; Path=/auth; HttpOnly', 'https://app.example.com/auth/login'),
      call('https://app.example.com/api/me'),
    ];
    expect(cause(entries, 'auth.cookie_not_sent').title).toBe(
      'The "sid" cookie was set earlier but not sent: Path=/auth does not cover /api/me',
    );
    // Not Secure: no "Secure" shown. No Origin or Sec-Fetch-Site: the page is unknown, and so is the relation.
    expect(details(entries).slice(0, 3)).toEqual([
      'entry #0 POST https://app.example.com/auth/login set: sid=(3 chars); Path=/auth; HttpOnly',
      'no Cookie header on this request',
      'page (unknown) → https://app.example.com (unknown)',
    ]);
  });
});

describe('auth.cookie_not_sent: which cookie counts', () => {
  const strict = (name: string, httpOnly: boolean) =>
    login(
      `${name}=abc; Path=/; Secure${httpOnly ? '; HttpOnly' : ''}; SameSite=Strict`,
      'https://api.shop.example/login',
    );

  it('a withheld non-session cookie explains an anonymous call, but ranks below a withheld session cookie', () => {
    const prefs = causesOf([strict('prefs', false), call('https://api.shop.example/me', CROSS_SITE)]);
    expect(prefs[0]!.id).toBe('auth.cookie_not_sent');
    expect(prefs[0]!.summary).toMatch(/^Entry #0 set the cookie "prefs" for this host/);
    // Not HttpOnly: no "HttpOnly" shown.
    expect(prefs[0]!.evidence[0]!.detail).toBe(
      'entry #0 POST https://api.shop.example/login set: prefs=(3 chars); Path=/; Secure; SameSite=Strict',
    );
    const sid = cause([strict('sid', true), call('https://api.shop.example/me', CROSS_SITE)], 'auth.cookie_not_sent');
    expect(sid.summary).toMatch(/^Entry #0 set the session cookie "sid" for this host/);
    expect(prefs[0]!.confidence).toBeLessThan(sid.confidence);
  });

  it('stays quiet about a non-session cookie when the call carried other cookies', () => {
    expect(
      ids([strict('prefs', false), call('https://api.shop.example/me', { ...CROSS_SITE, Cookie: 'theme=dark' })]),
    ).not.toContain('auth.cookie_not_sent');
  });

  it('stays quiet about a non-session cookie whose absence nothing explains', () => {
    // Same-origin call, Path=/, no Secure mismatch: the browser would have sent it.
    expect(
      ids([
        login('prefs=abc; Path=/', 'https://app.shop.example/login'),
        call('https://app.shop.example/me', { Origin: 'https://app.shop.example' }),
      ]),
    ).not.toContain('auth.cookie_not_sent');
  });

  it('a session cookie whose absence nothing explains is still named, without a made-up reason', () => {
    const c = cause(
      [
        login('sid=abc; Path=/; HttpOnly', 'https://app.shop.example/login'),
        call('https://app.shop.example/me', { Origin: 'https://app.shop.example' }),
      ],
      'auth.cookie_not_sent',
    );
    expect(c.title).toBe('The "sid" cookie was set earlier but not sent');
    expect(c.summary).toMatch(/Why: nothing in its attributes explains it/);
  });

  it('a cookie the server deleted (Max-Age=0 at logout) is not "not sent": the caller is signed out', () => {
    const entries = [
      login('sid=abc; Path=/; HttpOnly', 'https://app.example.com/login'),
      login('sid=; Path=/; Max-Age=0', 'https://app.example.com/logout'),
      call('https://app.example.com/api/me'),
    ];
    expect(ids(entries)).not.toContain('auth.cookie_not_sent');
    expect(causesOf(entries)[0]!.id).toBe('auth.missing');
  });

  it("the browser's own Sec-Fetch-Site makes a SameSite refusal likelier than the page origin alone", () => {
    const lax = login('sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax', 'https://api.shop.example/login');
    const byBrowser = cause([lax, call('https://api.shop.example/me', CROSS_SITE)], 'auth.cookie_not_sent');
    const byOrigin = cause(
      [lax, call('https://api.shop.example/me', { Origin: 'https://widget.partner.test' })],
      'auth.cookie_not_sent',
    );
    expect(byBrowser.title).toBe(byOrigin.title);
    expect(byBrowser.confidence).toBeGreaterThan(byOrigin.confidence);
  });

  it('a same-site, cross-origin fetch without cookies: credentials mode, however the relation was learnt', () => {
    const wide = login(
      'sid=abc; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=Lax',
      'https://app.example.com/login',
    );
    const byBrowser = cause(
      [wide, call('https://api.example.com/me', { Origin: 'https://app.example.com', 'Sec-Fetch-Site': 'same-site' })],
      'auth.cookie_not_sent',
    );
    expect(byBrowser.title).toBe(
      'The "sid" cookie was set earlier but not sent: the cross-origin call did not use credentials: \'include\'',
    );
    // Only a SameSite refusal becomes a fact from the browser's word; this reading does not.
    const byOrigin = cause(
      [wide, call('https://api.example.com/me', { Origin: 'https://app.example.com' })],
      'auth.cookie_not_sent',
    );
    expect(byOrigin.confidence).toBe(byBrowser.confidence);
  });

  it('answers 401, 403 and 419 only: a 429 is a rate limit whatever cookies went', () => {
    const lax = login('laravel_session=abc; Path=/; Secure; HttpOnly; SameSite=Lax', 'https://api.shop.example/login');
    expect(ids([lax, call('https://api.shop.example/me', CROSS_SITE, 419)])).toContain('auth.cookie_not_sent');
    expect(ids([lax, call('https://api.shop.example/me', CROSS_SITE, 429)])).not.toContain('auth.cookie_not_sent');
  });

  it('stays quiet when the call authenticated with an API key instead', () => {
    expect(
      ids([
        login('sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax', 'https://api.shop.example/login'),
        call('https://api.shop.example/me', { ...CROSS_SITE, 'X-API-Key': 'k3y0123456789abcdef' }),
      ]),
    ).not.toContain('auth.cookie_not_sent');
  });
});
