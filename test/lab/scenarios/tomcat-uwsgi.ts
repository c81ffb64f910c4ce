// The sixth Debian set (issue 17): Apache Tomcat 10.1 (conf/tomcat/: server.xml, tomcat-users.xml and the lab
// webapp's WEB-INF/web.xml with Tomcat's own filters; the manager app from tomcat10-admin) and uWSGI 2.0's internal
// routing (conf/uwsgi/uwsgi.ini). The labels were written before the engine was scored on the recordings.
import type { Scenario } from '../types';
import { appPage, basic, quiet, refusal } from './helpers';

const T = 'tomcat';
const U = 'uwsgi';

export const TOMCAT_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'a security-constraint with <auth-method>BASIC</auth-method>, nothing sent: 401 with Basic realm="lab"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(T, '/lab/basic/'))),
    expect: [refusal('/lab/basic/', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'lookalike-basic-right',
    what: 'the same page with the right password: 200',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(T, '/lab/basic/'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [quiet('/lab/basic/', 200, 'signed in, served')],
  },
  {
    id: 'role-forbidden',
    what: 'an <auth-constraint> for role "admin" to a user who has only "user": Tomcat\'s 403 page',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(T, '/lab/basic/admin/'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [
      refusal(
        '/lab/basic/admin/',
        403,
        'permission.denied',
        'an authenticated Basic caller without the role the constraint names',
      ),
    ],
  },
  {
    id: 'remote-addr-denied',
    what: 'RemoteAddrFilter allowing only 10.1.2.3 on /internal/: the lab (127.0.0.1) gets 403',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(T, '/lab/internal/status.json'))),
    expect: [
      refusal('/internal/status.json', 403, 'ip.blocked', "the caller's address is not on the filter's allow list", [
        'filesystem.forbidden',
        'waf.blocked',
      ]),
    ],
  },
  {
    id: 'cors-origin-refused',
    what: "CorsFilter with cors.allowed.origins=https://partner.example.com: the lab page's fetch gets 403 and no CORS headers",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(T, '/lab/api/items.json'));
    },
    expect: [
      refusal(
        '/lab/api/items.json',
        undefined,
        'cors.missing_allow_origin',
        'CorsFilter refuses an origin outside its list with 403 and no Access-Control-Allow-Origin; the browser blocks the answer',
        ['cors.allow_origin_mismatch'],
      ),
    ],
  },
  {
    id: 'rate-limit',
    what: 'RateLimitFilter (bucketRequests=3 per 60 s per address): the fourth search is 429 "Too many requests"',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 4; i++) await t.api.get(t.url(T, `/lab/search/index.json?q=${i}`));
    },
    expect: [
      quiet('/lab/search/index.json?q=0', 200, 'the first search, served'),
      refusal(
        '/lab/search/index.json?q=3',
        429,
        'rate_limit.exceeded',
        'the fourth request in the bucket: 429 Too many requests',
      ),
    ],
  },
  {
    id: 'rest-csrf-missing',
    what: 'RestCsrfPreventionFilter: a POST without X-CSRF-Token: 403 "CSRF nonce validation failed", X-CSRF-Token: Required',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(T, '/lab/rest/items.json'), { data: { name: 'lab' } })),
    expect: [
      refusal(
        '/lab/rest/items.json',
        403,
        'csrf.invalid',
        'a modifying request without the REST CSRF token',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-rest-csrf-passing',
    what: 'RestCsrfPreventionFilter: the token fetched with "X-CSRF-Token: Fetch" and sent back on the POST: 200',
    via: 'api',
    run: async (t) => {
      const first = await t.api.get(t.url(T, '/lab/rest/items.json'), { headers: { 'x-csrf-token': 'Fetch' } });
      const token = first.headers()['x-csrf-token'] ?? '';
      await t.api.post(t.url(T, '/lab/rest/items.json'), { headers: { 'x-csrf-token': token }, data: { name: 'lab' } });
    },
    expect: [quiet('/lab/rest/items.json', 200, 'the POST carries its token and is served', 'POST')],
  },
  {
    id: 'manager-none',
    what: 'the manager app (tomcat10-admin), nothing sent: its own 401 page with Basic realm="Tomcat Manager Application"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(T, '/manager/html'))),
    expect: [refusal('/manager/html', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'manager-role',
    what: 'the manager app to a user without the manager-gui role: its own "403 Access Denied" page',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(T, '/manager/html'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [
      refusal(
        '/manager/html',
        403,
        'permission.denied',
        'a signed-in user without the manager-gui role (the entry page needs no nonce)',
      ),
    ],
  },
  {
    id: 'manager-csrf',
    what: "the manager's CsrfPreventionFilter: a manager-gui user POSTs reload without the page's nonce (a stale link): the same 403 page",
    via: 'api',
    run: async (t) => {
      const auth = { authorization: basic('admin', 'adminpass') };
      await t.api.get(t.url(T, '/manager/html'), { headers: auth });
      await t.api.post(t.url(T, '/manager/html/reload?path=/lab'), { headers: auth });
    },
    expect: [
      quiet('/manager/html', 200, 'the manager page for a manager-gui user'),
      refusal(
        '/manager/html/reload',
        403,
        'csrf.invalid',
        'the command URL lacks org.apache.catalina.filters.CSRF_NONCE that every link on the manager page carries',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-404',
    what: "no such file: Tomcat's 404 page",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(T, '/lab/docs/nothing.html'))),
    expect: [quiet('/lab/docs/nothing.html', 404, 'not found')],
  },
  {
    id: 'lookalike-405',
    what: 'DELETE to a static file (DefaultServlet, readonly): 405',
    via: 'api',
    run: async (t) => void (await t.api.delete(t.url(T, '/lab/docs/index.html'))),
    expect: [quiet('/lab/docs/index.html', 405, 'the method is not supported, not a refusal of the caller')],
  },
  {
    id: 'lookalike-400',
    what: "a path with an invalid percent-escape: the connector's 400",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(T, '/lab/docs/%zz'))),
    expect: [quiet('/lab/docs/', 400, 'a malformed request line, not a refusal of the caller')],
  },
];

export const UWSGI_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'route = ^/private/ basicauth:lab,lab:labpass, nothing sent: 401 "Authorization Required" with Basic realm="lab"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(U, '/private/report'))),
    expect: [refusal('/private/report', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'the basicauth router, a wrong password: the same 401',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(U, '/private/report'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/private/report', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'lookalike-basic-right',
    what: 'the basicauth router, the right password: the app answers 200',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(U, '/private/report'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [quiet('/private/report', 200, 'signed in, served')],
  },
  {
    id: 'internal-remote-addr',
    what: 'route-if-not = equal:${REMOTE_ADDR};10.1.2.3 … break:403 Forbidden on /internal/: an empty 403',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(U, '/internal/status'))),
    expect: [
      refusal('/internal/status', 403, 'ip.blocked', "a routing rule on the caller's address", [
        'filesystem.forbidden',
        'waf.blocked',
      ]),
    ],
  },
  {
    id: 'api-key-missing',
    what: 'route-if = empty:${HTTP_X_API_KEY} → break:401 Unauthorized (no challenge, empty body)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(U, '/api/items'))),
    expect: [
      refusal('/api/items', 401, 'api_key.missing', 'no X-Api-Key sent to a path that needs one', ['auth.missing']),
    ],
  },
  {
    id: 'api-key-invalid',
    what: 'route-if-not = equal:${HTTP_X_API_KEY};… → break:403 Forbidden (empty body)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(U, '/api/items'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/api/items', 403, 'api_key.invalid', 'an X-Api-Key that is not the one the rule compares')],
  },
  {
    id: 'scanner-user-agent',
    what: "route-user-agent = sqlmap break:403 Forbidden: a search sent with sqlmap's User-Agent",
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(U, '/search?q=lab'), {
        headers: { 'user-agent': 'sqlmap/1.7.2#stable (https://sqlmap.org)' },
      })),
    expect: [refusal('/search', 403, 'waf.blocked', 'a User-Agent deny rule refusing a scanner')],
  },
  {
    id: 'lookalike-404',
    what: "the app's JSON 404",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(U, '/nothing-here'))),
    expect: [quiet('/nothing-here', 404, 'not found')],
  },
  {
    id: 'lookalike-500',
    what: "the app's JSON 500",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(U, '/boom'))),
    expect: [quiet('/boom', 500, 'a server error, not a refusal')],
  },
];
