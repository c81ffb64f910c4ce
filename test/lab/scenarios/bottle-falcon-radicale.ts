// The fourth set (issue 17), Python servers from Debian the lab had not run: Bottle 0.12 (conf/bottle/app.py),
// Falcon 3.1 (conf/falcon/app.py, on wsgiref) and Radicale 3.1 (conf/radicale/config). Every refusal is the
// program's own default answer.
import type { Scenario } from '../types';
import { appPage, basic, quiet, refusal } from './helpers';

const B = 'bottle';
const F = 'falcon';
const R = 'radicale';
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

export const BOTTLE_SCENARIOS: Scenario[] = [
  {
    id: 'auth-basic-none',
    what: 'the auth_basic decorator, nothing sent: 401 "Access denied", Basic realm="private"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(B, '/reports'))),
    expect: [refusal('/reports', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'auth-basic-wrong',
    what: 'auth_basic, a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(B, '/reports'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/reports', 401, 'auth.invalid', 'Basic credentials sent and challenged again')],
  },
  {
    id: 'lookalike-auth-basic-ok',
    what: 'auth_basic, the right password: 200',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(B, '/reports'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [quiet('/reports', 200, 'signed in')],
  },
  {
    id: 'abort-403',
    what: 'abort(403, "Administrators only.") to a user who passed auth_basic',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(B, '/admin'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [
      refusal('/admin', 403, 'permission.denied', 'Bottle\'s error page "Administrators only." to a Basic caller'),
    ],
  },
  {
    id: 'api-key-missing',
    what: 'abort(401, "API key required.") when X-API-Key is absent (no challenge)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(B, '/api/orders'))),
    expect: [refusal('/api/orders', 401, 'api_key.missing', '401 page "API key required.", no key sent')],
  },
  {
    id: 'api-key-wrong',
    what: 'abort(403, "Invalid API key.") to a key it does not know',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(B, '/api/orders'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/api/orders', 403, 'api_key.invalid', '403 page "Invalid API key." to the X-API-Key sent')],
  },
  {
    id: 'lookalike-validation-400',
    what: 'a 400 naming the password on a sign-up',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(B, '/api/signup'), { data: { username: 'lab4', password: 'short' } })),
    expect: [quiet('/api/signup', 400, 'a validation error naming the password field of a sign-up')],
  },
  {
    id: 'lookalike-500',
    what: "an unhandled exception: Bottle's 500 page",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(B, '/api/crash'))),
    expect: [quiet('/api/crash', 500, 'a server error, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: "no such route: Bottle's 404 page",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(B, '/nothing-here'))),
    expect: [quiet('/nothing-here', 404, 'not found')],
  },
];

export const FALCON_SCENARIOS: Scenario[] = [
  {
    id: 'unauthorized-none',
    what: 'HTTPUnauthorized(challenges=[Bearer]), nothing sent: "Please provide an auth token as part of the request."',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/api/me'))),
    expect: [refusal('/api/me', 401, 'auth.missing', 'Bearer challenge, no Authorization sent')],
  },
  {
    id: 'unauthorized-invalid',
    what: 'HTTPUnauthorized, Bearer error="invalid_token", to an unknown token',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/api/me'), bearer('lab-token-0000'))),
    expect: [refusal('/api/me', 401, 'auth.invalid', '"The provided auth token is not valid" to the token sent')],
  },
  {
    id: 'unauthorized-wrong-scheme',
    what: 'the valid token sent as "Token …": the same invalid-token answer',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(F, '/api/me'), { headers: { authorization: 'Token lab-token-7f3a' } })),
    expect: [
      refusal('/api/me', 401, 'auth.malformed', 'the challenge names Bearer; the client sent scheme Token', [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'forbidden',
    what: 'HTTPForbidden "This token may not read billing data." to a valid token',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/api/billing'), bearer('lab-token-7f3a'))),
    expect: [
      refusal('/api/billing', 403, 'permission.denied', "Falcon's JSON 403 to a Bearer caller", [
        'permission.insufficient_scope',
      ]),
    ],
  },
  {
    id: 'too-many-requests',
    what: 'HTTPTooManyRequests(retry_after=60) on the second export',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(F, '/export'));
      await t.api.get(t.url(F, '/export'));
    },
    expect: [
      quiet('/export', 200, 'the first export, started'),
      refusal('/export', 429, 'rate_limit.exceeded', '429 "Too many exports", Retry-After: 60'),
    ],
  },
  {
    id: 'missing-api-key-header',
    what: 'req.get_header("X-API-Key", required=True): 400 "Missing header value", "The "X-API-Key" header is required."',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/partner/orders'))),
    expect: [
      refusal(
        '/partner/orders',
        400,
        'api_key.missing',
        'the 400 names the X-API-Key header as required; none was sent',
        ['auth.missing'],
      ),
    ],
  },
  {
    id: 'api-key-wrong',
    what: 'HTTPForbidden "Invalid API key" to a key it does not know',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/partner/orders'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/partner/orders', 403, 'api_key.invalid', '403 "Invalid API key" to the X-API-Key sent')],
  },
  {
    id: 'cors-origin-refused',
    what: 'CORSMiddleware(allow_origins=http://localhost:<page port>); the lab page on 127.0.0.1 fetches the items',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(F, '/items'));
    },
    expect: [
      refusal(
        '/items',
        undefined,
        'cors.missing_allow_origin',
        "Falcon's CORSMiddleware sends no Access-Control-Allow-Origin to an origin it does not allow",
        ['cors.allow_origin_mismatch'],
      ),
    ],
  },
  {
    id: 'cors-preflight-method-refused',
    what: 'CORSMiddleware: the allowed origin (localhost) asks to DELETE a GET-only resource; 200 with Access-Control-Allow-Methods: GET',
    via: 'devtools',
    run: async (t) => {
      await t.open(appPage(t.ports.app).replace('127.0.0.1', 'localhost'));
      await t.fetchInPage(t.url(F, '/items'), { method: 'DELETE' });
    },
    expect: [
      refusal('/items', 200, 'cors.method_not_allowed', 'the preflight succeeds but allows only GET', [], 'OPTIONS'),
      refusal('/items', 0, 'cors.method_not_allowed', 'the DELETE behind it, blocked', [], 'DELETE'),
    ],
  },
  {
    id: 'lookalike-cors-allowed',
    what: 'the lab page served as localhost (the allowed origin) fetches the items',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app).replace('127.0.0.1', 'localhost'));
      await t.fetchInPage(t.url(F, '/items'));
    },
    expect: [quiet('/items', 200, 'allowed origin: the browser delivers it')],
  },
  {
    id: 'lookalike-validation-400',
    what: 'HTTPBadRequest "Invalid password" on a sign-up',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(F, '/signup'), { data: { username: 'lab4', password: 'short' } })),
    expect: [quiet('/signup', 400, 'a validation error naming the password field of a sign-up')],
  },
  {
    id: 'lookalike-503-maintenance',
    what: 'HTTPServiceUnavailable "Maintenance" with Retry-After to a signed-in caller',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/api/maintenance'), bearer('lab-token-7f3a'))),
    expect: [quiet('/api/maintenance', 503, 'the service is down for maintenance, not refusing this caller')],
  },
  {
    id: 'lookalike-404',
    what: 'no such route: Falcon\'s {"title": "404 Not Found"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/nothing-here'))),
    expect: [quiet('/nothing-here', 404, 'not found')],
  },
];

