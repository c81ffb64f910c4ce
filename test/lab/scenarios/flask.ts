// Flask 2.2 from Debian with the extensions its users add (the third set, issue 17): Flask-HTTPAuth (Basic with
// roles, Bearer, Digest), Flask-Login (login_required with and without a login view), Flask-CORS, Flask-Limiter,
// Flask-WTF's CSRFProtect and abort(403). The site: conf/flask/app.py. Every answer is the extension's default.
import type { Scenario } from '../types';
import { appPage, basic, quiet, refusal } from './helpers';

const F = 'flask';

/** Signs in through the login form (with its CSRF token), as a user does. */
const signIn = async (t: Parameters<Scenario['run']>[0], user: string, password: string) => {
  await t.open(t.url(F, '/login'));
  await t.page.evaluate(`(() => { const f = document.forms[0];
    f.username.value = ${JSON.stringify(user)}; f.password.value = ${JSON.stringify(password)}; f.submit(); })()`);
  await t.page.waitForURL(/\/account\/$/);
};

export const FLASK_SCENARIOS: Scenario[] = [
  {
    id: 'httpauth-basic-none',
    what: 'Flask-HTTPAuth HTTPBasicAuth, nothing sent: 401 "Unauthorized Access", Basic realm="Authentication Required"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/basic/report'))),
    expect: [refusal('/basic/report', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'httpauth-basic-wrong',
    what: 'Flask-HTTPAuth HTTPBasicAuth, a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(F, '/basic/report'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/basic/report', 401, 'auth.invalid', 'Basic credentials sent and challenged again')],
  },
  {
    id: 'httpauth-role-forbidden',
    what: "Flask-HTTPAuth login_required(role='admin'), the right password of a user without the role",
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(F, '/basic/admin'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [
      refusal(
        '/basic/admin',
        403,
        'permission.denied',
        'Flask-HTTPAuth answers a failed role check 403 with the same "Unauthorized Access" body and its Basic challenge',
      ),
    ],
  },
  {
    id: 'httpauth-token-wrong',
    what: "Flask-HTTPAuth HTTPTokenAuth(scheme='Bearer'), a token it does not know",
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(F, '/token/me'), { headers: { authorization: 'Bearer lab-token-0000' } })),
    expect: [refusal('/token/me', 401, 'auth.invalid', 'a Bearer token sent, Bearer challenge back')],
  },
  {
    id: 'httpauth-token-wrong-scheme',
    what: 'HTTPTokenAuth(scheme=\'Bearer\'), the valid token sent as "Token …"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(F, '/token/me'), { headers: { authorization: 'Token lab-token-7f3a' } })),
    expect: [
      refusal('/token/me', 401, 'auth.malformed', 'the challenge names Bearer; the client sent scheme Token', [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'httpauth-digest-none',
    what: 'Flask-HTTPAuth HTTPDigestAuth, nothing sent',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/digest/vault'))),
    expect: [refusal('/digest/vault', 401, 'auth.missing', 'Digest challenge, no Authorization sent')],
  },
  {
    id: 'httpauth-digest-wrong',
    what: 'HTTPDigestAuth, Chromium answers the challenge with a wrong password',
    via: 'browser',
    contextOptions: () => ({ httpCredentials: { username: 'lab', password: 'nope' } }),
    run: async (t) => void (await t.open(t.url(F, '/digest/vault'))),
    expect: [
      refusal(
        '/digest/vault',
        401,
        'auth.missing',
        "a wrong password, but Chromium's HAR keeps only the final 401 of its Digest attempt, without the Authorization it sent",
        ['auth.invalid'],
      ),
    ],
  },
  {
    id: 'login-required-api-401',
    what: 'Flask-Login login_required on a blueprint without a login view: abort(401), Werkzeug\'s "Unauthorized" page',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/api/profile'))),
    expect: [refusal('/api/profile', 401, 'auth.missing', 'no session cookie; 401 without a challenge')],
  },
  {
    id: 'login-required-fetch',
    what: 'fetch() of a login_required page without a session: 302 to /login?next=%2Faccount%2F, followed',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(F, '/login'));
      await t.fetchInPage(t.url(F, '/account/'));
    },
    expect: [refusal('/account/', 302, 'auth.missing', 'the call was answered by a redirect to the login page')],
  },
  {
    id: 'login-then-next',
    what: 'a visitor sent to the login page, who signs in and is sent back to ?next=',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(F, '/account/'));
      await t.page.evaluate(`(() => { const f = document.forms[0];
        f.username.value = 'lab'; f.password.value = 'labpass'; f.submit(); })()`);
      await t.page.waitForURL(/\/account\/$/);
      await t.page.waitForLoadState('load');
    },
    expect: [
      quiet('/account/', 302, 'a page navigation sent to the login page: the browser shows it', 'GET'),
      quiet('/login', 302, 'the login succeeded: the redirect to ?next= is ordinary navigation', 'POST'),
      quiet('/account/', 200, 'the account page, signed in', 'GET'),
    ],
  },
  {
    id: 'lookalike-logout-redirect',
    what: 'a signed-in user logs out: 302 to /login',
    via: 'browser',
    run: async (t) => {
      await signIn(t, 'lab', 'labpass');
      await t.open(t.url(F, '/logout'));
    },
    expect: [
      quiet('/logout', 302, 'the redirect after a logout the user asked for'),
      quiet('19600/login', 200, 'the login page itself', 'GET'),
    ],
  },
  {
    id: 'abort-403',
    what: 'a signed-in user opens an admin page whose view calls abort(403): Werkzeug\'s "Forbidden" page',
    via: 'browser',
    run: async (t) => {
      await signIn(t, 'lab', 'labpass');
      await t.open(t.url(F, '/admin/'));
    },
    expect: [refusal('/admin/', 403, 'permission.denied', "Werkzeug's 403 page to a session that is signed in")],
  },
  {
    id: 'csrf-missing',
    what: 'Flask-WTF CSRFProtect: a form POST without csrf_token: 400 "The CSRF token is missing."',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(F, '/transfer'), { form: { amount: '10' } })),
    expect: [refusal('/transfer', 400, 'csrf.invalid', 'Werkzeug 400 page: "The CSRF token is missing."', [], 'POST')],
  },
  {
    id: 'csrf-session-missing',
    what: 'CSRFProtect: a csrf_token posted by a client without the session cookie that holds its secret',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(F, '/transfer'), { form: { amount: '10', csrf_token: 'IjNmZDA.lab.token' } })),
    expect: [
      refusal(
        '/transfer',
        400,
        'csrf.invalid',
        '"The CSRF session token is missing."',
        ['auth.cookie_not_sent'],
        'POST',
      ),
    ],
  },
  {
    id: 'csrf-invalid',
    what: 'CSRFProtect: the form posted with a csrf_token that does not match the session',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(F, '/transfer'));
      const answered = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(
        `(() => { const f = document.forms[0]; f.csrf_token.value = 'x' + f.csrf_token.value; f.submit(); })()`,
      );
      await answered;
      await t.page.waitForLoadState('load');
    },
    expect: [refusal('/transfer', 400, 'csrf.invalid', '"The CSRF token is invalid."', [], 'POST')],
  },
  {
    id: 'lookalike-csrf-ok',
    what: 'CSRFProtect: the form posted with its token',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(F, '/transfer'));
      const answered = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(`document.forms[0].submit()`);
      await answered;
      await t.page.waitForLoadState('load');
    },
    expect: [quiet('/transfer', 200, 'the token matched', 'POST')],
  },
  {
    id: 'limiter-429',
    what: 'Flask-Limiter 1/minute with headers_enabled: the first search (200, nothing left) and the second',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 2; i++) await t.api.get(t.url(F, '/search'));
    },
    expect: [
      quiet('/search', 200, 'served; X-RateLimit-Remaining 0 speaks of the next call'),
      refusal(
        '/search',
        429,
        'rate_limit.exceeded',
        'Werkzeug "Too Many Requests" page: "1 per 1 minute", Retry-After',
      ),
    ],
  },
  {
    id: 'cors-origin-refused',
    what: "Flask-CORS allows only https://partner.example.com; the lab page's fetch",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(F, '/cors/orders'));
    },
    expect: [
      refusal(
        '/cors/orders',
        undefined,
        'cors.missing_allow_origin',
        'Flask-CORS sends no ACAO to an origin it does not allow',
        ['cors.allow_origin_mismatch'],
      ),
    ],
  },
  {
    id: 'lookalike-validation-password',
    what: 'a JSON signup validated by a WTForms form: 400 naming the password field',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(F, '/api/signup'), { data: { username: 'lab2', password: 'short' } })),
    expect: [quiet('/api/signup', 400, '{"errors":{"password":["Field must be at least 8 characters long."]}}')],
  },
  {
    id: 'lookalike-404',
    what: "abort(404): Werkzeug's Not Found page",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/api/docs/2'))),
    expect: [quiet('/api/docs/2', 404, 'not found')],
  },
];
