import { credentialsOf } from '../../../inspect/credentials';
import { clip } from '../../../inspect/mask';
import { pageCsrfToken, TOMCAT_NONCE, urlNonceCsrf, type PageCsrfToken } from '../../../inspect/page-csrf-token';
import { jsonCsrfToken } from '../../../inspect/json-csrf-token';
import type { Exchange } from '../../../model/exchange';
import type { Rule } from '../../../core/context';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';

/**
 * csrf.invalid from the page the request came from: the page (its Referer, recorded earlier with its HTML) handed its
 * forms an anti-CSRF token, and this unsafe call came back 403 without that token, or with another value. Frameworks
 * that keep the token in the session set no CSRF cookie and often answer a bare "Forbidden" or a one-line page
 * (Rack::Protection's AuthenticityToken, Mojolicious's csrf_protect "Bad CSRF token!", a PHP session token), so the
 * page is the capture's only sign of the check (lib/inspect/page-csrf-token.ts). A call that authenticated with a
 * header or an API key is not what such a check guards, so it is left to the other readings. Tomcat's
 * CsrfPreventionFilter carries its nonce in the page's URLs instead (urlNonceCsrf); it guards the manager app, whose
 * users sign in with Basic or Digest, credentials a browser sends by itself like a cookie, so those do not stop it.
 */
/** Credentials a browser sends by itself once the user signed in (as it sends cookies). */
const AMBIENT = /^\s*(?:basic|digest)\s/i;

export const csrfPageTokenRule: Rule = {
  name: 'csrf-page-token',
  run(ctx) {
    const { x } = ctx;
    if (x.status !== 403) return [];
    const creds = credentialsOf(ctx);
    if (creds.apiKeys.length > 0) return [];
    const auth = creds.authorization;
    // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
    const token = ctx.once('page-csrf-token', () => {
      if (auth === null) return pageCsrfToken(x, ctx.log) ?? urlNonceCsrf(x, ctx.log) ?? jsonCsrfToken(x, ctx.log);
      return AMBIENT.test(auth) ? urlNonceCsrf(x, ctx.log) : null;
    });
    if (!token) return [];
    if (token.field === TOMCAT_NONCE) return [tomcatNonce(x, token)];
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
          (token.page.body.text?.trimStart().startsWith('{')
            ? `An earlier answer of this origin (${page}) handed the client an anti-CSRF token in ${field}, the synchronizer-token `
            : `The page this request came from (${page}) carries an anti-CSRF token in ${field}, the synchronizer-token `) +
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

/** Tomcat's CsrfPreventionFilter: the nonce is in the page's URLs, so the refused request's URL is what lacked it. */
function tomcatNonce(x: Exchange, token: PageCsrfToken) {
  const page = clip(token.page.url ? token.page.url.origin + token.page.url.pathname : '', 100);
  return {
    id: 'csrf.invalid' as const,
    confidence: token.sent === 'none' ? CONFIDENCE.possiblePlus10 : CONFIDENCE.possiblePlus5,
    title:
      token.sent === 'none'
        ? `Tomcat's CSRF filter: the app's links carry a nonce; this ${x.method}'s URL has none`
        : `Tomcat's CSRF filter: this ${x.method}'s URL carries a nonce the session no longer holds`,
    summary:
      `An earlier page of this webapp (${page}) encoded its links with ${TOMCAT_NONCE}, the nonce Tomcat's ` +
      'CsrfPreventionFilter keeps in the session and checks on every request that is not an entry point. ' +
      (token.sent === 'none'
        ? 'This request came to a URL without it (a bookmark, a stale or hand-built link), and Tomcat answered 403.'
        : 'This request sent another nonce (an older page, another session), and Tomcat answered 403.'),
    evidence: [
      statusEvidence(x),
      { where: 'log' as const, detail: `${page} (entry ${token.page.index}) links carry ${TOMCAT_NONCE}` },
      {
        where: 'request.line' as const,
        detail: token.sent === 'none' ? `no ${TOMCAT_NONCE} in the URL` : `the URL's nonce differs from the page's`,
      },
    ],
    fixes: [
      "Go back to the webapp's entry page (for the manager, /manager/html) and use its links or forms, which carry " +
        'the current nonce; a script must read the nonce from that page in the same session.',
    ],
  };
}
