// The third set (issue 17): Node server software the lab had not run, unmodified from npm, configured as each
// project's docs show it. Hono 4 on @hono/node-server with its built-in middlewares (conf/hono.mjs); NestJS 12
// with a roles guard, UnauthorizedException, @nestjs/throttler, @nestjs/passport (conf/nest.mjs). The labels were
// written before the engine read any of these recordings.
import type { Scenario } from '../types';
import { appPage, basic, hs256, quiet, refusal } from './helpers';

const HO = 'hono';
const NE = 'nest';
const now = () => Math.floor(Date.now() / 1000);
const jwtFor = (claims: Record<string, unknown>, secret = 'lab-jwt-secret') =>
  `Bearer ${hs256({ sub: 'lab', iat: now(), ...claims }, secret)}`;

/** Submits a form built in the current page (a real navigation, as a user's click makes). */
const submitForm = (action: string, fields: Record<string, string>): string =>
  `(() => { const f = document.createElement('form'); f.method = 'post'; f.action = ${JSON.stringify(action)};
    for (const [k, v] of Object.entries(${JSON.stringify(fields)})) { const i = document.createElement('input'); i.name = k; i.value = v; f.append(i); }
    document.body.append(f); f.submit(); })()`;

export const HONO_SCENARIOS: Scenario[] = [
  {
    id: 'bearer-none',
    what: 'hono/bearer-auth, nothing sent: 401 "Unauthorized", WWW-Authenticate: Bearer realm=""',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HO, '/api/items'))),
    expect: [refusal('/api/items', 401, 'auth.missing', 'a bare Bearer challenge, no Authorization sent')],
  },
  {
    id: 'bearer-wrong',
    what: 'hono/bearer-auth, a token that is not the configured one',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HO, '/api/items'), { headers: { authorization: 'Bearer lab-old-token' } })),
    expect: [refusal('/api/items', 401, 'auth.invalid', 'WWW-Authenticate: Bearer error="invalid_token"')],
  },
  {
    id: 'bearer-wrong-scheme',
    what: 'hono/bearer-auth, the right token under the scheme "Token": 400 "Bad Request", error="invalid_request"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HO, '/api/items'), { headers: { authorization: 'Token lab-api-token' } })),
    expect: [
      refusal(
        '/api/items',
        400,
        'auth.malformed',
        'a 400 with a Bearer invalid_request challenge to an Authorization in another scheme',
      ),
    ],
  },
  {
    id: 'http-exception-403',
    what: 'a valid bearer token; the app throws HTTPException(403, { message }) for a project the caller is not in',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HO, '/api/projects/7'), { headers: { authorization: 'Bearer lab-api-token' } })),
    expect: [refusal('/api/projects/', 403, 'permission.denied', 'text/plain "You are not a member of this project"')],
  },
  {
    id: 'basic-wrong',
    what: 'hono/basic-auth, a wrong password: 401, Basic realm="Secure Area"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HO, '/admin/stats'), { headers: { authorization: basic('lab', 'nope') } })),
    expect: [refusal('/admin/', 401, 'auth.invalid', 'Basic challenge again after Basic credentials')],
  },
  {
    id: 'jwt-none',
    what: 'hono/jwt, nothing sent: 401, error="invalid_request", "no authorization included in request"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HO, '/me/profile'))),
    expect: [refusal('/me/', 401, 'auth.missing', "the challenge's error_description says none came")],
  },
  {
    id: 'jwt-expired',
    what: 'hono/jwt, an HS256 token that expired an hour ago: 401 invalid_token "token verification failure"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HO, '/me/profile'), {
        headers: { authorization: jwtFor({ iat: now() - 7200, exp: now() - 3600 }) },
      })),
    expect: [refusal('/me/', 401, 'auth.token_expired', "the JWT's exp is an hour before Date", ['auth.invalid'])],
  },
  {
    id: 'jwt-not-yet-valid',
    what: 'hono/jwt, a token whose nbf is an hour ahead',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HO, '/me/profile'), {
        headers: { authorization: jwtFor({ nbf: now() + 3600, exp: now() + 7200 }) },
      })),
    expect: [refusal('/me/', 401, 'auth.token_not_yet_valid', "the JWT's nbf is an hour after Date", ['auth.invalid'])],
  },
  {
    id: 'jwt-bad-signature',
    what: 'hono/jwt, a current token signed with another secret',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HO, '/me/profile'), {
        headers: { authorization: jwtFor({ exp: now() + 3600 }, 'someone-elses-secret') },
      })),
    expect: [refusal('/me/', 401, 'auth.invalid', 'invalid_token on a well-formed, current JWT')],
  },
  {
    id: 'csrf-cross-origin-form',
    what: 'hono/csrf (default: own origin only): the lab page posts a form to Hono; 403 "Forbidden" (text/plain)',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await Promise.all([
        t.page.waitForURL(/account\/email/).catch(() => undefined),
        t.page.evaluate(submitForm(t.url(HO, '/account/email'), { email: 'a@b.c' })),
      ]);
    },
    expect: [
      refusal(
        '/account/email',
        403,
        'csrf.invalid',
        'a form POST whose Origin is another origin (Sec-Fetch-Site same-site), refused with a bare "Forbidden"',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'csrf-same-origin-form',
    what: "hono/csrf: Hono's own page posts the same form (quiet)",
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(HO, '/account/form'));
      await Promise.all([
        t.page.waitForURL(/account\/email/).catch(() => undefined),
        t.page.evaluate('document.forms[0].submit()'),
      ]);
    },
    expect: [quiet('/account/email', 200, 'a passing CSRF POST', 'POST')],
  },
  {
    id: 'ip-restriction',
    what: 'hono/ip-restriction with an allow-list and the docs\' onError: 403 "Access denied for 127.0.0.1"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HO, '/internal/metrics'))),
    expect: [refusal('/internal/', 403, 'ip.blocked', 'the refusal names the client address')],
  },
  {
    id: 'cors-origin-not-allowed',
    what: 'hono/cors for https://app.example.com only; the lab page sends X-Api-Key (DevTools HAR with the preflight)',
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(HO, '/partner/orders'), { headers: { 'x-api-key': 'lab-key-123' } })),
    expect: [
      refusal('/partner/', 204, 'cors.missing_allow_origin', 'preflight 204 without ACAO', [], 'OPTIONS'),
      refusal('/partner/', undefined, 'cors.missing_allow_origin', 'the GET behind it, blocked', [], 'GET'),
    ],
  },
  {
    id: 'cors-simple-not-allowed',
    what: 'hono/cors for https://app.example.com only; a simple GET from the lab page (DevTools HAR)',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(HO, '/partner/orders'))),
    expect: [refusal('/partner/', undefined, 'cors.missing_allow_origin', 'a 200 without ACAO, blocked', [], 'GET')],
  },
  {
    id: 'cors-wildcard-credentials',
    what: 'hono/cors({ origin: "*", credentials: true }); fetch with credentials: "include" (DevTools HAR)',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(HO, '/public/feed'), { credentials: 'include' })),
    expect: [
      refusal(
        '/public/feed',
        undefined,
        'cors.wildcard_with_credentials',
        'ACAO * with Access-Control-Allow-Credentials: true',
      ),
    ],
  },
  {
    id: 'cors-allowed',
    what: "hono/cors for the lab page's own origin: the preflight and the call pass (quiet, DevTools HAR)",
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(HO, '/widgets/list'), { headers: { 'x-api-key': 'lab-key-123' } })),
    expect: [
      quiet('/widgets/', 204, 'a successful preflight', 'OPTIONS'),
      quiet('/widgets/', 200, 'the call it allowed', 'GET'),
    ],
  },
  {
    id: 'lookalike-login',
    what: 'POST /login: a short password (HTTPException 400 naming the password), then a successful login',
    via: 'api',
    run: async (t) => {
      await t.api.post(t.url(HO, '/login'), { data: { username: 'lab', password: 'short' } });
      await t.api.post(t.url(HO, '/login'), { data: { username: 'lab', password: 'long-enough-pass' } });
    },
    expect: [
      quiet('/login', 400, '"password must be at least 8 characters": validation'),
      quiet('/login', 200, 'a successful login'),
    ],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown route: "404 Not Found"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HO, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
];

