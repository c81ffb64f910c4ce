// Apache httpd 2.4 + ModSecurity 2.9 + OWASP CRS 3.3, second set (issue 17): what CRS refuses in API bodies
// (SQL injection in JSON, a body type outside allowed_request_content_type, a GET with a body) and
// <RequireAll> (Require ip + Require valid-user) answered to a caller with the right password.
import type { Scenario } from '../types';
import { basic, quiet, refusal } from './helpers';

const A = 'apache';

/** An ordinary page, then one API call; the call's answer is labelled. */
function crs(
  id: string,
  what: string,
  path: string,
  why: string,
  send: Record<string, unknown>,
  method = 'POST',
): Scenario {
  return {
    id,
    what,
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(A, '/index.html'));
      await t.api.fetch(t.url(A, path), { method, ...send });
    },
    expect: [
      quiet('/index.html', 200, 'ordinary page served'),
      refusal(path, 403, 'waf.blocked', why, ['filesystem.forbidden'], method),
    ],
  };
}

export const APACHE_MORE_SCENARIOS: Scenario[] = [
  crs(
    'crs-sqli-json',
    'CRS: SQL injection inside a JSON body (the recommended config parses application/json)',
    '/api/search.html',
    'CRS 942 SQLi in ARGS:json.q; Apache 403 page',
    { data: { q: "1' UNION SELECT username, password FROM users--" } },
  ),
  crs(
    'crs-content-type',
    'CRS 920420: an upload sent as application/octet-stream, a type the CRS does not allow (no attack at all)',
    '/upload.html',
    "a bare 403 to a harmless body whose Content-Type is not in the CRS's allowed list",
    { headers: { 'content-type': 'application/octet-stream' }, data: Buffer.from('plain bytes of a file') },
  ),
  crs(
    'crs-get-with-body',
    'CRS 920170: a GET that carries a body',
    '/api/items.html',
    'a bare 403 to a GET with Content-Length > 0',
    { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"filter":"all"}') },
    'GET',
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
