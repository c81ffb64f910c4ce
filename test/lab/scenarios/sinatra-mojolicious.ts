// The fifth Debian set (issue 17): Sinatra 3 with rack-protection on puma (conf/sinatra/config.ru) and Mojolicious 9
// (conf/mojolicious/app.pl). Every refusal is the framework's own answer to a configuration its documentation shows;
// the labels were written before the engine was scored on the recordings.
import type { Scenario, ScenarioTools } from '../types';
import { appPage, basic, quiet, refusal } from './helpers';

const S = 'sinatra';
const M = 'mojolicious';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** Submits a form built in the current page (a navigation, as a user's click would send it). */
const submitForm = async (t: ScenarioTools, action: string, fields: Record<string, string>): Promise<void> => {
  const sent = t.page.waitForResponse((r) => r.request().method() === 'POST');
  await t.page.evaluate(
    ([a, f]) => {
      const el = document.createElement('form');
      el.method = 'post';
      el.action = a;
      for (const [k, v] of Object.entries(f)) {
        const i = document.createElement('input');
        i.name = k;
        i.value = v;
        el.append(i);
      }
      document.body.append(el);
      el.submit();
    },
    [action, fields] as const,
  );
  await sent;
  await t.page.waitForLoadState('load');
};

export const SINATRA_SCENARIOS: Scenario[] = [
  {
    id: 'ip-spoofing',
    what: 'Rack::Protection::IPSpoofing: X-Forwarded-For and X-Real-IP disagree (bare 403 "Forbidden")',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(S, '/api/whoami'), {
        headers: { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '198.51.100.2' },
      })),
    expect: [
      refusal(
        '/api/whoami',
        403,
        'waf.blocked',
        'rack-protection\'s IPSpoofing refuses a request whose X-Real-IP is not among its X-Forwarded-For addresses: a request filter, bare text/plain "Forbidden"',
        ['ip.blocked'],
      ),
    ],
  },
  {
    id: 'json-csrf-script',
    what: 'Rack::Protection::JsonCsrf: a page on another host (localhost) includes the JSON as a <script> (Referer of another host, no Origin)',
    via: 'browser',
    run: async (t) => {
      await t.open(`http://localhost:${t.ports.app}/page`);
      await t.page.evaluate(
        `new Promise((ok) => { const s = document.createElement('script'); s.onload = s.onerror = () => ok(0); s.src = ${JSON.stringify(t.url(S, '/api/data.json'))}; document.body.append(s); })`,
      );
    },
    expect: [
      refusal(
        '/api/data.json',
        403,
        'csrf.invalid',
        'JsonCsrf denies a JSON response to a request with no Origin whose Referer names another host (JSON hijacking, a cross-site request)',
        ['waf.blocked'],
      ),
    ],
  },
  {
    id: 'lookalike-json-same-origin',
    what: 'the same JSON fetched by a page of the app itself: 200',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(S, '/'));
      await t.fetchInPage(t.url(S, '/api/data.json'));
    },
    expect: [quiet('/api/data.json', 200, 'same-origin JSON: JsonCsrf lets it through')],
  },
  {
    id: 'http-origin-form',
    what: "Rack::Protection::HttpOrigin: the lab page's form POSTs to the app (Origin of another origin): bare 403",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await submitForm(t, t.url(S, '/api/profile'), { name: 'lab' });
    },
    expect: [
      refusal(
        '/api/profile',
        403,
        'csrf.invalid',
        'HttpOrigin refuses a non-GET whose Origin is not the app (nor a permitted origin): a cross-site form POST',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'authenticity-token-missing',
    what: 'Rack::Protection::AuthenticityToken: a script POSTs the comment form without authenticity_token (bare 403)',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(S, '/form'));
      await t.fetchInPage(t.url(S, '/comment'), { method: 'POST', headers: form, body: 'text=hello' });
    },
    expect: [
      refusal(
        '/comment',
        403,
        'csrf.invalid',
        'same-origin form POST with the session cookie but no authenticity_token field or X-CSRF-Token header',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-authenticity-token-passing',
    what: 'the comment form submitted with its authenticity_token: 200',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(S, '/form'));
      const posted = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(`(() => { const f = document.forms[0]; f.text.value = 'hello'; f.submit(); })()`);
      await posted;
      await t.page.waitForLoadState('load');
    },
    expect: [quiet('/comment', 200, 'the token matched: the comment was posted', 'POST')],
  },
  {
    id: 'basic-none',
    what: 'the FAQ\'s protected! helper, nothing sent: 401 "Not authorized" with a Basic challenge',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(S, '/admin'))),
    expect: [refusal('/admin', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'protected!, a wrong password',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(S, '/admin'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/admin', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'admins-only',
    what: 'halt 403, "Admins only" to a user who signed in with Basic',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(S, '/admin/settings'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [refusal('/admin/settings', 403, 'permission.denied', '"Admins only" to an authenticated Basic caller')],
  },
  {
    id: 'rack-basic-bearer',
    what: 'Rack::Auth::Basic on /reports, a Bearer token: Rack answers 400 with no body (auth.basic? is false)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(S, '/reports'), { headers: { authorization: 'Bearer lab-token-7f3a' } })),
    expect: [
      refusal(
        '/reports',
        400,
        'auth.malformed',
        'Rack::Auth::Basic answers a credential under another scheme with a bare 400 Bad Request',
        ['auth.invalid'],
      ),
    ],
  },
  {
    id: 'api-key-missing',
    what: 'a before filter: no X-Api-Key, halt 401 {"error":"API key missing"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(S, '/api/v1/orders'))),
    expect: [refusal('/api/v1/orders', 401, 'api_key.missing', 'the body names the missing API key')],
  },
  {
    id: 'api-key-wrong',
    what: 'the before filter: an unknown X-Api-Key, halt 403 {"error":"invalid API key"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(S, '/api/v1/orders'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/api/v1/orders', 403, 'api_key.invalid', 'an X-Api-Key sent, "invalid API key"')],
  },
  {
    id: 'lookalike-validation-400',
    what: 'halt 400 naming the password on a sign-up',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(S, '/api/signup'), { data: { username: 'lab5', password: 'short' } })),
    expect: [quiet('/api/signup', 400, 'a validation error naming the password field')],
  },
  {
    id: 'lookalike-500',
    what: 'an unhandled exception: Sinatra\'s production "<h1>Internal Server Error</h1>"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(S, '/api/boom'))),
    expect: [quiet('/api/boom', 500, 'a server error, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: 'no such route: Sinatra\'s "<h1>Not Found</h1>"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(S, '/api/nothing-here'))),
    expect: [quiet('/api/nothing-here', 404, 'not found')],
  },
];

/** Opens Mojolicious's comment form (its session cookie carries the CSRF token) and returns the token. */
const mojoForm = async (t: ScenarioTools): Promise<string> => {
  await t.open(t.url(M, '/form'));
  return (await t.page.evaluate(`document.forms[0].csrf_token.value`)) as string;
};

export const MOJOLICIOUS_SCENARIOS: Scenario[] = [
  {
    id: 'csrf-missing',
    what: 'csrf_protect: a script POSTs the comment form without csrf_token (403 "Bad CSRF token!", the Rendering guide)',
    via: 'browser',
    run: async (t) => {
      await mojoForm(t);
      await t.fetchInPage(t.url(M, '/comment'), { method: 'POST', headers: form, body: 'text=hello' });
    },
    expect: [
      refusal('/comment', 403, 'csrf.invalid', '"Bad CSRF token!" to a form POST without the token', [], 'POST'),
    ],
  },
  {
    id: 'csrf-wrong',
    what: "csrf_protect: the POST carries a csrf_token that is not the session's",
    via: 'browser',
    run: async (t) => {
      await mojoForm(t);
      await t.fetchInPage(t.url(M, '/comment'), {
        method: 'POST',
        headers: form,
        body: 'csrf_token=0000000000000000000000000000000000000000&text=hello',
      });
    },
    expect: [refusal('/comment', 403, 'csrf.invalid', '"Bad CSRF token!" to a POST whose token differs', [], 'POST')],
  },
  {
    id: 'lookalike-csrf-passing',
    what: 'the comment form submitted with its csrf_token: 200',
    via: 'browser',
    run: async (t) => {
      await mojoForm(t);
      const posted = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(`(() => { const f = document.forms[0]; f.text.value = 'hello'; f.submit(); })()`);
      await posted;
      await t.page.waitForLoadState('load');
    },
    expect: [quiet('/comment', 200, 'the token matched: the comment was posted', 'POST')],
  },
  {
    id: 'basic-none',
    what: 'the Cookbook\'s Basic authentication: nothing sent, 401 "Authentication required!" with WWW-Authenticate: Basic',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(M, '/admin'))),
    expect: [refusal('/admin', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'Basic authentication, a wrong password',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(M, '/admin'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/admin', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'role-forbidden',
    what: 'a signed-in Basic user who is not root: 403 {"error":"Admin role required"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(M, '/admin'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [refusal('/admin', 403, 'permission.denied', '"Admin role required" to an authenticated caller')],
  },
  {
    id: 'api-key-missing',
    what: 'under /api checking X-Api-Key: none sent, 401 {"error":"API key required"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(M, '/api/orders'))),
    expect: [refusal('/api/orders', 401, 'api_key.missing', 'the body names the missing API key')],
  },
  {
    id: 'api-key-invalid',
    what: 'under /api: an unknown key, 403 {"error":"Invalid API key"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(M, '/api/orders'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/api/orders', 403, 'api_key.invalid', 'an X-Api-Key sent, "Invalid API key"')],
  },
  {
    id: 'session-redirect-fetch',
    what: 'under /account checking the session: a fetch() without it is sent to /login?return_to=%2Faccount, followed',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(M, '/login'));
      await t.fetchInPage(t.url(M, '/account'));
    },
    expect: [refusal('/account', 302, 'auth.missing', 'the call was answered by a redirect to the login page')],
  },
  {
    id: 'lookalike-login-then-return',
    what: 'a visitor sent to the login page signs in and is sent back to return_to',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(M, '/account'));
      await t.page.evaluate(`(() => { const f = document.forms[0];
        f.username.value = 'lab'; f.password.value = 'labpass'; f.submit(); })()`);
      await t.page.waitForURL(/\/account$/);
      await t.page.waitForLoadState('load');
    },
    expect: [
      quiet('/account', 302, 'a page navigation sent to the login page: the browser shows it', 'GET'),
      quiet('/login', 302, 'the login succeeded: the redirect back is ordinary navigation', 'POST'),
      quiet('/account', 200, 'the account page, signed in', 'GET'),
    ],
  },
  {
    id: 'lookalike-validation-400',
    what: 'a sign-up whose password is too short: 400 naming the password',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(M, '/api/signup'), {
        data: { username: 'lab5', password: 'short' },
        headers: { 'x-api-key': 'lab-key-7f3a' },
      })),
    expect: [quiet('/api/signup', 400, 'a validation error naming the password field')],
  },
  {
    id: 'lookalike-500',
    what: 'an unhandled exception: Mojolicious\'s production "Server Error" page',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(M, '/api/boom'), { headers: { 'x-api-key': 'lab-key-7f3a' } })),
    expect: [quiet('/api/boom', 500, 'a server error, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: 'no such route: Mojolicious\'s production "Page Not Found"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(M, '/nothing-here'))),
    expect: [quiet('/nothing-here', 404, 'not found')],
  },
  {
    id: 'lookalike-200-about-403',
    what: 'a help endpoint whose JSON explains "403 Forbidden"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(M, '/help/errors'))),
    expect: [quiet('/help/errors', 200, 'a 200 that talks about 403')],
  },
];
