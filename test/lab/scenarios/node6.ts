// The sixth Node set (issue 17): Node server software the lab had never run, unmodified from npm, each configured
// as its own documentation shows: json-server with json-server-auth's guarded routes (conf/json-server-auth.mjs);
// routing-controllers on Express with its authorization checker and HttpErrors (conf/routing-controllers.mjs);
// express-openapi-validator's security handlers (conf/openapi-validator.mjs); Egg.js with egg-security's CSRF
// defence and egg-jwt (conf/egg.mjs, conf/egg/). The labels were written before the engine read any of these
// recordings.
import type { Scenario } from '../types';
import { appPage, basic, hs256, quiet, refusal } from './helpers';

const JS = 'json-server-auth';
const RC = 'routing-controllers';
const OA = 'openapi-validator';
const EG = 'egg';
const now = () => Math.floor(Date.now() / 1000);
const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** json-server-auth signs with its built-in secret (dist/constants.js JWT_SECRET_KEY), subject = the user id. */
const JSA_SECRET = 'json-server-auth-123456';
const jsaToken = (sub: string, exp = now() + 3600) =>
  hs256({ email: 'ada@lab.test', iat: now() - 60, exp, sub }, JSA_SECRET);

export const JSON_SERVER_AUTH_SCENARIOS: Scenario[] = [
  {
    id: 'write-none',
    what: 'a 664 route (logged in to write): POST /posts with nothing sent, 401 "Missing authorization header"',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(JS, '/posts'), { headers: json, data: { title: 'x' } })),
    expect: [refusal('/posts', 401, 'auth.missing', 'loggedOnly: no Authorization header', [], 'POST')],
  },
  {
    id: 'wrong-scheme',
    what: 'the same POST with a valid token under `JWT`: 401 "Incorrect authorization scheme"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(JS, '/posts'), {
        headers: { ...json, authorization: `JWT ${jsaToken('1')}` },
        data: { title: 'x', userId: 1 },
      })),
    expect: [refusal('/posts', 401, 'auth.malformed', 'loggedOnly reads `Bearer` only', [], 'POST')],
  },
  {
    id: 'token-expired',
    what: 'a token whose exp is past: 401 "jwt expired" (jsonwebtoken\'s message)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(JS, '/posts'), {
        headers: { ...json, ...bearer(jsaToken('1', now() - 600)) },
        data: { title: 'x', userId: 1 },
      })),
    expect: [refusal('/posts', 401, 'auth.token_expired', 'the JWT expired', [], 'POST')],
  },
  {
    id: 'token-other-secret',
    what: 'a token signed with another secret: 401 "invalid signature"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(JS, '/posts'), {
        headers: { ...json, ...bearer(hs256({ sub: '1', exp: now() + 3600 }, 'not-the-secret')) },
        data: { title: 'x', userId: 1 },
      })),
    expect: [refusal('/posts', 401, 'auth.invalid', 'the signature does not verify', ['signature.mismatch'], 'POST')],
  },
  {
    id: 'private-not-owner',
    what: 'a 600 route (owner only): GET /notes/1 of user 2 with user 1\'s token, 403 "Private resource access: …"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(JS, '/notes/1'), { headers: bearer(jsaToken('1')) })),
    expect: [refusal('/notes/1', 403, 'permission.denied', 'a valid user who does not own the note')],
  },
  {
    id: 'read-only',
    what: 'a 444 route (read only): POST /settings with a valid token, 403 "Read only"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(JS, '/settings'), {
        headers: { ...json, ...bearer(jsaToken('1')) },
        data: { theme: 'light' },
      })),
    expect: [refusal('/settings', 403, 'permission.denied', 'nobody may write a 444 resource', [], 'POST')],
  },
  {
    id: 'login-wrong-password',
    what: 'POST /register (201), then POST /login with another password: 400 "Incorrect password"',
    via: 'api',
    run: async (t) => {
      await t.api.post(t.url(JS, '/register'), {
        headers: json,
        data: { email: 'ada@lab.test', password: 'lab-pass-1' },
      });
      await t.api.post(t.url(JS, '/login'), { headers: json, data: { email: 'ada@lab.test', password: 'wrong-pass' } });
    },
    expect: [
      quiet('/register', 201, 'a sign-up that worked', 'POST'),
      refusal('/login', 400, 'auth.invalid', 'the sign-in refused: wrong password', [], 'POST'),
    ],
  },
  {
    id: 'login-unknown-user',
    what: 'POST /login for an e-mail never registered: 400 "Cannot find user"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(JS, '/login'), {
        headers: json,
        data: { email: 'nobody@lab.test', password: 'lab-pass-1' },
      })),
    expect: [refusal('/login', 400, 'auth.invalid', 'the sign-in refused: no such user', [], 'POST')],
  },
  {
    id: 'register-short-password',
    what: 'look-alike: POST /register with a 3-character password, 400 "Password is too short"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(JS, '/register'), {
        headers: json,
        data: { email: 'bo@lab.test', password: 'abc' },
      })),
    expect: [quiet('/register', 400, 'a sign-up form validation error, not a refusal', 'POST')],
  },
  {
    id: 'not-found',
    what: "look-alike: GET /posts/99 (a 664 route's read is open): json-server's 404 `{}`",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(JS, '/posts/99'))),
    expect: [quiet('/posts/99', 404, 'no such record')],
  },
];

