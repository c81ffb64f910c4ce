import { authorizationOf } from '../../../inspect/authorization';
import { clip } from '../../../inspect/mask';
import { clockLabel, clockName, describeDuration, isoSeconds, jwtTiming } from '../../../inspect/token-timing';
import { jwtsOf } from '../../../inspect/tokens';
import { challengesOf, oauthErrorOf } from '../../../inspect/www-authenticate';
import type { Cause } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import {
  AUTH_STATUSES,
  bodyLifetime,
  capitalise,
  challengeEvidence,
  claimsEvidence,
  saysExpired,
  statusEvidence,
  where,
} from './common';
import { CONFIDENCE, NUDGE } from '../../../core/confidence';
import { statedEvidence } from '../stated-reason';

const FIXES = [
  'Refresh the access token (refresh-token grant or silent re-authentication) and replay the request.',
  'Refresh proactively: renew the token shortly before `exp` rather than after a 401.',
];

/** auth.token_expired: a JWT whose `exp` is before the server's clock, or a challenge saying so. */
export const tokenExpiredRule: Rule = {
  name: 'auth-token-expired',
  run(ctx) {
    const { x } = ctx;
    if (!AUTH_STATUSES.has(x.status)) return [];
    const out: Cause[] = [];
    // Without an Authorization header no token is primary, so no header can be unreadable.
    const unreadable = authorizationOf(ctx)?.issues.some((i) => i.certainty === 'certain');
    const tokens = jwtsOf(ctx);
    for (const t of tokens) {
      const timing = jwtTiming(t.jwt, x);
      if (!timing || timing.pastExp === undefined || timing.pastExp < 0) continue;
      // A JWT elsewhere (cookie, query) is the credential only when nothing else was sent.
      let confidence: number = t.primary
        ? CONFIDENCE.certain
        : x.req.has('authorization')
          ? CONFIDENCE.possible
          : tokens.length === 1
            ? CONFIDENCE.likely
            : CONFIDENCE.possiblePlus15;
      if (x.clockSource !== 'response Date') confidence -= NUDGE.guessedClock;
      // A header the server cannot parse never got as far as a lifetime check.
      if (t.primary && unreadable) confidence = Math.min(confidence, CONFIDENCE.possible);
      if (x.status === 403 || x.status === 400) confidence -= NUDGE.unusualTokenStatus;
      const ago =
        timing.pastExp < 1000 ? 'just before the request' : `${describeDuration(timing.pastExp)} before the request`;
      const lifetime =
        (timing.lifetime ?? 0) > 0 ? ` It was issued with a lifetime of ${describeDuration(timing.lifetime!)}.` : '';
      // RFC 7519 §4.1.4: a token is expired *at* exp, not only after it; say "is" rather than "before" then.
      const at = timing.pastExp === 0;
      out.push({
        id: 'auth.token_expired',
        confidence,
        title: `${capitalise(where(t))} expired ${ago}`,
        summary:
          `${capitalise(where(t))} carries exp ${isoSeconds(t.jwt.exp!)}, which is ${at ? '' : 'before '}${clockName(x)} ` +
          `(${clockLabel(x)}). The server refuses expired tokens; the client kept using it instead ` +
          `of refreshing it.${lifetime}`,
        evidence: [
          {
            where: 'token',
            name: t.name,
            detail: `JWT exp ${isoSeconds(t.jwt.exp!)} ${at ? '=' : '<'} ${clockLabel(x)}`,
          },
          claimsEvidence(t),
          statusEvidence(x),
        ],
        fixes: FIXES,
      });
      break; // the first (most authoritative) expired token speaks; others add nothing new
    }
    const challenges = challengesOf(ctx);
    const err = oauthErrorOf(challenges);
    if (err && saysExpired(err.description)) {
      const ch = err.challenge;
      out.push({
        id: 'auth.token_expired',
        confidence: CONFIDENCE.likelyPlus5,
        // saysExpired() read a description, so there is one.
        title: `The server says the token expired: "${clip(err.description!, 80)}"`,
        summary:
          `The ${ch.scheme} challenge reports ${err.error ? `error="${clip(err.error, 40)}" with ` : ''}a ` +
          `description about expiry (RFC 6750 §3). The access token's lifetime is over.`,
        evidence: [challengeEvidence(ch), statusEvidence(x)],
        fixes: FIXES,
      });
    } else if (err?.error === 'invalid_token' && !err.description) {
      // The challenge files the token under invalid_token; the body says which kind (common.ts).
      const said = bodyLifetime(x);
      if (said?.kind === 'expired')
        out.push({
          id: 'auth.token_expired',
          confidence: CONFIDENCE.likelyPlus5,
          title: `The server says the token expired: "${clip(said.error.message!, 80)}"`,
          summary:
            `The ${err.challenge.scheme} challenge reports error="invalid_token" (RFC 6750 §3.1), and the body ` +
            "names which kind: the access token's lifetime is over.",
          evidence: [challengeEvidence(err.challenge), statedEvidence(said.error), statusEvidence(x)],
          fixes: FIXES,
        });
    }
    return out;
  },
};
