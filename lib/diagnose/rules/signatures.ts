import { credentialsOf } from '../../inspect/credentials';
import { SIGNATURES } from '../../vendors';
import { matchInput, matchSignature, type MatchInput } from '../../vendors/match';
import type { Signature } from '../../vendors/types';
import type { Cause, Evidence } from '../../core/causes';
import type { Rule, RuleContext } from '../../core/context';
import { signedUrlOf } from '../../inspect/signed-url';
import { signsInWithBody } from '../../inspect/sign-in';
import { heldNone } from './auth/held-none';

export { quoteMatch } from '../../vendors/match';

function toCause(s: Signature, evidence: Evidence[]): Cause {
  return {
    id: s.cause,
    confidence: s.confidence,
    title: s.title,
    summary: s.summary,
    evidence: [...evidence, { where: 'log', name: 'signature', detail: `${s.vendor}: ${s.id} (${s.source})` }],
    fixes: [...s.fixes],
  };
}

/**
 * Vendor signatures that match this entry, one per group (the most specific of the group).
 * Generic wording only speaks when no vendor did; the table lists it last.
 */
export function matchingSignatures(
  input: MatchInput,
  table: readonly Signature[] = SIGNATURES,
): { signature: Signature; evidence: Evidence[] }[] {
  const out: { signature: Signature; evidence: Evidence[] }[] = [];
  const settled = new Set<string>();
  for (const s of table) {
    const group = s.group ?? s.vendor;
    if (settled.has(group) || (s.generic && out.some((m) => !m.signature.generic))) continue;
    const evidence = matchSignature(s, input);
    if (!evidence) continue;
    settled.add(group);
    out.push({ signature: s, evidence });
  }
  return out;
}

function inputOf(ctx: RuleContext): MatchInput {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); with '' here the other 'vendor-match-input' reader makes the same input again, only slower
  return ctx.once('vendor-match-input', () => matchInput(ctx.x, credentialsOf(ctx)));
}

/**
 * A row that reads "no permission" (a guard or policy said no) said to a caller that held no credential at all
 * answers an anonymous caller: `auth.missing`, as the code tables are read (stated-reason.ts, held-none.ts). NestJS's
 * own AuthGuard example returns false for a request without a valid token, and Nest answers that with the same 403
 * "Forbidden resource" as a roles guard (https://docs.nestjs.com/guards#authorization-guard).
 */
function anonymous(ctx: RuleContext, s: Signature, evidence: Evidence[]): Cause | null {
  if (s.cause !== 'permission.denied' || credentialsOf(ctx).any || signedUrlOf(ctx) !== null) return null;
  if (signsInWithBody(ctx.x)) return null;
  const held = heldNone(ctx);
  if (!held) return null;
  const c = toCause(s, [...evidence, held]);
  return {
    ...c,
    id: 'auth.missing',
    title: `${s.title}, to a caller that sent no credential`,
    summary: `${s.summary} The caller held no credential for this call, so the refusal answers an anonymous caller.`,
    fixes: ['Send the credential this API expects (token, key or session) with the call.', ...c.fixes],
  };
}

/**
 * Matches the vendor signature table (lib/vendors) against the response. Within a vendor
 * the table order decides (a Google SERVICE_DISABLED also says PERMISSION_DENIED; only the
 * former speaks); across vendors every match is reported and confidence ranks them.
 */
export const signatureRule: Rule = {
  name: 'vendor-signatures',
  run(ctx) {
    return matchingSignatures(inputOf(ctx)).map(
      (m) => anonymous(ctx, m.signature, m.evidence) ?? toCause(m.signature, m.evidence),
    );
  },
};
