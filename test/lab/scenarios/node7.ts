// The seventh Node set (issue 17): Node server software the lab had never run, unmodified from npm, each configured
// as its own documentation shows: Sails.js with the Web App template's policies and `unauthorized` response, its
// CSRF and CORS security config (conf/sails/); Auth.js (@auth/express) with the Credentials provider, its own CSRF
// check and the README's route guards (conf/authjs.mjs); Socket.IO's CORS, allowRequest and namespace middleware
// (conf/socketio.mjs); http-server, the npm static server, with --username/--password, --cors and no directory
// listings (conf/http-server/). The labels were written before the engine read any of these recordings.
import type { APIRequestContext } from 'playwright-core';
import type { Scenario } from '../types';
import { appPage, basic, quiet, refusal } from './helpers';

const SA = 'sails';
const AU = 'authjs';
const SO = 'socketio';
const HS = 'http-server';
const json = { 'content-type': 'application/json' };

/** A form POSTed from the lab's page to another origin (a cross-site form, as CSRF would send it). */
const submitForm = (action: string, fields: Record<string, string>): string =>
  `(() => { const f = document.createElement('form'); f.method = 'post'; f.action = ${JSON.stringify(action)};
    for (const [k, v] of Object.entries(${JSON.stringify(fields)})) { const i = document.createElement('input'); i.name = k; i.value = v; f.append(i); }
    document.body.append(f); f.submit(); })()`;

// ---------------------------------------------------------------------------------------------------------------
// Sails.js 1.5

/** GET /csrfToken (the security hook's grant-csrf-token action): the session's token, as sails.io.js/parasails do. */
async function sailsToken(api: APIRequestContext, url: (p: string) => string): Promise<string> {
  const r = await api.get(url('/csrfToken'));
  return ((await r.json()) as { _csrf: string })._csrf;
}

/** Signs in through the Web App template's login action (CSRF token first) and returns the session's token. */
async function sailsLogin(api: APIRequestContext, url: (p: string) => string, password: string): Promise<string> {
  const token = await sailsToken(api, url);
  await api.post(url('/api/v1/entrance/login'), {
    headers: { ...json, 'x-csrf-token': token },
    data: { emailAddress: 'member@lab.test', password },
  });
  return token;
}

