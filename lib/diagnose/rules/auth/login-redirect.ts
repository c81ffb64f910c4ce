import type { Cause } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import { CONFIDENCE } from '../../../core/confidence';
import { clip } from '../../../inspect/mask';
import { loginRedirect } from '../../../inspect/login-redirect';
import { credentialsOf } from '../../../inspect/credentials';

/**
 * The server answered with its sign-in page instead of the resource (lib/inspect/login-redirect.ts):
 * the caller had no session the server accepts. A session cookie sent along is one the server no
 * longer knows (expired, signed out), which is no credential (issue 17).
 */
export const loginRedirectRule: Rule = {
  name: 'login-redirect',
  run(ctx) {
    const r = loginRedirect(ctx.x);
    if (!r) return [];
    const cookies = credentialsOf(ctx).cookies;
    const cause: Cause = {
      id: 'auth.missing',
      confidence: r.param ? CONFIDENCE.likely : CONFIDENCE.possible,
      title: 'The server sent the caller to its sign-in page: no session it accepts',
      summary:
        `Instead of the resource, the server answered ${ctx.x.status} to its sign-in page` +
        (r.param
          ? `, with this URL as the way back (${clip(r.param, 30)}=…).`
          : ' (the way back kept in the session).') +
        ' That is how a session-based site refuses an anonymous caller.' +
        (cookies.length > 0
          ? ' Cookies were sent, but none carried a session the server accepts (expired, or signed out).'
          : ' No cookie was sent with the request.'),
      evidence: [
        { where: 'response.status', detail: `${ctx.x.status} ${ctx.x.statusText}`.trim() },
        { where: 'response.header', name: 'location', detail: `Location: ${clip(r.location, 200)}` },
        {
          where: 'request.header',
          name: 'cookie',
          detail:
            cookies.length > 0
              ? `cookies sent: ${clip(cookies.map((c) => c.name).join(', '), 120)}`
              : 'no Cookie header on the request',
        },
      ],
      fixes: [
        'Sign in first, and send the session cookie with this call (fetch: credentials: "include" for another origin, "same-origin" by default).',
        'For an API called by a script, use the token authentication the API documents rather than the browser session.',
      ],
    };
    return [cause];
  },
};
