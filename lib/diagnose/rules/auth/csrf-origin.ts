import { credentialsOf } from '../../../inspect/credentials';
import { crossOriginForm } from '../../../inspect/csrf';
import { clip } from '../../../inspect/mask';
import type { Rule } from '../../../core/context';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';

/**
 * csrf.invalid from the request's origin: a 403 to a form POST that another origin's page sent. Origin-checking
 * CSRF defences (lib/inspect/csrf.ts, crossOriginForm) refuse it, and several say nothing but "Forbidden". A
 * call that authenticated with a header is not what such a defence guards (a forged form cannot send one), so
 * it is left to the other readings.
 */
export const csrfOriginRule: Rule = {
  name: 'csrf-origin',
  run(ctx) {
    const { x } = ctx;
    if (x.status !== 403) return [];
    const creds = credentialsOf(ctx);
    if (creds.authorization !== null || creds.apiKeys.length > 0) return [];
    const form = crossOriginForm(x);
    if (!form) return [];
    return [
      {
        id: 'csrf.invalid',
        confidence: CONFIDENCE.possiblePlus2,
        title: `A form POST from another origin (${clip(form.origin, 60)}) was refused: a CSRF origin check`,
        summary:
          `The browser sent this ${x.method} from ${clip(form.origin, 60)} with a form's content type (${clip(form.type, 40)}), ` +
          // Stryker disable next-line LogicalOperator,OptionalChaining,StringLiteral: crossOriginForm() is null without a URL, so the fallback is never read
          `and ${x.url?.origin ?? 'the server'} answered 403. Origin-checking CSRF protection (Hono's csrf, Go's ` +
          'CrossOriginProtection, SvelteKit, Rails) refuses exactly such requests, often with a bare "Forbidden".',
        evidence: [
          statusEvidence(x),
          {
            where: 'request.header',
            name: 'origin',
            detail: `Origin: ${clip(form.origin, 100)} (not the target's origin)`,
          },
          ...(form.site
            ? [
                {
                  where: 'request.header' as const,
                  name: 'sec-fetch-site',
                  detail: `Sec-Fetch-Site: ${clip(form.site, 20)}`,
                },
              ]
            : []),
          { where: 'request.header', name: 'content-type', detail: `Content-Type: ${clip(form.type, 60)} (a form's)` },
        ],
        fixes: [
          `Post the form from the server's own origin, or add ${clip(form.origin, 60)} to the CSRF middleware's trusted ` +
            'origins (Hono: csrf({ origin }), SvelteKit: csrf.trustedOrigins, Go: AddTrustedOrigin).',
          'For an API called from other origins, send JSON with a token header instead of a form (it is preflighted and not CSRF-able).',
        ],
      },
    ];
  },
};
