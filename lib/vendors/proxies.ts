import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Forward proxies' own refusal pages. tinyproxy words its IP allow-list refusal and its proxy-auth failure
// alike ("has not configured it to service requests from your host" / "from you"); it answers a missing proxy
// password with 407 and a wrong one with 401 (recorded in the lab: test/fixtures/lab/tinyproxy-*).
const TINYPROXY = 'https://github.com/tinyproxy/tinyproxy/blob/1.11.1/src/reqs.c';
const TINYPROXY_H = [{ name: 'server', value: /tinyproxy/i }] as const;
// Varnish answers every `return (synth(status, reason))` of a site's VCL with its built-in synthetic page ("Error 403
// Forbidden", "Guru Meditation:", "Varnish cache server") and an X-Varnish header; only the VCL refuses there (an ACL,
// a User-Agent or path deny list), never a file or a backend (recorded in the lab: test/fixtures/lab/varnish).
const VARNISH = 'https://varnish-cache.org/docs/7.1/users-guide/vcl-built-in-subs.html';

export const PROXIES: readonly Signature[] = [
  {
    id: 'tinyproxy.ip_not_allowed',
    vendor: 'tinyproxy',
    cause: 'ip.blocked',
    confidence: CONFIDENCE.certain,
    status: [403],
    body: /has\s+not\s+configured\s+it\s+to\s+service\s+requests\s+from\s+your\s+host/i,
    title: "The proxy's allow-list does not include the client's address",
    summary:
      'tinyproxy answered "Access denied: the administrator of this proxy has not configured it to service requests ' +
      'from your host": its Allow list names other networks, so the proxy refuses this client before any request is made.',
    fixes: [
      "Add the client's address or network to the proxy's Allow list (tinyproxy.conf), or use a proxy that serves this network.",
    ],
    source: TINYPROXY,
  },
  {
    id: 'tinyproxy.proxy_auth_rejected',
    vendor: 'tinyproxy',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    status: [401],
    anyHeader: TINYPROXY_H,
    body: /has\s+not\s+configured\s+it\s+to\s+service\s+requests\s+from\s+you\b/i,
    title: 'The proxy rejected the proxy credentials',
    summary:
      'tinyproxy (BasicAuth) answers 407 when no proxy credentials were sent and 401 when the ones sent are wrong. ' +
      'A 401 from the proxy itself means its user name or password is wrong (HAR writers often leave out the ' +
      'Proxy-Authorization header they sent).',
    fixes: ['Check the proxy user and password configured in the client (HTTP(S)_PROXY URL or proxy settings).'],
    source: TINYPROXY,
  },
  {
    id: 'varnish.synthetic_forbidden',
    vendor: 'varnish',
    cause: 'waf.blocked',
    confidence: CONFIDENCE.possiblePlus10,
    status: [403],
    requires: 'no-token',
    header: { name: 'x-varnish' },
    body: [/<h1>\s*Error 403\b/i, /Guru Meditation:/i, /Varnish cache server/i],
    title: "A rule in the cache's VCL refused the request (Varnish's synthetic 403)",
    summary:
      "Varnish's own synthetic 403 page: the site's VCL answered `return (synth(403))` before any backend was asked, " +
      "an edge rule (an ACL on the client address, a User-Agent or path deny list). The reason line is the VCL's own.",
    fixes: [
      'Read the vcl_recv rules that return synth(403) for this path (ACLs, User-Agent and path checks); ' +
        'varnishlog -g request -q "RespStatus == 403" shows which one ran.',
    ],
    source: VARNISH,
  },
];
