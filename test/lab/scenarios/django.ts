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
    id: 'lookalike-404',
    what: 'an unknown URL (DEBUG off)',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(D, '/nope/'))),
    expect: [quiet('/nope/', 404, 'not found')],
  },
];
