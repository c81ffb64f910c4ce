// Express 4, second set (issue 17): cors refusing a method, a header and a credentialed call to "*";
// express-rate-limit's draft-8 headers; express-basic-auth without its challenge; express-session after a logout.
// Fastify 5 with @fastify/basic-auth and @fastify/csrf-protection. Configs: conf/express.mjs, conf/fastify.mjs.
import type { Scenario } from '../types';
import { basic, quiet, refusal } from './helpers';

const E = 'express';
const F = 'fastify';

export const EXPRESS_MORE_SCENARIOS: Scenario[] = [
  // DevTools' getHAR is the writer here: Playwright's HAR leaves out the preflight, and with it the whole reason.
  {
    id: 'cors-method-not-allowed',
    what: 'cors allows the lab page for GET and POST; the page sends DELETE (DevTools HAR with the preflight)',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(E, '/api/v2/partner/orders'), { method: 'DELETE' })),
    expect: [
      refusal(
        '/api/v2/partner/',
        204,
        'cors.method_not_allowed',
        'preflight 204: Access-Control-Allow-Methods GET,POST',
        [],
        'OPTIONS',
      ),
      refusal('/api/v2/partner/', 0, 'cors.method_not_allowed', 'the DELETE behind it, blocked', [], 'DELETE'),
    ],
  },
  {
    id: 'cors-header-not-allowed',
    what: 'cors allows Content-Type only; the page sends X-Api-Key (DevTools HAR with the preflight)',
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(E, '/api/v2/partner/orders'), { headers: { 'x-api-key': 'lab-key-123' } })),
    expect: [
      refusal(
        '/api/v2/partner/',
        204,
        'cors.header_not_allowed',
        'preflight 204: Access-Control-Allow-Headers Content-Type',
        [],
        'OPTIONS',
      ),
      refusal('/api/v2/partner/', 0, 'cors.header_not_allowed', 'the GET behind it, blocked', [], 'GET'),
    ],
  },
  {
    id: 'cors-wildcard-credentials',
    what: 'cors({ credentials: true }) keeps its default origin "*"; fetch with credentials: "include" (DevTools HAR)',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(E, '/api/widgets'), { credentials: 'include' })),
    expect: [
      refusal(
        '/api/widgets',
        undefined,
        'cors.wildcard_with_credentials',
        'ACAO * with Access-Control-Allow-Credentials: true',
      ),
    ],
  },
  {
    id: 'rate-limit-draft8',
    what: 'express-rate-limit, draft-8 headers, one export a minute: the first call (200, nothing left) and the second',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 2; i++) await t.api.get(t.url(E, '/api/export'));
    },
    expect: [
      quiet('/api/export', 200, 'served; RateLimit says r=0 for the next one, which is not a refusal of this one'),
      refusal(
        '/api/export',
        429,
        'rate_limit.exceeded',
        '{"error":"Too many exports, please try again later."}, RateLimit r=0',
      ),
    ],
  },
  {
    id: 'basic-no-challenge-none',
    what: 'express-basic-auth without challenge, nothing sent: 401, empty body, no WWW-Authenticate',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(E, '/api/internal/metrics'))),
    expect: [refusal('/api/internal/', 401, 'auth.missing', 'a bare 401 to a call without credentials')],
  },
  {
    id: 'basic-no-challenge-wrong',
    what: 'express-basic-auth without challenge, a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(E, '/api/internal/metrics'), { headers: { authorization: basic('lab', 'nope') } })),
    expect: [refusal('/api/internal/', 401, 'auth.invalid', 'a bare 401 to a call with Basic credentials')],
  },
  {
    id: 'session-after-logout',
    what: 'express-session: signed in, signed out (session destroyed), then the API with the old cookie',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(E, '/session/login'));
      await t.open(t.url(E, '/session/logout'));
      // read the body in the page, so the HAR keeps it
      await t.page.evaluate(`fetch(${JSON.stringify(t.url(E, '/session/me'))}).then((r) => r.text())`);
    },
    expect: [
      quiet('/session/logout', 200, 'the logout page'),
      refusal(
        '/session/me',
        401,
        'auth.missing',
        '{"error":"Not logged in"}: the ended session\'s cookie is no credential',
        ['auth.invalid'],
      ),
    ],
  },
];

export const FASTIFY_MORE_SCENARIOS: Scenario[] = [
  {
    id: 'basic-auth-wrong',
    what: '@fastify/basic-auth (authenticate: realm) with a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(F, '/admin/report'), { headers: { authorization: basic('lab', 'nope') } })),
    expect: [
      refusal('/admin/', 401, 'auth.invalid', 'FST_BASIC_AUTH_MISSING_OR_BAD_AUTHORIZATION_HEADER with Basic realm'),
    ],
  },
  {
    id: 'basic-auth-none',
    what: '@fastify/basic-auth, nothing sent',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/admin/report'))),
    expect: [
      refusal('/admin/', 401, 'auth.missing', '"Missing or bad formatted authorization header", Basic challenge'),
    ],
  },
  {
    id: 'csrf-protection-missing',
    what: '@fastify/csrf-protection: the cookie secret is set, the POST carries no token',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(F, '/csrf'));
      await t.api.post(t.url(F, '/transfer'), { data: { amount: 10 } });
    },
    expect: [refusal('/transfer', 403, 'csrf.invalid', 'FST_CSRF_MISSING_SECRET / "Invalid csrf token"', [], 'POST')],
  },
  {
    id: 'csrf-protection-ok',
    what: '@fastify/csrf-protection: the POST carries the token from /csrf (quiet)',
    via: 'api',
    run: async (t) => {
      const { token } = (await (await t.api.get(t.url(F, '/csrf'))).json()) as { token: string };
      await t.api.post(t.url(F, '/transfer'), { data: { amount: 10 }, headers: { 'csrf-token': token } });
    },
    expect: [quiet('/transfer', 200, 'valid token', 'POST')],
  },
];