/** routing-controllers' app signs its JWTs with this secret (conf/routing-controllers.mjs). */
const RC_SECRET = 'lab-rc-secret';

export const ROUTING_CONTROLLERS_SCENARIOS: Scenario[] = [
  {
    id: 'authorized-none',
    what: '@Authorized(), nothing sent: 401 AuthorizationRequiredError "Authorization is required for request on GET /api/me"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(RC, '/api/me'))),
    expect: [refusal('/api/me', 401, 'auth.missing', 'no Authorization header')],
  },
  {
    id: 'authorized-unknown-token',
    what: '@Authorized() with a token the checker does not know: the same 401',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(RC, '/api/me'), { headers: bearer('lab-rc-revoked') })),
    expect: [refusal('/api/me', 401, 'auth.invalid', 'a Bearer token was sent and refused', [])],
  },
  {
    id: 'role-member',
    what: "@Authorized('admin') to a member's token: 403 AccessDeniedError \"Access is denied for request on DELETE /api/users/7\"",
    via: 'api',
    run: async (t) => void (await t.api.delete(t.url(RC, '/api/users/7'), { headers: bearer('lab-rc-member') })),
    expect: [refusal('/api/users/7', 403, 'permission.denied', 'a known user without the admin role', [], 'DELETE')],
  },
  {
    id: 'role-none',
    what: "@Authorized('admin') with nothing sent: the same 403 AccessDeniedError",
    via: 'api',
    run: async (t) => void (await t.api.delete(t.url(RC, '/api/users/7'))),
    expect: [
      refusal(
        '/api/users/7',
        403,
        'auth.missing',
        'the checker returned false because no user came; routing-controllers answers 403 for any role check',
        ['permission.denied'],
        'DELETE',
      ),
    ],
  },
  {
    id: 'current-user-expired',
    what: '@CurrentUser({ required: true }) with an expired JWT: 401 AuthorizationRequiredError',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(RC, '/api/profile'), {
        headers: bearer(hs256({ sub: 1, roles: ['member'], exp: now() - 600 }, RC_SECRET)),
      })),
    expect: [
      refusal('/api/profile', 401, 'auth.token_expired', "the JWT's exp is past; the checker found no user", [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'forbidden-error',
    what: 'ForbiddenError("Only the owner of project 4 can archive it") to a member',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(RC, '/api/projects/4/archive'), { headers: bearer('lab-rc-member') })),
    expect: [
      refusal('/archive', 403, 'permission.denied', 'a signed-in user who does not own the project', [], 'POST'),
    ],
  },
  {
    id: 'http-429',
    what: 'HttpError(429, "Too many exports, try again in a minute") on the third export (the first quiet)',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++)
        await t.api.get(t.url(RC, `/api/export?n=${i}`), { headers: bearer('lab-rc-member') });
    },
    expect: [
      quiet('/api/export?n=0', 200, 'the first export passes'),
      refusal('/api/export?n=2', 429, 'rate_limit.exceeded', 'the app throttles exports'),
    ],
  },
  {
    id: 'validation-400',
    what: 'look-alike: @Body() with class-validator, a short password: 400 BadRequestError "Invalid body, check \'errors\' …"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(RC, '/api/signup'), {
        headers: json,
        data: { email: 'ada@lab.test', password: 'short' },
      })),
    expect: [quiet('/api/signup', 400, 'a validation error naming the password field', 'POST')],
  },
  {
    id: 'not-found',
    what: 'look-alike: NotFoundError("Order 99 was not found")',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(RC, '/api/orders/99'))),
    expect: [quiet('/api/orders/99', 404, 'no such order')],
  },
  {
    id: 'server-error',
    what: "look-alike: an unhandled Error (500 with routing-controllers' development stack)",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(RC, '/api/report'))),
    expect: [quiet('/api/report', 500, 'a server fault')],
  },
];

