// More of what Django 3.2 and DRF 3.14 developers meet (the second set, issue 17): login_required's redirect,
// PermissionDenied's page, CsrfViewMiddleware's other reasons, and DRF's Basic/Session/Token authentication,
// IsAuthenticatedOrReadOnly, a custom permission message and ScopedRateThrottle. Views: conf/django/laburls.py.
import type { Scenario } from '../types';
import { basic, quiet, refusal } from './helpers';

const D = 'django';
const TOKEN = '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b';
const token = { authorization: `Token ${TOKEN}` };

export const DJANGO_MORE_SCENARIOS: Scenario[] = [
  {
    id: 'login-required-redirect',
    what: 'login_required, anonymous, redirects not followed: 302 to /accounts/login/?next=/dashboard/',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(D, '/dashboard/'), { maxRedirects: 0 })),
    expect: [
      refusal('/dashboard/', 302, 'auth.missing', 'a refusal stated as a redirect to LOGIN_URL with ?next=', [
        'auth.cookie_not_sent',
      ]),
    ],
  },
  {
    id: 'login-required-fetch',
    what: 'fetch() of a login_required view without a session: 302, then the login page 200 (followed)',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(D, '/form/'));
      await t.fetchInPage(t.url(D, '/dashboard/'));
    },
    expect: [
      refusal('/dashboard/', 302, 'auth.missing', 'the call was answered by a redirect to the login page', [
        'auth.cookie_not_sent',
      ]),
    ],
  },
  {
    id: 'permission-denied-page',
    what: 'a signed-in user without the permission: the view raises PermissionDenied (Django\'s "403 Forbidden" page)',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(D, '/login/'));
      await t.open(t.url(D, '/reports/'));
    },
    expect: [refusal('/reports/', 403, 'permission.denied', '<h1>403 Forbidden</h1> to a session that is signed in')],
  },
  {
    id: 'csrf-cookie-not-set',
    what: 'a form POST from a client that never received the csrftoken cookie',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(D, '/transfer/'), { form: { amount: '10' } })),
    expect: [
      refusal(
        '/transfer/',
        403,
        'csrf.invalid',
        '"CSRF verification failed" with the "requires a CSRF cookie" explanation',
        ['auth.cookie_not_sent'],
        'POST',
      ),
    ],
  },
  {
    id: 'csrf-token-incorrect',
    what: 'the form posted with a csrfmiddlewaretoken that does not match the cookie',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(D, '/form/'));
      const answered = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(`(() => { const f = document.forms[0]; const i = document.createElement('input');
        i.name = 'csrfmiddlewaretoken'; i.value = 'x'.repeat(64); f.append(i); f.submit(); })()`);
      await answered;
      // the refusal page must load before the context closes, or the HAR keeps no body
      await t.page.waitForLoadState('load');
    },
    expect: [refusal('/transfer/', 403, 'csrf.invalid', '"CSRF verification failed. Request aborted."', [], 'POST')],
  },
  {
    id: 'drf-readonly-post',
    what: 'IsAuthenticatedOrReadOnly: an anonymous GET is served, the anonymous POST refused',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(D, '/api/notes/'));
      await t.api.post(t.url(D, '/api/notes/'), { data: { text: 'hi' } });
    },
    expect: [
      quiet('/api/notes/', 200, 'read-only access is open', 'GET'),
      refusal(
        '/api/notes/',
        401,
        'auth.missing',
        '"Authentication credentials were not provided." WWW-Authenticate: Token',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'drf-basic-wrong-password',
    what: 'BasicAuthentication with a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(D, '/api/basic/'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [
      refusal('/api/basic/', 401, 'auth.invalid', '"Invalid username/password." WWW-Authenticate: Basic realm="api"'),
    ],
  },
  {
    id: 'drf-session-only-anonymous',
    what: 'SessionAuthentication alone, no session: DRF answers NotAuthenticated with 403 (no WWW-Authenticate)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(D, '/api/session/'))),
    expect: [
      refusal('/api/session/', 403, 'auth.missing', '403 {"detail":"Authentication credentials were not provided."}'),
    ],
  },
  {
    id: 'drf-token-empty',
    what: 'TokenAuthentication: the header carries the scheme "Token" and nothing after it',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(D, '/api/items/'), { headers: { authorization: 'Token' } })),
    expect: [
      refusal('/api/items/', 401, 'auth.malformed', '"Invalid token header. No credentials provided."', [
        'auth.missing',
      ]),
    ],
  },
  {
    id: 'drf-token-spaces',
    what: 'TokenAuthentication: a token pasted with a space in it',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(D, '/api/items/'), {
        headers: { authorization: `Token ${TOKEN.slice(0, 20)} ${TOKEN.slice(20)}` },
      })),
    expect: [
      refusal('/api/items/', 401, 'auth.malformed', '"Invalid token header. Token string should not contain spaces."'),
    ],
  },
  {
    id: 'drf-owner-message',
    what: 'a custom permission with its own message refuses a valid token',
    via: 'api',
    run: async (t) => void (await t.api.put(t.url(D, '/api/items/1/'), { headers: token, data: { name: 'b' } })),
    expect: [
      refusal(
        '/api/items/1/',
        403,
        'permission.denied',
        '{"detail":"You must be the owner of this item to change it."}',
      ),
    ],
  },
  {
    id: 'drf-scoped-throttle',
    what: 'ScopedRateThrottle "uploads" 1/minute: the second upload of a signed-in user',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 2; i++) await t.api.post(t.url(D, '/api/uploads/'), { headers: token, data: { f: i } });
    },
    expect: [
      refusal(
        '/api/uploads/',
        429,
        'rate_limit.exceeded',
        '"Request was throttled. Expected available in 60 seconds." Retry-After',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'login-then-next',
    what: 'login_required sends the visitor to the login page; they sign in and the login view redirects to ?next=',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(D, '/dashboard/'));
      await t.page.evaluate(`(() => { const f = document.forms[0];
        f.username.value = 'lab'; f.password.value = 'labpass'; f.submit(); })()`);
      await t.page.waitForURL(/18080\/dashboard\/$/);
      await t.page.waitForLoadState('load');
    },
    expect: [
      quiet(
        '18080/dashboard/',
        302,
        'a page navigation sent to the login page: the browser shows it, nothing is hidden (test/fixtures/negative/redirect-302-to-login.json)',
        'GET',
      ),
      quiet('/accounts/login/', 302, 'the login succeeded: the redirect to ?next= is ordinary navigation', 'POST'),
      quiet('18080/dashboard/', 200, 'the dashboard, signed in', 'GET'),
    ],
  },
  {
    id: 'lookalike-logout-redirect',
    what: 'a signed-in user logs out: 302 to /accounts/login/ and the login page 200 (ordinary navigation)',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(D, '/login/'));
      await t.open(t.url(D, '/logout/'));
    },
    expect: [
      quiet('/logout/', 302, 'the redirect after a logout the user asked for'),
      quiet('/accounts/login/', 200, 'the login page itself'),
    ],
  },
];
