// A refusal hidden in a redirect (lib/inspect/login-redirect.ts): Django's login_required sends an
// anonymous caller to LOGIN_URL with ?next=<the page>. Fixtures are the lab's recordings of Django
// (Debian python3-django, test/lab/scenarios/django2.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../../lib';
import { loginRedirect } from '../../../../lib/inspect/login-redirect';
import { toExchange } from '../../../../lib/model/exchange';
import { makeEntry } from '../../../support/har';

const lab = (file: string): Har => JSON.parse(readFileSync(`test/fixtures/lab/${file}`, 'utf8')) as Har;
const at = (har: Har, index: number) => diagnose(har, { all: true }).find((d) => d.index === index)!;

describe('a redirect to the sign-in page', () => {
  it('is a refusal when it names this request as the way back (login_required)', () => {
    const d = at(lab('django/login-required-redirect.har'), 0);
    expect(d).toMatchObject({ status: 302, flagged: true });
    expect(d.causes[0]?.id).toBe('auth.missing');
    expect(JSON.stringify(d.causes[0]?.evidence)).toContain('/accounts/login/?next=/dashboard/');
  });

  it("is quiet after signing out (no way back) and when signing in sends the caller on to 'next'", () => {
    const out = lab('django/lookalike-logout-redirect.har');
    expect(out.log.entries.map((_, i) => at(out, i).flagged)).toEqual([false, false, false]);
    // A page navigation shows the sign-in page itself: nothing is hidden (test/fixtures/negative).
    const flow = lab('django/login-then-next.har');
    expect(flow.log.entries.map((_, i) => at(flow, i).flagged)).toEqual([false, false, false, false]);
  });

  it('is a refusal when a fetch followed it silently to the sign-in page', () => {
    const har = lab('django/login-required-fetch.har');
    expect(at(har, 1)).toMatchObject({ status: 302, flagged: true });
    expect(at(har, 1).causes[0]?.id).toBe('auth.missing');
  });

  const redirect = (url: string, location: string, status = 302) =>
    toExchange(makeEntry({ url, status, responseHeaders: { Location: location } }), 0);

  it.each([
    ['ASP.NET', 'https://app.example.com/Orders/7', '/Account/Login?ReturnUrl=%2FOrders%2F7', 302],
    ['Devise', 'https://app.example.com/projects', 'https://app.example.com/users/sign_in?redirect_to=/projects', 302],
    ['Spring', 'https://app.example.com/admin', '/login?continue=https://app.example.com/admin', 303],
  ] as const)('reads %s-style sign-in redirects', (_name, url, location, status: number) => {
    expect(loginRedirect(redirect(url, location, status))).not.toBeNull();
  });

  it.each([
    ['another host (an identity provider)', 'https://app.example.com/x', 'https://idp.example.net/login?next=/x'],
    ['another page as the way back', 'https://app.example.com/x', '/login?next=/y'],
    ['a page that is not a sign-in', 'https://app.example.com/x', '/blogin?next=/x'],
    ['a 200', 'https://app.example.com/x', '/login?next=/x'],
  ])('ignores %s', (what, url, location) => {
    expect(loginRedirect(redirect(url, location, what === 'a 200' ? 200 : 302))).toBeNull();
  });
});
