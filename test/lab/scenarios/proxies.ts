// Proxies and load balancers: HAProxy 2.6, Squid 5.7, tinyproxy 1.11 (Debian). The target behind the
// forward proxies is the lab's own page host; the proxies alone decide.
import type { Ports, Scenario } from '../types';
import { basic, quiet, refusal } from './helpers';

const H = 'haproxy';
const via = (name: string, auth?: [string, string]) => (p: Ports) => ({
  proxy: { server: `http://127.0.0.1:${p[name]}`, ...(auth ? { username: auth[0], password: auth[1] } : {}) },
});
const target = (p: Ports, path: string) => `http://127.0.0.1:${p.app}${path}`;

export const HAPROXY_SCENARIOS: Scenario[] = [
  {
    id: 'rate-stick-table',
    what: 'stick-table rate limit: the third call in a minute gets 429',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++) await t.api.get(t.url(H, '/rate/items'));
    },
    expect: [refusal('/rate/', 429, 'rate_limit.exceeded', "HAProxy's 429 page from a stick-table deny")],
  },
  {
    id: 'deny-admin',
    what: 'http-request deny on /admin/ (ACL by path)',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(H, '/admin/users'))),
    expect: [
      refusal('/admin/', 403, 'permission.denied', '"Request forbidden by administrative rules."', [
        'ip.blocked',
        'waf.blocked',
        'filesystem.forbidden',
      ]),
    ],
  },
  {
    id: 'deny-scanner-ua',
    what: "http-request deny on a scanner's User-Agent",
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(H, '/page'));
      await t.api.get(t.url(H, '/page?id=1'), {
        headers: { 'user-agent': 'Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000003)' },
      });
    },
    expect: [
      quiet('/page', 200, 'ordinary page'),
      refusal('/page?id', 403, 'waf.blocked', 'administrative-rules 403 for a Nikto scan', ['permission.denied']),
    ],
  },
  {
    id: 'api-key-missing',
    what: 'ACL by header: no X-Api-Key, deny_status 401',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/api/orders'))),
    expect: [refusal('/api/', 401, 'auth.missing', 'HAProxy 401 page, nothing sent', ['api_key.missing'])],
  },
  {
    id: 'api-key-wrong',
    what: 'ACL by header: a wrong X-Api-Key, deny_status 403',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/api/orders'), { headers: { 'x-api-key': 'lab-key-999' } })),
    expect: [refusal('/api/', 403, 'api_key.invalid', 'a key was sent and refused', ['permission.denied'])],
  },
  {
    id: 'http-auth-none',
    what: 'http-request auth (userlist), no credentials',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/stats/'))),
    expect: [refusal('/stats/', 401, 'auth.missing', 'Basic challenge, nothing sent')],
  },
  {
    id: 'http-auth-wrong',
    what: 'http-request auth (userlist), wrong password',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/stats/'), { headers: { authorization: basic('lab', 'bad') } })),
    expect: [refusal('/stats/', 401, 'auth.invalid', 'wrong Basic password')],
  },
  {
    id: 'lookalike-503-down',
    what: 'the backend server is down: 503',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/dead/x'))),
    expect: [quiet('/dead/', 503, 'no server available (connection refused)')],
  },
  {
    id: 'lookalike-503',
    what: 'backend without servers: 503',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/maint/x'))),
    expect: [quiet('/maint/', 503, 'no server available')],
  },
];

export const SQUID_SCENARIOS: Scenario[] = [
  {
    id: 'proxy-auth-none',
    what: 'proxy_auth REQUIRED, no proxy credentials',
    via: 'api',
    contextOptions: via('squid'),
    run: async (t) => void (await t.api.get(target(t.ports, '/ok'))),
    expect: [refusal('/ok', 407, 'auth.missing', 'Squid 407 ERR_CACHE_ACCESS_DENIED, no Proxy-Authorization')],
  },
  {
    id: 'proxy-auth-wrong',
    what: 'proxy_auth, wrong proxy password',
    via: 'api',
    contextOptions: via('squid', ['lab', 'bad']),
    run: async (t) => void (await t.api.get(target(t.ports, '/ok'))),
    expect: [
      refusal(
        '/ok',
        407,
        'auth.missing',
        "Squid's 407 page; Playwright's HAR leaves out the Proxy-Authorization it sent",
        ['auth.invalid'],
      ),
    ],
  },
  {
    id: 'acl-denied',
    what: 'http_access deny by destination port (ERR_ACCESS_DENIED)',
    via: 'api',
    contextOptions: via('squid', ['lab', 'labpass']),
    run: async (t) => void (await t.api.get('http://127.0.0.1:18001/blocked/page')),
    expect: [
      refusal('/blocked/', 403, 'permission.denied', "Squid's Access Denied page", ['ip.blocked', 'waf.blocked']),
    ],
  },
  {
    id: 'acl-src-denied',
    what: 'http_access deny for sources outside 10.0.0.0/8',
    via: 'api',
    contextOptions: via('squid', ['lab', 'labpass']),
    run: async (t) => void (await t.api.get('http://127.0.0.1:18002/office/wiki')),
    expect: [
      refusal('/office/', 403, 'permission.denied', "Squid's generic Access Denied page (the rule is by source IP)", [
        'ip.blocked',
      ]),
    ],
  },
  {
    id: 'lookalike-503',
    what: 'the origin is down: Squid 503 ERR_CONNECT_FAIL',
    via: 'api',
    contextOptions: via('squid', ['lab', 'labpass']),
    run: async (t) => void (await t.api.get('http://127.0.0.1:18999/x')),
    expect: [quiet('18999/x', 503, 'connection failed')],
  },
  {
    id: 'authed-ok',
    what: 'right proxy credentials: 200 (quiet)',
    via: 'api',
    contextOptions: via('squid', ['lab', 'labpass']),
    run: async (t) => void (await t.api.get(target(t.ports, '/ok'))),
    expect: [quiet('/ok', 200, 'proxied fine')],
  },
];

export const TINYPROXY_ACL_SCENARIOS: Scenario[] = [
  {
    id: 'ip-allow-list',
    what: 'Allow 10.0.0.0/8 only: the client 127.0.0.1 gets the "Access denied" page',
    via: 'api',
    contextOptions: via('tinyproxy-acl'),
    run: async (t) => void (await t.api.get(target(t.ports, '/ok'))),
    expect: [refusal('/ok', 403, 'ip.blocked', 'tinyproxy: "not configured to service requests from your host"')],
  },
];

export const TINYPROXY_AUTH_SCENARIOS: Scenario[] = [
  {
    id: 'proxy-auth-none',
    what: 'BasicAuth, no proxy credentials',
    via: 'api',
    contextOptions: via('tinyproxy-auth'),
    run: async (t) => void (await t.api.get(target(t.ports, '/ok'))),
    expect: [refusal('/ok', 407, 'auth.missing', 'tinyproxy 407, nothing sent')],
  },
  {
    id: 'proxy-auth-wrong',
    what: 'BasicAuth, wrong proxy password',
    via: 'api',
    contextOptions: via('tinyproxy-auth', ['lab', 'bad']),
    run: async (t) => void (await t.api.get(target(t.ports, '/ok'))),
    expect: [
      refusal(
        '/ok',
        401,
        'auth.invalid',
        'tinyproxy answers a wrong proxy password with 401 (407 when none was sent)',
        ['auth.missing'],
      ),
    ],
  },
];
