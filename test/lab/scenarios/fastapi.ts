// FastAPI 0.92 / Starlette 0.26 under uvicorn, from Debian (the third set, issue 17): FastAPI's security
// dependencies (HTTPBearer, OAuth2PasswordBearer with scopes, HTTPBasic, APIKeyHeader), a dependency raising
// HTTPException(403), Starlette's CORSMiddleware and TrustedHostMiddleware, written as FastAPI's tutorial writes
// them (https://fastapi.tiangolo.com/tutorial/security/). The site: conf/fastapi/app.py.
import type { Scenario } from '../types';
import { appPage, basic, quiet, refusal } from './helpers';

const A = 'fastapi';
const reader = { authorization: 'Bearer lab-token-reader' };

export const FASTAPI_SCENARIOS: Scenario[] = [
  {
    id: 'bearer-none',
    what: 'HTTPBearer() with no Authorization: 403 {"detail":"Not authenticated"} (FastAPI 0.92; no challenge)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/bearer/me'))),
    expect: [refusal('/bearer/me', 403, 'auth.missing', '403 "Not authenticated" to a call without credentials')],
  },
  {
    id: 'bearer-wrong-scheme',
    what: 'HTTPBearer(), the token sent as "Token …": 403 {"detail":"Invalid authentication credentials"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(A, '/bearer/me'), { headers: { authorization: 'Token lab-token-reader' } })),
    expect: [
      refusal(
        '/bearer/me',
        403,
        'auth.malformed',
        'HTTPBearer refuses any scheme but Bearer before reading the token',
        ['auth.invalid'],
      ),
    ],
  },
  {
    id: 'bearer-unknown-token',
    what: 'HTTPBearer(), a token the app does not know: its own 401 {"detail":"Invalid or expired token"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(A, '/bearer/me'), { headers: { authorization: 'Bearer lab-token-0000' } })),
    expect: [refusal('/bearer/me', 401, 'auth.invalid', 'a Bearer token sent and refused', ['auth.token_expired'])],
  },
  {
    id: 'oauth2-none',
    what: 'OAuth2PasswordBearer, nothing sent: 401 {"detail":"Not authenticated"}, WWW-Authenticate: Bearer',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/oauth/items'))),
    expect: [refusal('/oauth/items', 401, 'auth.missing', 'Bearer challenge, no Authorization sent')],
  },
  {
    id: 'oauth2-invalid',
    what: 'OAuth2PasswordBearer, an unknown token: the tutorial\'s 401 "Could not validate credentials"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(A, '/oauth/items'), { headers: { authorization: 'Bearer not-a-lab-token' } })),
    expect: [
      refusal(
        '/oauth/items',
        401,
        'auth.invalid',
        '"Could not validate credentials", WWW-Authenticate: Bearer scope=…',
      ),
    ],
  },
  {
    id: 'oauth2-scope',
    what: 'Security scopes: a reader token POSTs to an items:write route: 401 "Not enough permissions"',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(A, '/oauth/items'), { headers: reader, data: { name: 'x' } })),
    expect: [
      refusal(
        '/oauth/items',
        401,
        'permission.insufficient_scope',
        'the tutorial\'s 401 "Not enough permissions" with WWW-Authenticate: Bearer scope="items:write"',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'dependency-403',
    what: 'a dependency that raises HTTPException(403, "Not enough privileges") for a known token',
    via: 'api',
    run: async (t) => void (await t.api.delete(t.url(A, '/admin/items/3'), { headers: reader })),
    expect: [refusal('/admin/items/', 403, 'permission.denied', '{"detail":"Not enough privileges"} to a valid token')],
  },
  {
    id: 'basic-none',
    what: 'HTTPBasic, nothing sent: 401 {"detail":"Not authenticated"}, WWW-Authenticate: Basic',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/basic/report'))),
    expect: [refusal('/basic/report', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'HTTPBasic, a wrong password: the tutorial\'s 401 "Incorrect email or password"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(A, '/basic/report'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/basic/report', 401, 'auth.invalid', 'Basic credentials sent, refused in words')],
  },
  {
    id: 'api-key-none',
    what: 'APIKeyHeader(name="X-API-Key"), no key: 403 {"detail":"Not authenticated"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/partner/orders'))),
    expect: [refusal('/partner/orders', 403, 'api_key.missing', 'no key sent', ['auth.missing'])],
  },
  {
    id: 'api-key-wrong',
    what: 'APIKeyHeader, a wrong key: the app\'s 403 {"detail":"Could not validate API key"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/partner/orders'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/partner/orders', 403, 'api_key.invalid', 'an X-API-Key sent and refused in words')],
  },
  {
    id: 'token-login-wrong',
    what: 'the OAuth2 password flow\'s /token with a wrong password: 400 "Incorrect username or password"',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(A, '/token'), { form: { username: 'lab', password: 'wrong' } })),
    expect: [refusal('/token', 400, 'auth.invalid', 'a login refused in words', [], 'POST')],
  },
  {
    id: 'lookalike-token-login',
    what: 'the password flow signs in and the token reads the items',
    via: 'api',
    run: async (t) => {
      const r = await t.api.post(t.url(A, '/token'), { form: { username: 'lab', password: 'labpass' } });
      const { access_token: tok } = (await r.json()) as { access_token: string };
      await t.api.get(t.url(A, '/oauth/items'), { headers: { authorization: `Bearer ${tok}` } });
    },
    expect: [quiet('/token', 200, 'a successful login', 'POST'), quiet('/oauth/items', 200, 'the token is accepted')],
  },
  // DevTools' getHAR is the writer here: Playwright's HAR leaves out the preflight, and with it the whole reason.
  {
    id: 'cors-method-refused',
    what: 'CORSMiddleware allows the lab page for GET and POST: a JSON POST passes, a DELETE is refused at preflight',
    via: 'devtools',
    run: async (t) => {
      await t.fetchInPage(t.url(A, '/signup'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'lab3', password: 'long-enough-1' }),
      });
      await t.fetchInPage(t.url(A, '/items/1'), { method: 'DELETE' });
    },
    expect: [
      quiet('/signup', 200, 'a successful preflight', 'OPTIONS'),
      quiet('/signup', 201, 'the POST behind it, created', 'POST'),
      refusal(
        '/items/1',
        400,
        'cors.method_not_allowed',
        'preflight 400 "Disallowed CORS method", Access-Control-Allow-Methods GET, POST',
        ['cors.preflight_invalid_status'],
        'OPTIONS',
      ),
      refusal(
        '/items/1',
        0,
        'cors.method_not_allowed',
        'the DELETE behind it, blocked',
        ['cors.preflight_invalid_status'],
        'DELETE',
      ),
    ],
  },
  {
    id: 'cors-header-refused',
    what: 'CORSMiddleware allows Content-Type only; the lab page sends X-API-Key',
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(A, '/partner/orders'), { headers: { 'x-api-key': 'lab-key-3c9d' } })),
    expect: [
      refusal(
        '/partner/orders',
        400,
        'cors.header_not_allowed',
        'preflight 400 "Disallowed CORS headers"',
        ['cors.preflight_invalid_status'],
        'OPTIONS',
      ),
      refusal(
        '/partner/orders',
        0,
        'cors.header_not_allowed',
        'the GET behind it, blocked',
        ['cors.preflight_invalid_status'],
        'GET',
      ),
    ],
  },
  {
    id: 'cors-origin-refused',
    what: 'the same lab page served as http://localhost (another origin, not allowed) fetches an item',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app).replace('127.0.0.1', 'localhost'));
      await t.fetchInPage(t.url(A, '/items/1'));
    },
    expect: [
      refusal(
        '/items/1',
        undefined,
        'cors.missing_allow_origin',
        'Starlette sends no ACAO to an origin it does not allow',
        ['cors.allow_origin_mismatch'],
      ),
    ],
  },
  {
    id: 'lookalike-trusted-host',
    what: 'TrustedHostMiddleware on the internal sub-app: 400 "Invalid host header" for 127.0.0.1',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/internal/health'))),
    expect: [
      quiet(
        '/internal/health',
        400,
        "a Host the app does not serve (as Django's DisallowedHost, test/lab/scenarios/django.ts): no refusal of the caller",
      ),
    ],
  },
  {
    id: 'lookalike-validation-password',
    what: 'a signup whose password is too short: 422 with detail[].loc ["body","password"]',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(A, '/signup'), { data: { username: 'lab2', password: 'x' } })),
    expect: [quiet('/signup', 422, 'a validation error naming the password field', 'POST')],
  },
  {
    id: 'lookalike-404',
    what: 'HTTPException(404, "Item not found")',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/items/2'))),
    expect: [quiet('/items/2', 404, 'not found')],
  },
];
