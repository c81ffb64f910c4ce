// The fourth set (issue 17), Python servers from Debian the lab had not run: Tornado 6.2 (conf/tornado/app.py) and
// aiohttp 3.8 with aiohttp-cors (conf/aiohttp/app.py). Every refusal is the framework's own default answer.
import type { Scenario, ScenarioTools } from '../types';
import { appPage, quiet, refusal } from './helpers';

const T = 'tornado';
const A = 'aiohttp';

/** Opens Tornado's comment form, which sets the `_xsrf` cookie, and returns the token from the form. */
const xsrfForm = async (t: ScenarioTools): Promise<string> => {
  await t.open(t.url(T, '/comment'));
  return (await t.page.evaluate(`document.forms[0]._xsrf.value`)) as string;
};
const form = { 'content-type': 'application/x-www-form-urlencoded' };

export const TORNADO_SCENARIOS: Scenario[] = [
  {
    id: 'xsrf-missing',
    what: 'xsrf_cookies: a script POSTs the comment form without _xsrf (403, Tornado logs "\'_xsrf\' argument missing from POST")',
    via: 'browser',
    run: async (t) => {
      await xsrfForm(t);
      await t.fetchInPage(t.url(T, '/comment'), { method: 'POST', headers: form, body: 'text=hello' });
    },
    expect: [
      refusal(
        '/comment',
        403,
        'csrf.invalid',
        "Tornado's bare 403 to a same-origin form POST that carries the `_xsrf` cookie but no `_xsrf` field or X-XSRFToken header",
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'xsrf-mismatch',
    what: 'xsrf_cookies: the POST carries an _xsrf field that does not match the cookie ("XSRF cookie does not match POST argument")',
    via: 'browser',
    run: async (t) => {
      await xsrfForm(t);
      await t.fetchInPage(t.url(T, '/comment'), {
        method: 'POST',
        headers: form,
        body: '_xsrf=2%7C00000000%7C0000000000000000000000000000000%7C1700000000&text=hello',
      });
    },
    expect: [
      refusal(
        '/comment',
        403,
        'csrf.invalid',
        'bare 403 to a POST whose _xsrf field differs from the _xsrf cookie',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-xsrf-passing',
    what: 'xsrf_cookies: the form submitted with its token: 200',
    via: 'browser',
    run: async (t) => {
      await xsrfForm(t);
      const posted = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(`(() => { const f = document.forms[0]; f.text.value = 'hello'; f.submit(); })()`);
      await posted;
      await t.page.waitForLoadState('load');
    },
    expect: [quiet('/comment', 200, 'the token matched: the comment was posted', 'POST')],
  },
  {
    id: 'authenticated-fetch',
    what: '@tornado.web.authenticated, a fetch() without the session: 302 to /login?next=%2Faccount, followed',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(T, '/login'));
      await t.fetchInPage(t.url(T, '/account'));
    },
    expect: [refusal('/account', 302, 'auth.missing', 'the call was answered by a redirect to the login page')],
  },
  {
    id: 'authenticated-post',
    what: '@tornado.web.authenticated on a POST (the XSRF header right, no session): Tornado raises HTTPError(403)',
    via: 'browser',
    run: async (t) => {
      const token = await xsrfForm(t);
      await t.fetchInPage(t.url(T, '/account'), { method: 'POST', headers: { 'x-xsrftoken': token } });
    },
    expect: [
      refusal(
        '/account',
        403,
        'auth.missing',
        '@authenticated answers methods other than GET/HEAD with a bare 403; the request holds only the _xsrf cookie (no session cookie, no Authorization)',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-login-then-next',
    what: 'a visitor sent to the login page signs in and is sent back to ?next=',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(T, '/account'));
      await t.page.evaluate(`(() => { const f = document.forms[0];
        f.username.value = 'lab'; f.password.value = 'labpass'; f.submit(); })()`);
      await t.page.waitForURL(/\/account$/);
      await t.page.waitForLoadState('load');
    },
    expect: [
      quiet('/account', 302, 'a page navigation sent to the login page: the browser shows it', 'GET'),
      quiet('/login', 302, 'the login succeeded: the redirect to next is ordinary navigation', 'POST'),
      quiet('/account', 200, 'the account page, signed in', 'GET'),
    ],
  },
  {
    id: 'token-none',
    what: 'a handler raising HTTPError(401) with a Bearer challenge, nothing sent',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(T, '/api/me'))),
    expect: [refusal('/api/me', 401, 'auth.missing', 'Bearer challenge, no Authorization sent')],
  },
  {
    id: 'token-wrong',
    what: 'HTTPError(401), a Bearer token the app does not know',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(T, '/api/me'), { headers: { authorization: 'Bearer lab-token-0000' } })),
    expect: [refusal('/api/me', 401, 'auth.invalid', 'a Bearer token sent, challenged again')],
  },
  {
    id: 'forbidden-reason',
    what: 'HTTPError(403, reason="Admin role required") to a valid token: the reason is the status text and the page',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(T, '/api/report'), { headers: { authorization: 'Bearer lab-token-7f3a' } })),
    expect: [refusal('/api/report', 403, 'permission.denied', '"403: Admin role required" to a Bearer caller')],
  },
  {
    id: 'rate-limited',
    what: 'a handler raising HTTPError(429) with Retry-After past two calls',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++) await t.api.get(t.url(T, '/api/search?q=lab'));
    },
    expect: [refusal('/api/search', 429, 'rate_limit.exceeded', '429 "Too Many Requests", Retry-After: 60')],
  },
  {
    id: 'lookalike-validation-400',
    what: 'HTTPError(400, reason="password must be at least 8 characters") on a sign-up',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(T, '/api/signup'), { data: { username: 'lab4', password: 'short' } })),
    expect: [quiet('/api/signup', 400, 'a validation error naming the password field of a sign-up')],
  },
  {
    id: 'lookalike-500',
    what: 'an unhandled exception: Tornado\'s "500: Internal Server Error"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(T, '/api/boom'))),
    expect: [quiet('/api/boom', 500, 'a server error, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: 'no such route: "404: Not Found"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(T, '/api/nothing-here'))),
    expect: [quiet('/api/nothing-here', 404, 'not found')],
  },
];

