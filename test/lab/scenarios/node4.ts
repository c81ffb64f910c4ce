// The fourth set (issue 17): Node server software the lab had not run, unmodified from npm, configured as each
// project's README shows it. Express with express-oauth2-jwt-bearer (Auth0's), csrf-csrf, express-brute and
// express-slow-down (conf/express-auth0.mjs); Fastify with @fastify/bearer-auth (conf/fastify-bearer.mjs); h3 2
// with its basicAuth, handleCors and HTTPError (conf/h3.mjs). The labels were written before the engine read any
// of these recordings.
import type { Scenario } from '../types';
import { basic, hs256, quiet, refusal } from './helpers';

const EA = 'express-auth0';
const FB = 'fastify-bearer';
const H3 = 'h3';
const now = () => Math.floor(Date.now() / 1000);

/** A token as Auth0 issues one for the lab's API (HS256, its issuer and audience), with `claims` over it. */
const auth0 = (claims: Record<string, unknown>, secret = 'lab-auth0-secret-that-is-32-bytes!') =>
  hs256(
    {
      iss: 'https://lab.auth.example/',
      aud: 'https://api.lab.example',
      sub: 'auth0|lab',
      iat: now(),
      exp: now() + 3600,
      scope: 'read:orders',
      ...claims,
    },
    secret,
  );
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const EXPRESS_AUTH0_SCENARIOS: Scenario[] = [
  {
    id: 'jwt-none',
    what: 'auth() with nothing sent: 401, WWW-Authenticate: Bearer realm="api" (no error), "UnauthorizedError"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(EA, '/api/orders'))),
    expect: [refusal('/api/orders', 401, 'auth.missing', 'a bare Bearer challenge; no Authorization sent')],
  },
  {
    id: 'jwt-bad-signature',
    what: 'a current token with the right issuer and audience, signed with another secret',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(EA, '/api/orders'), {
        headers: bearer(auth0({}, 'someone-elses-secret-32-bytes!!!')),
      })),
    expect: [
      refusal(
        '/api/orders',
        401,
        'auth.invalid',
        'error="invalid_token", error_description="signature verification failed"',
      ),
    ],
  },
  {
    id: 'jwt-expired',
    what: 'a token that expired an hour ago: invalid_token, "\\"exp\\" claim timestamp check failed"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(EA, '/api/orders'), {
        headers: bearer(auth0({ iat: now() - 7200, exp: now() - 3600 })),
      })),
    expect: [
      refusal('/api/orders', 401, 'auth.token_expired', 'the description names the exp check; exp is an hour past', [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'jwt-wrong-audience',
    what: 'a token for another API (aud https://billing.lab.example): invalid_token, unexpected "aud" claim value',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(EA, '/api/orders'), {
        headers: bearer(auth0({ aud: 'https://billing.lab.example' })),
      })),
    expect: [
      refusal('/api/orders', 401, 'auth.invalid', 'the token is refused for its audience: a token for another API'),
    ],
  },
  {
    id: 'jwt-wrong-scheme',
    what: 'a valid token under the scheme "Token": 400, the bare Bearer challenge, "InvalidRequestError"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(EA, '/api/orders'), { headers: { authorization: `Token ${auth0({})}` } })),
    expect: [
      refusal('/api/orders', 400, 'auth.malformed', 'an Authorization in a scheme the Bearer challenge does not read', [
        'auth.missing',
      ]),
    ],
  },
  {
    id: 'jwt-two-methods',
    what: 'the token both in Authorization and in ?access_token=: 400 invalid_request "More than one method used for authentication"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(EA, `/api/orders?access_token=${auth0({})}`), { headers: bearer(auth0({})) })),
    expect: [refusal('/api/orders', 400, 'auth.malformed', 'RFC 6750 §2: one method only; the challenge says so')],
  },
  {
    id: 'scope-missing',
    what: 'requiredScopes("write:orders") and a token with read:orders: 403 error="insufficient_scope", scope="write:orders"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(EA, '/api/orders'), { headers: bearer(auth0({})), data: { item: 1 } })),
    expect: [
      refusal(
        '/api/orders',
        403,
        'permission.insufficient_scope',
        'the challenge names the scope needed',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'claim-not-admin',
    what: 'claimEquals("role", "admin") and a token with role user: 401 invalid_token "Unexpected \'role\' value"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(EA, '/api/admin/users'), { headers: bearer(auth0({ role: 'user' })) })),
    expect: [
      refusal(
        '/api/admin/',
        401,
        'permission.denied',
        'a current, well-signed token refused for the value of its role claim: the role, not the token',
        ['auth.invalid'],
      ),
    ],
  },
  {
    id: 'jwt-ok',
    what: 'a current token with read:orders (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(EA, '/api/orders'), { headers: bearer(auth0({})) })),
    expect: [quiet('/api/orders', 200, 'accepted')],
  },
  {
    id: 'csrf-missing',
    what: 'csrf-csrf: a token fetched (cookies set), then a POST without x-csrf-token: 403 "ForbiddenError: invalid csrf token"',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(EA, '/csrf-token'));
      await t.api.post(t.url(EA, '/profile/email'), { data: { email: 'a@b.c' } });
    },
    expect: [refusal('/profile/email', 403, 'csrf.invalid', 'the error names the CSRF token', [], 'POST')],
  },
  {
    id: 'csrf-wrong',
    what: "csrf-csrf: the POST carries an x-csrf-token that is not the cookie's pair",
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(EA, '/csrf-token'));
      await t.api.post(t.url(EA, '/profile/email'), {
        headers: { 'x-csrf-token': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
        data: { email: 'a@b.c' },
      });
    },
    expect: [refusal('/profile/email', 403, 'csrf.invalid', 'the error names the CSRF token', [], 'POST')],
  },
  {
    id: 'csrf-pass',
    what: 'csrf-csrf: the token from GET /csrf-token sent back in x-csrf-token (quiet)',
    via: 'api',
    run: async (t) => {
      const r = await t.api.get(t.url(EA, '/csrf-token'));
      const { token } = (await r.json()) as { token: string };
      await t.api.post(t.url(EA, '/profile/email'), { headers: { 'x-csrf-token': token }, data: { email: 'a@b.c' } });
    },
    expect: [quiet('/profile/email', 200, 'a passing CSRF POST', 'POST')],
  },
  {
    id: 'brute-login',
    what: 'express-brute (freeRetries 2) on a login: a short password (400), a good login, another, then 429',
    via: 'api',
    run: async (t) => {
      const login = (password: string) => t.api.post(t.url(EA, '/auth/login'), { data: { username: 'lab', password } });
      await login('short');
      await login('long-enough-pass');
      await login('long-enough-pass');
      await login('long-enough-pass');
    },
    expect: [
      quiet('/auth/login', 400, 'a validation error naming the password field'),
      quiet('/auth/login', 200, 'a successful login'),
      refusal('/auth/login', 429, 'rate_limit.exceeded', '"Too many requests in this time frame.", Retry-After'),
    ],
  },
  {
    id: 'slow-down',
    what: 'express-slow-down (delayAfter 1, 500 ms): the second search is served late (quiet)',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(EA, '/search?q=a'));
      await t.api.get(t.url(EA, '/search?q=b'));
    },
    expect: [quiet('/search?q=b', 200, 'slowed, not refused')],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown route: Express\'s "Cannot GET /nope"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(EA, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
];

