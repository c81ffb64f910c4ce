import { credentialsOf } from '../../../inspect/credentials';
import { clip } from '../../../inspect/mask';
import { pageCsrfToken } from '../../../inspect/page-csrf-token';
import type { Rule } from '../../../core/context';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';

/**
 * csrf.invalid from the page the request came from: the page (its Referer, recorded earlier with its HTML) handed its
 * forms an anti-CSRF token, and this unsafe call came back 403 without that token, or with another value. Frameworks
 * that keep the token in the session set no CSRF cookie and often answer a bare "Forbidden" or a one-line page
 * (Rack::Protection's AuthenticityToken, Mojolicious's csrf_protect "Bad CSRF token!", a PHP session token), so the
 * page is the capture's only sign of the check (lib/inspect/page-csrf-token.ts). A call that authenticated with a
 * header or an API key is not what such a check guards, so it is left to the other readings.
 */
export const csrfPageTokenRule: Rule = {
  name: 'csrf-page-token',
  run(ctx) {
    const { x } = ctx;
    if (x.status !== 403) return [];
    const creds = credentialsOf(ctx);
    if (creds.authorization !== null || creds.apiKeys.length > 0) return [];
    // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
    const token = ctx.once('page-csrf-token', () => pageCsrfToken(x, ctx.log));
    if (!token) return [];
    const field = clip(token.field, 40);
    // The page's path only: its query string may carry anything.
    const page = clip(token.page.url ? token.page.url.origin + token.page.url.pathname : '', 100);
    return [
      {
        id: 'csrf.invalid',
        confidence: token.sent === 'none' ? CONFIDENCE.possiblePlus10 : CONFIDENCE.possiblePlus5,
        title:
          token.sent === 'none'
            ? `The page gave its forms a CSRF token (${field}); this ${x.method} sent none`
            : `This ${x.method} sent a CSRF token that is not the one its page issued (${field})`,
        summary:
          `The page this request came from (${page}) carries an anti-CSRF token in ${field}, the synchronizer-token ` +
          `pattern: the server keeps the token in the session and refuses an unsafe request that does not return it. ` +
          (token.sent === 'none'
            ? 'This request carried no such field or header, and the server answered 403.'
            : `This request sent another value in ${clip(token.sentIn ?? field, 60)}, and the server answered 403.`),
        evidence: [
          statusEvidence(x),
          { where: 'log', detail: `${page} (entry ${token.page.index}) holds a hidden ${field} token` },
          token.sent === 'none'
            ? { where: 'request.body', detail: `no ${field} field and no CSRF header in the request` }
            : {
                where: token.sentIn?.endsWith(' header') ? 'request.header' : 'request.body',
                detail: `${clip(token.sentIn ?? field, 60)} differs from the page's token`,
              },
        ],
        fixes: [
          `Send the page's ${field} value with the request (the form field, or the X-CSRF-Token header for fetch/XHR), ` +
            'read from the current page of the same session.',
        ],
      },
    ];
  },
};
