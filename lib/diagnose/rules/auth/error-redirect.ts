import type { Cause } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import { CONFIDENCE } from '../../../core/confidence';
import { clip } from '../../../inspect/mask';
import { errorRedirect } from '../../../inspect/error-redirect';

const TITLES: ReadonlyMap<string, string> = new Map([
  ['auth.invalid', 'The sign-in was refused: the credentials were not accepted'],
  ['csrf.invalid', "The request lacked the auth library's CSRF token (or sent another)"],
  ['permission.denied', 'The sign-in was refused: this account may not sign in'],
  ['auth.missing', 'The page needs a session and the caller had none'],
]);

const FIXES: ReadonlyMap<string, string[]> = new Map([
  ['auth.invalid', ['Check the e-mail/user name and password sent; the provider’s authorize() found no match.']],
  [
    'csrf.invalid',
    [
      'Fetch GET …/auth/csrf first and send its csrfToken in the POST body, with the authjs.csrf-token (next-auth.csrf-token) cookie it set.',
      'Use the library’s own signIn()/signOut() helpers, which send the token.',
    ],
  ],
  ['permission.denied', ['The signIn callback returned false for this user: check the rule that admits users.']],
  ['auth.missing', ['Sign in first, and send the session cookie with this request.']],
]);

/**
 * The server redirected with a documented error type that names a refusal in its query
 * (lib/inspect/error-redirect.ts: Auth.js's `?error=CredentialsSignin`, `?error=MissingCSRF`…).
 */
export const errorRedirectRule: Rule = {
  name: 'error-redirect',
  run(ctx) {
    const r = errorRedirect(ctx.x);
    if (!r) return [];
    const cause: Cause = {
      id: r.cause,
      confidence: CONFIDENCE.likely,
      title: TITLES.get(r.cause)!,
      summary:
        `The server answered ${ctx.x.status} with a redirect whose query names the error "${clip(r.type, 40)}": ` +
        'that is how Auth.js (NextAuth.js) refuses a sign-in, a sign-out or a callback.',
      evidence: [
        { where: 'response.status', detail: `${ctx.x.status} ${ctx.x.statusText}`.trim() },
        { where: 'response.header', name: 'location', detail: `Location: ${clip(r.location, 200)}` },
      ],
      fixes: FIXES.get(r.cause)!,
    };
    return [cause];
  },
};