/** express-openapi-validator's app verifies HS256 JWTs signed with this secret (conf/openapi-validator.mjs). */
const OA_SECRET = 'lab-oav-secret';
const oaToken = (scope: string, exp = now() + 3600) => hs256({ sub: 'ada', scope, exp }, OA_SECRET);

export const OPENAPI_VALIDATOR_SCENARIOS: Scenario[] = [
  {
    id: 'api-key-missing',
    what: 'an apiKey scheme in the X-API-Key header, nothing sent: 401 "\'X-API-Key\' header required"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(OA, '/v1/pets'))),
    expect: [refusal('/v1/pets', 401, 'api_key.missing', 'no X-API-Key header')],
  },
  {
    id: 'api-key-wrong',
    what: 'the security handler returns false for an unknown key: 401 "unauthorized"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(OA, '/v1/pets'), { headers: { 'x-api-key': 'lab-oav-revoked' } })),
    expect: [refusal('/v1/pets', 401, 'api_key.invalid', 'the key was sent and refused', ['auth.invalid'])],
  },
  {
    id: 'query-key-missing',
    what: 'an apiKey scheme in the api_key query parameter, not sent: 401 "query parameter \'api_key\' required"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(OA, '/v1/feed'))),
    expect: [refusal('/v1/feed', 401, 'api_key.missing', 'no api_key parameter')],
  },
  {
    id: 'bearer-missing',
    what: 'an http bearer scheme, nothing sent: 401 "Authorization header required"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(OA, '/v1/orders'))),
    expect: [refusal('/v1/orders', 401, 'auth.missing', 'no Authorization header')],
  },
  {
    id: 'bearer-basic-scheme',
    what: 'Basic credentials to the bearer scheme: 401 "Authorization header with scheme \'Bearer\' required"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(OA, '/v1/orders'), { headers: { authorization: basic('ada', 'pw') } })),
    expect: [refusal('/v1/orders', 401, 'auth.malformed', 'the operation reads Bearer only')],
  },
  {
    id: 'bearer-expired',
    what: 'the handler throws { status: 401, message: "jwt expired" } for a JWT whose exp is past',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(OA, '/v1/orders'), { headers: bearer(oaToken('orders:read', now() - 600)) })),
    expect: [refusal('/v1/orders', 401, 'auth.token_expired', 'the JWT expired')],
  },
  {
    id: 'bearer-other-secret',
    what: 'the handler throws { status: 401, message: "invalid signature" } for a JWT signed with another secret',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(OA, '/v1/orders'), {
        headers: bearer(hs256({ sub: 'ada', scope: 'orders:read', exp: now() + 3600 }, 'not-the-secret')),
      })),
    expect: [refusal('/v1/orders', 401, 'auth.invalid', 'the signature does not verify', ['signature.mismatch'])],
  },
  {
    id: 'bearer-scope',
    what: 'POST /v1/orders needs orders:write; a token with orders:read: 403 "insufficient scope: orders:write required"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(OA, '/v1/orders'), {
        headers: { ...json, ...bearer(oaToken('orders:read')) },
        data: {},
      })),
    expect: [
      refusal(
        '/v1/orders',
        403,
        'permission.insufficient_scope',
        'the token lacks the scope',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'request-validation',
    what: 'look-alike: a body against the schema, 400 "request/body/password must NOT have fewer than 10 characters"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(OA, '/v1/users'), {
        headers: json,
        data: { email: 'ada@lab.test', password: 'short' },
      })),
    expect: [quiet('/v1/users', 400, 'a schema validation error naming the password field', 'POST')],
  },
  {
    id: 'not-found',
    what: 'look-alike: a path the document does not have, 404 "not found"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(OA, '/v1/invoices'))),
    expect: [quiet('/v1/invoices', 404, 'no such operation')],
  },
  {
    id: 'method-not-allowed',
    what: 'look-alike: PUT on a path with POST only, 405 "PUT method not allowed"',
    via: 'api',
    run: async (t) => void (await t.api.put(t.url(OA, '/v1/users'), { headers: json, data: {} })),
    expect: [quiet('/v1/users', 405, 'a method the document does not define', 'PUT')],
  },
];

