import { clip } from '../../../inspect/mask';
import { jwtsOf } from '../../../inspect/tokens';
import { challengesOf, oauthErrorOf } from '../../../inspect/www-authenticate';
import type { Cause } from '../../../core/causes';
import { CONFIDENCE } from '../../../core/confidence';
import type { Rule } from '../../../core/context';
import { challengeEvidence, claimsEvidence, statusEvidence } from './common';

// "Unexpected 'role' value", "Missing 'permissions' claim", jose's 'unexpected "aud" claim value': the claim a
// token check refused, named in quotes. Bounded, so a long description costs little.
const CLAIM_REFUSED = /\b(?:unexpected|missing|invalid)\s+['"]([\w:./-]{1,60})['"]\s+(?:claim\s+)?(?:value|claim)\b/i;

// The claims that say whether a token is valid at all (RFC 7519 §4.1's registered claims, the JOSE header's alg
// and typ, OpenID Connect's azp and nonce): a refusal naming one of them refuses the token. Any other claim (role,
// permissions, org_id) is one the API reads to authorize the caller.
const VALIDITY = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'alg', 'typ', 'kid', 'azp', 'nonce']);

/**
 * A token refused with RFC 6750's `invalid_token` whose description names a claim the API reads to authorize
 * (not one that makes the token valid) refuses the caller's role or permission, not the token.
 * express-oauth2-jwt-bearer's claimEquals / claimIncludes / claimCheck are its documented authorization checks
 * ("raises a 401 invalid_token error if the value of the claim does not match",
 * https://github.com/auth0/node-oauth2-jwt-bearer/tree/main/packages/express-oauth2-jwt-bearer#api-reference), and
 * answer `error="invalid_token", error_description="Unexpected 'role' value"` or "Missing 'role' claim".
 * The same words about iss, aud or exp stay a refused token (auth.invalid, auth.token_expired).
 */
export const claimRefusedRule: Rule = {
  name: 'claim-refused',
  run(ctx) {
    if (ctx.x.status !== 401 && ctx.x.status !== 403) return [];
    const err = oauthErrorOf(challengesOf(ctx));
    if (err?.error !== 'invalid_token' || !err.description) return [];
    const claim = CLAIM_REFUSED.exec(err.description.slice(0, 300))?.[1];
    if (!claim || VALIDITY.has(claim.toLowerCase())) return [];
    const token = jwtsOf(ctx)[0];
    const cause: Cause = {
      id: 'permission.denied',
      // above the invalid_token reading of the same challenge (invalid.ts, likelyPlus2, with the token reading beside
      // it): the words say which check
      confidence: CONFIDENCE.likelyPlus7,
      title: `The token was refused for its "${clip(claim, 40)}" claim: the API authorizes by it`,
      summary:
        `The challenge says invalid_token, but its description ("${clip(err.description, 100)}") names ` +
        `"${clip(claim, 40)}", a claim the API checks to authorize the caller, not one that makes a token valid. ` +
        'The token was read; the caller lacks the role or permission it requires.',
      evidence: [challengeEvidence(err.challenge), ...(token ? [claimsEvidence(token)] : []), statusEvidence(ctx.x)],
      fixes: [
        `Give the user or client the "${clip(claim, 40)}" value this API requires (a role, permission or rule in the ` +
          'identity provider), then get a new token.',
      ],
    };
    return [cause];
  },
};
