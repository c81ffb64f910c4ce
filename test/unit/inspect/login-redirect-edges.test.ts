// The edges of lib/inspect/login-redirect.ts: which redirects can hide a refusal, where the target
// is read from, and which values of a hostile capture are not read at all. The shapes are the
// frameworks' documented ones: Django's login_required (`/accounts/login/?next=/dashboard/`,
// https://docs.djangoproject.com/en/5.1/topics/auth/default/#the-login-required-decorator) and
// ASP.NET cookie authentication (`/Account/Login?ReturnUrl=%2F…`,
// https://learn.microsoft.com/en-us/aspnet/core/security/authentication/cookie#configuration).
import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../../lib/har/types';
import { loginRedirect } from '../../../lib/inspect/login-redirect';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

const PAGE = 'https://app.example.com/dashboard/';
const DJANGO = '/accounts/login/?next=/dashboard/';

const exchange = (spec: Partial<EntrySpec>, edit?: (e: HarEntry) => void) => {
  const e = makeEntry({ url: PAGE, status: 302, responseHeaders: { Location: DJANGO }, ...spec });
  edit?.(e);
  return toExchange(e, 0);
};

describe('which responses can hide a refusal in a redirect', () => {
  it.each([301, 302, 303, 307, 308])('a %i to the sign-in page', (status) => {
    expect(loginRedirect(exchange({ status }))).toEqual({ location: DJANGO, param: 'next', value: '/dashboard/' });
  });

  it.each([200, 300, 304, 401])('not a %i, even with a Location', (status) => {
    expect(loginRedirect(exchange({ status }))).toBeNull();
  });

  it('not a page navigation (the browser shows the sign-in page), nor a preflight', () => {
    expect(loginRedirect(exchange({ resourceType: 'document' }))).toBeNull();
    expect(loginRedirect(exchange({ method: 'OPTIONS', resourceType: 'preflight' }))).toBeNull();
    // The same redirect to a script (xhr) is one.
    expect(loginRedirect(exchange({ resourceType: 'xhr' }))).not.toBeNull();
  });
});

describe('where the target is read', () => {
  it("from the HAR's redirectURL when the Location header was not recorded", () => {
    const x = exchange({ responseHeaders: {} }, (e) => {
      e.response.redirectURL = `https://app.example.com${DJANGO}`;
    });
    expect(loginRedirect(x)).toMatchObject({ param: 'next', value: '/dashboard/' });
  });

  it('not from an empty Location, which points back at the request itself', () => {
    // A sign-in page that redirects to itself names itself as the way back: no refusal is hidden there.
    const x = exchange({ url: 'https://app.example.com/login?next=/login', responseHeaders: { Location: '' } });
    expect(loginRedirect(x)).toBeNull();
  });

  it('not from a capture entry without a response, without throwing', () => {
    const x = exchange({ responseHeaders: {} }, (e) => {
      delete (e as { response?: unknown }).response;
    });
    expect(loginRedirect(x)).toBeNull();
  });

  it('not from a redirectURL that is not a string (a hostile capture)', () => {
    const x = exchange({ responseHeaders: {} }, (e) => {
      (e.response as unknown as { redirectURL: unknown }).redirectURL = [DJANGO];
    });
    expect(loginRedirect(x)).toBeNull();
  });

  it('up to 4096 characters of Location, not more', () => {
    const padded = (n: number) => `${DJANGO}&pad=${'a'.repeat(n - DJANGO.length - 5)}`;
    expect(padded(4096)).toHaveLength(4096);
    expect(loginRedirect(exchange({ responseHeaders: { Location: padded(4096) } }))?.param).toBe('next');
    expect(loginRedirect(exchange({ responseHeaders: { Location: padded(4097) } }))).toBeNull();
  });

  it('not from a Location that is no URL, without throwing', () => {
    expect(loginRedirect(exchange({ responseHeaders: { Location: 'http://[::1' } }))).toBeNull();
  });

  it('not for a request whose own URL is unreadable (nothing to compare the way back with)', () => {
    const abs = `https://app.example.com${DJANGO}`;
    expect(loginRedirect(exchange({ url: 'not a url', responseHeaders: { Location: abs } }))).toBeNull();
    expect(loginRedirect(exchange({ url: 'not a url', responseHeaders: { Location: DJANGO } }))).toBeNull();
  });
});

describe('the way back must name this very request', () => {
  it('skips parameters that are not a way back, and ways back that are no URL', () => {
    const at = (location: string) => loginRedirect(exchange({ responseHeaders: { Location: location } }));
    expect(at('/accounts/login/?lang=en&next=/dashboard/')).toMatchObject({ param: 'next' });
    expect(at('/accounts/login/?next=http://[::1&ReturnUrl=%2Fdashboard%2F')).toMatchObject({
      param: 'ReturnUrl',
      value: '/dashboard/',
    });
  });

  it('only from a return parameter, even when another one names this page', () => {
    expect(loginRedirect(exchange({ responseHeaders: { Location: '/accounts/login/?ref=/dashboard/' } }))).toBeNull();
  });

  it('on the same host and path', () => {
    const at = (location: string) => loginRedirect(exchange({ responseHeaders: { Location: location } }));
    expect(at('/accounts/login/?next=https://other.example.com/dashboard/')).toBeNull();
    expect(at('/accounts/login/?next=/dashboard/settings')).toBeNull();
    expect(at('/accounts/login/?next=https://app.example.com/dashboard/')).not.toBeNull();
  });

  it('and the sign-in page on the same host as the request', () => {
    const x = exchange({ responseHeaders: { Location: 'https://sso.example.com/accounts/login/?next=/dashboard/' } });
    expect(loginRedirect(x)).toBeNull();
  });
});
