import { credentialsOf } from '../../inspect/credentials';
import { SIGNATURES } from '../../vendors';
import { matchInput, matchSignature, type MatchInput } from '../../vendors/match';
import type { Signature } from '../../vendors/types';
import type { Cause, Evidence } from '../../core/causes';
import type { Rule, RuleContext } from '../../core/context';

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
  return ctx.once('vendor-match-input', () => matchInput(ctx.x, credentialsOf(ctx)));
}

/**
 * Matches the vendor signature table (lib/vendors) against the response. Within a vendor
 * the table order decides (a Google SERVICE_DISABLED also says PERMISSION_DENIED; only the
 * former speaks); across vendors every match is reported and confidence ranks them.
 */
export const signatureRule: Rule = {
  name: 'vendor-signatures',
  run(ctx) {
    return matchingSignatures(inputOf(ctx)).map((m) => toCause(m.signature, m.evidence));
  },
};
