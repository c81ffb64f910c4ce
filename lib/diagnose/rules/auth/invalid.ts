import { authorizationOf, proxyAuthorizationOf, type AuthorizationReading } from '../../../inspect/authorization';
import { isSessionLike } from '../../../inspect/cookie-jar';
import { credentialsOf } from '../../../inspect/credentials';
import { clip } from '../../../inspect/mask';
import { signsInWithBody, signsInWithQuery } from '../../../inspect/sign-in';
import { jwtTiming } from '../../../inspect/token-timing';
import { jwtsOf } from '../../../inspect/tokens';
import { statedReasonOf } from '../../stated-refusal';
import { challengesOf, oauthErrorOf } from '../../../inspect/www-authenticate';
import type { Cause, Evidence } from '../../../core/causes';
import { CONFIDENCE, NUDGE } from '../../../core/confidence';
import type { Rule, RuleContext } from '../../../core/context';
import {
  authEvidence,
  challengeEvidence,
  claimsEvidence,
  bodyLifetime,
  saysExpired,
  saysNotYetValid,
  statusEvidence,
  withArticle,
} from './common';

const FIXES = [
  'Check that the credential belongs to this environment (prod vs staging), tenant and API, then replay with a fresh one.',
];

/** Is a lifetime problem the better explanation? Then auth.token_expired/not_yet_valid speak. */
function lifetimeExplains(ctx: RuleContext): boolean {
  return jwtsOf(ctx).some((t) => {
    const timing = jwtTiming(t.jwt, ctx.x);
    return t.primary && timing !== null && ((timing.pastExp ?? -1) >= 0 || (timing.untilNbf ?? 0) > 5000);
  });
}

