// The sixth Debian set (issue 17): Pyramid 2.0 on waitress (conf/pyramid/app.py) and Dancer2 0.400 with Plack's
// Auth::Basic, CSRFBlock and CrossOrigin middlewares under plackup (conf/dancer2/app.psgi). The labels were written
// before the engine was scored on the recordings.
import type { Scenario, ScenarioTools } from '../types';
import { appPage, basic, quiet, refusal } from './helpers';

const PY = 'pyramid';
const D = 'dancer2';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** Opens a form page on the server itself and returns its hidden token field's value. */
async function openForm(t: ScenarioTools, server: string, field: string): Promise<string> {
  await t.open(t.url(server, '/profile'));
  return t.page.evaluate(
    (name) => (document.querySelector(`input[name="${name}"]`) as HTMLInputElement | null)?.value ?? '',
    field,
  );
}

export const PYRAMID_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'a security policy reading Basic credentials, its forbidden view answering an anonymous caller with 401 and a challenge',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(PY, '/basic/'))),
    expect: [refusal('/basic/', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'the same, a wrong password: 401 again',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(PY, '/basic/'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/basic/', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'basic-permission',
    what: 'a view with permission="edit" to a signed-in user the ACL gives only "read": HTTPForbidden\'s page',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(PY, '/basic/edit'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [refusal('/basic/edit', 403, 'permission.denied', 'an authenticated caller without the permission')],
  },
  {
    id: 'acl-anonymous',
    what: 'a view with permission="edit" outside /basic/, nothing sent: Pyramid\'s default forbidden view, 403 "Access was denied to this resource."',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(PY, '/pages/edit'))),
    expect: [
      refusal(
        '/pages/edit',
        403,
        'auth.missing',
        'an anonymous caller refused a permission only signed-in principals get',
        ['permission.denied'],
      ),
    ],
  },
  {
    id: 'csrf-missing',
    what: 'require_csrf=True: a script POSTs the profile form without csrf_token (400 "Bad CSRF Token")',
    via: 'browser',
    run: async (t) => {
      await openForm(t, PY, 'csrf_token');
      await t.fetchInPage(t.url(PY, '/profile'), { method: 'POST', headers: form, body: 'name=lab' });
    },
    expect: [refusal('/profile', 400, 'csrf.invalid', 'BadCSRFToken: the POST carries no token', [], 'POST')],
  },
  {
    id: 'csrf-wrong',
    what: "require_csrf=True: the POST carries a csrf_token that is not the session's",
    via: 'browser',
    run: async (t) => {
      await openForm(t, PY, 'csrf_token');
      await t.fetchInPage(t.url(PY, '/profile'), {
        method: 'POST',
        headers: form,
        body: 'csrf_token=0000000000000000000000000000000000000000&name=lab',
      });
    },
    expect: [
      refusal('/profile', 400, 'csrf.invalid', "BadCSRFToken: the token differs from the session's", [], 'POST'),
    ],
  },
  {
    id: 'lookalike-csrf-passing',
    what: 'the profile form posted with its csrf_token: 200',
    via: 'browser',
    run: async (t) => {
      const token = await openForm(t, PY, 'csrf_token');
      await t.fetchInPage(t.url(PY, '/profile'), {
        method: 'POST',
        headers: form,
        body: `csrf_token=${token}&name=lab`,
      });
    },
    expect: [quiet('/profile', 200, 'the token matches', 'POST')],
  },
  {
    id: 'api-key-missing',
    what: 'a tween on /api/: HTTPUnauthorized {"error": "API key required"} (no challenge)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(PY, '/api/items'))),
    expect: [refusal('/api/items', 401, 'api_key.missing', '"API key required", none sent')],
  },
  {
    id: 'api-key-invalid',
    what: 'the tween: HTTPForbidden {"error": "Invalid API key"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(PY, '/api/items'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/api/items', 403, 'api_key.invalid', '"Invalid API key" to the key sent')],
  },
  {
    id: 'lookalike-400-password',
    what: 'HTTPBadRequest whose JSON names the password field (validation)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(PY, '/register'), { data: { email: 'lab@example.com', password: 'short' } })),
    expect: [quiet('/register', 400, 'a validation error about a field named password, not a refusal')],
  },
  {
    id: 'lookalike-500',
    what: "an exception in a view: waitress's 500 page",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(PY, '/boom'))),
    expect: [quiet('/boom', 500, 'a server error, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: "no route: Pyramid's 404 page",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(PY, '/nothing-here'))),
    expect: [quiet('/nothing-here', 404, 'not found')],
  },
];

