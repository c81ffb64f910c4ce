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
  saysNotYetValid,
  statusEvidence,
  where,
} from './common';
import { CONFIDENCE, NUDGE } from '../../../core/confidence';
import { statedEvidence } from '../stated-reason';

/** Response Dates have 1 s resolution and libraries allow some skew; below this, say nothing. */
export const NBF_LEEWAY_MS = 5_000;

const FIXES = [
  'Synchronise the clocks (NTP) of the token issuer, the API server and, for client-minted tokens, the client machine.',
  'Allow a small clock-skew leeway (30–60 s) when validating nbf/iat on the server.',
  'For client-minted tokens, set nbf/iat a few seconds in the past.',
];

/** auth.token_not_yet_valid: `nbf` (or `iat`) after the server's clock. */
export const tokenNotYetValidRule: Rule = {
  name: 'auth-token-not-yet-valid',
  run(ctx) {
    const { x } = ctx;
    if (!AUTH_STATUSES.has(x.status)) return [];
    const out: Cause[] = [];
    // Without an Authorization header no token is primary, so no header can be unreadable.
    const unreadable = authorizationOf(ctx)?.issues.some((i) => i.certainty === 'certain');
    for (const t of jwtsOf(ctx)) {
      const timing = jwtTiming(t.jwt, x);
      if (!timing) continue;
      const nbf = (timing.untilNbf ?? 0) > NBF_LEEWAY_MS ? timing.untilNbf : undefined;
      const iat = (timing.iatAhead ?? 0) > NBF_LEEWAY_MS ? timing.iatAhead : undefined;
      if (nbf === undefined && iat === undefined) continue;
      const claim = nbf !== undefined ? 'nbf' : 'iat';
      const ahead = nbf ?? iat!;
      const seconds = claim === 'nbf' ? t.jwt.nbf! : t.jwt.iat!;
      let confidence: number =
        claim === 'nbf'
          ? ahead > 60_000
            ? CONFIDENCE.likelyPlus5
            : CONFIDENCE.possiblePlus20
          : ahead > 60_000
            ? CONFIDENCE.possiblePlus20
            : CONFIDENCE.possiblePlus10;
      if (!t.primary) confidence -= NUDGE.secondaryToken;
      if (x.clockSource !== 'response Date') confidence -= NUDGE.guessedClockNotYetValid;
      // A header the server cannot parse never got as far as a lifetime check.
      if (t.primary && unreadable) confidence = Math.min(confidence, CONFIDENCE.possible);
      out.push({
        id: 'auth.token_not_yet_valid',
        confidence,
        title: `${capitalise(where(t))} is not valid yet: ${claim} is ${describeDuration(ahead)} after the server's clock`,
        summary:
          claim === 'nbf'
            ? `The token says it may not be used before ${isoSeconds(seconds)} (nbf), and ${clockName(x)} ` +
              `is earlier. The issuer's clock is ahead of the server's, or the token was minted with a ` +
              `future nbf.`
            : `The token claims it was issued at ${isoSeconds(seconds)} (iat), after ${clockName(x)}. ` +
              `The issuer's clock runs ahead of the server's; servers that check iat refuse such tokens.`,
        evidence: [
          { where: 'token', name: t.name, detail: `JWT ${claim} ${isoSeconds(seconds)} > ${clockLabel(x)}` },
          claimsEvidence(t),
          statusEvidence(x),
        ],
        fixes: FIXES,
      });
      break;
    }
    const err = oauthErrorOf(challengesOf(ctx));
    if (err && saysNotYetValid(err.description)) {
      out.push({
        id: 'auth.token_not_yet_valid',
        confidence: CONFIDENCE.likelyPlus3,
        title: `The server says the token is not valid yet: "${clip(err.description!, 80)}"`,
        summary:
          'The server judged the token to be used before its validity starts (nbf / iat in its future): ' +
          'the clocks of the issuer and the server disagree.',
        evidence: [challengeEvidence(err.challenge), statusEvidence(x)],
        fixes: FIXES,
      });
    } else if (err?.error === 'invalid_token' && !err.description) {
      // The challenge files the token under invalid_token; the body says which kind (common.ts).
      const said = bodyLifetime(x);
      if (said?.kind === 'not-yet')
        out.push({
          id: 'auth.token_not_yet_valid',
          confidence: CONFIDENCE.likelyPlus3,
          title: `The server says the token is not valid yet: "${clip(said.error.message!, 80)}"`,
          summary:
            `The ${err.challenge.scheme} challenge reports error="invalid_token" (RFC 6750 §3.1), and the body ` +
            'names which kind: the token is used before its validity starts, so the clocks disagree.',
          evidence: [challengeEvidence(err.challenge), statedEvidence(said.error), statusEvidence(x)],
          fixes: FIXES,
        });
    }
    return out;
  },
};
