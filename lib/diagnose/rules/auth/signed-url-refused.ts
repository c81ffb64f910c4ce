import { signedUrlOf } from '../../../inspect/signed-url';
import { isoMs } from '../../../inspect/token-timing';
import type { Rule } from '../../../core/context';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';

/**
 * signature.mismatch: a signed URL refused with 403 while its own time window is still open. The URL is its
 * credential, so the likeliest reason is the signature (wrong secret or key, or the path/query changed after
 * signing). Possible, not certain: a storage service's stated code (AccessDenied on the object,
 * SignatureDoesNotMatch) speaks first through the code tables.
 */
export const signedUrlRefusedRule: Rule = {
  name: 'signed-url-refused',
  run(ctx) {
    const { x } = ctx;
    if (x.status !== 403) return [];
    const s = signedUrlOf(ctx);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the two guards only narrow the types: `<=` with undefined, or with a null clock (as 0), is false already
    if (!s || (s.expiresAt !== undefined && x.clock !== null && s.expiresAt <= x.clock)) return [];
    if (s.notBefore !== undefined && x.clock !== null && s.notBefore > x.clock) return [];
    const window = s.expiresAt !== undefined ? ` (valid until ${isoMs(s.expiresAt)})` : '';
    return [
      {
        id: 'signature.mismatch',
        confidence: CONFIDENCE.possiblePlus10,
        title: `The ${s.label} was refused inside its validity window`,
        summary:
          `The URL carries its own authorisation${window}, and the server refused it before it expired: the signature ` +
          'does not match what the server computes (another secret, or the path or query changed after signing).',
        evidence: [{ where: 'request.query', detail: `${s.quotes.join('&') || s.label}${window}` }, statusEvidence(x)],
        fixes: [
          'Sign the exact path and parameters that are requested, with the secret the server holds (compare the string-to-sign).',
          'Check that nothing (a proxy, a URL encoder) rewrote the URL after it was signed.',
        ],
      },
    ];
  },
};
