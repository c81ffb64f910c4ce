import { describe, expect, it } from 'vitest';
import { DATE, call as me, cause, causesOf, ids, login, shown } from './support';

describe('auth.cookie_not_sent', () => {
  it('SameSite=Lax session cookie on a cross-site fetch', () => {
    const c = causesOf([
      login('session=9f8e7d6c5b4a; Path=/; Secure; HttpOnly; SameSite=Lax', 'https://api.shop.example/login'),
      me('https://api.shop.example/me', { Origin: 'https://widget.partner.test', 'Sec-Fetch-Site': 'cross-site' }),
    ]);
    expect(c[0]!.id).toBe('auth.cookie_not_sent');
    expect(c[0]!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(c[0]!.title).toBe(
      'The "session" cookie was set earlier but not sent: it is SameSite=Lax and the request is cross-site',
    );
    expect(shown(c)).not.toContain('9f8e7d6c5b4a');
    const missing = c.find((x) => x.id === 'auth.missing');
    expect(missing === undefined || missing.confidence < c[0]!.confidence).toBe(true);
  });

  it('cross-origin, same-site fetch that carried no cookies: credentials mode', () => {
    const c = causesOf([
      login('sid=abc; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=Lax'),
      me('https://api.example.com/me', { Origin: 'https://app.example.com', 'Sec-Fetch-Site': 'same-site' }),
    ]);
    expect(c[0]!.id).toBe('auth.cookie_not_sent');
    expect(c[0]!.fixes.join()).toMatch(/credentials: 'include'/);
  });

  it('Secure cookie, plain-http request', () => {
    const c = causesOf([
      login('sid=abc; Path=/; Secure; HttpOnly', 'https://app.example.com/login'),
      me('http://app.example.com/me'),
    ]);
    expect(c[0]!.title).toMatch(/it is Secure and the request used plain http$/);
  });

  it('Path mismatch and expiry', () => {
    expect(
      cause([login('sid=abc; Path=/auth; HttpOnly'), me('https://app.example.com/api/me')], 'auth.cookie_not_sent')
        .title,
    ).toMatch(/Path=\/auth/);
    expect(
      cause(
        [login('sid=abc; Path=/; Max-Age=1; HttpOnly'), me('https://app.example.com/api/me')],
        'auth.cookie_not_sent',
      ).title,
    ).toMatch(/expired/);
  });

  it('a Lax cookie set by a cross-site fetch was never stored', () => {
    const c = cause(
      [
        {
          method: 'POST',
          url: 'https://api.example.com/login',
          status: 200,
          requestHeaders: { Origin: 'https://www.partner.test', 'Sec-Fetch-Site': 'cross-site' },
          responseHeaders: { Date: DATE, 'Set-Cookie': 'sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax' },
        },
        me('https://api.example.com/me', { Origin: 'https://www.partner.test', 'Sec-Fetch-Site': 'cross-site' }),
      ],
      'auth.cookie_not_sent',
    );
    expect(c.title).toMatch(/refused to store it$/);
    expect(c.summary).toMatch(/set by a cross-site fetch request/);
  });

  it('stays quiet when the cookie was sent, when a token was used, or with no earlier Set-Cookie', () => {
    expect(ids([login('sid=abc; Path=/'), me('https://app.example.com/me', { Cookie: 'sid=abc' })])).not.toContain(
      'auth.cookie_not_sent',
    );
    expect(
      ids([login('sid=abc; Path=/'), me('https://app.example.com/me', { Authorization: 'Bearer abcdefabcdef' })]),
    ).not.toContain('auth.cookie_not_sent');
    expect(ids([me('https://app.example.com/me')])).not.toContain('auth.cookie_not_sent');
  });

  it('ignores analytics cookies', () => {
    expect(
      ids([
        login('_ga=GA1.2.3; Path=/; Domain=example.com'),
        me('https://app.example.com/me', { Cookie: 'theme=dark' }),
      ]),
    ).not.toContain('auth.cookie_not_sent');
  });
});

describe('csrf.invalid (structural)', () => {
  it('419 with the XSRF-TOKEN cookie and no header', () => {
    const c = causesOf(
      [me('https://app.example.com/profile', { Cookie: 'XSRF-TOKEN=eyJpdiI6; laravel_session=eyJpdiI6' }, 419)].map(
        (e) => ({ ...e, method: 'POST' }),
      ),
    );
    expect(c[0]!.id).toBe('csrf.invalid');
    expect(c[0]!.confidence).toBeGreaterThan(0.75);
    expect(c[0]!.title).toMatch(/no CSRF token was sent \(the XSRF-TOKEN cookie was\)/);
  });

  it('403 on a POST with csrftoken cookie and no X-CSRFToken header (Django)', () => {
    const c = causesOf([
      { ...me('https://app.example.com/api/items', { Cookie: 'csrftoken=abc; sessionid=def' }, 403), method: 'POST' },
    ]);
    expect(c[0]!.id).toBe('csrf.invalid');
    expect(c[0]!.title).toBe('The csrftoken cookie was sent but no X-CSRFToken header');
  });

  it('not on GET, not with the header, not with a bearer token', () => {
    expect(ids([me('https://app.example.com/api/items', { Cookie: 'csrftoken=abc' }, 403)])).not.toContain(
      'csrf.invalid',
    );
    expect(
      ids([
        {
          ...me('https://app.example.com/api/items', { Cookie: 'csrftoken=abc', 'X-CSRFToken': 'abc' }, 403),
          method: 'POST',
        },
      ]),
    ).not.toContain('csrf.invalid');
    expect(
      ids([
        {
          ...me(
            'https://app.example.com/api/items',
            { Cookie: 'csrftoken=abc', Authorization: 'Bearer abcdefabcdef' },
            403,
          ),
          method: 'POST',
        },
      ]),
    ).not.toContain('csrf.invalid');
  });

  it('double-submit mismatch', () => {
    expect(
      cause(
        [
          {
            ...me('https://app.example.com/api/items', { Cookie: 'XSRF-TOKEN=new', 'X-XSRF-TOKEN': 'old' }, 403),
            method: 'PUT',
          },
        ],
        'csrf.invalid',
      ).title,
    ).toMatch(/does not match/);
  });
});
