import type { CauseId } from '../core/causes';
import type { Exchange } from '../model/exchange';
import { sameHostRedirect } from './redirect-target';

/**
 * A refusal stated in a redirect's query (issue 17). Auth.js (NextAuth.js) answers a refused
 * sign-in, sign-out or callback with a redirect to its sign-in or error page carrying the error's
 * type: `/auth/signin?error=CredentialsSignin&code=credentials`, `?error=MissingCSRF`,
 * `/api/auth/error?error=AccessDenied` (@auth/core's handler redirects to
 * `${pages[error.kind]}?error=${error.type}`; the types: https://authjs.dev/reference/core/errors,
 * NextAuth v4's page codes: https://next-auth.js.org/configuration/pages#sign-in-page). Only those
 * documented types that name a refusal read so, and only in a redirect to the same host: a sign-in
 * page's `error=OAuthCallback` or `Configuration` is a fault, not a refusal of the caller. The
 * page or fetch that follows is then the sign-in page, so a page navigation is read too: the
 * request it answers (a sign-in form's POST) was refused, whatever the browser shows next.
 */
export interface ErrorRedirect {
  /** The Location as sent (clipped by the caller). */
  location: string;
  /** The error type as the server wrote it. */
  type: string;
  cause: CauseId;
}

const REFUSAL_TYPES: ReadonlyMap<string, CauseId> = new Map<string, CauseId>([
  // the Credentials provider's authorize() returned null: the credentials were wrong
  ['CredentialsSignin', 'auth.invalid'],
  // the double-submit csrfToken was missing or did not match the authjs.csrf-token cookie
  ['MissingCSRF', 'csrf.invalid'],
  // the signIn callback returned false: this user may not sign in
  ['AccessDenied', 'permission.denied'],
  // NextAuth v4: the page needs a session and there is none
  ['SessionRequired', 'auth.missing'],
]);

export function errorRedirect(x: Exchange): ErrorRedirect | null {
  const hop = sameHostRedirect(x);
  if (!hop) return null;
  // Stryker disable next-line StringLiteral: no `error` parameter and any other word alike name no refusal type
  const type = hop.target.searchParams.get('error') ?? '';
  const cause = REFUSAL_TYPES.get(type);
  return cause ? { location: hop.raw, type, cause } : null;
}
