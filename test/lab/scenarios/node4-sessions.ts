// The fourth set (issue 17), continued: hapi 21 with hapi-auth-jwt2 and @hapi/cookie (conf/hapi-jwt2.mjs); Koa 3
// with koa-passport (passport-local on koa-session) and @koa/cors (conf/koa-passport.mjs). Labels written before
// the engine read any of these recordings.
import type { Scenario } from '../types';
import { hs256, quiet, refusal } from './helpers';

const HJ = 'hapi-jwt2';
const KP = 'koa-passport';
const now = () => Math.floor(Date.now() / 1000);
const jwtFor = (claims: Record<string, unknown>, secret = 'lab-hapi-jwt-secret') =>
  `Bearer ${hs256({ sub: 'lab', iat: now(), exp: now() + 3600, ...claims }, secret)}`;
const login = { username: 'lab', password: 'long-enough-pass' };

export const HAPI_JWT2_SCENARIOS: Scenario[] = [
  {
    id: 'jwt-none',
    what: 'hapi-auth-jwt2, nothing sent: 401 "Missing authentication", WWW-Authenticate: Token error="token is null"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HJ, '/api/me'))),
    expect: [refusal('/api/me', 401, 'auth.missing', 'no Authorization; Boom\'s "Missing authentication"')],
  },
  {
    id: 'jwt-bad-signature',
    what: 'a current token signed with another secret: 401 "Invalid token"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HJ, '/api/me'), { headers: { authorization: jwtFor({}, 'someone-elses-secret') } })),
    expect: [refusal('/api/me', 401, 'auth.invalid', '"Invalid token" on a well-formed, current JWT')],
  },
  {
    id: 'jwt-expired',
    what: 'a token that expired an hour ago: 401 "Expired token"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HJ, '/api/me'), {
        headers: { authorization: jwtFor({ iat: now() - 7200, exp: now() - 3600 }) },
      })),
    expect: [
      refusal('/api/me', 401, 'auth.token_expired', '"Expired token"; exp an hour before Date', ['auth.invalid']),
    ],
  },
  {
    id: 'jwt-malformed',
    what: 'a Bearer value that is not a JWT (two segments): 401 "Invalid token format"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HJ, '/api/me'), { headers: { authorization: 'Bearer abc.def' } })),
    expect: [
      refusal('/api/me', 401, 'auth.malformed', 'the token is not three segments; the message says format', [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'jwt-unknown-subject',
    what: 'a valid token for a subject validate() does not know: 401 "Invalid credentials"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HJ, '/api/me'), { headers: { authorization: jwtFor({ sub: 'ghost' }) } })),
    expect: [refusal('/api/me', 401, 'auth.invalid', 'the token was read and its holder refused')],
  },
  {
    id: 'jwt-scope',
    what: "a user's token on a route with access.scope ['admin']: 403 \"Insufficient scope\"",
    via: 'api',
    run: async (t) => void (await t.api.delete(t.url(HJ, '/api/users/9'), { headers: { authorization: jwtFor({}) } })),
    expect: [
      refusal('/api/users/', 403, 'permission.insufficient_scope', 'hapi\'s route scope check, "Insufficient scope"', [
        'permission.denied',
      ]),
    ],
  },
  {
    id: 'cookie-api-none',
    what: '@hapi/cookie on a JSON route with redirectTo off, no cookie: 401 "Missing authentication", WWW-Authenticate: cookie',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HJ, '/account/api/settings'))),
    expect: [refusal('/account/api/', 401, 'auth.missing', 'no session cookie sent', ['auth.cookie_not_sent'])],
  },
  {
    id: 'cookie-api-stale',
    what: '@hapi/cookie: a sealed session cookie whose session validate() no longer knows: the same 401',
    via: 'api',
    run: async (t) => {
      // a login whose session the server does not keep (the lab's stand-in for a session ended server-side)
      await t.api.post(t.url(HJ, '/login'), { data: { username: 'lab', password: 'another-long-pass' } });
      await t.api.get(t.url(HJ, '/account/api/settings'));
    },
    expect: [
      refusal('/account/api/', 401, 'auth.invalid', 'the session cookie was sent and refused', [
        'auth.token_expired',
        'auth.missing',
      ]),
    ],
  },
  {
    id: 'cookie-redirect-followed',
    what: '@hapi/cookie with redirectTo and appendNext, an API client without a session: 302 to /login?next=%2Faccount, followed',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HJ, '/account'))),
    expect: [
      refusal('/account', 302, 'auth.missing', 'the call was answered by a redirect to the login page with next='),
    ],
  },
  {
    id: 'cookie-redirect-page',
    what: 'the same redirect to a page navigation: the browser shows the login page (quiet)',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(HJ, '/account'))),
    expect: [quiet('/account', 302, 'a page navigation sent to the login page: the browser shows it', 'GET')],
  },
  {
    id: 'lookalike-login',
    what: 'POST /login: a short password (400 "Invalid request payload input"), then a login (200, cookie set)',
    via: 'api',
    run: async (t) => {
      await t.api.post(t.url(HJ, '/login'), { data: { username: 'lab', password: 'short' } });
      await t.api.post(t.url(HJ, '/login'), { data: login });
      await t.api.get(t.url(HJ, '/account/api/settings'));
    },
    expect: [
      quiet('/login', 400, 'payload validation'),
      quiet('/login', 200, 'a successful login'),
      quiet('/account/api/', 200, 'the session accepted'),
    ],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown route: {"statusCode":404,"error":"Not Found"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HJ, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
];

export const KOA_PASSPORT_SCENARIOS: Scenario[] = [
  {
    id: 'login-wrong-password',
    what: 'passport.authenticate(\'local\') on a JSON login, a wrong password: 401 text/plain "Unauthorized"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(KP, '/auth/login'), { data: { username: 'lab', password: 'wrong-password' } })),
    expect: [refusal('/auth/login', 401, 'auth.invalid', 'a login with a password, refused', [], 'POST')],
  },
  {
    id: 'session-none',
    what: 'ctx.isAuthenticated() false, no session: ctx.throw(401, "Please log in to continue")',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(KP, '/app/dashboard'))),
    expect: [
      refusal('/app/dashboard', 401, 'auth.missing', 'no cookie sent; the words ask for a login', [
        'auth.cookie_not_sent',
      ]),
    ],
  },
  {
    id: 'admin-as-user',
    what: 'signed in as lab; ctx.throw(403, "Admins only")',
    via: 'api',
    run: async (t) => {
      await t.api.post(t.url(KP, '/auth/login'), { data: login });
      await t.api.get(t.url(KP, '/app/admin'));
    },
    expect: [
      quiet('/auth/login', 200, 'a successful login', 'POST'),
      refusal('/app/admin', 403, 'permission.denied', 'a session sent; the role refused'),
    ],
  },
  {
    id: 'cors-origin-mismatch',
    what: '@koa/cors({ origin: "https://app.example.com" }): a simple GET from the lab page (DevTools HAR)',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(KP, '/partner/orders'))),
    expect: [refusal('/partner/', undefined, 'cors.allow_origin_mismatch', 'ACAO names another origin', [], 'GET')],
  },
  {
    id: 'cors-origin-refused',
    what: "@koa/cors with an origin function returning '' for unknown origins: the preflight for X-Api-Key and the GET (DevTools HAR)",
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(KP, '/feeds/latest'), { headers: { 'x-api-key': 'lab-key-123' } })),
    expect: [
      refusal(
        '/feeds/',
        undefined,
        'cors.missing_allow_origin',
        'the preflight answered without ACAO',
        ['cors.preflight_invalid_status'],
        'OPTIONS',
      ),
      refusal('/feeds/', undefined, 'cors.missing_allow_origin', 'the GET behind it, blocked', [], 'GET'),
    ],
  },
  {
    id: 'cors-method-not-allowed',
    what: '@koa/cors for the lab page with allowMethods GET,POST; the page sends PUT (DevTools HAR with the preflight)',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(KP, '/widgets/list'), { method: 'PUT' })),
    expect: [
      refusal(
        '/widgets/',
        204,
        'cors.method_not_allowed',
        'preflight 204: Access-Control-Allow-Methods GET,POST',
        [],
        'OPTIONS',
      ),
      refusal('/widgets/', undefined, 'cors.method_not_allowed', 'the PUT behind it, blocked', [], 'PUT'),
    ],
  },
  {
    id: 'cors-allowed',
    what: "@koa/cors for the lab page's origin: a POST with JSON passes its preflight (quiet, DevTools HAR)",
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(KP, '/widgets/list'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })),
    expect: [
      quiet('/widgets/', 204, 'a successful preflight', 'OPTIONS'),
      quiet('/widgets/', 200, 'the call it allowed', 'POST'),
    ],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown route: Koa\'s 404 "Not Found"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(KP, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
];
