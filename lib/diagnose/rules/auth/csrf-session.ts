import { credentialsOf, parseCookieHeader } from '../../../inspect/credentials';
import { readCsrf } from '../../../inspect/csrf';
import { clip } from '../../../inspect/mask';
import type { Rule, RuleContext } from '../../../core/context';
import type { Exchange } from '../../../model/exchange';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';

// The servlet container's session cookie and Spring Session's (https://docs.spring.io/spring-session/reference/,
// DefaultCookieSerializer's cookie name "SESSION"), and Sails' (its session hook's default name `sails.sid`,
// https://sailsjs.com/documentation/reference/configuration/sails-config-session), whose security.csrf keeps the
// token in that session too and refuses with res.forbidden(), a bare 403 "Forbidden"
// (https://sailsjs.com/documentation/concepts/security/csrf).
const SESSION_COOKIE = /^(JSESSIONID|SESSION|sails\.sid)$/i;
/** A body that only restates the status (Express's res.sendStatus(403), under Sails): it says nothing else. */
const STATUS_ONLY = /^\s*Forbidden\s*$/i;
// Spring Boot's default error JSON ({"timestamp":…,"status":403,"error":"Forbidden","path":…}) and its Whitelabel page
// (https://docs.spring.io/spring-boot/reference/web/servlet.html#web.servlet.spring-mvc.error-handling).
const SPRING_FORBIDDEN =
  /"timestamp"\s*:[\s\S]{0,200}?"error"\s*:\s*"Forbidden"[\s\S]{0,200}?"path"\s*:|Whitelabel\s+Error\s+Page[\s\S]{0,400}?type=Forbidden,\s*status=403/i;
const SAFE = new Set(['GET', 'HEAD']);
const SCAN = 2000;

/**
 * An earlier or later GET/HEAD to the same origin that carried the same session cookie and succeeded (2xx), or an
 * earlier 2xx answer of the same host that set it: either shows the session is one the server holds.
 */
function sessionServed(ctx: RuleContext, name: string, value: string): Exchange | null {
  const { x } = ctx;
  const origin = x.url?.origin;
  const host = x.url?.hostname;
  for (const set of host ? ctx.log.setCookiesBefore(x, host) : []) {
    if (set.from.status < 200 || set.from.status > 299 || set.from.url?.origin !== origin) continue;
    const [pair = ''] = set.value.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name && pair.slice(eq + 1).trim() === value) return set.from;
  }
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
    if (x.body.binary || (body.trim() !== '' && !SPRING_FORBIDDEN.test(body.slice(0, 4096)) && !STATUS_ONLY.test(body)))
      return [];
    const session = creds.cookies.find((c) => SESSION_COOKIE.test(c.name) && c.value !== '');
    if (!session) return [];
    const served = sessionServed(ctx, session.name, session.value);
    if (!served) return [];
    const sails = /^sails\.sid$/i.test(session.name);
    return [
      {
        id: 'csrf.invalid',
        confidence: CONFIDENCE.possiblePlus8,
        title: `A ${x.method} with the ${session.name} session and no CSRF token was refused (${sails ? "Sails' CSRF check" : "Spring Security's CSRF check"})`,
        summary:
          `The same session's ${served.method} ${clip(served.url?.pathname ?? '', 60)} succeeded, so the session is ` +
          `valid (it was issued or served), and this ${x.method} carried no X-CSRF-TOKEN / X-XSRF-TOKEN header and no ` +
          `_csrf field. ${sails ? 'Sails (security.csrf)' : 'Spring Security'} keeps the CSRF token in the session ` +
          'and refuses unsafe requests without it with a plain 403.',
        evidence: [
          statusEvidence(x),
          { where: 'request.cookie', name: session.name, detail: `session cookie ${session.name} sent` },
          { where: 'request.header', detail: 'no CSRF header (X-CSRF-TOKEN, X-XSRF-TOKEN) and no _csrf field sent' },
          {
            where: 'log',
            detail: `${served.method} ${clip(served.url?.pathname ?? '', 80)} with the same session answered ${served.status}`,
          },
        ],
        fixes: sails
          ? [
              "Fetch GET /csrfToken (the security hook's grant-csrf-token action) in the same session and send its _csrf value in the X-CSRF-Token header, or the _csrf field, of every POST, PUT, PATCH and DELETE.",
              'For routes called only by token-authenticated clients, turn the check off per route (`csrf: false` in config/routes.js).',
            ]
          : [
              'Send the token on unsafe requests: render it into the page (<meta name="_csrf"> and "_csrf_header") and copy it into the X-CSRF-TOKEN header, or use CookieCsrfTokenRepository.withHttpOnlyFalse() so the client can send XSRF-TOKEN back as X-XSRF-TOKEN.',
              'If this API is called only with tokens, not the session, disable CSRF for it (http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))).',
            ],
      },
    ];
  },
};
