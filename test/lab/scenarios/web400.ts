// 400s from the web servers and the proxy, both ways: nginx's mutual-TLS refusals (its own 400 pages "No required
// SSL certificate was sent", "The SSL certificate error") and look-alike 400s that must stay quiet, each the
// server's built-in answer to a malformed request (a header too large, plain HTTP on the TLS port, a path that
// climbs above the root, a broken percent-escape).
import type { Scenario } from '../types';
import { quiet, refusal } from './helpers';

const TLS = `${import.meta.dirname}/../conf/tls`;
const tlsUrl = (port: number, path: string) => `https://127.0.0.1:${port}${path}`;
/** An 8–17 KB cookie, the size a site reaches when every tracker sets its own. */
const bigCookie = (kb: number) => Array.from({ length: kb }, (_, i) => `_tracker_${i}=${'a'.repeat(1000)}`).join('; ');

export const NGINX_400_SCENARIOS: Scenario[] = [
  {
    id: 'mtls-no-client-cert',
    what: 'ssl_verify_client on: an HTTPS call without a client certificate',
    via: 'api',
    contextOptions: () => ({ ignoreHTTPSErrors: true }),
    run: async (t) => void (await t.api.get(tlsUrl(t.ports.nginx_tls!, '/data.json'))),
    expect: [
      refusal(
        '/data.json',
        400,
        'auth.missing',
        'nginx 400 "No required SSL certificate was sent": the client certificate is the credential',
      ),
    ],
  },
  {
    id: 'mtls-untrusted-client-cert',
    what: 'the same with a client certificate from a CA the server does not trust',
    via: 'api',
    contextOptions: (p) => ({
      ignoreHTTPSErrors: true,
      clientCertificates: [
        { origin: tlsUrl(p.nginx_tls!, ''), certPath: `${TLS}/rogue.pem`, keyPath: `${TLS}/rogue.key` },
      ],
    }),
    run: async (t) => void (await t.api.get(tlsUrl(t.ports.nginx_tls!, '/data.json'))),
    expect: [
      refusal(
        '/data.json',
        400,
        'auth.invalid',
        'nginx 400 "The SSL certificate error": a certificate was sent and not accepted',
      ),
    ],
  },
  {
    id: 'mtls-ok',
    what: 'the same with the client certificate the lab CA issued (quiet)',
    via: 'api',
    contextOptions: (p) => ({
      ignoreHTTPSErrors: true,
      clientCertificates: [
        { origin: tlsUrl(p.nginx_tls!, ''), certPath: `${TLS}/client.pem`, keyPath: `${TLS}/client.key` },
      ],
    }),
    run: async (t) => void (await t.api.get(tlsUrl(t.ports.nginx_tls!, '/data.json'))),
    expect: [quiet('/data.json', 200, 'trusted client certificate')],
  },
  {
    id: 'lookalike-plain-http-to-tls',
    what: 'http:// to the TLS port',
    via: 'api',
    run: async (t) => void (await t.api.get(`http://127.0.0.1:${t.ports.nginx_tls}/data.json`)),
    expect: [quiet('/data.json', 400, '"The plain HTTP request was sent to HTTPS port": wrong scheme, no refusal')],
  },
  {
    id: 'lookalike-cookie-too-large',
    what: 'a 9 KB Cookie header (large_client_header_buffers 4 8k, the default)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url('nginx', '/data.json'), { headers: { cookie: bigCookie(9) } })),
    expect: [quiet('/data.json', 400, '"Request Header Or Cookie Too Large": the cookie jar outgrew the buffer')],
  },
  {
    id: 'lookalike-path-above-root',
    what: 'a path whose encoded "../" climbs above the root',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url('nginx', '/files/..%2F..%2F..%2Fetc/hosts'))),
    expect: [quiet('/files/..', 400, 'nginx\'s own "400 Bad Request" for a URI it cannot normalise')],
  },
];

export const APACHE_400_SCENARIOS: Scenario[] = [
  {
    id: 'lookalike-header-too-large',
    what: 'a 9 KB Cookie header (LimitRequestFieldSize 8190, the default)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url('apache', '/data.json'), { headers: { cookie: bigCookie(9) } })),
    expect: [quiet('/data.json', 400, '"Size of a request header field exceeds server limit."')],
  },
  {
    id: 'lookalike-bad-escape',
    what: 'a path with a broken percent-escape',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url('apache', '/files/report%zz.txt'))),
    expect: [quiet('/files/', 400, '"Your browser sent a request that this server could not understand."')],
  },
];

export const HAPROXY_400_SCENARIOS: Scenario[] = [
  {
    id: 'lookalike-header-too-large',
    what: 'a 17 KB Cookie header (tune.bufsize 16384, the default)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url('haproxy', '/data.json'), { headers: { cookie: bigCookie(17) } })),
    expect: [quiet('/data.json', 400, 'HAProxy\'s "400 Bad request: Your browser sent an invalid request."')],
  },
];
