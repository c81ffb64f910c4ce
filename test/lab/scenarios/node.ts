// Node servers from npm (versions in labels.json): Express 4 + cors/csurf/express-rate-limit/express-jwt/
// express-basic-auth, Fastify 5 + @fastify/cors/@fastify/rate-limit, Apollo Server 4.
import type { Scenario } from '../types';
import { appPage, hs256, quiet, refusal } from './helpers';

const E = 'express';
const F = 'fastify';
const G = 'apollo';
const now = () => Math.floor(Date.now() / 1000);

export const EXPRESS_SCENARIOS: Scenario[] = [
  {
    id: 'cors-not-allowed',
    what: 'cors with an origin allow-list: the lab page is not on it',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(E, '/api/partner/data'));
    },
    expect: [
      refusal(
        '/api/partner/',
        -1,
        'cors.missing_allow_origin',
        'no ACAO for this origin; Chromium blocks the response',
      ),
    ],
  },
  {
    id: 'cors-preflight-ok',
    what: 'PUT with Authorization from an allowed origin: preflight and call succeed',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(E, '/api/public/profile'), {
        method: 'PUT',
        headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
        body: '{}',
      });
    },
    expect: [quiet('/api/public/', 200, 'allowed origin, preflight passed', 'PUT')],
  },
  {
    id: 'rate-limit',
    what: 'express-rate-limit, 2 a minute: the third call',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++) await t.api.get(t.url(E, '/api/search?q=a'));
    },
    expect: [refusal('/api/search', 429, 'rate_limit.exceeded', 'RateLimit draft-7 header, "Too many requests"')],
  },
  {
    id: 'jwt-missing',
    what: 'express-jwt, no token',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(E, '/api/me'))),
    expect: [refusal('/api/me', 401, 'auth.missing', 'credentials_required: "No authorization token was found"')],
  },
  {
    id: 'jwt-expired',
    what: 'express-jwt, a token that expired an hour ago',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(E, '/api/me'), {
        headers: {
          authorization: `Bearer ${hs256({ sub: 'lab', iat: now() - 7200, exp: now() - 3600 }, 'lab-jwt-secret')}`,
        },
      })),
    expect: [refusal('/api/me', 401, 'auth.token_expired', 'invalid_token: "jwt expired"')],
  },
  {
    id: 'jwt-bad-signature',
    what: 'express-jwt, a token signed with another secret',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(E, '/api/me'), {
        headers: { authorization: `Bearer ${hs256({ sub: 'lab', iat: now(), exp: now() + 3600 }, 'other-secret')}` },
      })),
    expect: [refusal('/api/me', 401, 'auth.invalid', 'invalid_token: "invalid signature"')],
  },
  {
    id: 'jwt-wrong-scheme',
    what: 'express-jwt, a valid token under the scheme "JWT" instead of "Bearer"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(E, '/api/me'), {
        headers: { authorization: `JWT ${hs256({ sub: 'lab', iat: now(), exp: now() + 3600 }, 'lab-jwt-secret')}` },
      })),
    expect: [
      refusal('/api/me', 401, 'auth.malformed', 'credentials_bad_scheme: "Format is Authorization: Bearer [token]"', [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'basic-browser',
    what: 'express-basic-auth with challenge, opened in Chromium',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(E, '/admin'))),
    expect: [refusal('/admin', 401, 'auth.missing', 'Basic challenge, nothing sent')],
  },
  {
    id: 'csrf-missing',
    what: 'csurf: the form is posted without its _csrf field',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(E, '/transfer'));
      const answered = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(
        `(() => { const f = document.forms[0]; f.querySelector('[name=_csrf]').remove(); f.submit(); })()`,
      );
      await answered;
    },
    expect: [
      refusal('/transfer', 403, 'csrf.invalid', 'ForbiddenError: invalid csrf token (EBADCSRFTOKEN)', [], 'POST'),
    ],
  },
  {
    id: 'csrf-ok',
    what: 'csurf: the form posted with its token (quiet)',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(E, '/transfer'));
      const answered = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(`document.forms[0].submit()`);
      await answered;
    },
    expect: [quiet('/transfer', 200, 'valid token', 'POST')],
  },
  {
    id: 'lookalike-422',
    what: 'express-validator-style 422 on a bad e-mail',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(E, '/api/signup'), { data: { email: 'nope' } })),
    expect: [quiet('/api/signup', 422, 'validation error')],
  },
];

