import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Forward proxies' own refusal pages. tinyproxy words its IP allow-list refusal and its proxy-auth failure
// alike ("has not configured it to service requests from your host" / "from you"); it answers a missing proxy
// password with 407 and a wrong one with 401 (recorded in the lab: test/fixtures/lab/tinyproxy-*).
const TINYPROXY = 'https://github.com/tinyproxy/tinyproxy/blob/1.11.1/src/reqs.c';
const TINYPROXY_H = [{ name: 'server', value: /tinyproxy/i }] as const;

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
];
