import { credentialsOf, parseCookieHeader } from '../../../inspect/credentials';
import { readCsrf } from '../../../inspect/csrf';
import { clip } from '../../../inspect/mask';
import type { Rule, RuleContext } from '../../../core/context';
import type { Exchange } from '../../../model/exchange';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';

// The servlet container's session cookie and Spring Session's (https://docs.spring.io/spring-session/reference/,
// DefaultCookieSerializer's cookie name "SESSION").
const SESSION_COOKIE = /^(JSESSIONID|SESSION)$/i;
// Spring Boot's default error JSON ({"timestamp":…,"status":403,"error":"Forbidden","path":…}) and its Whitelabel page
// (https://docs.spring.io/spring-boot/reference/web/servlet.html#web.servlet.spring-mvc.error-handling).
const SPRING_FORBIDDEN =
  /"timestamp"\s*:[\s\S]{0,200}?"error"\s*:\s*"Forbidden"[\s\S]{0,200}?"path"\s*:|Whitelabel\s+Error\s+Page[\s\S]{0,400}?type=Forbidden,\s*status=403/i;
const SAFE = new Set(['GET', 'HEAD']);
const SCAN = 2000;

/** An earlier or later GET/HEAD to the same origin that carried the same session cookie and succeeded (2xx). */
function sessionServed(ctx: RuleContext, name: string, value: string): Exchange | null {
  const { x } = ctx;
  const origin = x.url?.origin;
  let seen = 0;
  for (const y of ctx.log.exchanges) {
    if (++seen > SCAN) break;
    if (y.index === x.index || !SAFE.has(y.method) || y.status < 200 || y.status > 299) continue;
    if (y.url?.origin !== origin) continue;
    if (
      y.req
        .getAll('cookie')
        .flatMap(parseCookieHeader)
        .some((c) => c.name === name && c.value === value)
    )
      return y;
  }
  return null;
}

/**
 * csrf.invalid for Spring Security's default CSRF protection, which keeps the token in the HTTP session
 * (HttpSessionCsrfTokenRepository): no CSRF cookie travels, so the cookie-and-header reading of csrf.ts cannot see
 * it. CsrfFilter refuses every POST, PUT, PATCH and DELETE without the token (X-CSRF-TOKEN header or _csrf
 * parameter) through the AccessDeniedHandler, whose 403 is the same "Forbidden" as any authorization failure
 * (https://docs.spring.io/spring-security/reference/servlet/exploits/csrf.html). What tells them apart is the
 * session: when a GET with the same session cookie was served, the session is logged in and readable, and an unsafe
 * request without a token is the request CSRF protection refuses. Only with Spring's answer (its default error body
 * or Whitelabel page, or no body) and a servlet session cookie; a request that sent an Authorization header is left
 * to the other readings (a token-authenticated API usually disables CSRF).
 */
export const csrfSessionRule: Rule = {
  name: 'csrf-session',
  run(ctx) {
    const { x } = ctx;
    if (x.status !== 403) return [];
    const creds = credentialsOf(ctx);
    if (creds.authorization !== null || creds.apiKeys.length > 0) return [];
    const r = readCsrf(x, creds);
    if (!r.unsafe || r.cookie || r.header || r.bodyField) return [];
    const body = x.body.text ?? '';
    if (x.body.binary || (body.trim() !== '' && !SPRING_FORBIDDEN.test(body.slice(0, 4096)))) return [];
    const session = creds.cookies.find((c) => SESSION_COOKIE.test(c.name) && c.value !== '');
    if (!session) return [];
    const served = sessionServed(ctx, session.name, session.value);
    if (!served) return [];
    return [
      {
        id: 'csrf.invalid',
        confidence: CONFIDENCE.possiblePlus8,
        title: `A ${x.method} with the ${session.name} session and no CSRF token was refused (Spring Security's CSRF check)`,
        summary:
          `The same session's ${served.method} ${clip(served.url?.pathname ?? '', 60)} succeeded, so the session is ` +
          `valid; this ${x.method} carried no X-CSRF-TOKEN / X-XSRF-TOKEN header and no _csrf field. Spring Security ` +
          'keeps the CSRF token in the session by default and refuses unsafe requests without it with a plain 403.',
        evidence: [
          statusEvidence(x),
          { where: 'request.cookie', name: session.name, detail: `session cookie ${session.name} sent` },
          { where: 'request.header', detail: 'no CSRF header (X-CSRF-TOKEN, X-XSRF-TOKEN) and no _csrf field sent' },
          {
            where: 'log',
            detail: `${served.method} ${clip(served.url?.pathname ?? '', 80)} with the same session answered ${served.status}`,
          },
        ],
        fixes: [
          'Send the token on unsafe requests: render it into the page (<meta name="_csrf"> and "_csrf_header") and copy it into the X-CSRF-TOKEN header, or use CookieCsrfTokenRepository.withHttpOnlyFalse() so the client can send XSRF-TOKEN back as X-XSRF-TOKEN.',
          'If this API is called only with tokens, not the session, disable CSRF for it (http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))).',
        ],
      },
    ];
  },
};