export const AIOHTTP_SCENARIOS: Scenario[] = [
  {
    id: 'unauthorized-none',
    what: 'web.HTTPUnauthorized with a Bearer challenge, nothing sent ("401: Unauthorized")',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/api/me'))),
    expect: [refusal('/api/me', 401, 'auth.missing', 'Bearer challenge, no Authorization sent')],
  },
  {
    id: 'unauthorized-invalid-token',
    what: 'web.HTTPUnauthorized, Bearer error="invalid_token", to an unknown token',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(A, '/api/me'), { headers: { authorization: 'Bearer lab-token-0000' } })),
    expect: [refusal('/api/me', 401, 'auth.invalid', 'RFC 6750 invalid_token to the Bearer token sent')],
  },
  {
    id: 'forbidden',
    what: 'web.HTTPForbidden() ("403: Forbidden") to a valid token without the admin flag',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(A, '/api/admin'), { headers: { authorization: 'Bearer lab-token-7f3a' } })),
    expect: [refusal('/api/admin', 403, 'permission.denied', "aiohttp's bare 403 to a caller holding a Bearer token")],
  },
  {
    id: 'api-key-missing',
    what: 'a middleware raising HTTPUnauthorized(text="Missing API key")',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/partner/orders'))),
    expect: [refusal('/partner/orders', 401, 'api_key.missing', '401 "Missing API key", no key sent')],
  },
  {
    id: 'api-key-wrong',
    what: 'the middleware raising HTTPForbidden(text="Invalid API key")',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/partner/orders'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/partner/orders', 403, 'api_key.invalid', '403 "Invalid API key" to the X-API-Key sent')],
  },
  {
    id: 'rate-limited',
    what: 'HTTPTooManyRequests with Retry-After after X-RateLimit-Remaining reached 0',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 4; i++) await t.api.get(t.url(A, '/api/search?q=lab'));
    },
    expect: [
      quiet('/api/search', 200, 'a 200 whose X-RateLimit-Remaining is 0: served, nothing refused yet'),
      refusal('/api/search', 429, 'rate_limit.exceeded', '429 "Too many requests, slow down", Retry-After: 30'),
    ],
  },
  {
    id: 'cors-origin-refused',
    what: 'aiohttp-cors allows http://localhost:<page port>; the lab page on 127.0.0.1 fetches an item',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(A, '/api/items'));
    },
    expect: [
      refusal(
        '/api/items',
        undefined,
        'cors.missing_allow_origin',
        'aiohttp-cors adds no Access-Control-Allow-Origin for an origin it does not allow',
        ['cors.allow_origin_mismatch'],
      ),
    ],
  },
  {
    id: 'lookalike-cors-allowed',
    what: 'the lab page served as localhost (the allowed origin) fetches the items with credentials',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app).replace('127.0.0.1', 'localhost'));
      await t.fetchInPage(t.url(A, '/api/items'), { credentials: 'include' });
    },
    expect: [quiet('/api/items', 200, 'allowed origin, credentials allowed: the browser delivers it')],
  },
  {
    id: 'cors-preflight-origin-refused',
    what: 'aiohttp-cors: the lab page on 127.0.0.1 sends a header that needs a preflight; 403 "origin … is not allowed"',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(A, '/api/items'), { headers: { 'x-trace': 'lab-1' } })),
    expect: [
      refusal(
        '/api/items',
        403,
        'cors.missing_allow_origin',
        'preflight 403 "CORS preflight request failed: origin … is not allowed", no Access-Control-Allow-Origin',
        ['cors.preflight_invalid_status', 'cors.allow_origin_mismatch'],
        'OPTIONS',
      ),
      refusal(
        '/api/items',
        0,
        'cors.missing_allow_origin',
        'the GET behind it, blocked',
        ['cors.preflight_invalid_status', 'cors.allow_origin_mismatch'],
        'GET',
      ),
    ],
  },
  {
    id: 'cors-preflight-method-refused',
    what: 'aiohttp-cors: the allowed origin (localhost) asks to DELETE a GET-only resource; 403 "request method \'DELETE\' is not allowed"',
    via: 'devtools',
    run: async (t) => {
      await t.open(appPage(t.ports.app).replace('127.0.0.1', 'localhost'));
      await t.fetchInPage(t.url(A, '/api/items'), { method: 'DELETE' });
    },
    expect: [
      refusal(
        '/api/items',
        403,
        'cors.method_not_allowed',
        'preflight 403 "CORS preflight request failed: request method \'DELETE\' is not allowed for … origin"',
        ['cors.preflight_invalid_status'],
        'OPTIONS',
      ),
      refusal(
        '/api/items',
        0,
        'cors.method_not_allowed',
        'the DELETE behind it, blocked',
        ['cors.preflight_invalid_status'],
        'DELETE',
      ),
    ],
  },
  {
    id: 'lookalike-validation-400',
    what: 'json_response 400 naming the password field',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(A, '/api/signup'), { data: { username: 'lab4', password: 'short' } })),
    expect: [quiet('/api/signup', 400, 'a validation error naming the password field of a sign-up')],
  },
  {
    id: 'lookalike-502',
    what: 'web.HTTPBadGateway: "upstream inventory service did not answer"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/api/inventory'))),
    expect: [quiet('/api/inventory', 502, 'an upstream failure, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: 'no such route: "404: Not Found"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/api/nothing-here'))),
    expect: [quiet('/api/nothing-here', 404, 'not found')],
  },
];
