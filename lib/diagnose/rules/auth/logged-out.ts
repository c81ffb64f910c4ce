import { CONFIDENCE } from '../../../core/confidence';
import type { Cause, Evidence } from '../../../core/causes';
import type { Rule, RuleContext } from '../../../core/context';
import { credentialsOf } from '../../../inspect/credentials';
import { clip } from '../../../inspect/mask';
import { statusEvidence } from './common';

/**
 * Reading the situation, not one header (issue 17). A logged-out browser still sends cookies:
 * an anonymous session id, analytics, and often a flag the site sets for exactly this state
 * (GitHub's `logged_in=no`). Those are no credential, so a refusal is `auth.missing`, not a
 * session the server rejected. Likewise a vendor message about a *guest* or *anonymous* role
 * ("the guest role lacks the scopes …") speaks of a caller with no session, not of an OAuth
 * token short of a scope.
 */

// A cookie that states the visitor is not logged in: name says "logged in / signed in /
// authenticated", value says no.
const FLAG_NAME =
  /^(?:is[_-]?)?(?:logged[_-]?in|signed[_-]?in|authenticated|user[_-]?logged[_-]?in|login[_-]?status)$/i;
const FLAG_NO = /^(?:no|n|false|0|off|guest|anonymous|logged[_-]?out)$/i;

const GUEST =
  /\b(?:guest|anonymous|unauthenticated)\s+(?:user|users|role|customer|visitor|session|access|principal)\b|\brole\s+["'`]?(?:guest|anonymous|public)\b/i;
const HEAD = 4000;

function anonymousCaller(ctx: RuleContext): boolean {
  const creds = credentialsOf(ctx);
  // A 407 never reaches here: the rule reads 401, 403, 419 and 2xx only.
  return creds.authorization === null && creds.apiKeys.length === 0;
}

function cause(ctx: RuleContext, title: string, summary: string, evidence: Evidence[], confidence: number): Cause {
  return {
    id: 'auth.missing',
    confidence,
    title,
    summary,
    evidence: [...evidence, statusEvidence(ctx.x)],
    fixes: [
      'Log in (or attach the token or key the API expects) before this call; the cookies a logged-out browser sends are not a session.',
    ],
  };
}

export const loggedOutRule: Rule = {
  name: 'auth-logged-out',
  run(ctx) {
    const { x } = ctx;
    if (![401, 403, 419].includes(x.status) && !(x.status >= 200 && x.status < 300)) return [];
    if (!anonymousCaller(ctx)) return [];
    const flag = credentialsOf(ctx).cookies.find((c) => FLAG_NAME.test(c.name) && FLAG_NO.test(c.value.trim()));
    if (flag) {
      return [
        cause(
          ctx,
          `The browser was logged out (cookie ${clip(flag.name, 40)}=${clip(flag.value, 20)}): no credential was sent`,
          `The request carried cookies, but the site's own flag says the visitor is not logged in ` +
            `(${clip(flag.name, 40)}=${clip(flag.value, 20)}), and there was no Authorization header or API key. ` +
            'The other cookies are an anonymous session, not a login.',
          [{ where: 'request.cookie', name: flag.name, detail: `${clip(flag.name, 40)}=${clip(flag.value, 20)}` }],
          CONFIDENCE.certain,
        ),
      ];
    }
    const head = (x.body.text ?? '').slice(0, HEAD);
    // Stryker disable next-line EqualityOperator: a 400 never gets here (only 401, 403, 419 and 2xx do)
    const guest = x.status >= 400 ? GUEST.exec(head) : null;
    if (!guest) return [];
    return [
      cause(
        ctx,
        'The server treated the caller as a guest: no session or token was sent',
        `The response speaks of a ${clip(guest[0], 40)}; the request had no Authorization header or API key. ` +
          'Any scopes or permissions it names are those of the anonymous role, not of a token.',
        [{ where: 'response.body', detail: `"${clip(guest[0], 60)}" in the response` }],
        CONFIDENCE.likely,
      ),
    ];
  },
};
