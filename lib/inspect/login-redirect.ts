import type { Exchange } from '../model/exchange';
import { sameHostRedirect } from './redirect-target';

/**
 * A refusal hidden in a redirect: the server sends an anonymous caller to its sign-in page, with
 * the page it asked for as the way back. Django's login_required answers 302 to
 * `/accounts/login/?next=/dashboard/` (https://docs.djangoproject.com/en/5.1/topics/auth/default/#the-login-required-decorator),
 * ASP.NET's cookie authentication `/Account/Login?ReturnUrl=…`, Rails Devise `/users/sign_in`
 * after storing the location, Spring Security `/login`. Only a redirect to a sign-in path on the
 * same host whose return parameter names this very request reads so: a sign-out's redirect to the
 * sign-in page names nothing to go back to, and a sign-in's redirect to `next` goes away from it.
 * A page navigation is left alone: the browser shows the sign-in page itself, so nothing is hidden
 * (test/fixtures/negative/redirect-302-to-login.json); a fetch or an API client follows the redirect
 * silently and gets a login page where it expected data.
 */
export interface LoginRedirect {
  /** The Location as sent (clipped by the caller). */
  location: string;
  /** The return parameter and its value ('' when the sign-in page was named bare). */
  param: string;
  value: string;
}

const SIGN_IN = /\/(?:log-?in|sign-?in|sign_in|signon|auth\/login|session\/new|sso\/login)(?:\/|\.\w{2,5})?$/i;
const RETURN_PARAMS = [
  'next',
  'returnurl',
  'return_url',
  'returnto',
  'return_to',
  'redirect',
  'redirect_to',
  'redirectto',
  'redirecturl',
  'continue',
  'destination',
  'from',
  'back',
  // Auth.js (NextAuth.js): `/api/auth/signin?callbackUrl=…` (https://authjs.dev/reference/core#pages)
  'callbackurl',
];

export function loginRedirect(x: Exchange): LoginRedirect | null {
  if (x.resourceType === 'document') return null;
  const hop = sameHostRedirect(x);
  if (!hop || !SIGN_IN.test(hop.target.pathname)) return null;
  // Stryker disable next-line ConditionalExpression: a redirect read has a URL; the check narrows its type
  if (!x.url) return null;
  const { raw, target } = hop;
  for (const [name, value] of target.searchParams) {
    if (!RETURN_PARAMS.includes(name.toLowerCase())) continue;
    let back: URL;
    try {
      back = new URL(value, x.url);
    } catch {
      continue;
    }
    if (back.host === x.url.host && back.pathname === x.url.pathname) return { location: raw, param: name, value };
  }
  // Some frameworks keep the way back in the session and redirect to the bare sign-in page: Spring Security's
  // `/login` (its RequestCache, https://docs.spring.io/spring-security/reference/servlet/authentication/passwords/form.html),
  // Sails' Web App template (`res.redirect('/login')` in api/responses/unauthorized.js). A bare sign-in page with no
  // query at all reads so too, unless the request was itself a sign-in or a sign-out (whose redirect to the sign-in
  // page is their ordinary answer) or not a GET (a form's POST-redirect-GET).
  if (x.method === 'GET' && target.search === '' && !SIGN_IN.test(x.url.pathname) && !SIGN_OUT.test(x.url.pathname))
    return { location: raw, param: '', value: '' };
  return null;
}

const SIGN_OUT = /\/(?:log-?out|sign-?out|sign_out|logoff|log_out|session\/destroy)(?:\/|\.\w{2,5})?$/i;
