// Apache httpd 2.4 + ModSecurity 2.9 + OWASP CRS 3.3, second set (issue 17): what CRS refuses in API bodies
// (SQL injection in JSON, a body type outside allowed_request_content_type, a GET with a body) and
// <RequireAll> (Require ip + Require valid-user) answered to a caller with the right password.
import type { Scenario } from '../types';
import { basic, refusal } from './helpers';
import { waf } from './apache';

const A = 'apache';

export const APACHE_MORE_SCENARIOS: Scenario[] = [
  waf(
    'crs-sqli-json',
    'CRS: SQL injection inside a JSON body (the recommended config parses application/json)',
    '/api/search.html',
    'CRS 942 SQLi in ARGS:json.q; Apache 403 page',
    {},
    { method: 'POST', data: { q: "1' UNION SELECT username, password FROM users--" } },
  ),
  waf(
    'crs-content-type',
    'CRS 920420: an upload sent as application/octet-stream, a type the CRS does not allow (no attack at all)',
    '/upload.html',
    "a bare 403 to a harmless body whose Content-Type is not in the CRS's allowed list",
    { 'content-type': 'application/octet-stream' },
    { method: 'POST', data: Buffer.from('plain bytes of a file') },
  ),
  waf(
    'crs-get-with-body',
    'CRS 920170: a GET that carries a body',
    '/api/items.html',
    'a bare 403 to a GET with Content-Length > 0',
    { 'content-type': 'application/json' },
    { method: 'GET', data: Buffer.from('{"filter":"all"}') },
  ),
  {
    id: 'require-all-ip-user',
    what: '<RequireAll> Require ip 10.0.0.0/8 + Require valid-user: the right password from outside the network',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(A, '/staff/roster.txt'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [
      refusal('/staff/', 403, 'permission.denied', 'Apache 403 page to a caller whose Basic credentials are right', [
        'ip.blocked',
        'filesystem.forbidden',
      ]),
    ],
  },
];
