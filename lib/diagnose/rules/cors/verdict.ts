import { evaluateCors } from '../../../cors';
import type { CorsVerdict } from '../../../cors/types';
import { credentialsOf } from '../../../inspect/credentials';
import type { RuleContext } from '../../../core/context';
import { isBrowserBlocked } from '../../flag';

function cookieNamesOf(ctx: RuleContext): string[] {
  const names = new Set(credentialsOf(ctx).cookies.map((c) => c.name));
  const harCookies = ctx.x.entry.request?.cookies;
  if (Array.isArray(harCookies))
    for (const c of harCookies) if (typeof c?.name === 'string' && c.name) names.add(c.name);
  return [...names];
}

/** The CORS verdict for the entry, computed once however many rules read it. */
export function corsVerdictOf(ctx: RuleContext): CorsVerdict {
  return ctx.once('cors', () =>
    evaluateCors({
      x: ctx.x,
      preflight: ctx.preflight,
      blocked: isBrowserBlocked(ctx.x, ctx.preflight),
      cookieNames: cookieNamesOf(ctx),
    }),
  );
}