function describeReading(
  ctx: RuleContext,
  a: AuthorizationReading,
): { title: string; summary: string; confidence: number; evidence: Evidence[] } {
  const evidence: Evidence[] = [authEvidence(a)];
  if (a.hidden) {
    // The capture hid the value: something was sent and refused, and only the server can say why.
    return {
      title: `The server refused the ${a.scheme ?? ''} credential (its value is hidden in the capture)`.replace(
        '  ',
        ' ',
      ),
      summary:
        `The request carried ${a.scheme ? withArticle(`${a.scheme} credential`) : 'an Authorization header'} and the server answered ` +
        `${ctx.x.status}. The capture shows ${JSON.stringify(a.hidden)} instead of the value, so its shape cannot be ` +
        `checked: read the server's message, or capture again without redaction.`,
      confidence: CONFIDENCE.possible - NUDGE.hiddenCredential,
      evidence,
    };
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: outside a hidden reading (returned above), kind 'basic' always comes with a.basic (auth-schemes.ts)
  if (a.kind === 'basic' && a.basic) {
    return {
      title: `The server rejected the Basic credentials for user "${clip(a.basic.shownUser, 40)}"`,
      summary:
        'The credentials were well-formed Basic (RFC 7617) and the server answered 401: the user ' +
        'name or password is wrong, the account is locked, or this realm uses other accounts.',
      confidence: CONFIDENCE.possiblePlus10,
      evidence,
    };
  }
  const jwt = a.jwt;
  if (jwt) {
    const primary = jwtsOf(ctx).find((t) => t.primary);
    // Stryker disable next-line ConditionalExpression: a.jwt is the primary token, so jwtsOf always finds it
    if (primary) evidence.push(claimsEvidence(primary));
    // Stryker disable next-line StringLiteral: any fallback for a missing alg is equally "not none"
    if (!jwt.hasSignature || (jwt.alg ?? '').toLowerCase() === 'none') {
      return {
        title: 'The bearer token is an unsigned JWT (alg "none" or no signature)',
        summary: 'Servers refuse unsigned tokens. This is usually a test token or one built by hand.',
        confidence: CONFIDENCE.possiblePlus20,
        evidence,
      };
    }
    const about = [
      jwt.iss && `issuer ${clip(jwt.iss, 60)}`,
      jwt.aud.length > 0 && `audience ${clip(jwt.aud.join(' '), 60)}`,
    ]
      .filter(Boolean)
      .join(', ');
    return {
      title: 'The server rejected the bearer token (a JWT, not expired)',
      summary:
        `The token decodes and is within its lifetime, yet the server answered 401: it is signed ` +
        `by another issuer or key, meant for another audience, or revoked.` +
        (about ? ` The token names ${about}; compare with what this API expects.` : ''),
      confidence: CONFIDENCE.possible,
      evidence,
    };
  }
  return {
    // Stryker disable next-line StringLiteral: a reading without a scheme is kind 'none' and never reaches here
    title: `The server rejected the ${a.scheme ?? ''} credential`.replace('  ', ' '),
    summary:
      `The request sent ${withArticle(a.tokenKind ?? 'credential')} and the server answered ` +
      `${ctx.x.status}: it is unknown, revoked or for another environment.`,
    confidence: CONFIDENCE.weakPlus28,
    evidence,
  };
}

/** auth.invalid: credentials were sent, readable, and refused. */
export const authInvalidRule: Rule = {
  name: 'auth-invalid',
  run(ctx) {
    const { x } = ctx;
    if (x.status !== 401 && x.status !== 403 && x.status !== 407) return [];
    const out: Cause[] = [];
    if (x.status === 407) {
      const p = proxyAuthorizationOf(ctx);
      if (p && !p.issues.some((i) => i.certainty === 'certain')) {
        out.push({
          id: 'auth.invalid',
          confidence: CONFIDENCE.possiblePlus5,
          title: 'The proxy rejected the Proxy-Authorization credentials',
          summary: 'Credentials were sent to the proxy in a readable form and it still answered 407.',
          evidence: [authEvidence(p), statusEvidence(x)],
          fixes: ["Check the proxy user name and password (or the proxy's Kerberos/NTLM setup)."],
        });
      }
      return out;
    }
    const challenges = challengesOf(ctx);
    const err = oauthErrorOf(challenges);
    const lifetime =
      lifetimeExplains(ctx) ||
      saysExpired(err?.description) ||
      saysNotYetValid(err?.description) ||
      // The body's own word on the lifetime, where no description gave one (common.ts, bodyLifetime).
      (!err?.description && bodyLifetime(x) !== null);
    if (err?.error === 'invalid_token' && !lifetime) {
      const desc = err.description ? clip(err.description, 100) : '';
      out.push({
        id: 'auth.invalid',
        confidence: CONFIDENCE.likelyPlus2,
        title: desc
          ? `The server rejected the token: "${desc}"`
          : 'The server rejected the token (error="invalid_token")',
        summary:
          'RFC 6750 §3.1 invalid_token: the access token is malformed, revoked, signed by another issuer ' +
          'or key, or meant for another audience. Nothing says it merely expired.',
        evidence: [
          challengeEvidence(err.challenge),
          ...(authorizationOf(ctx) ? [authEvidence(authorizationOf(ctx)!)] : []),
          statusEvidence(x),
        ],
        fixes: [...FIXES, "Decode the token and compare iss and aud with the API's configuration."],
      });
    }
    if (x.status !== 401 || lifetime || err?.error === 'insufficient_scope' || err?.error === 'invalid_request')
      return out;
    const auth = authorizationOf(ctx);
    if (auth && !auth.issues.some((i) => i.certainty === 'certain') && (auth.kind !== 'none' || auth.hidden)) {
      const d = describeReading(ctx, auth);
      out.push({
        id: 'auth.invalid',
        confidence: d.confidence,
        title: d.title,
        summary: d.summary,
        evidence: [...d.evidence, statusEvidence(x)],
        fixes: FIXES,
      });
      return out;
    }
    const creds = credentialsOf(ctx);
    if (!auth && creds.apiKeys.length === 0 && signsInWithBody(x)) {
      // A 401 to a sign-in whose body carries the password: the credentials went in the body and were refused.
      // Passport answers a failed authenticate() with no options exactly so (401 "Unauthorized", no challenge,
      // https://www.passportjs.org/concepts/authentication/middleware/), as koa-passport does.
      out.push({
        id: 'auth.invalid',
        confidence: CONFIDENCE.possible,
        title: 'The sign-in was refused: the user name or password in the body was not accepted',
        summary:
          `The request signs in with a password in its body (${x.url?.pathname ?? 'a login'}) and the server ` +
          `answered 401: the credentials were sent and refused (a wrong password, an unknown or locked account).`,
        evidence: [{ where: 'request.body', detail: 'a sign-in with a password field' }, statusEvidence(x)],
        fixes: [
          'Check the user name and password (and that the account exists in this environment), then sign in again.',
        ],
      });
      return out;
    }
    if (!auth && creds.apiKeys.length === 0 && signsInWithQuery(x)) {
      // A 401 to a call that names its user and password in the query string (InfluxDB 1.x's documented u= and p=):
      // the credentials went, in the URL, and were refused.
      out.push({
        id: 'auth.invalid',
        confidence: CONFIDENCE.possible,
        title: 'The user name and password in the URL were not accepted',
        summary:
          'The request carries a user name and a password as query parameters, as some APIs take them, and the ' +
          'server answered 401: the credentials were sent and refused (a wrong password, an unknown user).',
        evidence: [{ where: 'request.query', detail: 'a user name and a password parameter' }, statusEvidence(x)],
        fixes: [
          'Check the user name and password (and that the user exists on this server); prefer an Authorization header, which logs and proxies do not record.',
        ],
      });
      return out;
    }
    const sessions = creds.cookies.filter((c) => isSessionLike(c.name));
    const bearerAsked = challenges.some((c) => /^(bearer|basic|dpop)$/i.test(c.scheme));
    // A server that says the CSRF token failed (Proxmox VE's 401 "permission denied - invalid csrf token", in its
    // status line) checked the token against the session it found: the cookie was not what it refused.
    const csrfStated = statedReasonOf(x)?.row.cause === 'csrf.invalid';
    if (!auth && creds.apiKeys.length === 0 && sessions.length > 0 && !bearerAsked && !csrfStated) {
      out.push({
        id: 'auth.invalid',
        confidence: CONFIDENCE.possible,
        title: `The session cookie "${clip(sessions[0]!.name, 40)}" was sent and not accepted`,
        summary:
          'The request carried a session cookie and no other credential, and the server answered 401: ' +
          'the session expired, was logged out or belongs to another deployment.',
        evidence: [
          {
            where: 'request.cookie',
            name: sessions[0]!.name,
            detail: `Cookie ${clip(sessions[0]!.name, 40)}=(${sessions[0]!.value.length} chars)`,
          },
          statusEvidence(x),
        ],
        fixes: [
          'Log in again to get a fresh session, then replay the request.',
          'If sessions end sooner than expected, check the session lifetime and whether the server-side session store was reset.',
        ],
      });
    }
    return out;
  },
};