const propfind = { method: 'PROPFIND', headers: { depth: '0' } };

export const RADICALE_SCENARIOS: Scenario[] = [
  {
    id: 'propfind-none',
    what: 'PROPFIND on a calendar home, nothing sent: 401 "Access to the requested resource forbidden.", Basic challenge',
    via: 'api',
    run: async (t) => void (await t.api.fetch(t.url(R, '/lab/'), propfind)),
    expect: [
      refusal('/lab/', 401, 'auth.missing', 'Basic realm="Radicale - Password Required", no Authorization sent'),
    ],
  },
  {
    id: 'propfind-wrong-password',
    what: 'PROPFIND with a wrong password: the same 401',
    via: 'api',
    run: async (t) =>
      void (await t.api.fetch(t.url(R, '/lab/'), {
        ...propfind,
        headers: { ...propfind.headers, authorization: basic('lab', 'wrong') },
      })),
    expect: [refusal('/lab/', 401, 'auth.invalid', 'Basic credentials sent and challenged again')],
  },
  {
    id: 'owner-only-forbidden',
    what: 'rights owner_only: user lab reads another user\'s collection: 403 "Access to the requested resource forbidden."',
    via: 'api',
    run: async (t) =>
      void (await t.api.fetch(t.url(R, '/other/'), {
        ...propfind,
        headers: { ...propfind.headers, authorization: basic('lab', 'labpass') },
      })),
    expect: [
      refusal('/other/', 403, 'permission.denied', 'a 403 to a Basic caller the server accepted (no challenge)'),
    ],
  },
  {
    id: 'lookalike-own-collection',
    what: "PROPFIND on the user's own home: 207 Multi-Status",
    via: 'api',
    run: async (t) =>
      void (await t.api.fetch(t.url(R, '/lab/'), {
        ...propfind,
        headers: { ...propfind.headers, authorization: basic('lab', 'labpass') },
      })),
    expect: [quiet('/lab/', 207, 'the own collection, read')],
  },
  {
    id: 'lookalike-404',
    what: 'GET of an event that does not exist in the own calendar home',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(R, '/lab/missing.ics'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [quiet('/lab/missing.ics', 404, 'not found')],
  },
];