export const FASTIFY_BEARER_SCENARIOS: Scenario[] = [
  {
    id: 'bearer-none',
    what: '@fastify/bearer-auth, nothing sent: 401 {"error":"missing authorization header"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(FB, '/v1/reports'))),
    expect: [refusal('/v1/reports', 401, 'auth.missing', 'the error says the header is missing')],
  },
  {
    id: 'bearer-wrong',
    what: '@fastify/bearer-auth, a key not in its set: 401 {"error":"invalid authorization header"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(FB, '/v1/reports'), { headers: { authorization: 'Bearer lab-bearer-key-0' } })),
    expect: [refusal('/v1/reports', 401, 'auth.invalid', 'a Bearer key sent and refused')],
  },
  {
    id: 'bearer-basic-scheme',
    what: '@fastify/bearer-auth, Basic credentials: the same 401 {"error":"invalid authorization header"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(FB, '/v1/reports'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [
      refusal('/v1/reports', 401, 'auth.malformed', 'Basic sent to a Bearer-only API; "invalid authorization header"', [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'bearer-ok',
    what: '@fastify/bearer-auth, the right key (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(FB, '/v1/reports'), { headers: { authorization: 'Bearer lab-bearer-key-1' } })),
    expect: [quiet('/v1/reports', 200, 'accepted')],
  },
  {
    id: 'lookalike-validation',
    what: 'a body schema: "body/refresh_token must NOT have fewer than 20 characters" (FST_ERR_VALIDATION, 400)',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(FB, '/public/token'), { data: { refresh_token: 'short' } })),
    expect: [quiet('/public/token', 400, 'validation naming the refresh_token field', 'POST')],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown route: "Route GET:/nope not found"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(FB, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
];

export const H3_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'basicAuth, nothing sent: 401 "Authentication required", Basic realm="Admin"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H3, '/admin/dashboard'))),
    expect: [refusal('/admin/', 401, 'auth.missing', 'a Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'basicAuth, a wrong password: the same 401 and challenge',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(H3, '/admin/dashboard'), { headers: { authorization: basic('lab', 'nope') } })),
    expect: [refusal('/admin/', 401, 'auth.invalid', 'Basic challenge again after Basic credentials')],
  },
  {
    id: 'token-none',
    what: 'the app\'s HTTPError 401 "Invalid or missing API token", nothing sent (no challenge)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H3, '/api/projects/1'))),
    expect: [refusal('/api/projects/', 401, 'auth.missing', 'no Authorization sent', ['auth.invalid'])],
  },
  {
    id: 'token-wrong',
    what: 'the same HTTPError 401 to a Bearer token it does not know',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(H3, '/api/projects/1'), { headers: { authorization: 'Bearer lab-h3-old' } })),
    expect: [refusal('/api/projects/', 401, 'auth.invalid', 'a Bearer token sent; "Invalid or missing API token"')],
  },
  {
    id: 'forbidden-project',
    what: 'a valid token; HTTPError 403 "You do not have access to this project"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(H3, '/api/projects/7'), { headers: { authorization: 'Bearer lab-h3-token' } })),
    expect: [refusal('/api/projects/', 403, 'permission.denied', 'a token read; the project refused')],
  },
  {
    id: 'cors-origin-not-allowed',
    what: 'handleCors for https://app.example.com only; the lab page sends X-Api-Key (DevTools HAR with the preflight)',
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(H3, '/partner/orders'), { headers: { 'x-api-key': 'lab-key-123' } })),
    expect: [
      refusal('/partner/', 204, 'cors.missing_allow_origin', 'preflight 204 without ACAO', [], 'OPTIONS'),
      refusal('/partner/', undefined, 'cors.missing_allow_origin', 'the GET behind it, blocked', [], 'GET'),
    ],
  },
  {
    id: 'cors-simple-not-allowed',
    what: 'handleCors for https://app.example.com only; a simple GET from the lab page (DevTools HAR)',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(H3, '/partner/orders'))),
    expect: [refusal('/partner/', undefined, 'cors.missing_allow_origin', 'a 200 without ACAO, blocked', [], 'GET')],
  },
  {
    id: 'cors-allowed',
    what: "handleCors for the lab page's origin: the preflight and the call pass (quiet, DevTools HAR)",
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(H3, '/widgets/list'), { headers: { 'x-api-key': 'lab-key-123' } })),
    expect: [
      quiet('/widgets/', 204, 'a successful preflight', 'OPTIONS'),
      quiet('/widgets/', 200, 'the call it allowed', 'GET'),
    ],
  },
  {
    id: 'lookalike-415',
    what: 'a text/plain upload to a JSON-only endpoint: HTTPError 415',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(H3, '/upload'), { headers: { 'content-type': 'text/plain' }, data: 'hello' })),
    expect: [quiet('/upload', 415, 'unsupported media type', 'POST')],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown route: {"status":404,"message":"Cannot find any route matching [GET] …"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H3, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
];
