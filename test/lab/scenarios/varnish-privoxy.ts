// The fourth set (issue 17), C servers from Debian the lab had not run: Varnish 7.1 with varnish-modules'
// vsthrottle (conf/varnish/lab.vcl, in front of the lab's page host) and the Privoxy filtering proxy
// (conf/privoxy/). Varnish answers every `return (synth(...))` with its built-in synthetic page (and its builtin
// vcl_synth adds Retry-After: 5 to each); Privoxy's block page is its `blocked` template.
import type { Ports, Scenario } from '../types';
import { quiet, refusal } from './helpers';

const V = 'varnish';
const viaPrivoxy = (p: Ports) => ({ proxy: { server: `http://127.0.0.1:${p.privoxy}` } });

export const VARNISH_SCENARIOS: Scenario[] = [
  {
    id: 'acl-admin',
    what: 'an ACL guarding /admin (client.ip !~ office): synth(403, "Forbidden")',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(V, '/admin/settings'))),
    expect: [
      refusal(
        '/admin/settings',
        403,
        'waf.blocked',
        "Varnish's synthetic 403 page (Guru Meditation) to a request with no credential: an edge rule refused it; the ACL itself is not in the capture",
        ['ip.blocked', 'permission.denied'],
      ),
    ],
  },
  {
    id: 'api-key-missing',
    what: 'vcl_recv: no X-Api-Key on /partner/: synth(401, "API key required")',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(V, '/partner/orders'))),
    expect: [refusal('/partner/orders', 401, 'api_key.missing', 'synthetic 401 "API key required", no key sent')],
  },
  {
    id: 'api-key-wrong',
    what: 'vcl_recv: a wrong X-Api-Key: synth(403, "Invalid API key")',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(V, '/partner/orders'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/partner/orders', 403, 'api_key.invalid', 'synthetic 403 "Invalid API key" to the key sent')],
  },
  {
    id: 'user-agent-denied',
    what: 'a User-Agent deny list (python-requests): synth(403, "Forbidden")',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(V, '/articles/1'), { headers: { 'user-agent': 'python-requests/2.31.0' } })),
    expect: [
      refusal(
        '/articles/1',
        403,
        'waf.blocked',
        "Varnish's synthetic 403 to a script's User-Agent with no credential: an edge rule",
        ['permission.denied', 'bot.challenge'],
      ),
    ],
  },
  {
    id: 'vsthrottle-429',
    what: 'vsthrottle.is_denied(client.identity, 2, 10s, 30s): synth(429) on the third search',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++) await t.api.get(t.url(V, `/search?q=lab`));
    },
    expect: [
      quiet('/search', 200, 'a search within the limit, passed to the backend'),
      refusal('/search', 429, 'rate_limit.exceeded', 'synthetic 429 "Too Many Requests", Retry-After: 30'),
    ],
  },
  {
    id: 'lookalike-backend-down',
    what: 'the backend for /inventory is down: "503 Backend fetch failed"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(V, '/inventory/1'))),
    expect: [quiet('/inventory/1', 503, 'the cache could not reach its backend, not a refusal')],
  },
];

export const PRIVOXY_SCENARIOS: Scenario[] = [
  {
    id: 'blocked-host',
    what: '{+block} on a host:port (the API client\'s CONNECT): 403 "Request blocked by Privoxy"',
    via: 'api',
    contextOptions: viaPrivoxy,
    run: async (t) => void (await t.api.get('http://127.0.0.1:18001/pixel.gif')),
    expect: [
      refusal('/pixel.gif', 403, 'waf.blocked', "Privoxy's block page: a filtering proxy's rule", [
        'permission.denied',
      ]),
    ],
  },
  {
    id: 'blocked-path',
    what: '{+block} on the path /ads/ on any host, a page navigation through the proxy',
    via: 'browser',
    contextOptions: (p) => ({ proxy: { server: `http://127.0.0.1:${p.privoxy}`, bypass: '<-loopback>' } }),
    run: async (t) => void (await t.open(`http://127.0.0.1:${t.ports.app}/ads/banner.html`)),
    expect: [
      refusal('/ads/banner', 403, 'waf.blocked', "Privoxy's block page: a filtering proxy's rule", [
        'permission.denied',
      ]),
    ],
  },
  {
    id: 'lookalike-allowed',
    what: 'a page not blocked comes through the proxy',
    via: 'api',
    contextOptions: viaPrivoxy,
    run: async (t) => void (await t.api.get(`http://127.0.0.1:${t.ports.app}/ok`)),
    expect: [quiet('/ok', 200, 'proxied fine')],
  },
  {
    id: 'lookalike-connect-failed',
    what: 'the destination is down: Privoxy\'s "503 Connect failed"',
    via: 'api',
    contextOptions: viaPrivoxy,
    run: async (t) => void (await t.api.get('http://127.0.0.1:18999/status')),
    expect: [quiet('/status', 503, 'the proxy could not reach the destination, not a refusal')],
  },
];
