// Apache httpd 2.4 (Debian) with ModSecurity 2.9 and the OWASP Core Rule Set 3.3 in blocking mode: the WAF
// answers Apache's ordinary 403 page, so only the request's shape tells a WAF block from a file refusal.
import type { Scenario } from '../types';
import { basic, digest, quiet, refusal } from './helpers';

const A = 'apache';

/**
 * An ordinary page first (the same server serves normal requests), then the call the CRS refuses (a GET unless
 * `body` gives a method and data).
 */
export function waf(
  id: string,
  what: string,
  path: string,
  why: string,
  headers: Record<string, string> = {},
  body?: { method: string; data: unknown },
): Scenario {
  return {
    id,
    what,
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(A, '/index.html'));
      await t.api.fetch(t.url(A, path), { method: body?.method ?? 'GET', headers, data: body?.data });
    },
    expect: [
      quiet('/index.html', 200, 'ordinary page served'),
      refusal(path.split('?')[0]!, 403, 'waf.blocked', why, ['filesystem.forbidden'], body?.method),
    ],
  };
}

export const APACHE_SCENARIOS: Scenario[] = [
  waf(
    'crs-sqli',
    'CRS: SQL injection in the query string',
    "/search.html?id=1'%20OR%20'1'='1'--",
    'CRS 942100 libinjection SQLi; Apache 403 page',
  ),
  waf(
    'crs-xss',
    'CRS: a script tag in the query string',
    '/comments.html?text=%3Cscript%3Ealert(document.cookie)%3C/script%3E',
    'CRS 941100 XSS; Apache 403 page',
  ),
  waf(
    'crs-traversal',
    'CRS: path traversal in a parameter',
    '/download.html?file=../../../../etc/passwd',
    'CRS 930100/930120 traversal and OS file access; Apache 403 page',
  ),
  waf(
    'crs-scanner-ua',
    "CRS: a scanner's User-Agent",
    '/index.html?page=2',
    'CRS 913100 scanner User-Agent (sqlmap); Apache 403 page',
    {
      'user-agent': 'sqlmap/1.7.2#stable (https://sqlmap.org)',
    },
  ),
  waf(
    'crs-cmd-injection',
    'CRS: shell command injection',
    '/ping.html?host=127.0.0.1;cat%20/etc/passwd',
    'CRS 932 remote command execution; Apache 403 page',
  ),
  {
    id: 'crs-sqli-form',
    what: 'CRS: SQL injection in a login form posted by the browser',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(A, '/index.html'));
      const answered = t.page.waitForResponse((r) => r.url().includes('/login.html'));
      await t.page.evaluate(
        `(() => { const f = document.createElement('form'); f.method = 'POST'; f.action = '/login.html';
           const i = document.createElement('input'); i.name = 'user'; i.value = "admin' OR 1=1 -- "; f.append(i);
           document.body.append(f); f.submit(); })()`,
      );
      await answered;
    },
    expect: [
      quiet('/index.html', 200, 'ordinary page'),
      refusal('/login.html', 403, 'waf.blocked', 'CRS SQLi in a form body', ['filesystem.forbidden']),
    ],
  },
  {
    id: 'require-ip',
    what: 'Require ip 10.0.0.0/8: the client is 127.0.0.1 (ordinary 403 page, ordinary request)',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(A, '/internal/report.txt'))),
    expect: [
      refusal('/internal/', 403, 'filesystem.forbidden', 'bare Apache 403; the capture cannot show the IP rule', [
        'ip.blocked',
        'permission.denied',
      ]),
    ],
  },
  {
    id: 'no-index',
    what: 'Options -Indexes on a directory without index (no attack: stays a file refusal)',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(A, '/index.html'));
      await t.api.get(t.url(A, '/files/'));
    },
    expect: [refusal('/files/', 403, 'filesystem.forbidden', 'directory listing off, ordinary request')],
  },
  {
    id: 'basic-none',
    what: 'AuthType Basic, no credentials',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/private/report.txt'))),
    expect: [refusal('/private/', 401, 'auth.missing', 'Basic challenge, nothing sent')],
  },
  {
    id: 'basic-wrong',
    what: 'AuthType Basic, wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(A, '/private/report.txt'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/private/', 401, 'auth.invalid', 'wrong Basic password')],
  },
  {
    id: 'digest-handshake',
    what: 'AuthType Digest, Chromium answers the challenge with the right password (the 401 leg is no refusal)',
    via: 'browser',
    contextOptions: () => ({ httpCredentials: { username: 'lab', password: 'labpass' } }),
    run: async (t) => void (await t.open(t.url(A, '/secure/file.txt'))),
    expect: [quiet('/secure/', 200, 'digest answered at once, 200')],
  },
  {
    id: 'digest-handshake-api',
    what: 'AuthType Digest answered by a script: the 401 challenge leg, then the digest response and 200',
    via: 'api',
    run: async (t) => {
      const uri = '/secure/file.txt';
      const challenge = (await t.api.get(t.url(A, uri))).headers()['www-authenticate'] ?? '';
      await t.api.get(t.url(A, uri), { headers: { authorization: digest(challenge, 'GET', uri, 'lab', 'labpass') } });
    },
    expect: [
      quiet('/secure/', 401, 'the challenge leg of a Digest handshake the client completes at once'),
      quiet('/secure/', 200, 'the digest response is accepted'),
    ],
  },
  {
    id: 'digest-wrong',
    what: 'AuthType Digest, wrong password',
    via: 'browser',
    contextOptions: () => ({ httpCredentials: { username: 'lab', password: 'nope' } }),
    run: async (t) => void (await t.open(t.url(A, '/secure/file.txt'))),
    expect: [
      refusal(
        '/secure/',
        401,
        'auth.missing',
        "the config's reason is a wrong password, but Chromium's HAR keeps only the final 401 of its Digest attempt, without the Authorization it sent",
        ['auth.invalid'],
      ),
    ],
  },
  {
    id: 'lookalike-404',
    what: 'a missing page on the WAF-protected server',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(A, '/missing.html'))),
    expect: [quiet('/missing.html', 404, 'not found')],
  },
];
