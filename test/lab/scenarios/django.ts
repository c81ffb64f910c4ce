// Django 3.2 + Django REST framework 3.14 (Debian): CsrfViewMiddleware, TokenAuthentication, SessionAuthentication,
// IsAuthenticated / IsAdminUser, AnonRateThrottle, serializer validation.
import type { Scenario } from '../types';
import { quiet, refusal } from './helpers';

const D = 'django';
const TOKEN = '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b';

/** Submits the page's first form and waits for its answer. */
const submit = async (t: Parameters<Scenario['run']>[0]) => {
  const answered = t.page.waitForResponse((r) => r.request().method() === 'POST');
  await t.page.evaluate('document.forms[0].submit()');
  await answered;
};

export const DJANGO_SCENARIOS: Scenario[] = [
  {
    id: 'csrf-form-no-token',
    what: 'a form posted without csrfmiddlewaretoken: CsrfViewMiddleware 403',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(D, '/form/'));
      await submit(t);
    },
    expect: [refusal('/transfer/', 403, 'csrf.invalid', '"CSRF verification failed. Request aborted."', [], 'POST')],
  },
  {
    id: 'drf-session-csrf',
    what: 'a logged-in session calls the DRF API with POST and no X-CSRFToken',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(D, '/login/'));
      await t.fetchInPage(t.url(D, '/api/items/'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"a"}',
      });
    },
    expect: [refusal('/api/items/', 403, 'csrf.invalid', '{"detail":"CSRF Failed: CSRF token missing."}', [], 'POST')],
  },
  {
    id: 'drf-no-credentials',
    what: 'IsAuthenticated, nothing sent (TokenAuthentication challenge)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(D, '/api/items/'))),
    expect: [
      refusal(
        '/api/items/',
        401,
        'auth.missing',
        '"Authentication credentials were not provided." WWW-Authenticate: Token',
      ),
    ],
  },
  {
    id: 'drf-invalid-token',
    what: 'TokenAuthentication with an unknown token',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(D, '/api/items/'), {
        headers: { authorization: 'Token 0000000000000000000000000000000000000000' },
      })),
    expect: [refusal('/api/items/', 401, 'auth.invalid', '"Invalid token."')],
  },
  {
    id: 'drf-wrong-scheme',
    what: 'the valid token sent as "Bearer" where DRF wants "Token"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(D, '/api/items/'), { headers: { authorization: `Bearer ${TOKEN}` } })),
    expect: [
      refusal(
        '/api/items/',
        401,
        'auth.malformed',
        'DRF ignores the Bearer scheme: "credentials were not provided"; WWW-Authenticate: Token',
        ['auth.missing'],
      ),
    ],
  },
  {
    id: 'drf-not-admin',
    what: 'IsAdminUser with a valid token of an ordinary user',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(D, '/api/admin/stats/'), { headers: { authorization: `Token ${TOKEN}` } })),
    expect: [refusal('/api/admin/', 403, 'permission.denied', '"You do not have permission to perform this action."')],
  },
  {
    id: 'drf-throttled',
    what: 'AnonRateThrottle 2/minute: the third call',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++) await t.api.get(t.url(D, '/api/public/'));
    },
    expect: [
      refusal(
        '/api/public/',
        429,
        'rate_limit.exceeded',
        '"Request was throttled. Expected available in 60 seconds." Retry-After',
      ),
    ],
  },
  {
    id: 'lookalike-validation-400',
    what: 'a serializer error: 400 {"name":["This field is required."]}',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(D, '/api/items/'), {
        headers: { authorization: `Token ${TOKEN}` },
        data: { title: 'x' },
      })),
    expect: [quiet('/api/items/', 400, 'validation error', 'POST')],
  },
  {
    id: 'token-auth-wrong-password',
    what: "DRF's obtain_auth_token (the documented login for TokenAuthentication) with a wrong password",
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(D, '/api/token-auth/'), { data: { username: 'lab', password: 'wrong-password' } })),
    expect: [
      refusal(
        '/api/token-auth/',
        400,
        'auth.invalid',
        'DRF answers a failed login with 400 {"non_field_errors":["Unable to log in with provided credentials."]}',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'token-auth-unknown-user',
    what: 'obtain_auth_token from a login form (urlencoded) for a user that does not exist',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(D, '/api/token-auth/'), { form: { username: 'nobody', password: 'labpass' } })),
    expect: [
      refusal(
        '/api/token-auth/',
        400,
        'auth.invalid',
        'the same 400 "Unable to log in with provided credentials." for an unknown user',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-password-too-short',
    what: "a sign-up whose password fails Django's validators: 400 naming the password field",
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(D, '/api/signup/'), { data: { username: 'newuser', password: '1234' } })),
    expect: [quiet('/api/signup/', 400, 'validation: "This password is too short." on a sign-up form', 'POST')],
  },
  {
    id: 'lookalike-api-key-field',
    what: 'an authenticated settings call whose api_key and quota fields are invalid',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(D, '/api/webhooks/'), {
        headers: { authorization: `Token ${TOKEN}` },
        data: { api_key: { value: 'x' }, quota: 0 },
      })),
    expect: [
      quiet('/api/webhooks/', 400, 'validation of fields named api_key and quota; the token was accepted', 'POST'),
    ],
  },
  {
    id: 'lookalike-permission-choice',
    what: 'an authenticated share call asking to give the permission "admin", which is not one of the choices',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(D, '/api/share/'), {
        headers: { authorization: `Token ${TOKEN}` },
        data: { user: 'ana', permission: 'admin' },
      })),
    expect: [
      quiet(
        '/api/share/',
        400,
        '{"permission":["\\"admin\\" is not a valid choice."]}: a field value, not a refusal',
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-json-parse-error',
    what: 'a POST whose JSON body is cut off: DRF ParseError',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(D, '/api/items/'), {
        headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
        // a Buffer, so Playwright sends the bytes as they are instead of JSON-encoding the string
        data: Buffer.from('{"name": "a'),
      })),
    expect: [quiet('/api/items/', 400, '"JSON parse error": a malformed body', 'POST')],
  },
  {
    id: 'lookalike-disallowed-host',
    what: "a Host header not in ALLOWED_HOSTS: Django's DisallowedHost answer (DEBUG off)",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(D, '/api/public/'), { headers: { host: 'intranet.example:8080' } })),
    expect: [quiet('/api/public/', 400, '"Bad Request (400)": DisallowedHost, a request the site does not serve')],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown URL (DEBUG off)',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(D, '/nope/'))),
    expect: [quiet('/nope/', 404, 'not found')],
  },
];