export const DANCER2_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'Plack::Middleware::Auth::Basic on /basic/, nothing sent: 401 "Authorization required", Basic realm="restricted area"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(D, '/basic/'))),
    expect: [refusal('/basic/', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'Auth::Basic, a wrong password: the same 401',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(D, '/basic/'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/basic/', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'role-forbidden',
    what: "Dancer2's send_error('Administrators only', 403) to a Basic user who is not root (its JSON error)",
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(D, '/basic/admin'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [refusal('/basic/admin', 403, 'permission.denied', '"Administrators only" to a signed-in Basic caller')],
  },
  {
    id: 'csrf-missing',
    what: 'Plack::Middleware::CSRFBlock: a script POSTs the profile form without its SEC field (403 "CSRF detected")',
    via: 'browser',
    run: async (t) => {
      await openForm(t, D, 'SEC');
      await t.fetchInPage(t.url(D, '/profile'), { method: 'POST', headers: form, body: 'name=lab' });
    },
    expect: [refusal('/profile', 403, 'csrf.invalid', 'CSRFBlock: no token in the POST', [], 'POST')],
  },
  {
    id: 'csrf-wrong',
    what: "CSRFBlock: the POST carries a SEC value that is not the session's",
    via: 'browser',
    run: async (t) => {
      await openForm(t, D, 'SEC');
      await t.fetchInPage(t.url(D, '/profile'), {
        method: 'POST',
        headers: form,
        body: 'SEC=0000000000000000&name=lab',
      });
    },
    expect: [refusal('/profile', 403, 'csrf.invalid', 'CSRFBlock: the token differs', [], 'POST')],
  },
  {
    id: 'lookalike-csrf-passing',
    what: 'the profile form posted with the SEC field CSRFBlock wrote into it: 200',
    via: 'browser',
    run: async (t) => {
      const token = await openForm(t, D, 'SEC');
      await t.fetchInPage(t.url(D, '/profile'), { method: 'POST', headers: form, body: `SEC=${token}&name=lab` });
    },
    expect: [quiet('/profile', 200, 'the token matches', 'POST')],
  },
  {
    id: 'api-key-missing',
    what: 'a before hook: status 401 and halt({error => "API key required"})',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(D, '/api/private/items'))),
    expect: [refusal('/api/private/items', 401, 'api_key.missing', '"API key required", none sent')],
  },
  {
    id: 'api-key-invalid',
    what: 'the before hook: status 403 and halt({error => "Invalid API key"})',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(D, '/api/private/items'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/api/private/items', 403, 'api_key.invalid', '"Invalid API key" to the key sent')],
  },
  {
    id: 'cors-origin-refused',
    what: 'Plack::Middleware::CrossOrigin allowing https://partner.example.com: the lab page\'s fetch is answered 403 "forbidden" without CORS headers',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(D, '/api/public/items'));
    },
    expect: [
      refusal(
        '/api/public/items',
        undefined,
        'cors.missing_allow_origin',
        'CrossOrigin stops a simple request from an origin it does not allow (403, no Access-Control-Allow-Origin); the browser blocks it',
        ['cors.allow_origin_mismatch'],
      ),
    ],
  },
  {
    id: 'lookalike-400-password',
    what: 'a 400 JSON naming the password field (validation), the POST carrying the CSRF token in X-CSRF-Token',
    via: 'api',
    run: async (t) => {
      const page = await (await t.api.get(t.url(D, '/profile'))).text();
      const token = /name="SEC" value="([^"]*)"/.exec(page)?.[1] ?? '';
      await t.api.post(t.url(D, '/register'), {
        headers: { 'x-csrf-token': token },
        form: { email: 'lab@example.com', password: 'short' },
      });
    },
    expect: [quiet('/register', 400, 'a validation error about a field named password, not a refusal')],
  },
  {
    id: 'lookalike-500',
    what: "a die in a route: Dancer2's 500 (production)",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(D, '/boom'))),
    expect: [quiet('/boom', 500, 'a server error, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: "no route: Dancer2's 404",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(D, '/nothing-here'))),
    expect: [quiet('/nothing-here', 404, 'not found')],
  },
];
