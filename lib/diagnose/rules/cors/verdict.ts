import { evaluateCors } from '../../../cors';
import type { CorsVerdict } from '../../../cors/types';
import { credentialsOf } from '../../../inspect/credentials';
import type { RuleContext } from '../../../core/context';
import { isBrowserBlocked } from '../../flag';

/**
 * The cookies the request carried: its Cookie header, and the HAR's request.cookies, where Chrome lists cookies
 * the provisional headers left out. Reports also read HARs the reader did not repair (no request, a null in the
 * list); a name that is not a non-empty string names no cookie.
 */
function cookieNamesOf(ctx: RuleContext): string[] {
  const names = new Set(credentialsOf(ctx).cookies.map((c) => c.name));
  const harCookies = ctx.x.entry.request?.cookies;
  if (Array.isArray(harCookies))
    for (const c of harCookies) if (typeof c?.name === 'string' && c.name) names.add(c.name);
  return [...names];
}

/** The CORS verdict for the entry, computed once however many rules read it. */
export function corsVerdictOf(ctx: RuleContext): CorsVerdict {
  // Stryker disable next-line StringLiteral: the key only names this memo; no other once() call uses '' or 'cors'
  return ctx.once('cors', () =>
    evaluateCors({
      x: ctx.x,
      preflight: ctx.preflight,
      blocked: isBrowserBlocked(ctx.x, ctx.preflight),
      cookieNames: cookieNamesOf(ctx),
    }),
  );
}