export const NEST_SCENARIOS: Scenario[] = [
  {
    id: 'guard-false',
    what: 'a RolesGuard returning false for a member\'s token: 403 {"message":"Forbidden resource"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.delete(t.url(NE, '/projects/3'), { headers: { authorization: 'Bearer lab-member-token' } })),
    expect: [refusal('/projects/', 403, 'permission.denied', 'a token was sent and read; the guard said no')],
  },
  {
    id: 'guard-false-anonymous',
    what: 'the same RolesGuard, nothing sent: the same 403 "Forbidden resource"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(NE, '/billing'))),
    expect: [
      refusal('/billing', 403, 'auth.missing', 'no credential at all; the guard cannot tell who', [
        'permission.denied',
      ]),
    ],
  },
  {
    id: 'unauthorized-exception',
    what: 'the Authentication chapter\'s guard, nothing sent: UnauthorizedException, 401 {"message":"Unauthorized"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(NE, '/reports'))),
    expect: [refusal('/reports', 401, 'auth.missing', 'no Authorization sent')],
  },
  {
    id: 'unauthorized-unknown-token',
    what: 'the same guard, a token it does not know',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(NE, '/reports'), { headers: { authorization: 'Bearer lab-revoked-token' } })),
    expect: [refusal('/reports', 401, 'auth.invalid', 'a Bearer token sent, 401 "Unauthorized"')],
  },
  {
    id: 'forbidden-exception',
    what: 'ForbiddenException("Only the workspace owner can export it") to a member',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(NE, '/workspace/export'), {
        headers: { authorization: 'Bearer lab-member-token' },
      })),
    expect: [refusal('/workspace/', 403, 'permission.denied', 'the message names the role needed', [], 'POST')],
  },
  {
    id: 'throttler',
    what: '@nestjs/throttler (limit 1 per 60 s): the first search and the second',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 2; i++) await t.api.get(t.url(NE, '/search?q=a'));
    },
    expect: [
      quiet('/search', 200, 'served; X-RateLimit-Remaining 0 is about the next call'),
      refusal('/search', 429, 'rate_limit.exceeded', '"ThrottlerException: Too Many Requests", Retry-After: 60'),
    ],
  },
  {
    id: 'passport-jwt-expired',
    what: "@nestjs/passport AuthGuard('jwt') (passport-jwt): a token that expired an hour ago",
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(NE, '/jwt/me'), {
        headers: { authorization: jwtFor({ iat: now() - 7200, exp: now() - 3600 }) },
      })),
    expect: [
      refusal('/jwt/me', 401, 'auth.token_expired', '401 "Unauthorized"; the JWT\'s exp is an hour before Date', [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'passport-jwt-none',
    what: "AuthGuard('jwt'), nothing sent",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(NE, '/jwt/me'))),
    expect: [refusal('/jwt/me', 401, 'auth.missing', 'no Authorization sent')],
  },
  {
    id: 'passport-bearer-wrong',
    what: "AuthGuard('bearer') (passport-http-bearer), a token the strategy does not know",
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(NE, '/bearer/me'), { headers: { authorization: 'Bearer lab-unknown-token' } })),
    expect: [refusal('/bearer/me', 401, 'auth.invalid', 'a Bearer token sent, 401 "Unauthorized"')],
  },
  {
    id: 'lookalike-validation',
    what: 'ValidationPipe (class-validator): a login whose password is too short, then a good one (201)',
    via: 'api',
    run: async (t) => {
      await t.api.post(t.url(NE, '/auth/login'), { data: { username: 'lab', password: 'short' } });
      await t.api.post(t.url(NE, '/auth/login'), { data: { username: 'lab', password: 'long-enough-pass' } });
    },
    expect: [
      quiet('/auth/login', 400, '"password must be longer than or equal to 8 characters": validation'),
      quiet('/auth/login', 201, 'a successful login'),
    ],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown route: 404 {"message":"Cannot GET /nope"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(NE, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
];
