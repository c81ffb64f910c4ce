// nginx 1.22, HAProxy 2.6 and Caddy 2, second set (issue 17): refusals written by hand in their configs the way
// their docs show — a 444 for headless browsers, a Bearer check with add_header, satisfy any; a tarpit, an IP rule
// answering JSON, http-request return with a challenge; remote_ip and forward_auth. Configs: conf/.
import type { Scenario } from '../types';
import { appPage, basic, quiet, refusal } from './helpers';

const N = 'nginx';
const H = 'haproxy';
const C = 'caddy';

export const NGINX_MORE_SCENARIOS: Scenario[] = [
  {
    id: 'return-444-headless',
    what: 'a map on the User-Agent: HeadlessChrome gets "return 444" (the connection is closed, no answer)',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.page.evaluate(`fetch(${JSON.stringify(t.url(N, '/feed/latest'))}, { mode: 'no-cors' }).catch(() => 0)`);
      await t.page.waitForTimeout(500);
    },
    expect: [
      refusal(
        '/feed/',
        -1,
        'waf.blocked',
        'net::ERR_EMPTY_RESPONSE: nginx closed the connection (444) for a headless UA',
        ['bot.challenge'],
      ),
    ],
  },
  {
    id: 'bearer-missing',
    what: 'a hand-written check: no "Bearer " Authorization → 401 with WWW-Authenticate Bearer realm',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(N, '/api/v1/users'))),
    expect: [
      refusal('/api/v1/', 401, 'auth.missing', '{"error":"unauthorized"}, WWW-Authenticate: Bearer realm="lab-api"'),
    ],
  },
  {
    id: 'bearer-wrong-scheme',
    what: 'the same check, a token sent under the scheme "Token"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(N, '/api/v1/users'), { headers: { authorization: 'Token lab-good-token' } })),
    expect: [refusal('/api/v1/', 401, 'auth.malformed', 'Bearer challenge to a "Token" credential', ['auth.invalid'])],
  },
  {
    id: 'satisfy-any-wrong',
    what: 'satisfy any (allow 10.0.0.0/8, deny all, auth_basic): outside the network with a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(N, '/staff/roster'), { headers: { authorization: basic('lab', 'nope') } })),
    expect: [refusal('/staff/', 401, 'auth.invalid', 'nginx 401 page, Basic realm="Staff", Basic credentials sent')],
  },
];

export const HAPROXY_MORE_SCENARIOS: Scenario[] = [
  {
    id: 'tarpit-sqlmap',
    what: 'http-request tarpit (deny_status 403) for sqlmap: held for "timeout tarpit", then refused',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(H, '/page'));
      await t.api.get(t.url(H, '/page?id=1%27%20OR%201=1--'), {
        headers: { 'user-agent': 'sqlmap/1.7.2#stable (https://sqlmap.org)' },
      });
    },
    expect: [
      quiet('/page', 200, 'ordinary page'),
      refusal('/page?id', 403, 'waf.blocked', 'administrative-rules 403 after a 1 s tarpit, to sqlmap', [
        'permission.denied',
      ]),
    ],
  },
  {
    id: 'deny-ip-json',
    what: 'http-request deny with a JSON body: "Access from your IP address is not allowed"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/geo/catalog'))),
    expect: [
      refusal(
        '/geo/',
        403,
        'ip.blocked',
        '{"error":"forbidden","message":"Access from your IP address is not allowed"}',
        ['permission.denied'],
      ),
    ],
  },
  {
    id: 'return-401-bearer',
    what: 'http-request return status 401 with WWW-Authenticate Bearer, no token sent',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/v1/orders'))),
    expect: [
      refusal('/v1/', 401, 'auth.missing', '{"message":"Bearer token required"}, WWW-Authenticate: Bearer realm="api"'),
    ],
  },
];

export const CADDY_MORE_SCENARIOS: Scenario[] = [
  {
    id: 'remote-ip-denied',
    what: 'a remote_ip matcher: outside 10.0.0.0/8 → respond "Access denied: your IP address is not allowed" 403',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(C, '/office/wiki'))),
    expect: [refusal('/office/', 403, 'ip.blocked', 'the text names the IP address', ['permission.denied'])],
  },
  {
    id: 'forward-auth-none',
    what: 'forward_auth to an auth service answering 401 with a Bearer challenge; nothing sent',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/fa/orders'))),
    expect: [
      refusal('/fa/', 401, 'auth.missing', "the auth service's 401 copied back; no Authorization sent", [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'forward-auth-readonly',
    what: 'forward_auth: the auth service answers 403 to a read-only token',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(C, '/fa/orders'), { headers: { authorization: 'Bearer lab-readonly-token' } })),
    expect: [refusal('/fa/', 403, 'permission.denied', 'an empty 403 to a bearer token the service knows')],
  },
  {
    id: 'lookalike-forward-auth-ok',
    what: 'forward_auth: the auth service accepts the token (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(C, '/fa/orders'), { headers: { authorization: 'Bearer lab-good-token' } })),
    expect: [quiet('/fa/', 200, 'accepted')],
  },
];