/** Egg's egg-jwt secret (conf/egg/config/config.default.js). */
const EGG_SECRET = 'lab-egg-secret';
const eggToken = (role: string, exp = now() + 3600) => hs256({ sub: 'ada', role, iat: now() - 60, exp }, EGG_SECRET);
const acceptJson = { accept: 'application/json' };

/** A form POSTed from the lab's page to another origin (a cross-site form, as CSRF would send it). */
const submitForm = (action: string, fields: Record<string, string>): string =>
  `(() => { const f = document.createElement('form'); f.method = 'post'; f.action = ${JSON.stringify(action)};
    for (const [k, v] of Object.entries(${JSON.stringify(fields)})) { const i = document.createElement('input'); i.name = k; i.value = v; f.append(i); }
    document.body.append(f); f.submit(); })()`;

export const EGG_SCENARIOS: Scenario[] = [
  {
    id: 'csrf-missing',
    what: 'egg-security CSRF (type ctoken): a JSON POST with no csrfToken cookie, 403 "missing csrf token"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(EG, '/posts'), { headers: { ...json, ...acceptJson }, data: { title: 'x' } })),
    expect: [refusal('/posts', 403, 'csrf.invalid', 'no CSRF secret cookie, no token', [], 'POST')],
  },
  {
    id: 'csrf-wrong',
    what: 'GET /form (sets csrfToken), then a POST whose x-csrf-token is another value: 403 "invalid csrf token"',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(EG, '/form'));
      await t.api.post(t.url(EG, '/posts'), {
        headers: { ...json, ...acceptJson, 'x-csrf-token': 'not-the-token' },
        data: { title: 'x' },
      });
    },
    expect: [refusal('/posts', 403, 'csrf.invalid', 'the token does not match the secret cookie', [], 'POST')],
  },
  {
    id: 'csrf-cross-site-form',
    what: 'the lab page\'s form POSTed to Egg: 403 with egg-onerror\'s development HTML page ("missing csrf token")',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await Promise.all([
        t.page.waitForURL(/\/posts/).catch(() => undefined),
        t.page.evaluate(submitForm(t.url(EG, '/posts'), { title: 'x' })),
      ]);
    },
    expect: [refusal('/posts', 403, 'csrf.invalid', 'a cross-site form POST without the CSRF token', [], 'POST')],
  },
  {
    id: 'csrf-passing',
    what: "look-alike: GET /form, then the POST with the cookie's token in x-csrf-token: 201",
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(EG, '/form'));
      const state = await t.api.storageState();
      const token = state.cookies.find((c) => c.name === 'csrfToken')?.value ?? '';
      await t.api.post(t.url(EG, '/posts'), {
        headers: { ...json, ...acceptJson, 'x-csrf-token': token },
        data: { title: 'x' },
      });
    },
    expect: [quiet('/posts', 201, 'the token matches', 'POST')],
  },
  {
    id: 'jwt-none',
    what: 'egg-jwt on a route, nothing sent: 401 {"code":"credentials_required","message":"No authorization token was found"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(EG, '/api/me'), { headers: acceptJson })),
    expect: [refusal('/api/me', 401, 'auth.missing', 'no Authorization header')],
  },
  {
    id: 'jwt-expired',
    what: 'an expired JWT: 401 "jwt expired"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(EG, '/api/me'), {
        headers: { ...acceptJson, ...bearer(eggToken('member', now() - 600)) },
      })),
    expect: [refusal('/api/me', 401, 'auth.token_expired', 'the JWT expired')],
  },
  {
    id: 'jwt-other-secret',
    what: 'a JWT signed with another secret: 401 "invalid signature"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(EG, '/api/me'), {
        headers: { ...acceptJson, ...bearer(hs256({ sub: 'ada', exp: now() + 3600 }, 'not-the-secret')) },
      })),
    expect: [refusal('/api/me', 401, 'auth.invalid', 'the signature does not verify', ['signature.mismatch'])],
  },
  {
    id: 'jwt-wrong-scheme',
    what: 'a valid JWT under `Token`: 401 {"code":"credentials_bad_scheme","message":"Format is Authorization: Bearer [token]"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(EG, '/api/me'), {
        headers: { ...acceptJson, authorization: `Token ${eggToken('member')}` },
      })),
    expect: [refusal('/api/me', 401, 'auth.malformed', 'koa-jwt2 reads Bearer only')],
  },
  {
    id: 'admins-only',
    what: "ctx.throw(403, 'Admins only') to a member's valid JWT (the DELETE carries the CSRF token, as egg-security asks)",
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(EG, '/form'));
      const state = await t.api.storageState();
      const token = state.cookies.find((c) => c.name === 'csrfToken')?.value ?? '';
      await t.api.delete(t.url(EG, '/api/users/7'), {
        headers: { ...acceptJson, ...bearer(eggToken('member')), 'x-csrf-token': token },
      });
    },
    expect: [refusal('/api/users/7', 403, 'permission.denied', 'a signed-in member, not an admin', [], 'DELETE')],
  },
  {
    // The first recording of `admins-only` sent no CSRF token and egg-security refused it before the route ran:
    // kept as its own scenario (labelled after that recording was read: its body says "missing csrf token").
    id: 'jwt-delete-no-csrf',
    what: 'the same DELETE with a valid JWT and no CSRF token: egg-security answers first, 403 "missing csrf token"',
    via: 'api',
    run: async (t) =>
      void (await t.api.delete(t.url(EG, '/api/users/7'), {
        headers: { ...acceptJson, ...bearer(eggToken('member')) },
      })),
    expect: [
      refusal(
        '/api/users/7',
        403,
        'csrf.invalid',
        'egg-security checks CSRF on every unsafe method, an API call with a JWT too',
        [],
        'DELETE',
      ),
    ],
  },
  {
    id: 'throw-429',
    what: "ctx.throw(429, 'Too many exports, try again later') on the third export (the first quiet)",
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++)
        await t.api.get(t.url(EG, `/api/export?n=${i}`), { headers: { ...acceptJson, ...bearer(eggToken('member')) } });
    },
    expect: [
      quiet('/api/export?n=0', 200, 'the first export passes'),
      refusal('/api/export?n=2', 429, 'rate_limit.exceeded', 'the app throttles exports'),
    ],
  },
  {
    id: 'validation-422',
    what: "look-alike: ctx.throw(422, 'Validation Failed', { errors }) naming the password (egg-validate's shape)",
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(EG, '/form'));
      const state = await t.api.storageState();
      const token = state.cookies.find((c) => c.name === 'csrfToken')?.value ?? '';
      await t.api.post(t.url(EG, '/api/signup'), {
        headers: { ...json, ...acceptJson, 'x-csrf-token': token },
        data: { email: 'ada@lab.test', password: 'short' },
      });
    },
    expect: [quiet('/api/signup', 422, 'a validation error naming the password field', 'POST')],
  },
  {
    id: 'not-found',
    what: 'look-alike: a route Egg does not have, 404 {"message":"Not Found"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(EG, '/api/invoices'), { headers: acceptJson })),
    expect: [quiet('/api/invoices', 404, 'no such route')],
  },
  {
    id: 'server-error',
    what: 'look-alike: an unhandled Error, 500 from egg-onerror',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(EG, '/api/report'), { headers: acceptJson })),
    expect: [quiet('/api/report', 500, 'a server fault')],
  },
];
