// hapi 21 (+ @hapi/basic) and Koa 3 (+ koa-jwt, koa-ratelimit) from npm, as their READMEs configure them
// (conf/hapi.mjs, conf/koa.mjs): Boom's JSON refusals and Koa's plain-text ones.
import type { Scenario } from '../types';
import { basic, hs256, quiet, refusal } from './helpers';

const H = 'hapi';
const K = 'koa';
const now = () => Math.floor(Date.now() / 1000);

export const HAPI_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: '@hapi/basic, nothing sent: Boom 401 "Missing authentication" with a Basic challenge',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/reports'))),
    expect: [
      refusal(
        '/reports',
        401,
        'auth.missing',
        '{"statusCode":401,"error":"Unauthorized","message":"Missing authentication"}',
      ),
    ],
  },
  {
    id: 'basic-wrong',
    what: '@hapi/basic, a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(H, '/reports'), { headers: { authorization: basic('lab', 'nope') } })),
    expect: [refusal('/reports', 401, 'auth.invalid', '"Bad username or password", Basic challenge')],
  },
  {
    id: 'scope-forbidden',
    what: 'a route with auth.access.scope ["admin"], the lab user has scope ["user"]',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(H, '/admin/users'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [
      refusal(
        '/admin/',
        403,
        'permission.denied',
        '{"statusCode":403,"error":"Forbidden","message":"Insufficient scope"} to a Basic user (a role, not an OAuth scope)',
        ['permission.insufficient_scope'],
      ),
    ],
  },
  {
    id: 'cors-origin-not-allowed',
    what: 'route CORS with an origin list; the lab page preflights X-Api-Key (DevTools HAR): a 200 preflight without ACAO',
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(H, '/partner/data'), { headers: { 'x-api-key': 'lab-key-123' } })),
    expect: [
      refusal(
        '/partner/',
        200,
        'cors.missing_allow_origin',
        "hapi answers the foreign origin's preflight 200 without any ACAO",
        [],
        'OPTIONS',
      ),
      refusal('/partner/', 0, 'cors.missing_allow_origin', 'the GET behind it, blocked (net::ERR_FAILED)', [], 'GET'),
    ],
  },
  {
    id: 'lookalike-bad-json',
    what: 'a POST with broken JSON: Boom 400 "Invalid request payload JSON format"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(H, '/notes'), {
        headers: { 'content-type': 'application/json' },
        data: Buffer.from('{"a":'),
      })),
    expect: [quiet('/notes', 400, 'a malformed body', 'POST')],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown route: Boom 404',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
];

export const KOA_SCENARIOS: Scenario[] = [
  {
    id: 'jwt-missing',
    what: 'koa-jwt, no token: 401 "Authentication Error" (text/plain; koa-jwt hides the reason unless debug)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(K, '/orders'))),
    expect: [refusal('/orders', 401, 'auth.missing', '401 "Authentication Error", no Authorization sent')],
  },
  {
    id: 'jwt-expired',
    what: 'koa-jwt, a token that expired an hour ago',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(K, '/orders'), {
        headers: {
          authorization: `Bearer ${hs256({ sub: 'lab', iat: now() - 7200, exp: now() - 3600 }, 'lab-jwt-secret')}`,
        },
      })),
    expect: [
      refusal(
        '/orders',
        401,
        'auth.token_expired',
        'the same "Authentication Error"; the JWT\'s exp is an hour before Date',
        ['auth.invalid'],
      ),
    ],
  },
  {
    id: 'role-forbidden',
    what: 'a valid token without the admin role: ctx.throw(403, "Admin role required")',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(K, '/admin/stats'), {
        headers: {
          authorization: `Bearer ${hs256({ sub: 'lab', role: 'user', iat: now(), exp: now() + 3600 }, 'lab-jwt-secret')}`,
        },
      })),
    expect: [refusal('/admin/', 403, 'permission.denied', 'text/plain "Admin role required"')],
  },
  {
    id: 'ratelimit',
    what: 'koa-ratelimit (memory), one call a minute: the second',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 2; i++) await t.api.get(t.url(K, '/search?q=a'));
    },
    expect: [
      quiet('/search', 200, 'the first call, X-RateLimit-Remaining 0'),
      refusal('/search', 429, 'rate_limit.exceeded', '"Rate limit exceeded, retry in 1 minute." Retry-After'),
    ],
  },
];
