import type { Cause } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import { corsEvidence } from './evidence';
import { fixes } from './fixes';
import { summary, title } from './text';
import { corsVerdictOf } from './verdict';

/**
 * Explains a browser-blocked cross-origin request: one cause per failed CORS check, the
 * first being what Chrome's console printed. Same-origin requests never get a CORS cause.
 */
export const corsRule: Rule = {
  name: 'cors',
  run(ctx) {
    const v = corsVerdictOf(ctx);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a verdict that does not apply or did not block has no failures (evaluateCors), so the guard changes nothing
    if (!v.applies || !v.blocked) return [];
    return v.failures.map((f): Cause => ({
      id: `cors.${f.kind}`,
      confidence: f.confidence,
      title: title(ctx.x, v, f),
      summary: summary(ctx.x, v, f),
      evidence: corsEvidence(ctx.x, v, f),
      fixes: fixes(ctx.x, v, f),
    }));
  },
};