export const SAILS_SCENARIOS: Scenario[] = [
  {
    id: 'policy-no-session',
    what: 'is-logged-in policy, no session: the template\'s res.unauthorized() answers a JSON client 401 "Unauthorized"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(SA, '/api/v1/account/me'))),
    expect: [refusal('/api/v1/account/me', 401, 'auth.missing', 'no session: req.me is not set')],
  },
  {
    id: 'policy-redirect-client',
    what: 'is-logged-in policy, an HTML-accepting client without a session: res.unauthorized() redirects to /login (followed)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(SA, '/account'), { headers: { accept: 'text/html' } })),
    expect: [
      refusal(
        '/account',
        302,
        'auth.missing',
        "no session: the template's unauthorized response sends browsers to the login page; a client followed it",
      ),
    ],
  },
  {
    id: 'policy-redirect-page',
    what: 'look-alike: the same page opened in the browser: 302 to /login, and the browser shows the login page',
    via: 'browser',
    run: async (t) => t.open(t.url(SA, '/account')),
    expect: [quiet('/account', 302, 'a page navigation to the sign-in page: the user sees it')],
  },
  {
    id: 'login-bad-combo',
    what: 'the login action with a wrong password: exit `badCombo` (responseType unauthorized), 401 "Unauthorized"',
    via: 'api',
    run: async (t) => void (await sailsLogin(t.api, (p) => t.url(SA, p), 'wrong-pass')),
    expect: [
      quiet('/csrfToken', 200, 'the CSRF token fetched'),
      refusal('/api/v1/entrance/login', 401, 'auth.invalid', 'the sign-in refused: wrong password', [], 'POST'),
    ],
  },
  {
    id: 'super-admin-member',
    what: 'is-super-admin policy to a signed-in member: res.forbidden(), 403 "Forbidden"',
    via: 'api',
    run: async (t) => {
      await sailsLogin(t.api, (p) => t.url(SA, p), 'lab-pass-2');
      await t.api.get(t.url(SA, '/api/v1/admin/users'));
    },
    expect: [
      quiet('/api/v1/entrance/login', 200, 'a sign-in that worked', 'POST'),
      refusal('/api/v1/admin/users', 403, 'permission.denied', 'a signed-in member who is not a super admin'),
    ],
  },
  {
    id: 'csrf-missing',
    what: 'security.csrf: a JSON POST with the session cookie but no token: 403 "Forbidden" (res.forbidden(\'CSRF mismatch\'))',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(SA, '/api/v1/public/status'));
      await t.api.post(t.url(SA, '/api/v1/notes'), { headers: json, data: { text: 'x' } });
    },
    expect: [
      refusal('/api/v1/notes', 403, 'csrf.invalid', 'an unsafe method without _csrf or X-CSRF-Token', [], 'POST'),
    ],
  },
  {
    id: 'csrf-wrong',
    what: 'GET /csrfToken, then the POST with another value in X-CSRF-Token: 403 "Forbidden"',
    via: 'api',
    run: async (t) => {
      await sailsToken(t.api, (p) => t.url(SA, p));
      await t.api.post(t.url(SA, '/api/v1/notes'), {
        headers: { ...json, 'x-csrf-token': 'h3Xq0bZC-stale-token-from-another-tab' },
        data: { text: 'x' },
      });
    },
    expect: [refusal('/api/v1/notes', 403, 'csrf.invalid', "the token is not the session's", [], 'POST')],
  },
  {
    id: 'csrf-signed-in',
    what: 'a signed-in member PUTs their profile without the token: 403 "Forbidden" (CSRF, before the policy)',
    via: 'api',
    run: async (t) => {
      await sailsLogin(t.api, (p) => t.url(SA, p), 'lab-pass-2');
      await t.api.put(t.url(SA, '/api/v1/account/profile'), { headers: json, data: { fullName: 'Bo' } });
    },
    expect: [
      refusal(
        '/api/v1/account/profile',
        403,
        'csrf.invalid',
        'the session is valid; the unsafe method carries no CSRF token',
        [],
        'PUT',
      ),
    ],
  },
  {
    id: 'csrf-cross-site-form',
    what: 'the lab page\'s form POSTed to Sails: 403 "Forbidden" (no session cookie sent cross-site, no token)',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await Promise.all([
        t.page.waitForURL(/\/api\/v1\/notes/).catch(() => undefined),
        t.page.evaluate(submitForm(t.url(SA, '/api/v1/notes'), { text: 'x' })),
      ]);
    },
    expect: [
      refusal('/api/v1/notes', 403, 'csrf.invalid', 'a cross-site form POST without the CSRF token', [], 'POST'),
    ],
  },
  {
    id: 'cors-origin-refused',
    what: "security.cors allowOrigins=[partner]: the lab page's fetch gets 200 without Access-Control-Allow-Origin",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(SA, '/api/v1/public/status'));
    },
    expect: [
      refusal(
        '/api/v1/public/status',
        undefined,
        'cors.missing_allow_origin',
        'Sails sends no CORS headers to an origin outside allowOrigins; the browser blocks the answer',
        ['cors.allow_origin_mismatch'],
      ),
    ],
  },
  {
    id: 'cors-credentials',
    what: "a route allowing the lab page without allowCredentials: the page's fetch with credentials: 'include' is blocked",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(SA, '/api/v1/public/feed'), { credentials: 'include' });
    },
    expect: [
      refusal(
        '/api/v1/public/feed',
        undefined,
        'cors.invalid_allow_credentials',
        'Access-Control-Allow-Origin names the page but Access-Control-Allow-Credentials is absent',
      ),
    ],
  },
  {
    id: 'cors-allowed',
    what: "look-alike: the same route fetched without credentials: 200 with the page's origin allowed",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(SA, '/api/v1/public/feed'));
    },
    expect: [quiet('/api/v1/public/feed', 200, 'a cross-origin read the route allows')],
  },
  {
    id: 'csrf-passing',
    what: 'look-alike: GET /csrfToken, then the POST with the token in X-CSRF-Token: 200',
    via: 'api',
    run: async (t) => {
      const token = await sailsToken(t.api, (p) => t.url(SA, p));
      await t.api.post(t.url(SA, '/api/v1/notes'), {
        headers: { ...json, 'x-csrf-token': token },
        data: { text: 'x' },
      });
    },
    expect: [quiet('/api/v1/notes', 200, 'the token matched', 'POST')],
  },
  {
    id: 'validation-error',
    what: 'look-alike: a signed-in PUT with its token but no fullName: 400 E_MISSING_OR_INVALID_PARAMS',
    via: 'api',
    run: async (t) => {
      const token = await sailsLogin(t.api, (p) => t.url(SA, p), 'lab-pass-2');
      await t.api.put(t.url(SA, '/api/v1/account/profile'), { headers: { ...json, 'x-csrf-token': token }, data: {} });
    },
    expect: [quiet('/api/v1/account/profile', 400, "actions2's input validation, not a refusal", 'PUT')],
  },
  {
    id: 'not-found',
    what: "look-alike: GET /api/v1/notes/9: the action's notFound exit, 404",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(SA, '/api/v1/notes/9'))),
    expect: [quiet('/api/v1/notes/9', 404, 'no such note')],
  },
  {
    id: 'server-error',
    what: 'look-alike: an action that throws: 500 with the stack (development)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(SA, '/api/v1/boom'))),
    expect: [quiet('/api/v1/boom', 500, 'a server error')],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Auth.js (@auth/express 0.12, @auth/core 0.41)

const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** GET /auth/csrf: the double-submit token (its cookie, authjs.csrf-token, is set on the client's jar). */
async function authCsrf(api: APIRequestContext, url: (p: string) => string): Promise<string> {
  const r = await api.get(url('/auth/csrf'));
  return ((await r.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in with the Credentials provider as Auth.js's sign-in page does; returns the CSRF token. */
async function authSignIn(
  api: APIRequestContext,
  url: (p: string) => string,
  email: string,
  password: string,
): Promise<string> {
  const csrfToken = await authCsrf(api, url);
  await api.post(url('/auth/callback/credentials'), {
    headers: form,
    form: { email, password, csrfToken, callbackUrl: url('/dashboard') },
  });
  return csrfToken;
}

export const AUTHJS_SCENARIOS: Scenario[] = [
  {
    id: 'api-no-session',
    what: 'the API guard (getSession) with no session cookie: 401 {"error":"Not authenticated"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(AU, '/api/me'))),
    expect: [refusal('/api/me', 401, 'auth.missing', 'no authjs.session-token cookie')],
  },
  {
    id: 'api-forged-session',
    what: 'the API guard with a session cookie that does not decrypt with the secret: 401 {"error":"Not authenticated"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(AU, '/api/me'), {
        headers: { cookie: 'authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.forged.session' },
      })),
    expect: [
      refusal('/api/me', 401, 'auth.invalid', 'a session cookie was sent and getSession could not read it', [
        'auth.missing',
      ]),
    ],
  },
  {
    id: 'api-member-admin',
    what: 'signed in as a member, GET /api/admin/users: 403 {"error":"Forbidden: admins only"}',
    via: 'api',
    run: async (t) => {
      await authSignIn(t.api, (p) => t.url(AU, p), 'bo@lab.test', 'lab-pass-2');
      await t.api.get(t.url(AU, '/api/admin/users'));
    },
    expect: [
      quiet('/auth/callback/credentials', 302, 'a sign-in that worked: redirected to the callbackUrl', 'POST'),
      refusal('/api/admin/users', 403, 'permission.denied', 'a signed-in member, not an admin'),
    ],
  },
  {
    id: 'page-redirect-client',
    what: "the README's authenticatedUser guard, no session: 302 to /auth/signin?callbackUrl=%2Fdashboard (followed)",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(AU, '/dashboard'))),
    expect: [
      refusal('/dashboard', 302, 'auth.missing', 'no session: sent to the sign-in page with the page to return to'),
    ],
  },
  {
    id: 'page-redirect-navigation',
    what: 'look-alike: the same page opened in the browser: the sign-in page is shown',
    via: 'browser',
    run: async (t) => t.open(t.url(AU, '/dashboard')),
    expect: [quiet('/dashboard', 302, 'a page navigation to the sign-in page: the user sees it')],
  },
  {
    id: 'signin-wrong-password',
    what: 'the Credentials provider with a wrong password: 302 to /auth/signin?error=CredentialsSignin&code=credentials',
    via: 'api',
    run: async (t) => void (await authSignIn(t.api, (p) => t.url(AU, p), 'bo@lab.test', 'wrong-pass')),
    expect: [
      refusal(
        '/auth/callback/credentials',
        302,
        'auth.invalid',
        'authorize() returned null: wrong password',
        [],
        'POST',
      ),
      quiet(
        '/auth/signin?error=CredentialsSignin',
        200,
        "the sign-in page that shows the error (the redirect's target)",
      ),
    ],
  },
  {
    id: 'signin-no-csrf',
    what: 'a custom client POSTs the credentials without csrfToken: 302 to /auth/signin?error=MissingCSRF',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(AU, '/auth/callback/credentials'), {
        headers: form,
        form: { email: 'bo@lab.test', password: 'lab-pass-2' },
      })),
    expect: [
      refusal(
        '/auth/callback/credentials',
        302,
        'csrf.invalid',
        'no csrfToken and no authjs.csrf-token cookie',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'signin-wrong-csrf',
    what: 'GET /auth/csrf, then the sign-in with another csrfToken: 302 to /auth/signin?error=MissingCSRF',
    via: 'api',
    run: async (t) => {
      await authCsrf(t.api, (p) => t.url(AU, p));
      await t.api.post(t.url(AU, '/auth/callback/credentials'), {
        headers: form,
        form: { email: 'bo@lab.test', password: 'lab-pass-2', csrfToken: 'a'.repeat(64) },
      });
    },
    expect: [
      refusal(
        '/auth/callback/credentials',
        302,
        'csrf.invalid',
        "the body's csrfToken does not match the cookie's hash",
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'signout-no-csrf',
    what: 'signed in, POST /auth/signout without csrfToken: 302 to /auth/signin?error=MissingCSRF (still signed in)',
    via: 'api',
    run: async (t) => {
      await authSignIn(t.api, (p) => t.url(AU, p), 'bo@lab.test', 'lab-pass-2');
      await t.api.post(t.url(AU, '/auth/signout'), { headers: form, form: { callbackUrl: t.url(AU, '/') } });
    },
    expect: [refusal('/auth/signout', 302, 'csrf.invalid', 'the sign-out carries no csrfToken', [], 'POST')],
  },
  {
    id: 'session-update-no-csrf',
    what: 'signed in, POST /auth/session (update()) without csrfToken: 400 with the body `null`',
    via: 'api',
    run: async (t) => {
      await authSignIn(t.api, (p) => t.url(AU, p), 'bo@lab.test', 'lab-pass-2');
      await t.api.post(t.url(AU, '/auth/session'), { headers: json, data: { data: { name: 'Bo B.' } } });
    },
    expect: [
      refusal(
        '/auth/session',
        400,
        'csrf.invalid',
        'Auth.js answers a session update that fails its CSRF check with 400 null',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'signin-cross-site-form',
    what: "the lab page's form POSTs the right credentials to the callback: 302 to /auth/signin?error=MissingCSRF",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await Promise.all([
        t.page.waitForURL(/\/auth\/signin/).catch(() => undefined),
        t.page.evaluate(
          submitForm(t.url(AU, '/auth/callback/credentials'), { email: 'bo@lab.test', password: 'lab-pass-2' }),
        ),
      ]);
    },
    expect: [
      refusal(
        '/auth/callback/credentials',
        302,
        'csrf.invalid',
        'a cross-site form without the CSRF token',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'session-none',
    what: 'look-alike: GET /auth/session without a session: 200 `null`',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(AU, '/auth/session'))),
    expect: [quiet('/auth/session', 200, 'the session endpoint answering that there is none')],
  },
  {
    id: 'unknown-action',
    what: 'look-alike: GET /auth/nope: 400 (UnknownAction)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(AU, '/auth/nope'))),
    expect: [quiet('/auth/nope', 400, 'an action Auth.js does not have')],
  },
  {
    id: 'server-error',
    what: "look-alike: a route that throws: Express's 500",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(AU, '/api/boom'))),
    expect: [quiet('/api/boom', 500, 'a server error')],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Socket.IO 4.8 (engine.io 6)

const polling = (path: string, extra = ''): string => `${path}?EIO=4&transport=polling${extra}`;

/** A polling client's connect: the handshake, the CONNECT packet with `auth`, then the next poll (its answer). */
async function socketConnect(api: APIRequestContext, url: (p: string) => string, auth: string): Promise<void> {
  const open = await (await api.get(url(polling('/socket.io/', `&t=${Date.now()}`)))).text();
  const sid = /"sid":"([^"]+)"/.exec(open)?.[1] ?? '';
  await api.post(url(polling('/socket.io/', `&sid=${sid}`)), {
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    data: `40${auth}`,
  });
  await api.get(url(polling('/socket.io/', `&sid=${sid}&poll=1`)));
}

export const SOCKETIO_SCENARIOS: Scenario[] = [
  {
    id: 'cors-none',
    what: "a Server with no `cors` option: the lab page's polling handshake gets 200 without Access-Control-Allow-Origin",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(SO, polling('/open/')));
    },
    expect: [
      refusal(
        '/open/',
        undefined,
        'cors.missing_allow_origin',
        'Socket.IO 3+ enables CORS only when configured; the browser blocks the handshake',
      ),
    ],
  },
  {
    id: 'cors-other-origin',
    what: "cors: { origin: 'https://partner.example.com' }: the handshake's Access-Control-Allow-Origin names the partner",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(SO, polling('/partner/')));
    },
    expect: [
      refusal('/partner/', undefined, 'cors.allow_origin_mismatch', 'the allowed origin is another one', [
        'cors.missing_allow_origin',
      ]),
    ],
  },
  {
    id: 'cors-credentials',
    what: "cors: { origin: the page } without credentials: true, and the client's withCredentials: the handshake is blocked",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(SO, polling('/page/')), { credentials: 'include' });
    },
    expect: [
      refusal(
        '/page/',
        undefined,
        'cors.invalid_allow_credentials',
        'no Access-Control-Allow-Credentials: true for a credentialed request',
      ),
    ],
  },
  {
    id: 'cors-allowed',
    what: "look-alike: the same handshake without credentials: 200, the page's origin allowed",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(SO, polling('/page/')));
    },
    expect: [quiet('/page/', 200, 'a cross-origin handshake the server allows')],
  },
  {
    id: 'allow-request-none',
    what: 'allowRequest refusing a handshake without a token: 403 {"code":4,"message":"missing token"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(SO, polling('/guarded/')))),
    expect: [refusal('/guarded/', 403, 'auth.missing', 'no Authorization header; allowRequest said no')],
  },
  {
    id: 'allow-request-wrong',
    what: 'allowRequest refusing another Bearer token: 403 {"code":4,"message":"invalid token"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(SO, polling('/guarded/')), { headers: { authorization: 'Bearer lab-sio-revoked' } })),
    expect: [refusal('/guarded/', 403, 'auth.invalid', 'a Bearer token was sent and refused')],
  },
  {
    id: 'allow-request-passing',
    what: 'look-alike: allowRequest with the right token: 200, the engine.io handshake ("0{"sid":…}")',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(SO, polling('/guarded/')), { headers: { authorization: 'Bearer lab-sio-token' } })),
    expect: [quiet('/guarded/', 200, 'an accepted handshake')],
  },
  {
    id: 'middleware-no-token',
    what: 'io.use() refusing a CONNECT without auth.token: the next poll is 200 `44{"message":"not authorized: no token"}`',
    via: 'api',
    run: async (t) => socketConnect(t.api, (p) => t.url(SO, p), ''),
    expect: [
      refusal(
        '&poll=1',
        200,
        'auth.missing',
        "the namespace middleware's next(new Error()) arrives as a CONNECT_ERROR packet (type 4) in the poll",
      ),
    ],
  },
  {
    id: 'middleware-bad-token',
    what: 'io.use() refusing auth.token "nope": 200 `44{"message":"not authorized: invalid token"}`',
    via: 'api',
    run: async (t) => socketConnect(t.api, (p) => t.url(SO, p), '{"token":"nope"}'),
    expect: [refusal('&poll=1', 200, 'auth.invalid', 'the token sent in the CONNECT packet was refused')],
  },
  {
    id: 'middleware-passing',
    what: 'look-alike: the CONNECT with the right token: 200 `40{"sid":…}` and the first event',
    via: 'api',
    run: async (t) => socketConnect(t.api, (p) => t.url(SO, p), '{"token":"lab-sio-token"}'),
    expect: [quiet('&poll=1', 200, 'a namespace connection that worked')],
  },
  {
    id: 'session-unknown',
    what: 'look-alike: a poll for a session the server does not know (after a restart): 400 {"code":1,"message":"Session ID unknown"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(SO, polling('/socket.io/', '&sid=dH_u9472q4bjIS0PAAAA')))),
    expect: [quiet('/socket.io/', 400, 'a lost session, the client reconnects')],
  },
  {
    id: 'transport-unknown',
    what: 'look-alike: transport=flashsocket: 400 {"code":0,"message":"Transport unknown"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(SO, '/socket.io/?EIO=4&transport=flashsocket'))),
    expect: [quiet('/socket.io/', 400, 'a protocol error')],
  },
  {
    id: 'old-protocol',
    what: 'look-alike: a Socket.IO 2 client (EIO=3): 400 {"code":5,"message":"Unsupported protocol version"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(SO, '/socket.io/?EIO=3&transport=polling'))),
    expect: [quiet('/socket.io/', 400, 'a client/server version mismatch, not a refusal')],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// http-server 14 (-d false --cors --username lab --password lab-pass-1)

const RIGHT = basic('lab', 'lab-pass-1');

export const HTTP_SERVER_SCENARIOS: Scenario[] = [
  {
    id: 'nothing-sent',
    what: 'GET /data.json with no credentials: 401 `WWW-Authenticate: Basic realm=""`, "Access denied"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HS, '/data.json'))),
    expect: [refusal('/data.json', 401, 'auth.missing', 'no Authorization header')],
  },
  {
    id: 'wrong-password',
    what: 'Basic lab:nope: the same 401',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HS, '/data.json'), { headers: { authorization: basic('lab', 'nope') } })),
    expect: [refusal('/data.json', 401, 'auth.invalid', 'a wrong password')],
  },
  {
    id: 'wrong-user',
    what: 'Basic admin:lab-pass-1 (another user name): the same 401',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(HS, '/data.json'), { headers: { authorization: basic('admin', 'lab-pass-1') } })),
    expect: [refusal('/data.json', 401, 'auth.invalid', 'a user name the server does not have')],
  },
  {
    id: 'navigation-no-credentials',
    what: 'the site opened in the browser with no credentials: 401 (Chromium would prompt)',
    via: 'browser',
    run: async (t) => t.open(t.url(HS, '/index.html')),
    expect: [refusal('/index.html', 401, 'auth.missing', 'no credentials for the Basic challenge')],
  },
  {
    id: 'navigation-wrong-credentials',
    what: 'the site opened by a browser holding the wrong password: 401 after its answer to the challenge',
    via: 'browser',
    contextOptions: () => ({ httpCredentials: { username: 'lab', password: 'nope' } }),
    run: async (t) => t.open(t.url(HS, '/index.html')),
    expect: [refusal('/index.html', 401, 'auth.invalid', 'the browser answered the challenge with a wrong password')],
  },
  {
    id: 'fetch-no-credentials',
    what: 'the lab page\'s plain fetch: 401 with Access-Control-Allow-Origin: * (readable), "Access denied"',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(HS, '/data.json'));
    },
    expect: [refusal('/data.json', 401, 'auth.missing', 'a cross-origin fetch without credentials')],
  },
  {
    id: 'fetch-authorization-preflight',
    what: "the page's fetch with the right Authorization: the preflight gets the same 401 (auth runs before --cors), blocked",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(HS, '/data.json'), { headers: { authorization: RIGHT } });
    },
    expect: [
      refusal(
        '/data.json',
        undefined,
        'cors.preflight_invalid_status',
        'the OPTIONS preflight carries no credentials, so http-server answers it 401; Authorization is not in its allowed headers either',
        ['cors.header_not_allowed', 'cors.missing_allow_origin'],
      ),
    ],
  },
  {
    id: 'directory-no-listing',
    what: 'with -d false, a folder without index.html asked with the right password: 403 with an empty body',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HS, '/docs/drafts/'), { headers: { authorization: RIGHT } })),
    expect: [refusal('/docs/drafts/', 403, 'filesystem.forbidden', 'directory listings are off (-d false)')],
  },
  {
    id: 'right-password',
    what: 'look-alike: the right password: 200',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HS, '/data.json'), { headers: { authorization: RIGHT } })),
    expect: [quiet('/data.json', 200, 'served')],
  },
  {
    id: 'not-found',
    what: 'look-alike: a missing file with the right password: 404 "File not found. :("',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(HS, '/missing.json'), { headers: { authorization: RIGHT } })),
    expect: [quiet('/missing.json', 404, 'no such file')],
  },
  {
    id: 'not-modified',
    what: 'look-alike: the file again with its ETag in If-None-Match: 304',
    via: 'api',
    run: async (t) => {
      const first = await t.api.get(t.url(HS, '/index.html'), { headers: { authorization: RIGHT } });
      await t.api.get(t.url(HS, '/index.html'), {
        headers: { authorization: RIGHT, 'if-none-match': first.headers().etag ?? '' },
      });
    },
    expect: [quiet('/index.html', 304, 'a cache revalidation')],
  },
  {
    id: 'post-not-allowed',
    what: 'look-alike: POST to a file with the right password: 405 Method Not Allowed',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(HS, '/data.json'), { headers: { authorization: RIGHT }, data: { a: 1 } })),
    expect: [quiet('/data.json', 405, 'a static server takes no POST', 'POST')],
  },
];