export const FASTIFY_SCENARIOS: Scenario[] = [
  {
    id: 'rate-limit',
    what: '@fastify/rate-limit, max 2 a minute',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++) await t.api.get(t.url(F, '/items'));
    },
    expect: [refusal('/items', 429, 'rate_limit.exceeded', '"Rate limit exceeded, retry in 1 minute", x-ratelimit-*')],
  },
  {
    id: 'cors-not-allowed',
    what: '@fastify/cors origin list without the lab page',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(F, '/items'));
    },
    expect: [refusal('/items', -1, 'cors.missing_allow_origin', 'no ACAO; Chromium blocks')],
  },
  {
    id: 'bearer-missing',
    what: 'a route that wants a bearer token, none sent',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/account'))),
    expect: [refusal('/account', 401, 'auth.missing', '"Missing bearer token", nothing sent')],
  },
  {
    id: 'role-forbidden',
    what: 'the same route with a token lacking the role',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(F, '/account'), { headers: { authorization: 'Bearer lab-user-token' } })),
    expect: [refusal('/account', 403, 'permission.denied', '"Insufficient role: admin required"')],
  },
  {
    id: 'lookalike-400-schema',
    what: 'schema validation 400 (FST_ERR_VALIDATION)',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(F, '/items'), { data: { title: 'x' } })),
    expect: [quiet('/items', 400, 'body must have required property name')],
  },
];

const gql = (query: string) => ({ query });

export const APOLLO_SCENARIOS: Scenario[] = [
  {
    id: 'csrf-prevention-get',
    what: 'a GET query without Content-Type or apollo-require-preflight: CSRF prevention answers 400',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(G, '/?query=%7Bhello%7D'))),
    expect: [
      refusal(
        '/?query',
        400,
        'csrf.invalid',
        '"This operation has been blocked as a potential Cross-Site Request Forgery (CSRF)"',
      ),
    ],
  },
  {
    id: 'csrf-prevention-form',
    what: 'a text/plain POST (a simple request, as a cross-site form would send)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(G, '/'), {
        headers: { 'content-type': 'text/plain' },
        data: JSON.stringify(gql('{ hello }')),
      })),
    expect: [refusal('127.0.0.1', 400, 'csrf.invalid', 'CSRF prevention: simple request refused', [], 'POST')],
  },
  {
    id: 'unauthenticated',
    what: 'a resolver throws UNAUTHENTICATED (HTTP 200)',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(G, '/'), { data: gql('{ me }') })),
    expect: [
      refusal('127.0.0.1', 200, 'auth.missing', 'errors[].extensions.code UNAUTHENTICATED, no token sent', [], 'POST'),
    ],
  },
  {
    id: 'forbidden',
    what: 'a resolver throws FORBIDDEN for a token without the role',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(G, '/'), { data: gql('{ me }'), headers: { authorization: 'Bearer lab-user' } })),
    expect: [refusal('127.0.0.1', 200, 'permission.denied', 'errors[].extensions.code FORBIDDEN', [], 'POST')],
  },
  {
    id: 'lookalike-validation',
    what: 'a query naming an unknown field: 400 GRAPHQL_VALIDATION_FAILED',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(G, '/'), { data: gql('{ nope }') })),
    expect: [quiet('127.0.0.1', 400, 'validation error, not a refusal', 'POST')],
  },
];
